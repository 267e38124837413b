import type { FastifyInstance } from 'fastify'
import { Prisma, type DbClient } from '@yoryo/db'
import { messageForIssue, type FileEncoding } from '@yoryo/contracts'
import { AppError } from '../../lib/errors.ts'
import { JobLostError, type JobHandler, type JobOutcome } from '../../lib/jobs.ts'
import {
  csvRecordBatches,
  decodedChunks,
  encodingOf,
  normaliseCell,
  type CsvRecord,
  type FileSource,
} from './csv.ts'
import type { AnyBulkFormat, BulkContext, BulkRow, BulkRowError } from './formats.ts'

/**
 * The one bulk-file pipeline, run as the job `bulkImport`:
 *
 * 1. count the data rows (progress total; no rows or too many rows fail the file);
 * 2. validate: match the header by the Japanese column names, normalise the cells, parse each
 *    row with the format's zod schema, then the format's checks a batch at a time; every problem
 *    is stored (`bulk_import_error`) as it is found, so memory stays flat;
 * 3. a file with any problem fails, nothing written; `validate` ends here;
 * 4. apply: the rows are read again and written in batches inside ONE transaction, which also
 *    finishes the job — a crash leaves the file either applied and the job succeeded, or
 *    nothing written and the job re-run by the next runner.
 */

export const BULK_IMPORT_JOB = 'bulkImport'

/** Rows per batch of checks and of writes. */
const BATCH = 500
/** Problems buffered before they are written. */
const ERROR_BATCH = 1_000
/** The longest the apply transaction may run. */
const APPLY_TIMEOUT_MS = 60 * 60 * 1000

export interface BulkImportPayload {
  importId: string
  requestId: string
}

/** Lets other requests of this process run between rows (parsing is CPU work). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))
/** Rows between two breaths. */
const BREATH = 250

class FileProblem extends Error {
  constructor(readonly problem: Omit<BulkRowError, 'line'> & { line?: number }) {
    super(problem.messageId)
  }
}

/** The records of the file, a piece at a time. */
function recordBatches(source: FileSource, encoding: 'utf-8' | 'shift_jis') {
  return csvRecordBatches(decodedChunks(source, encoding))
}

/** The stored upload (`bulk_import_chunk`), read back one piece at a time. */
export function storedFile(db: DbClient, importId: string): FileSource {
  return async function* () {
    for (let seq = 0; ; seq++) {
      const chunk = await db.bulkImportChunk.findUnique({
        where: { importId_seq: { importId, seq } },
        select: { data: true },
      })
      if (!chunk) return
      yield Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength)
    }
  }
}

/** Column positions of the format's fields in the file, by the header row. */
function columnIndexes(format: AnyBulkFormat, header: CsvRecord | undefined): number[] {
  const cells = header?.cells.map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')) ?? []
  const indexes = format.headers.map((h) => cells.indexOf(h))
  const known = cells.filter((c) => c !== '')
  const ok =
    indexes.every((i) => i >= 0) &&
    known.length === format.headers.length &&
    new Set(known).size === known.length
  if (!ok) {
    throw new FileProblem({
      line: 1,
      key: '',
      messageId: 'E-BULK-002',
      params: { headers: format.headers.join(',') },
    })
  }
  return indexes
}

/** The row's cells by field, normalised; null when the column count is wrong. */
function inputOf(
  format: AnyBulkFormat,
  indexes: number[],
  width: number,
  record: CsvRecord,
): Record<string, string | undefined> | null {
  const cells = record.cells
  if (cells.length < width && cells.length < Math.max(...indexes) + 1) return null
  if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) return null
  const input: Record<string, string | undefined> = {}
  format.keys.forEach((key, i) => {
    input[key] = normaliseCell(cells[indexes[i] as number] ?? '', format.types[i] as never)
  })
  return input
}

export function bulkImportJob(app: FastifyInstance): JobHandler {
  return async (job): Promise<JobOutcome> => {
    const { importId, requestId } = job.payload as BulkImportPayload
    const imp = await app.db.bulkImport.findUniqueOrThrow({ where: { id: importId } })
    const format = app.bulkFormats.get(imp.format)
    if (!format) throw new Error(`bulk format ${imp.format} is not registered`)
    const source = storedFile(app.db, importId)
    const encoding = await encodingOf(source, imp.encoding as FileEncoding)
    const ctx: BulkContext = {
      importId,
      participantId: imp.participantId,
      actor: { userId: imp.createdBy, label: imp.createdByLabel, requestId },
      now: new Date(),
      db: app.db,
    }
    // A re-run starts from the beginning.
    await app.db.bulkImportError.deleteMany({ where: { importId } })
    await app.db.bulkImport.update({
      where: { id: importId },
      data: { phase: 'validate', errorCount: 0, appliedCount: 0 },
    })

    let errorCount = 0
    const buffered: Prisma.BulkImportErrorCreateManyInput[] = []
    const cellOf = new Map<number, Record<string, string | undefined>>()
    const flushErrors = async () => {
      if (!buffered.length) return
      await app.db.bulkImportError.createMany({ data: buffered.splice(0) })
    }
    const report = async (problems: BulkRowError[]) => {
      for (const p of problems) {
        errorCount++
        buffered.push({
          importId,
          line: p.line,
          column: p.key,
          value: (p.key && cellOf.get(p.line)?.[p.key]) || '',
          messageId: p.messageId,
          params: p.params ?? Prisma.DbNull,
        })
      }
      if (buffered.length >= ERROR_BATCH) await flushErrors()
    }
    const fail = async (messageId: 'E-BULK-001' | 'E-BULK-006'): Promise<JobOutcome> => {
      await flushErrors()
      await app.db.bulkImport.update({ where: { id: importId }, data: { errorCount } })
      return { state: 'failed', result: { messageId, params: { count: errorCount } } }
    }

    try {
      // 1. count
      let total = 0
      let header: CsvRecord | undefined
      for await (const batch of recordBatches(source, encoding)) {
        for (const record of batch) {
          if (!header) header = record
          else total++
        }
        await breathe()
      }
      const indexes = columnIndexes(format, header)
      if (total === 0) throw new FileProblem({ line: 1, key: '', messageId: 'E-BULK-003' })
      if (total > format.maxRows) {
        throw new FileProblem({
          line: 1,
          key: '',
          messageId: 'E-BULK-005',
          params: { max: format.maxRows },
        })
      }
      await app.db.bulkImport.update({ where: { id: importId }, data: { totalRows: total } })
      job.progress(0, total)
      const width = header?.cells.length ?? 0

      // 2. validate
      const state = await format.prepare(ctx)
      let batch: BulkRow<unknown>[] = []
      const checkBatch = async () => {
        if (!batch.length) return
        await report(await format.check(batch, ctx, state))
        batch = []
        cellOf.clear()
      }
      let processed = 0
      let first = true
      for await (const records of recordBatches(source, encoding)) {
        for (const record of records) {
          if (first) {
            first = false
            continue
          }
          processed++
          const input = inputOf(format, indexes, width, record)
          if (!input) {
            await report([
              {
                line: record.line,
                key: '',
                messageId: 'E-BULK-004',
                params: { expected: format.headers.length },
              },
            ])
          } else {
            cellOf.set(record.line, input)
            const parsed = format.parseRow(input)
            if (parsed.success) {
              batch.push({ line: record.line, row: parsed.data })
            } else {
              // One problem per field: the first found.
              const seen = new Set<string>()
              const problems: BulkRowError[] = []
              for (const issue of parsed.error.issues) {
                const key = issue.path.length ? String(issue.path[0]) : ''
                if (seen.has(key)) continue
                seen.add(key)
                const { messageId, params } = messageForIssue({
                  ...(issue as object),
                  code: issue.code,
                  message: issue.message,
                  input: input[key],
                })
                problems.push({ line: record.line, key, messageId, params })
              }
              await report(problems)
            }
          }
          if (batch.length >= BATCH) await checkBatch()
          if (processed % BATCH === 0) job.progress(processed)
          if (processed % BREATH === 0) await breathe()
        }
      }
      await checkBatch()
      job.progress(processed)

      // 3. the verdict
      if (errorCount) return await fail('E-BULK-001')
      if (imp.mode === 'validate') {
        return { state: 'succeeded', result: { messageId: 'I-BULK-002', params: { count: total } } }
      }

      // 4. apply, all or nothing
      await app.db.bulkImport.update({ where: { id: importId }, data: { phase: 'apply' } })
      job.progress(0)
      await app.db.$transaction(
        async (tx) => {
          let applied = 0
          let written = 0
          let rows: BulkRow<unknown>[] = []
          const write = async () => {
            if (!rows.length) return
            applied += await format.apply(tx, rows, ctx, state)
            written += rows.length
            rows = []
            job.progress(written)
          }
          let skipHeader = true
          for await (const records of recordBatches(storedFile(tx, importId), encoding)) {
            for (const record of records) {
              if (skipHeader) {
                skipHeader = false
                continue
              }
              const input = inputOf(format, indexes, width, record)
              const parsed = input && format.parseRow(input)
              if (!parsed?.success) throw new Error(`line ${record.line} changed between passes`)
              rows.push({ line: record.line, row: parsed.data })
              if (rows.length >= BATCH) await write()
            }
          }
          await write()
          await tx.bulkImport.update({
            where: { id: importId },
            data: { appliedCount: applied },
          })
          await job.finishIn(tx, {
            state: 'succeeded',
            result: { messageId: 'I-BULK-003', params: { count: applied } },
          })
        },
        { timeout: APPLY_TIMEOUT_MS, maxWait: 60_000 },
      )
      return { state: 'succeeded' }
    } catch (error) {
      if (error instanceof JobLostError) throw error
      if (error instanceof FileProblem) {
        await report([{ line: 1, ...error.problem }])
        return await fail('E-BULK-001')
      }
      if (error instanceof AppError) {
        // A check of the format refused the file as a whole while it was written (e.g. a
        // certificate registered meanwhile): nothing of the file was written.
        await report([{ line: 0, key: '', messageId: error.messageId, params: error.params }])
        return await fail('E-BULK-001')
      }
      app.log.error({ err: error, importId }, 'bulk import failed')
      await report([{ line: 0, key: '', messageId: 'E-BULK-006' }])
      return await fail('E-BULK-006')
    }
  }
}
