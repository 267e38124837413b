import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { fromJstParts } from './time.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { loginUserIdSchema } from './users.ts'
import { rule } from './validation.ts'

/**
 * クライアント証明書 (710/711): the certificates a user's browser may present at login. Each is
 * matched by its SHA-256 fingerprint (upper-case hex, no separators).
 */

export const clientCertificateStatusSchema = z
  .enum(['active', 'notYetValid', 'expired', 'revoked'])
  .describe('active 有効 · notYetValid 有効期間前 · expired 期限切れ · revoked 失効')
  .meta({ id: 'ClientCertificateStatus' })
export type ClientCertificateStatus = z.infer<typeof clientCertificateStatusSchema>

export const clientCertificateSchema = z
  .object({
    id: z.uuid(),
    user: z.object({ id: z.uuid(), userId: z.string(), name: z.string() }),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    serialNumber: z.string().describe('Upper-case hex'),
    fingerprint: z.string().describe('SHA-256, upper-case hex without separators'),
    subject: z.string(),
    validFrom: timestampSchema,
    validTo: timestampSchema,
    revokedAt: timestampSchema.nullable(),
    status: clientCertificateStatusSchema,
    version: z.number().int(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'ClientCertificate' })
export type ClientCertificate = z.infer<typeof clientCertificateSchema>

export const clientCertificatePageSchema = pageSchema(clientCertificateSchema).meta({
  id: 'ClientCertificatePage',
})

/** Most characters of a PEM upload (a certificate is a few kilobytes). */
export const CERTIFICATE_PEM_MAX_LENGTH = 20_000

/** Register (or renew: the new one is registered beside the old) a certificate by its PEM. */
export const clientCertificateCreateSchema = z
  .object({
    user: z.uuid().describe("The user's internal ID (not the login user ID)"),
    certificate: z
      .string()
      .min(1)
      .max(CERTIFICATE_PEM_MAX_LENGTH)
      .describe('The certificate in PEM format (-----BEGIN CERTIFICATE-----)'),
  })
  .meta({ id: 'ClientCertificateCreate' })
export type ClientCertificateCreate = z.infer<typeof clientCertificateCreateSchema>

export const clientCertificateRevokeSchema = z
  .object({
    version: versionInputSchema,
  })
  .meta({ id: 'ClientCertificateRevoke' })
export type ClientCertificateRevoke = z.infer<typeof clientCertificateRevokeSchema>

/** The columns the certificate list sorts by: every column of the 710 list. */
export const clientCertificateSortFields = [
  'participantCode',
  'userId',
  'serialNumber',
  'fingerprint',
  'validFrom',
  'validTo',
  'status',
  'createdAt',
] as const
export type ClientCertificateSortField = (typeof clientCertificateSortFields)[number]

export const clientCertificateListQuerySchema = listQuerySchema.extend({
  participantId: z
    .uuid()
    .optional()
    .describe('Operator only: the certificates of this participant'),
  user: z.uuid().optional().describe("The certificates of one user (the user's internal ID)"),
  status: clientCertificateStatusSchema.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the user ID, serial or fingerprint (taken literally)'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${clientCertificateSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type ClientCertificateListQuery = z.infer<typeof clientCertificateListQuerySchema>

// ---- クライアント証明書情報登録更新用ファイル (711): a bulk format (API: bulk-format.ts) ----

/** Most data rows in one certificate information file. */
export const CERTIFICATE_FILE_MAX_ROWS = 100_000

const JST_DATE_TIME = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * A date or date and time as written in the file, in JST: `2026/04/01`, `2026-04-01`,
 * `2026/04/01 09:00` or `2026/04/01 09:00:00`; or an ISO 8601 timestamp with its offset.
 * A date alone is the start of that day, or its last second when `endOfDay`.
 */
export function parseFileDateTime(value: string, endOfDay = false): Date | null {
  const m = JST_DATE_TIME.exec(value.trim())
  if (!m) {
    if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) return null
    const t = Date.parse(value.trim())
    return Number.isNaN(t) ? null : new Date(t)
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dateOnly = m[4] === undefined
  const [hour, minute, second] = dateOnly
    ? endOfDay
      ? [23, 59, 59]
      : [0, 0, 0]
    : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)]
  if (hour > 23 || minute > 59 || second > 59) return null
  const utc = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(utc)
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null
  }
  return fromJstParts({ year, month, day, hour, minute, second })
}

const fileDateTime = (endOfDay: boolean) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => parseFileDateTime(v, endOfDay) !== null, rule('E-CERT-010'))
    .transform((v) => parseFileDateTime(v, endOfDay) as Date)

/** Hex with optional `:` separators, as certificate tools print it; stored upper-case, bare. */
const hex = (pattern: RegExp, messageId: 'E-CERT-008' | 'E-CERT-009') =>
  z
    .string()
    .trim()
    .min(1)
    .transform((v) => v.replaceAll(':', '').toUpperCase())
    .refine((v) => pattern.test(v), rule(messageId))

/** One row of the certificate information file; the importer validates every row with it. */
export const certificateFileRowSchema = z
  .object({
    userId: loginUserIdSchema,
    serialNumber: hex(/^[0-9A-F]{1,40}$/, 'E-CERT-008'),
    fingerprint: hex(/^[0-9A-F]{64}$/, 'E-CERT-009'),
    validFrom: fileDateTime(false),
    validTo: fileDateTime(true),
  })
  .refine((r) => r.validFrom < r.validTo, { ...rule('E-USER-011'), path: ['validTo'] })
export type CertificateFileRow = z.infer<typeof certificateFileRowSchema>

/** The message the SPA shows after each operation of 710 / 711 succeeds. */
export const clientCertificateSuccessMessages = {
  create: 'I-CERT-001',
  import: 'I-CERT-002',
  revoke: 'I-CERT-003',
} as const
