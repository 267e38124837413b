/**
 * Penalty factors (190 ペナルティ要素情報管理) and market exit (records.md "Penalty factor", rules.md §6).
 *
 * The amount is computed by `computePreDeliveryPenalty` of `@yoryo/domain` from the delivery
 * year's penalty parameters (rates before / after the additional-auction decision deadline, the
 * deadline, refund), which the operator edits.
 */
import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { documentSummarySchema } from './documents.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema } from './list.ts'

export const penaltyFactorTypes = [
  'marketExit',
  'effectivenessShortfall',
  'siteListMissing',
  'other',
] as const
export const penaltyFactorTypeSchema = z
  .enum(penaltyFactorTypes)
  .describe(
    'marketExit 市場退出 · effectivenessShortfall 実効性テスト未達 · siteListMissing 地点リスト未提出 · other その他',
  )
  .meta({ id: 'PenaltyFactorType' })
export type PenaltyFactorType = z.infer<typeof penaltyFactorTypeSchema>

export const penaltyFactorTypeLabels: Labels<PenaltyFactorType> = {
  marketExit: { ja: '市場退出', en: 'Market exit' },
  effectivenessShortfall: { ja: '実効性テスト未達', en: 'Effectiveness test shortfall' },
  siteListMissing: { ja: 'リスト未提出', en: 'Site list missing' },
  other: { ja: 'その他', en: 'Other' },
}

/** 要素番号: `PF` + delivery year + `-` + 6 digits. */
export function formatPenaltyFactorNo(deliveryYear: number, n: number): string {
  return `PF${deliveryYear}-${String(n).padStart(6, '0')}`
}

const rate4 = z
  .number()
  .min(0)
  .max(1)
  .refine((v) => Math.round(v * 10_000) / 10_000 === v, { message: 'at most 4 decimals' })

// ─── Parameters per delivery year ─────────────────────────────────────────────────────────────

export const penaltyParametersInputSchema = z
  .strictObject({
    rateBeforeDeadline: rate4.describe('期限前の退出率 (0–1, 小数4桁)'),
    rateAfterDeadline: rate4.describe('期限後の退出率 (0–1, 小数4桁)'),
    decisionDeadline: z.iso.date().describe('追加オークション開催判断の期限 (この日までは期限前)'),
    version: z
      .number()
      .int()
      .min(0)
      .describe('The version read (0 while the year uses the defaults)'),
  })
  .meta({ id: 'PenaltyParametersUpdate' })
export type PenaltyParametersInput = z.infer<typeof penaltyParametersInputSchema>

export const penaltyParametersSchema = z
  .object({
    deliveryYear: z.number().int(),
    rateBeforeDeadline: z.number(),
    rateAfterDeadline: z.number(),
    decisionDeadline: z.iso.date(),
    /** Set when the operator recorded that the additional auction is not held (refund). */
    additionalAuctionNotHeldAt: timestampSchema.nullable(),
    /** True while the year has no row of its own (the defaults apply). */
    isDefault: z.boolean(),
    /** 0 for the defaults. */
    version: z.number().int(),
    updatedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'PenaltyParameters' })
export type PenaltyParameters = z.infer<typeof penaltyParametersSchema>

export const deliveryYearParamSchema = z.object({
  deliveryYear: z.coerce.number().int().min(2000).max(2100),
})

export const penaltyRefundInputSchema = z
  .strictObject({
    version: z.number().int().min(0).describe('The parameters’ version read'),
  })
  .meta({ id: 'PenaltyRefund' })

// ─── Penalty factors ───────────────────────────────────────────────────────────────────────────

export const penaltyFactorInputSchema = z
  .strictObject({
    contractId: z.uuid().describe('容量確保契約'),
    factorType: penaltyFactorTypeSchema,
    kw: z
      .number()
      .int()
      .min(0)
      .max(100_000_000)
      .describe('対象容量(kW): exited / shortfall kW (ignored for siteListMissing and other)'),
    occurredOn: z.iso.date().describe('発生日'),
    basis: z.string().trim().min(1).max(2000).describe('根拠'),
    givenAmount: z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000_000)
      .optional()
      .describe('算定額 (円): only for other'),
  })
  .meta({ id: 'NewPenaltyFactor' })
export type PenaltyFactorInput = z.infer<typeof penaltyFactorInputSchema>

export const penaltyFactorChangeSchema = penaltyFactorInputSchema
  .omit({ contractId: true })
  .extend({ version: versionInputSchema })
  .meta({ id: 'PenaltyFactorChange' })
export type PenaltyFactorChange = z.infer<typeof penaltyFactorChangeSchema>

export const penaltyCalculationLineSchema = z.object({
  item: z.enum([
    'areaPrice',
    'contractKw',
    'exitedKw',
    'deadline',
    'rate',
    'givenAmount',
    'grossAmount',
    'refund',
    'netAmount',
  ]),
  value: z.string(),
})
export type PenaltyCalculationLine = z.infer<typeof penaltyCalculationLineSchema>

/** The calculation as the domain returned it, with the parameters it used. */
export const penaltyCalculationSchema = z
  .object({
    exitedKw: z.number().int(),
    afterDeadline: z.boolean(),
    rate: z.string().nullable(),
    grossAmount: z.number().int(),
    refundAmount: z.number().int(),
    netAmount: z.number().int(),
    lines: z.array(penaltyCalculationLineSchema),
    parameters: z.object({
      deliveryYear: z.number().int(),
      rateBeforeDeadline: z.number(),
      rateAfterDeadline: z.number(),
      decisionDeadline: z.iso.date(),
      version: z.number().int(),
    }),
  })
  .meta({ id: 'PenaltyCalculation' })
export type PenaltyCalculation = z.infer<typeof penaltyCalculationSchema>

export const penaltyFactorSchema = z
  .object({
    id: z.uuid(),
    factorNo: z.string(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    resource: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    contract: z.object({ id: z.uuid(), contractNo: z.string() }).nullable(),
    deliveryYear: z.number().int(),
    factorType: penaltyFactorTypeSchema,
    kw: z.number().int(),
    occurredOn: z.iso.date(),
    basis: z.string(),
    /** 算定額 before any refund (yen). */
    amount: z.number().int(),
    /** What is owed after a refund (0 once refunded). */
    netAmount: z.number().int(),
    calculation: penaltyCalculationSchema,
    refundedAt: timestampSchema.nullable(),
    documents: z.array(documentSummarySchema),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'PenaltyFactor' })
export type PenaltyFactor = z.infer<typeof penaltyFactorSchema>

export const penaltyFactorSortFields = [
  'factorNo',
  'participantCode',
  'resourceCode',
  'factorType',
  'kw',
  'occurredOn',
  'amount',
  'deliveryYear',
  'updatedAt',
] as const
export type PenaltyFactorSortField = (typeof penaltyFactorSortFields)[number]
export const penaltyFactorListQuerySchema = listQuerySchema.extend({
  factorType: penaltyFactorTypeSchema.optional(),
  deliveryYear: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Factor number or resource code / name contains'),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})

/** `POST /penalty-factors/calculate`: the amount a factor would have, before anything is saved. */
export const penaltyCalculateInputSchema = z
  .strictObject({
    contractId: z.uuid(),
    factorType: penaltyFactorTypeSchema,
    kw: z.number().int().min(0).max(100_000_000),
    /** Default: today (JST). */
    occurredOn: z.iso.date().optional(),
    givenAmount: z.number().int().min(0).max(1_000_000_000_000).optional(),
  })
  .meta({ id: 'PenaltyCalculationRequest' })

// ─── Market exit (a reviewed record: entity type `marketExit`) ───────────────────────────────────

export const marketExitScopes = ['all', 'part'] as const
export const marketExitScopeSchema = z
  .enum(marketExitScopes)
  .describe('all 全量退出 (契約の解約) · part 一部退出 (契約容量の減少)')
export type MarketExitScope = z.infer<typeof marketExitScopeSchema>

export const marketExitScopeLabels: Labels<MarketExitScope> = {
  all: { ja: '全量退出', en: 'Whole contract' },
  part: { ja: '一部退出', en: 'Part of the contract' },
}

/** The exit application's proposed values: the contract, all or part (with the kW), why. */
export const marketExitProposedSchema = z
  .strictObject({
    contractId: z.uuid().describe('容量確保契約'),
    scope: marketExitScopeSchema,
    kw: z.number().int().min(1).max(100_000_000).describe('退出容量(kW): for all, the contract kW'),
    reason: z.string().trim().min(1).max(2000).describe('退出理由'),
  })
  .meta({ id: 'MarketExitProposed' })
export type MarketExitProposed = z.infer<typeof marketExitProposedSchema>
