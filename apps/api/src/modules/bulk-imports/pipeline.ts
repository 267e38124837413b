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
 * The one bulk-file pipeline, run as the job `bulkImport` over the stored upload
 * (`bulk_import_chunk`, read back a piece at a time, so memory stays flat):
 *
 * 1. count the data rows (progress total; no rows or too many rows fail the file);
 * 2. `validate`: match the header by the Japanese column names, normalise the cells, parse each
 *    row with the format's zod schema, then the format's checks a batch at a time; every problem
 *    is stored (`bulk_import_error`) as it is found; a file with any problem fails;
 * 3. `apply`: ONE pass inside ONE transaction, which also finishes the job — each batch is
 *    parsed, checked (the database checks through the transaction) and written; at the first
 *    problem the transaction rolls back and step 2 runs to list every problem. A crash leaves
 *    the file either applied and the job succeeded, or nothing written and the job re-run by the
 *    next runner.
 */

export const BULK_IMPORT_JOB = 'bulkImport'

/** Rows per batch of checks and of writes. */
const BATCH = 1_000
/** Rows between two progress reports. */
const PROGRESS_EVERY = 1_000
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

/** Ends the write pass at the first problem (the transaction rolls back). */
class RolledBack extends Error {}

class FileProblem extends Error {
  constructor(readonly problem: Omit<BulkRowError, 'line'> & { line?: number }) {
    super(problem.messageId)
  }
}

/** The records of the file, a piece at a time. */
function recordBatches(source: FileSource, encoding: 'utf-8' | 'shift_jis') {
  return csvRecordBatches(decodedChunks(source, encoding))
}

/**
 * The stored upload (`bulk_import_chunk`), read back one piece at a time. As base64 text: the
 * embedded database's Prisma adapter decodes `bytea` in JavaScript, byte by byte (a tenth of
 * an import's CPU time in the profile); Node decodes base64 natively.
 */
export function storedFile(db: DbClient, importId: string): FileSource {
  return async function* () {
    for (let seq = 0; ; seq++) {
      const [chunk] = await db.$queryRaw<{ data: string }[]>`
        SELECT encode(data, 'base64') AS data FROM bulk_import_chunk
        WHERE import_id = ${importId}::uuid AND seq = ${seq}`
      if (!chunk) return
      yield Buffer.from(chunk.data, 'base64')
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

      /** A data record as a parsed row, or its problems (one per field: the first found). */
      const parse = (
        record: CsvRecord,
      ):
        { row: BulkRow<unknown>; problems?: never } | { row?: never; problems: BulkRowError[] } => {
        const input = inputOf(format, indexes, width, record)
        if (!input) {
          return {
            problems: [
              {
                line: record.line,
                key: '',
                messageId: 'E-BULK-004',
                params: { expected: format.headers.length },
              },
            ],
          }
        }
        cellOf.set(record.line, input)
        const parsed = format.parseRow(input)
        if (parsed.success) return { row: { line: record.line, row: parsed.data } }
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
        return { problems }
      }

      /** Every data record of the file, a piece at a time, through `db`. */
      async function* dataRecords(db: DbClient): AsyncGenerator<CsvRecord[]> {
        let first = true
        for await (const records of recordBatches(storedFile(db, importId), encoding)) {
          yield first ? records.slice(1) : records
          first = false
        }
      }

      /** 2. validate: every row checked, every problem stored. */
      const validate = async () => {
        await app.db.bulkImport.update({ where: { id: importId }, data: { phase: 'validate' } })
        job.progress(0)
        const state = await format.prepare(ctx)
        let batch: BulkRow<unknown>[] = []
        const checkBatch = async () => {
          if (!batch.length) return
          await report(await format.check(batch, ctx, state))
          batch = []
          cellOf.clear()
        }
        let processed = 0
        for await (const records of dataRecords(app.db)) {
          for (const record of records) {
            processed++
            const parsed = parse(record)
            if (parsed.row) batch.push(parsed.row)
            else await report(parsed.problems)
            if (batch.length >= BATCH) await checkBatch()
            if (processed % PROGRESS_EVERY === 0) job.progress(processed)
            if (processed % BREATH === 0) await breathe()
          }
        }
        await checkBatch()
        job.progress(processed)
      }

      if (imp.mode === 'validate') {
        await validate()
        if (errorCount) return await fail('E-BULK-001')
        return { state: 'succeeded', result: { messageId: 'I-BULK-002', params: { count: total } } }
      }

      // 3. apply, all or nothing, in ONE pass: each batch is parsed, checked (the format's
      // database checks through the transaction, so they hold for what is written) and written.
      // At the first problem the transaction is rolled back and the file is validated as a whole
      // to list every problem.
      await app.db.bulkImport.update({ where: { id: importId }, data: { phase: 'apply' } })
      job.progress(0)
      let found: BulkRowError[] = []
      try {
        await app.db.$transaction(
          async (tx) => {
            const txCtx: BulkContext = { ...ctx, db: tx }
            const state = await format.prepare(txCtx)
            let applied = 0
            let written = 0
            let rows: BulkRow<unknown>[] = []
            const write = async () => {
              if (!rows.length) return
              const problems = await format.check(rows, txCtx, state)
              if (problems.length) {
                found = problems
                throw new RolledBack()
              }
              applied += await format.apply(tx, rows, txCtx, state)
              written += rows.length
              rows = []
              cellOf.clear()
              job.progress(written)
            }
            for await (const records of dataRecords(tx)) {
              for (const record of records) {
                const parsed = parse(record)
                if (parsed.problems) {
                  found = parsed.problems
                  throw new RolledBack()
                }
                rows.push(parsed.row)
                if (rows.length >= BATCH) await write()
              }
            }
            await write()
            applied += await format.finish(tx, txCtx, state)
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
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error
        const first = found
        cellOf.clear()
        await validate()
        // The state changed between the two passes: what the write pass found is the answer.
        if (!errorCount) await report(first)
        return await fail('E-BULK-001')
      }
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
