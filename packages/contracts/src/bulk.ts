import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { listQuerySchema, pageSchema } from './list.ts'

/**
 * 一括登録 (220), ファイル項目一覧 (500/G10), 一括登録様式サンプル (K10): every bulk file goes
 * through one pipeline. A format is defined once by the module owning its records (API:
 * `defineBulkFormat`); its code is listed here so the SPA and the API share the enumeration.
 */

/** Every bulk format's code (the manual's form number). Add a code with its format. */
export const bulkFormatCodes = [
  '711',
  '810',
  '811',
  '812',
  '813',
  '820',
  '821',
  '822',
  '822M',
  '823',
  '823S',
  '824',
  '830',
  '840',
  '841',
  '850',
  '860',
  '870',
  '880',
  '890',
  '891',
  'G60',
  'G70',
  'G80',
  'G81',
  'G90',
  'G95',
  'G96',
] as const
export type BulkFormatCode = (typeof bulkFormatCodes)[number]
/** A format code in requests and answers (the registered formats: `GET /api/v1/bulk-formats`). */
export const bulkFormatCodeSchema = z
  .string()
  .min(1)
  .max(10)
  .describe(`A bulk format's code (${bulkFormatCodes.join(', ')})`)

export const bulkImportModeSchema = z
  .enum(['validate', 'apply'])
  .describe('validate: check every row, write nothing · apply: check, then write all or nothing')
  .meta({ id: 'BulkImportMode' })
export type BulkImportMode = z.infer<typeof bulkImportModeSchema>

export const jobStateSchema = z
  .enum(['queued', 'running', 'succeeded', 'failed'])
  .describe('queued 待機中 · running 処理中 · succeeded 完了 · failed 失敗')
  .meta({ id: 'JobState' })
export type JobState = z.infer<typeof jobStateSchema>

export const fileEncodingSchema = z
  .enum(['auto', 'utf-8', 'shift_jis'])
  .describe(
    'auto: UTF-8 (with or without BOM) when the file is valid UTF-8, else Shift_JIS (CP932)',
  )
  .meta({ id: 'FileEncoding' })
export type FileEncoding = z.infer<typeof fileEncodingSchema>

/** The kind of value a column holds (item list, and which cells are normalised). */
export const bulkColumnTypeSchema = z
  .enum(['text', 'code', 'integer', 'decimal', 'date', 'dateTime', 'hex'])
  .meta({ id: 'BulkColumnType' })
export type BulkColumnType = z.infer<typeof bulkColumnTypeSchema>

const labelSchema = z.object({ ja: z.string(), en: z.string() })

export const bulkFormatSchema = z
  .object({
    code: bulkFormatCodeSchema,
    ja: z.string(),
    en: z.string(),
    function: z.object({ key: z.string(), code: z.string(), ja: z.string(), en: z.string() }),
    maxRows: z.number().int(),
    /** Whether the caller may import it (the format's function in edit mode). */
    canImport: z.boolean(),
  })
  .meta({ id: 'BulkFormat' })
export type BulkFormat = z.infer<typeof bulkFormatSchema>

/** One column of the file item list (500/G10), generated from the row's zod schema. */
export const bulkFormatItemSchema = z
  .object({
    no: z.number().int(),
    key: z.string().describe('Field name in the API'),
    header: z.string().describe('Japanese column header of the file'),
    headerEn: z.string(),
    type: bulkColumnTypeSchema,
    required: z.boolean(),
    maxLength: z.number().int().nullable(),
    minimum: z.number().nullable(),
    maximum: z.number().nullable(),
    values: z.array(z.string()).nullable().describe('The allowed codes of a code column'),
    rule: labelSchema.nullable(),
    example: z.string(),
  })
  .meta({ id: 'BulkFormatItem' })
export type BulkFormatItem = z.infer<typeof bulkFormatItemSchema>

export const bulkFormatDetailSchema = bulkFormatSchema
  .extend({ items: z.array(bulkFormatItemSchema) })
  .meta({ id: 'BulkFormatDetail' })
export type BulkFormatDetail = z.infer<typeof bulkFormatDetailSchema>

export const bulkFormatListSchema = z
  .object({ items: z.array(bulkFormatSchema) })
  .meta({ id: 'BulkFormatList' })

export const bulkFormatParamSchema = z.object({ code: bulkFormatCodeSchema })

export const bulkSampleQuerySchema = z.object({
  encoding: z.enum(['shift_jis', 'utf-8']).default('shift_jis').describe('CSV encoding'),
})

/** Most bytes of one uploaded bulk file. */
export const BULK_FILE_MAX_BYTES = 64 * 1024 * 1024

/** The text fields of an upload (multipart/form-data, beside the part `file`). */
export const bulkImportFieldsSchema = z.object({
  format: bulkFormatCodeSchema,
  mode: bulkImportModeSchema,
  encoding: fileEncodingSchema.default('auto'),
  participantId: z
    .uuid()
    .optional()
    .describe("Operator only: the participant the file is for; default: the caller's own"),
})
export type BulkImportFields = z.infer<typeof bulkImportFieldsSchema>

export const bulkImportPhaseSchema = z
  .enum(['validate', 'apply'])
  .describe('What `processedRows` counts now: rows checked, then (mode apply) rows written')
export const bulkImportSchema = z
  .object({
    id: z.uuid(),
    format: bulkFormatCodeSchema,
    mode: bulkImportModeSchema,
    state: jobStateSchema,
    phase: bulkImportPhaseSchema,
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    fileName: z.string(),
    encoding: fileEncodingSchema,
    size: z.number().int(),
    totalRows: z.number().int().nullable(),
    processedRows: z.number().int(),
    errorCount: z.number().int(),
    appliedCount: z.number().int(),
    createdBy: z.string().describe('Who uploaded it, as shown'),
    createdAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'BulkImport' })
export type BulkImport = z.infer<typeof bulkImportSchema>

export const bulkImportAcceptedSchema = z
  .object({ id: z.uuid(), state: jobStateSchema })
  .meta({ id: 'BulkImportAccepted' })

export const bulkImportPageSchema = pageSchema(bulkImportSchema).meta({ id: 'BulkImportPage' })

export const bulkImportSortFields = [
  'createdAt',
  'format',
  'mode',
  'state',
  'fileName',
  'totalRows',
  'errorCount',
  'appliedCount',
  'participantCode',
] as const
export type BulkImportSortField = (typeof bulkImportSortFields)[number]

export const bulkImportListQuerySchema = listQuerySchema.extend({
  participantId: z.uuid().optional().describe('Operator only: the imports of this participant'),
  formatCode: bulkFormatCodeSchema.optional().describe('The imports of one format'),
  app: z
    .enum(['preDelivery', 'delivery'])
    .optional()
    .describe('The imports of the formats of one SPA: preDelivery (220) or delivery (G00)'),
  state: jobStateSchema.optional(),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(`Field to sort by (${bulkImportSortFields.join(', ')}); prefix "-" for descending`),
})
export type BulkImportListQuery = z.infer<typeof bulkImportListQuerySchema>

/** The error file's columns (GET /bulk-imports/{id}/errors). */
export const bulkErrorFileHeaders = {
  ja: ['行番号', '項目名', '値', 'メッセージID', 'メッセージ'],
  en: ['Line', 'Column', 'Value', 'Message ID', 'Message'],
} as const
