import type { FastifyInstance } from 'fastify'
import type { DbClient, Prisma } from '@yoryo/db'
import {
  bulkErrorFileHeaders,
  formatMessage,
  functionOf,
  isMessageId,
  mayUse,
  type BulkFormat,
  type BulkFormatDetail,
  type BulkImport,
  type BulkImportFields,
  type BulkImportListQuery,
  type FileEncoding,
  type Lang,
} from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import type { Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import type { JobHandler } from '../../lib/jobs.ts'
import { assertSameParticipant } from '../../lib/guards.ts'
import { csvCell } from '../../lib/list.ts'
import { fieldError, invalid } from '../users/public.ts'
import { bulkFileNames, type AnyBulkFormat } from './formats.ts'
import { BULK_IMPORT_JOB, type BulkImportPayload } from './pipeline.ts'

/**
 * The pipeline's own function of a format: 220 一括登録 for the pre-delivery formats, G00
 * 一括登録・変更 for the delivery-period ones (the app of the format's function).
 */
export function pipelineFunctionOf(format: AnyBulkFormat): 'bulkImports' | 'deliveryBulkImports' {
  return functionOf(format.functionKey).app === 'delivery' ? 'deliveryBulkImports' : 'bulkImports'
}

/** Whether the caller may use the pipeline at all (220 or G00, in the mode). */
export function mayUsePipeline(auth: AuthContext, mode: 'view' | 'edit'): boolean {
  const { role } = auth.user
  return (['bulkImports', 'deliveryBulkImports'] as const).some((key) =>
    mayUse(functionOf(key), role, auth.permissions, mode),
  )
}

/** Whether the caller may import a format: edit on 220 / G00 and on the format's own function. */
export function mayImport(auth: AuthContext, format: AnyBulkFormat): boolean {
  const { role } = auth.user
  return (
    mayUse(functionOf(pipelineFunctionOf(format)), role, auth.permissions, 'edit') &&
    mayUse(functionOf(format.functionKey), role, auth.permissions, 'edit')
  )
}

export function toFormat(auth: AuthContext, format: AnyBulkFormat): BulkFormat {
  const fn = functionOf(format.functionKey)
  return {
    code: format.code,
    ja: format.ja,
    en: format.en,
    function: { key: fn.key, code: fn.code, ja: fn.ja, en: fn.en },
    maxRows: format.maxRows,
    canImport: mayImport(auth, format),
  }
}

export function formatDetail(auth: AuthContext, format: AnyBulkFormat): BulkFormatDetail {
  return { ...toFormat(auth, format), items: format.items }
}

export function formatOf(app: FastifyInstance, code: string): AnyBulkFormat {
  const format = app.bulkFormats.get(code)
  if (!format) throw new AppError('E-COMMON-002', 404)
  return format
}

/** The format of an upload: an unknown code is a field error of `format`. */
function uploadFormat(app: FastifyInstance, code: string, lang: Lang): AnyBulkFormat {
  const format = app.bulkFormats.get(code)
  if (!format) throw invalid([fieldError(lang, ['format'], 'E-COMMON-013')])
  return format
}

// ---- uploads ----

/** Bytes per stored piece of an upload. */
const CHUNK_BYTES = 1024 * 1024

/**
 * Stores an upload as it arrives, in pieces of about 1 MB (`bulk_import_chunk`, keyed by the
 * future import's id), so the file is never held whole; returns its size in bytes.
 */
export async function storeUpload(
  app: FastifyInstance,
  importId: string,
  stream: AsyncIterable<Buffer>,
): Promise<number> {
  let size = 0
  let seq = 0
  let parts: Buffer[] = []
  let held = 0
  const write = async (data: Buffer) => {
    // Nothing read back (Prisma returns the whole row, the piece included, by default).
    await app.db.bulkImportChunk.create({
      data: { importId, seq: seq++, data: new Uint8Array(data) },
      select: { seq: true },
    })
  }
  for await (const piece of stream) {
    size += piece.length
    parts.push(piece)
    held += piece.length
    if (held < CHUNK_BYTES) continue
    let rest = Buffer.concat(parts, held)
    while (rest.length >= CHUNK_BYTES) {
      await write(rest.subarray(0, CHUNK_BYTES))
      rest = rest.subarray(CHUNK_BYTES)
    }
    parts = [rest]
    held = rest.length
  }
  if (held) await write(Buffer.concat(parts, held))
  return size
}

/** Drops the stored pieces of an upload that was refused. */
export async function dropUpload(app: FastifyInstance, importId: string): Promise<void> {
  await app.db.bulkImportChunk.deleteMany({ where: { importId } })
}

export const BULK_UPLOAD_SWEEP_JOB = 'bulkUploadSweep'
/** How often the sweep runs while the job runner runs. */
export const BULK_UPLOAD_SWEEP_EVERY_MS = 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The sweep of stored uploads (the recurring job `bulkUploadSweep`): the pieces of imports
 * finished (succeeded or failed) more than the retention period ago — their result and error
 * file stay —, pieces of uploads cut off by a crash (no import a day after they were written),
 * and the sweep's own finished jobs older than the retention period. Returns the pieces deleted.
 */
export async function sweepUploads(
  db: DbClient,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const finishedBefore = new Date(now.getTime() - retentionDays * DAY_MS)
  const orphanedBefore = new Date(now.getTime() - DAY_MS)
  const finished = await db.$executeRaw`
    DELETE FROM bulk_import_chunk c
    USING bulk_import i, job j
    WHERE i.id = c.import_id AND j.id = i.job_id
      AND j.state IN ('succeeded', 'failed') AND j.finished_at < ${finishedBefore}`
  const orphaned = await db.$executeRaw`
    DELETE FROM bulk_import_chunk c
    WHERE c.created_at < ${orphanedBefore}
      AND NOT EXISTS (SELECT 1 FROM bulk_import i WHERE i.id = c.import_id)`
  await db.job.deleteMany({
    where: {
      kind: BULK_UPLOAD_SWEEP_JOB,
      state: { in: ['succeeded', 'failed'] },
      finishedAt: { lt: finishedBefore },
    },
  })
  return finished + orphaned
}

/** The recurring job that sweeps the stored uploads. */
export function bulkUploadSweepJob(app: FastifyInstance): JobHandler {
  return async () => {
    const deleted = await sweepUploads(app.db, app.config.bulkImports.uploadRetentionDays)
    return { state: 'succeeded', result: { deletedPieces: deleted } }
  }
}

/**
 * Queues the job of a stored upload (`storeUpload` with the same id); the caller gets 202 and
 * polls the import.
 */
export async function startImport(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  fields: BulkImportFields,
  file: { id: string; name: string; size: number },
  lang: Lang,
): Promise<{ id: string; state: 'queued' }> {
  const format = uploadFormat(app, fields.format, lang)
  const participantId = fields.participantId ?? auth.participant.id
  assertSameParticipant(auth, participantId)
  if (!mayImport(auth, format)) throw new AppError('E-AUTH-005', 403)
  const participant = await app.db.participant.findUnique({
    where: { id: participantId },
    select: { id: true },
  })
  if (!participant) throw new AppError('E-COMMON-002', 404)
  if (file.size === 0) throw new AppError('E-ATTACH-003', 400)
  const id = file.id
  await app.db.$transaction(async (tx) => {
    const payload: BulkImportPayload = { importId: id, requestId: actor.requestId }
    const jobId = await app.jobs.enqueue(tx, {
      kind: BULK_IMPORT_JOB,
      payload,
      createdBy: auth.user.id,
    })
    await tx.bulkImport.create({
      data: {
        id,
        jobId,
        format: format.code,
        mode: fields.mode,
        participantId,
        fileName: file.name.slice(0, 255),
        encoding: fields.encoding,
        size: file.size,
        createdBy: auth.user.id,
        createdByLabel: actor.label,
      },
    })
  })
  app.jobs.wake()
  return { id, state: 'queued' }
}

// ---- reads ----

export const bulkImportSelect = {
  id: true,
  format: true,
  mode: true,
  phase: true,
  fileName: true,
  encoding: true,
  size: true,
  totalRows: true,
  errorCount: true,
  appliedCount: true,
  createdByLabel: true,
  createdAt: true,
  participant: { select: { id: true, code: true, name: true } },
  job: { select: { state: true, processed: true, finishedAt: true } },
} satisfies Prisma.BulkImportSelect
type ImportRow = Prisma.BulkImportGetPayload<{ select: typeof bulkImportSelect }>

export function toImport(row: ImportRow): BulkImport {
  return {
    id: row.id,
    format: row.format,
    mode: row.mode as BulkImport['mode'],
    state: row.job.state as BulkImport['state'],
    phase: row.phase as BulkImport['phase'],
    participant: row.participant,
    fileName: row.fileName,
    encoding: row.encoding as FileEncoding,
    size: row.size,
    totalRows: row.totalRows,
    processedRows: row.job.processed,
    errorCount: row.errorCount,
    appliedCount: row.appliedCount,
    createdBy: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.job.finishedAt?.toISOString() ?? null,
  }
}

async function visibleImport(app: FastifyInstance, auth: AuthContext, id: string) {
  const row = await app.db.bulkImport.findUnique({ where: { id }, select: bulkImportSelect })
  if (!row) throw new AppError('E-COMMON-002', 404)
  assertSameParticipant(auth, row.participant.id)
  if (!mayUsePipeline(auth, 'view')) throw new AppError('E-AUTH-005', 403)
  return row
}

export async function getImport(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
): Promise<BulkImport> {
  return toImport(await visibleImport(app, auth, id))
}

/** The filter of the result history (220), narrowed to what the caller may see. */
export function importListWhere(
  auth: AuthContext,
  query: BulkImportListQuery,
  /** The codes of the formats of `query.app`, when it is given. */
  appCodes?: string[],
): Prisma.BulkImportWhereInput {
  if (!mayUsePipeline(auth, 'view')) throw new AppError('E-AUTH-005', 403)
  let participantId = query.participantId
  if (auth.user.role !== 'operator') {
    if (participantId) assertSameParticipant(auth, participantId)
    participantId = auth.participant.id
  }
  return {
    ...(participantId ? { participantId } : {}),
    ...(query.formatCode ? { format: query.formatCode } : {}),
    ...(appCodes ? { AND: [{ format: { in: appCodes } }] } : {}),
    ...(query.state ? { job: { state: query.state } } : {}),
  }
}

export const importTieBreak: Prisma.BulkImportOrderByWithRelationInput[] = [{ id: 'asc' }]

/** A page of the result history in the given order, as the API shows it. */
export async function findImports(
  app: FastifyInstance,
  args: {
    where: Prisma.BulkImportWhereInput
    orderBy: Prisma.BulkImportOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<BulkImport[]> {
  return (await app.db.bulkImport.findMany({ ...args, select: bulkImportSelect })).map(toImport)
}

type Direction = 'asc' | 'desc'
export const importSort = {
  createdAt: (d: Direction) => ({ createdAt: d }),
  format: (d: Direction) => ({ format: d }),
  mode: (d: Direction) => ({ mode: d }),
  state: (d: Direction) => ({ job: { state: d } }),
  fileName: (d: Direction) => ({ fileName: d }),
  totalRows: (d: Direction) => ({ totalRows: { sort: d, nulls: 'last' as const } }),
  errorCount: (d: Direction) => ({ errorCount: d }),
  appliedCount: (d: Direction) => ({ appliedCount: d }),
  participantCode: (d: Direction) => ({ participant: { code: d } }),
} satisfies Record<string, (d: Direction) => Prisma.BulkImportOrderByWithRelationInput>

/**
 * The error file: one line per problem (line in the file, column header, value, message ID,
 * message in the request's language), in file order. Problems of the whole file have line 1
 * (the header) or 0 (found while writing).
 */
export async function errorFile(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
  lang: Lang,
): Promise<{ fileName: string; text: string }> {
  const imp = await visibleImport(app, auth, id)
  const format = formatOf(app, imp.format)
  const headerOf = new Map(format.items.map((i) => [i.key, lang === 'ja' ? i.header : i.headerEn]))
  const rows = await app.db.bulkImportError.findMany({
    where: { importId: id },
    orderBy: [{ line: 'asc' }, { id: 'asc' }],
  })
  const lines = [bulkErrorFileHeaders[lang].map(csvCell).join(',')]
  for (const r of rows) {
    const messageId = isMessageId(r.messageId) ? r.messageId : 'E-BULK-006'
    const params = (r.params ?? {}) as Record<string, string | number>
    lines.push(
      [
        r.line,
        headerOf.get(r.column) ?? r.column,
        r.value,
        r.messageId,
        formatMessage(messageId, lang, params),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return { fileName: bulkFileNames.errors(imp.format), text: lines.join('\r\n') + '\r\n' }
}
