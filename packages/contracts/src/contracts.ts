/**
 * Capacity contracts (130 容量確保契約管理; records.md "Contract", rules.md §4) and their changes
 * (変更契約書 / 解約合意書). Shared by contracts (130), replacements (160), outage plans (180:
 * contract kW is the bound) and penalty factors / exit (190). Replacement board, replacements,
 * outage plans and penalty factors have their own files.
 */
import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { documentSummarySchema } from './documents.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema } from './list.ts'
import { areaSchema } from './resources.ts'

export const contractStates = [
  'draft',
  'confirmed',
  'correctionRequested',
  'active',
  'amended',
  'terminated',
] as const
export const contractStateSchema = z
  .enum(contractStates)
  .describe(
    'draft 確認待ち · confirmed 確認済 · correctionRequested 修正依頼中 · active 実需給期間中 · amended 変更契約済 · terminated 解約',
  )
  .meta({ id: 'ContractState' })
export type ContractState = z.infer<typeof contractStateSchema>

/** 契約番号: `C` + delivery year + `-` + 6 digits. */
export const contractNoSchema = z
  .string()
  .regex(/^C\d{4}-\d{6}$/)
  .describe('契約番号 (e.g. C2030-000012)')

/** The contract number from its delivery year and its number in that year's series. */
export function formatContractNo(deliveryYear: number, n: number): string {
  return `C${deliveryYear}-${String(n).padStart(6, '0')}`
}

/** The kind of a contract change: 変更契約書 or 解約合意書. */
export const contractAmendmentKinds = ['amendment', 'termination'] as const
export const contractAmendmentKindSchema = z
  .enum(contractAmendmentKinds)
  .describe('amendment 変更契約 · termination 解約合意')
  .meta({ id: 'ContractAmendmentKind' })
export type ContractAmendmentKind = z.infer<typeof contractAmendmentKindSchema>

/** What caused a contract change. */
export const contractAmendmentSources = [
  'replacement',
  'expectedCapacityChange',
  'marketExit',
  'correction',
] as const
export const contractAmendmentSourceSchema = z
  .enum(contractAmendmentSources)
  .describe(
    'replacement 差替 · expectedCapacityChange 期待容量の変更 · marketExit 市場退出 · correction 修正',
  )
  .meta({ id: 'ContractAmendmentSource' })
export type ContractAmendmentSource = z.infer<typeof contractAmendmentSourceSchema>

/** The twelve monthly amounts (yen), April … March; they sum to the annual amount. */
export const monthlyAmountsSchema = z
  .array(z.number().int().min(0))
  .length(12)
  .describe('月額 (円) 12 か月分、4 月 … 3 月。3 月が端数を負担し、合計は年額に一致')

/** The contract as the API returns it (the fields `GET /api/v1/contracts` promises). */
export const contractSchema = z
  .object({
    id: z.uuid(),
    contractNo: contractNoSchema,
    participantCode: z.string(),
    participantName: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    auctionId: z.uuid(),
    auctionCode: z.string(),
    deliveryYear: z.number().int(),
    contractKw: z.number().int(),
    awardedKw: z.number().int(),
    areaPrice: z.number().int().describe('エリアプライス (円/kW/年)'),
    deductionRate: z.number().describe('経過措置控除率 (0–1, 4 桁)'),
    annualAmount: z.number().int().describe('容量確保契約金額 年額 (円、控除後)'),
    monthlyAmounts: monthlyAmountsSchema,
    state: contractStateSchema,
    correctionReason: z.string().nullable(),
    correctionAnswer: z.string().nullable(),
    confirmedAt: timestampSchema.nullable(),
    terminatedAt: timestampSchema.nullable(),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Contract' })
export type Contract = z.infer<typeof contractSchema>

/** Whole months of a delivery year: `YYYY-MM`. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('年月 (YYYY-MM)')

/** The twelve months of delivery year `year` (April `year` … March `year + 1`) as `YYYY-MM`. */
export function deliveryMonths(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 3) % 12) + 1
    return `${m >= 4 ? year : year + 1}-${String(m).padStart(2, '0')}`
  })
}

// ─── Labels (the SPAs' catalogue and the CSV export take them) ──────────────────────────────────

export const contractStateLabels: Labels<ContractState> = {
  draft: { ja: '確認待ち', en: 'Awaiting confirmation' },
  confirmed: { ja: '確認済', en: 'Confirmed' },
  correctionRequested: { ja: '修正依頼中', en: 'Correction requested' },
  active: { ja: '実需給期間中', en: 'In delivery' },
  amended: { ja: '変更契約済', en: 'Amended' },
  terminated: { ja: '解約', en: 'Terminated' },
}

export const contractAmendmentKindLabels: Labels<ContractAmendmentKind> = {
  amendment: { ja: '変更契約', en: 'Amendment' },
  termination: { ja: '解約合意', en: 'Termination' },
}

export const contractAmendmentSourceLabels: Labels<ContractAmendmentSource> = {
  replacement: { ja: '差替', en: 'Replacement' },
  expectedCapacityChange: { ja: '期待容量の変更', en: 'Changed expected capacity' },
  marketExit: { ja: '市場退出', en: 'Market exit' },
  correction: { ja: '修正依頼への対応', en: 'Correction' },
}

// ─── List, detail and transitions (130) ─────────────────────────────────────────────────────────

export const contractSortFields = [
  'contractNo',
  'participantCode',
  'resourceCode',
  'resourceName',
  'deliveryYear',
  'contractKw',
  'areaPrice',
  'annualAmount',
  'state',
  'updatedAt',
] as const
export type ContractSortField = (typeof contractSortFields)[number]

export const contractListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('契約番号・電源等識別番号・電源等の名称を含む'),
  deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
  auctionId: z.uuid().optional(),
  state: contractStateSchema.optional(),
  participantCode: z.string().trim().max(10).optional().describe('事業者コード (operator only)'),
})
export type ContractListQuery = z.infer<typeof contractListQuerySchema>

/** Values a change records before and after (変更契約書 本紙 / 別紙). */
export const contractTermsSchema = z
  .object({
    contractKw: z.number().int(),
    annualAmount: z.number().int(),
    monthlyAmounts: z.array(z.number().int()),
    state: contractStateSchema,
    /** A replacement's allocation by month (kW moved per month), when the change carries one. */
    allocation: z
      .array(
        z.object({ month: monthSchema, kw: z.number().int(), resourceCode: z.string().optional() }),
      )
      .optional(),
  })
  .meta({ id: 'ContractTerms' })
export type ContractTerms = z.infer<typeof contractTermsSchema>

export const contractAmendmentSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    kind: contractAmendmentKindSchema,
    source: contractAmendmentSourceSchema,
    sourceId: z.string().nullable(),
    reason: z.string(),
    before: contractTermsSchema,
    after: contractTermsSchema,
    documentId: z.uuid().nullable(),
    createdByName: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'ContractAmendment' })
export type ContractAmendment = z.infer<typeof contractAmendmentSchema>

/** One contract with its changes and documents (`GET /api/v1/contracts/{id}`). */
export const contractDetailSchema = contractSchema
  .extend({
    resourceArea: areaSchema,
    commissionedOn: z.string().describe('運転開始年月 (YYYY-MM): the deduction rate’s age class'),
    amendments: z.array(contractAmendmentSchema),
    documents: z.array(documentSummarySchema),
  })
  .meta({ id: 'ContractDetail' })
export type ContractDetail = z.infer<typeof contractDetailSchema>

const versionField = z.number().int().min(1).describe('The version the caller saw')

/** 確認 (participant): the contract as drafted is accepted. */
export const contractConfirmSchema = z.strictObject({ version: versionField })
export type ContractConfirm = z.infer<typeof contractConfirmSchema>

/** 修正依頼 (participant): what is wrong. */
export const contractCorrectionRequestSchema = z.strictObject({
  version: versionField,
  reason: z.string().trim().min(1).max(1000).describe('修正依頼の理由'),
})
export type ContractCorrectionRequest = z.infer<typeof contractCorrectionRequestSchema>

/**
 * The operator's answer to a correction request: `correct` with the corrected contract kW (a
 * change through `amendContract`, source `correction`) or `decline`; the contract returns to
 * `draft` either way, for the participant to confirm.
 */
export const contractCorrectionAnswerSchema = z.strictObject({
  version: versionField,
  decision: z.enum(['correct', 'decline']).describe('correct 修正する · decline 修正しない'),
  answer: z.string().trim().min(1).max(1000).describe('回答'),
  contractKw: z.number().int().min(0).optional().describe('修正後の契約容量 (kW), with correct'),
})
export type ContractCorrectionAnswer = z.infer<typeof contractCorrectionAnswerSchema>
