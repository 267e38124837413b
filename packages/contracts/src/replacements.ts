/**
 * The replacement board (140 差替掲示板) and replacements (160 電源等差替; records.md, rules.md §7).
 *
 * Board postings connect participants (contact through the posting's contact field only); a
 * replacement moves part or all of a contract's kW for whole months of its delivery year to
 * another resource of the same area, reviewed as an application (entity type `replacement`).
 */
import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import { listQuerySchema } from './list.ts'
import { areaSchema, resourceCodeSchema, resourceKindSchema } from './resources.ts'
import { rule } from './validation.ts'

/** The delivery (fiscal) year of a month `YYYY-MM`: April … March. */
export function deliveryYearOfMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return m >= 4 ? year : year - 1
}

/** The months `from` … `to` (`YYYY-MM`, inclusive) in order; empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  for (let guard = 0; guard < 240; guard++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    if (month > to) break
    out.push(month)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** 容量(kW): a whole number, at least 1 kW. */
export const replacementKwSchema = z
  .number()
  .int(rule('E-RPL-003'))
  .min(1, rule('E-RPL-003'))
  .max(100_000_000, rule('E-RPL-003'))
  .describe('容量 (kW, 1 以上の整数)')

/**
 * 対象期間 fromMonth–toMonth: whole months of one delivery year (April … March), from ≤ to.
 * Adds the rules to an object with `fromMonth` and `toMonth`.
 */
function withPeriodRules<
  T extends z.ZodObject<{ fromMonth: typeof monthSchema; toMonth: typeof monthSchema }>,
>(schema: T) {
  return schema
    .refine((v) => v.fromMonth <= v.toMonth, { ...rule('E-RPL-002'), path: ['toMonth'] })
    .refine(
      (v) =>
        v.fromMonth > v.toMonth ||
        deliveryYearOfMonth(v.fromMonth) === deliveryYearOfMonth(v.toMonth),
      { ...rule('E-RPL-001'), path: ['toMonth'] },
    )
}

// ─── 140 Replacement board ────────────────────────────────────────────────────────────────────

export const replacementPostingTypes = ['offer', 'request'] as const
export const replacementPostingTypeSchema = z
  .enum(replacementPostingTypes)
  .describe('offer 提供 (差替先になれる容量) · request 募集 (差替先を求める)')
  .meta({ id: 'ReplacementPostingType' })
export type ReplacementPostingType = z.infer<typeof replacementPostingTypeSchema>

/** Derived: open until withdrawn or past its expiry. */
export const replacementPostingStatuses = ['open', 'expired', 'withdrawn'] as const
export const replacementPostingStatusSchema = z
  .enum(replacementPostingStatuses)
  .describe('open 掲載中 · expired 掲載期限切れ · withdrawn 取下げ')
  .meta({ id: 'ReplacementPostingStatus' })
export type ReplacementPostingStatus = z.infer<typeof replacementPostingStatusSchema>

/** The fields of a posting as filed and edited (the same schema validates the form). */
export const replacementPostingInputSchema = withPeriodRules(
  z.object({
    postingType: replacementPostingTypeSchema,
    area: areaSchema,
    kind: resourceKindSchema.nullable().default(null).describe('電源等の区分 (null: 問わない)'),
    kw: replacementKwSchema,
    fromMonth: monthSchema,
    toMonth: monthSchema,
    contact: z.string().trim().min(1).max(200).describe('連絡先 (掲示板での唯一の連絡手段)'),
    note: z.string().trim().max(1000).default('').describe('備考'),
    expiresOn: z.iso
      .date()
      .nullable()
      .default(null)
      .describe(
        '掲載期限 (JST の日付、その日の終わりまで掲載)。null: 対象期間の終了月の末日。本日以降、対象期間の実需給年度の末日以前',
      ),
  }),
)
export type ReplacementPostingInput = z.input<typeof replacementPostingInputSchema>
export type ReplacementPostingValues = z.output<typeof replacementPostingInputSchema>

export const replacementPostingUpdateSchema = z.object({
  posting: replacementPostingInputSchema,
  version: versionInputSchema,
})

export const replacementVersionSchema = z
  .object({ version: versionInputSchema })
  .meta({ id: 'ReplacementVersion' })

export const replacementPostingSchema = z
  .object({
    id: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    postingType: replacementPostingTypeSchema,
    area: areaSchema,
    kind: resourceKindSchema.nullable(),
    kw: z.number().int(),
    fromMonth: monthSchema,
    toMonth: monthSchema,
    deliveryYear: z.number().int(),
    contact: z.string(),
    note: z.string(),
    expiresAt: timestampSchema,
    withdrawnAt: timestampSchema.nullable(),
    status: replacementPostingStatusSchema,
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'ReplacementPosting' })
export type ReplacementPosting = z.infer<typeof replacementPostingSchema>

export const replacementPostingSortFields = [
  'postingType',
  'participantCode',
  'area',
  'kind',
  'kw',
  'fromMonth',
  'toMonth',
  'expiresAt',
  'updatedAt',
] as const
export type ReplacementPostingSortField = (typeof replacementPostingSortFields)[number]

export const replacementPostingListQuerySchema = listQuerySchema.extend({
  postingType: replacementPostingTypeSchema.optional(),
  area: areaSchema.optional(),
  kind: resourceKindSchema.optional(),
  kwMin: z.coerce.number().int().min(0).max(100_000_000).optional().describe('kW at least'),
  kwMax: z.coerce.number().int().min(0).max(100_000_000).optional().describe('kW at most'),
  month: monthSchema.optional().describe('Postings whose period includes this month'),
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: expired and withdrawn postings too (default: open ones only)'),
  mine: z.enum(['true', 'false']).optional().describe('true: the caller’s own postings only'),
})
export type ReplacementPostingListQuery = z.infer<typeof replacementPostingListQuerySchema>

// ─── 160 Replacement ─────────────────────────────────────────────────────────────────────────

/**
 * pendingConsent: waiting for the replacing resource's participant · applied: filed for review ·
 * approved · rejected (by the operator) · declined (by the counterparty) · withdrawn.
 */
export const replacementStates = [
  'pendingConsent',
  'applied',
  'approved',
  'rejected',
  'declined',
  'withdrawn',
] as const
export const replacementStateSchema = z
  .enum(replacementStates)
  .describe(
    'pendingConsent 相手方同意待ち · applied 審査中 · approved 承認済 · rejected 却下 · declined 相手方辞退 · withdrawn 取下げ',
  )
  .meta({ id: 'ReplacementState' })
export type ReplacementState = z.infer<typeof replacementStateSchema>

/** What the contract holder files (records.md "Replacement"). */
export const replacementInputSchema = withPeriodRules(
  z.object({
    contractId: z.uuid().describe('差替元の容量確保契約'),
    replacingResourceCode: resourceCodeSchema.describe('差替先電源等の電源等識別番号'),
    kw: replacementKwSchema,
    fromMonth: monthSchema,
    toMonth: monthSchema,
    reason: z.string().trim().min(1).max(1000).describe('差替理由'),
  }),
)
export type ReplacementInput = z.infer<typeof replacementInputSchema>

/**
 * The proposed values of a replacement application (entity type `replacement`): the
 * replacement row filed and, for the review screen, what it names.
 */
export const replacementApplicationSchema = z
  .object({
    replacementId: z.uuid(),
    contractId: z.uuid(),
    contractNo: z.string(),
    resourceCode: z.string().describe('契約電源等'),
    replacingResourceCode: z.string(),
    replacingParticipantCode: z.string(),
    kw: z.number().int(),
    fromMonth: monthSchema,
    toMonth: monthSchema,
    reason: z.string(),
  })
  .meta({ id: 'ReplacementApplication' })
export type ReplacementApplication = z.infer<typeof replacementApplicationSchema>

export const replacementDeclineSchema = z.object({
  version: versionInputSchema,
  reason: z.string().trim().max(1000).default('').describe('辞退の理由'),
})

/** One month of a replacement: the contract's kW on its own resource and on the replacing one. */
export const replacementMonthSchema = z.object({
  month: monthSchema,
  originalKw: z.number().int().describe('契約電源等に残る容量 (kW)'),
  replacingKw: z.number().int().describe('差替先電源等に配分される容量 (kW)'),
})

export const replacementSchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    contractNo: z.string(),
    contractKw: z.number().int(),
    deliveryYear: z.number().int(),
    participantCode: z.string(),
    participantName: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    replacingResourceCode: z.string(),
    replacingResourceName: z.string(),
    replacingParticipantCode: z.string(),
    replacingParticipantName: z.string(),
    area: areaSchema,
    kw: z.number().int(),
    fromMonth: monthSchema,
    toMonth: monthSchema,
    reason: z.string(),
    state: replacementStateSchema,
    consentedAt: timestampSchema.nullable(),
    consentedByName: z.string().nullable(),
    declineReason: z.string().nullable(),
    applicationId: z.uuid().nullable(),
    applicationReceiptNo: z.string().nullable(),
    /** Per month of the period: the contract's kW split after this replacement (approved) or as proposed. */
    months: z.array(replacementMonthSchema),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Replacement' })
export type Replacement = z.infer<typeof replacementSchema>

export const replacementSortFields = [
  'contractNo',
  'participantCode',
  'resourceCode',
  'replacingResourceCode',
  'replacingParticipantCode',
  'kw',
  'fromMonth',
  'state',
  'updatedAt',
] as const
export type ReplacementSortField = (typeof replacementSortFields)[number]

export const replacementListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Contract number or resource code contains'),
  state: replacementStateSchema.optional(),
  side: z.enum(['given', 'received']).optional().describe('Participants: given or received'),
  deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
  participantId: z.uuid().optional().describe('Operator: one participant (either side)'),
})
export type ReplacementListQuery = z.infer<typeof replacementListQuerySchema>

/** The free capacity of a resource per month of a delivery year (shown while filing). */
export const freeCapacityQuerySchema = z.object({
  resourceCode: resourceCodeSchema,
  deliveryYear: z.coerce.number().int().min(2020).max(2100),
  contractId: z.uuid().optional().describe('Also the kW of this contract not yet replaced'),
})
export const freeCapacitySchema = z
  .object({
    resourceCode: z.string(),
    resourceName: z.string(),
    area: areaSchema,
    kind: resourceKindSchema,
    deliveryYear: z.number().int(),
    expectedKw: z.number().int().nullable().describe('承認済み期待容量 (kW); null: なし'),
    months: z.array(
      z.object({
        month: monthSchema,
        carriedKw: z.number().int().describe('既に担う容量 (自らの契約容量 + 承認済み配分)'),
        freeKw: z.number().int().describe('空き容量 = 期待容量 − 既に担う容量'),
        contractAvailableKw: z
          .number()
          .int()
          .nullable()
          .describe('contractId の契約容量のうち未差替の容量'),
      }),
    ),
  })
  .meta({ id: 'FreeCapacity' })
export type FreeCapacity = z.infer<typeof freeCapacitySchema>
