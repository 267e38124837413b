import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  BULK_FILE_MAX_BYTES,
  bulkFormatCodes,
  bulkFormatDetailSchema,
  bulkFormatListSchema,
  bulkFormatParamSchema,
  bulkImportAcceptedSchema,
  bulkImportFieldsSchema,
  bulkImportListQuerySchema,
  bulkImportModeLabels,
  bulkImportPageSchema,
  bulkImportSchema,
  bulkSampleQuerySchema,
  functionOf,
  idParamSchema,
  jobStateLabels,
  messageForIssue,
  problemSchema,
  type AppId,
  type BulkImport,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, sendCsvText, type CsvColumn } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { fieldError, invalid } from '../users/public.ts'
import { bulkFileNames, sampleCsv, type AnyBulkFormat } from './formats.ts'
import { BULK_IMPORT_JOB, bulkImportJob } from './pipeline.ts'
import {
  errorFile,
  formatDetail,
  formatOf,
  getImport,
  importListWhere,
  importSort,
  findImports,
  importTieBreak,
  startImport,
  storeUpload,
  dropUpload,
  toFormat,
  BULK_UPLOAD_SWEEP_EVERY_MS,
  BULK_UPLOAD_SWEEP_JOB,
  bulkUploadSweepJob,
} from './service.ts'

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
}

/** Readers of the formats: 500 / G10 item lists, K10 samples (everyone logged in). */
const formatReaders = routeAccess(['fileItems', 'deliveryFileItems', 'bulkSamples'], 'view')

/** 一括登録様式 (500 / G10 / K10): the formats, their item lists and samples. */
export const bulkFormatRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['bulk-formats', '500', 'G10', 'K10']
  app.get(
    '/',
    {
      config: { access: formatReaders },
      schema: {
        operationId: 'listBulkFormats',
        summary: 'Every bulk format: code, names, the function it belongs to',
        tags,
        response: { 200: bulkFormatListSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      return { items: app.bulkFormats.all().map((f) => toFormat(auth, f)) }
    },
  )

  app.get(
    '/:code',
    {
      config: { access: formatReaders },
      schema: {
        operationId: 'getBulkFormat',
        summary: 'The file item list of a format (500/G10), generated from its row schema',
        tags,
        params: bulkFormatParamSchema,
        response: { 200: bulkFormatDetailSchema, ...problems },
      },
    },
    async (request) => formatDetail(requireAuth(request), formatOf(app, request.params.code)),
  )

  app.get(
    '/:code/sample',
    {
      config: { access: formatReaders },
      schema: {
        operationId: 'getBulkFormatSample',
        summary:
          'The sample file of a format (K10): header and an example row that imports as it is',
        description: 'Shift_JIS with CRLF by default; `encoding=utf-8` for UTF-8 with BOM.',
        tags,
        params: bulkFormatParamSchema,
        querystring: bulkSampleQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems },
      },
    },
    async (request, reply) => {
      const format = formatOf(app, request.params.code)
      return sendCsvText(
        reply,
        bulkFileNames.sample(format.code),
        sampleCsv(format),
        request.query.encoding,
      )
    },
  )
}

const csvColumns: CsvColumn<BulkImport>[] = [
  csv.dateTime({ ja: '受付日時', en: 'Uploaded at' }, (i) => i.createdAt),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (i) => i.participant.code),
  csv.text({ ja: '様式', en: 'Format' }, (i) => i.format),
  csv.enumeration({ ja: '処理区分', en: 'Mode' }, (i) => i.mode, bulkImportModeLabels),
  csv.text({ ja: 'ファイル名', en: 'File name' }, (i) => i.fileName),
  csv.enumeration({ ja: '状態', en: 'State' }, (i) => i.state, jobStateLabels),
  csv.text({ ja: '件数', en: 'Rows' }, (i) => i.totalRows),
  csv.text({ ja: 'エラー件数', en: 'Errors' }, (i) => i.errorCount),
  csv.text({ ja: '登録件数', en: 'Registered' }, (i) => i.appliedCount),
  csv.text({ ja: '登録者', en: 'Uploaded by' }, (i) => i.createdBy),
  csv.dateTime({ ja: '終了日時', en: 'Finished at' }, (i) => i.finishedAt),
]

/** The codes of the formats of an app's functions (the G00 history lists the delivery ones). */
function appFormatCodes(app: { bulkFormats: { all(): AnyBulkFormat[] } }, appId: AppId): string[] {
  return app.bulkFormats
    .all()
    .filter((f) => functionOf(f.functionKey).app === appId)
    .map((f) => f.code)
}

/**
 * The upload and the history serve both SPAs: 220 (pre-delivery) and G00 (delivery); either
 * right opens them, the format decides which one an upload needs.
 */
function pipelineAccess(mode: 'view' | 'edit', narrowedBy: string) {
  const roles = [...(routeAccess('bulkImports', mode).roles ?? [])]
  for (const role of routeAccess('deliveryBulkImports', mode).roles ?? []) {
    if (!roles.includes(role)) roles.push(role)
  }
  return { roles, narrowedBy, functions: ['bulkImports', 'deliveryBulkImports'] as const }
}
const PIPELINE_RIGHT = 'the 220 or G00 right (A40) of a general user'

/** 一括登録 (220): upload a file, follow its job, read its error file, the result history. */
export const bulkImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['bulk-imports', '220', 'G00']
  app.jobs.register(BULK_IMPORT_JOB, bulkImportJob(app))
  app.jobs.register(BULK_UPLOAD_SWEEP_JOB, bulkUploadSweepJob(app))
  app.jobs.recur(BULK_UPLOAD_SWEEP_JOB, BULK_UPLOAD_SWEEP_EVERY_MS)

  listRoute(app, '/', {
    config: { access: pipelineAccess('view', PIPELINE_RIGHT) },
    operationId: 'listBulkImports',
    summary: "The result history of the own participant's uploads (operator: of all)",
    tags,
    querystring: bulkImportListQuerySchema,
    item: bulkImportSchema,
    page: bulkImportPageSchema,
    sort: importSort,
    defaultSort: { field: 'createdAt', direction: 'desc' },
    tieBreak: importTieBreak,
    where: (query, request) =>
      importListWhere(
        requireAuth(request),
        query,
        query.app ? appFormatCodes(app, query.app) : undefined,
      ),
    find: (args) => findImports(app, args),
    count: (where) => app.db.bulkImport.count({ where }),
    csv: { fileName: 'bulk-imports.csv', columns: csvColumns },
  })

  app.post(
    '/',
    {
      config: {
        access: pipelineAccess(
          'edit',
          "the format's own function and its pipeline (220 pre-delivery, G00 delivery): their edit rights are needed to import it",
        ),
      },
      schema: {
        operationId: 'createBulkImport',
        summary: 'Upload a bulk file: it is checked (and with mode apply written) by a job',
        description:
          'multipart/form-data with the text fields `format` ' +
          `(${bulkFormatCodes.join(', ')}), \`mode\` (validate, apply), the optional ` +
          '`encoding` (auto, utf-8, shift_jis) and `participantId` (operator), then one part ' +
          '`file` (CSV, CRLF or LF, header row with the Japanese column names of the item ' +
          'list). Answers 202 at once; follow `GET /api/v1/bulk-imports/{id}` until `state` is ' +
          'succeeded or failed. One bad row fails the file and nothing is written; ' +
          '`GET /api/v1/bulk-imports/{id}/errors` lists every bad row and column.',
        tags,
        consumes: ['multipart/form-data'],
        response: { 202: bulkImportAcceptedSchema, ...problems, 413: problemSchema },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      if (!request.isMultipart()) throw new AppError('E-ATTACH-003', 400)
      const raw: Record<string, string> = {}
      // The file is stored as it arrives (in ~1 MB pieces), never held whole; a refused upload
      // drops what was stored.
      const id = randomUUID()
      let file: { id: string; name: string; size: number } | undefined
      try {
        try {
          for await (const part of request.parts({
            limits: { fileSize: BULK_FILE_MAX_BYTES, files: 1, fields: 10 },
          })) {
            if (part.type === 'file') {
              const size = await storeUpload(app, id, part.file)
              if (part.file.truncated) throw new app.multipartErrors.RequestFileTooLargeError()
              file = { id, name: part.filename || 'upload.csv', size }
            } else raw[part.fieldname] = String(part.value)
          }
        } catch (error) {
          if (!(error instanceof app.multipartErrors.RequestFileTooLargeError)) throw error
          throw new AppError('E-ATTACH-001', 413, {
            params: { maxMb: BULK_FILE_MAX_BYTES / 1024 / 1024 },
          })
        }
        if (!file) throw new AppError('E-ATTACH-003', 400)
        const fields = bulkImportFieldsSchema.safeParse(raw)
        if (!fields.success) {
          throw invalid(
            fields.error.issues.map((issue) => {
              const { messageId, params } = messageForIssue({
                ...(issue as object),
                code: issue.code,
                message: issue.message,
                input: raw[String(issue.path[0])],
              })
              return fieldError(lang, issue.path.map(String), messageId, params)
            }),
          )
        }
        const accepted = await startImport(app, auth, actorOf(request), fields.data, file, lang)
        reply.code(202)
        return accepted
      } catch (error) {
        await dropUpload(app, id)
        throw error
      }
    },
  )

  app.get(
    '/:id',
    {
      config: { access: pipelineAccess('view', PIPELINE_RIGHT) },
      schema: {
        operationId: 'getBulkImport',
        summary: 'One upload: its state and progress (processedRows of totalRows) and counts',
        tags,
        params: idParamSchema,
        response: { 200: bulkImportSchema, ...problems },
      },
    },
    async (request) => getImport(app, requireAuth(request), request.params.id),
  )

  app.get(
    '/:id/errors',
    {
      config: { access: pipelineAccess('view', PIPELINE_RIGHT) },
      schema: {
        operationId: 'getBulkImportErrors',
        summary: 'The error file: line, column header, value, message ID, message',
        description:
          'CSV, Shift_JIS with CRLF by default (`encoding=utf-8` for UTF-8 with BOM); headers ' +
          'and messages in the language of `Accept-Language`.',
        tags,
        params: idParamSchema,
        querystring: bulkSampleQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request)
      const file = await errorFile(app, requireAuth(request), request.params.id, lang)
      return sendCsvText(reply, file.fileName, file.text, request.query.encoding)
    },
  )
}
