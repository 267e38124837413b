/**
 * Capacity auctions (容量オークション; records.md "Auction", rules.md §3, rules-api.md `clear`):
 * the auction and its parameters, shared by set-up (operator), qualification (100), bids (110)
 * and clearing / results (120).
 *
 * The parameters are the `ClearingInput` of the rules engine without the bids, plus the
 * transitional deduction table used later for contracts (rules.md §4). Bids (110) and clearing
 * (120) have their own files.
 */
import { z } from 'zod'
import { factorValueSchema } from './expected-capacity.ts'
import { areaSchema, resourceKindSchema, supportSchemeSchema } from './resources.ts'
import { timestampSchema } from './common.ts'
import { documentSummarySchema } from './documents.ts'
import { listQuerySchema } from './list.ts'

export const auctionTypes = ['main', 'additional'] as const
export const auctionTypeSchema = z
  .enum(auctionTypes)
  .describe('main メインオークション · additional 追加オークション')
  .meta({ id: 'AuctionType' })
export type AuctionType = z.infer<typeof auctionTypeSchema>

export const auctionSubtypes = ['procurement', 'release'] as const
export const auctionSubtypeSchema = z
  .enum(auctionSubtypes)
  .describe('procurement 調達オークション · release リリースオークション')
  .meta({ id: 'AuctionSubtype' })
export type AuctionSubtype = z.infer<typeof auctionSubtypeSchema>

export const auctionStates = ['draft', 'open', 'biddingClosed', 'cleared', 'published'] as const
export const auctionStateSchema = z
  .enum(auctionStates)
  .describe(
    'draft 準備中 · open 受付中 · biddingClosed 応札締切 · cleared 約定処理済 · published 結果公表済',
  )
  .meta({ id: 'AuctionState' })
export type AuctionState = z.infer<typeof auctionStateSchema>

export const qualificationStates = ['pending', 'qualified', 'excluded'] as const
export const qualificationStateSchema = z
  .enum(qualificationStates)
  .describe('pending 確認待ち · qualified 参加資格あり · excluded 対象外')
  .meta({ id: 'QualificationState' })
export type QualificationState = z.infer<typeof qualificationStateSchema>

/** オークションID: `A` + delivery year + `M` (main) or `D` (additional, 追加) + a number. */
export const auctionCodeSchema = z
  .string()
  .regex(/^A\d{4}[MD]\d{1,2}$/)
  .describe('オークションID (e.g. A2030M1)')

/** The auction's code: `A2030M1` for the first main auction of FY2030. */
export function formatAuctionCode(deliveryYear: number, type: AuctionType, n: number): string {
  return `A${deliveryYear}${type === 'main' ? 'M' : 'D'}${n}`
}

const kw = z.number().int().min(0)

/** The demand curve (rules.md §3.2): four points; the cap may end in .5. */
export const demandCurveSchema = z
  .strictObject({
    priceCap: z
      .number()
      .min(0)
      .refine((v) => Number.isInteger(v * 2))
      .describe('上限価格 (円/kW, 0.5 刻み)'),
    quantityAtCap: kw.describe('上限価格での量 (kW)'),
    netCone: kw.describe('指標価格 NetCONE (円/kW)'),
    targetQuantity: kw.describe('目標調達量 (kW)'),
    quantityAtZero: kw.describe('価格 0 円での量 (kW)'),
  })
  .meta({ id: 'DemandCurve' })
export type DemandCurve = z.infer<typeof demandCurveSchema>

/** 経過措置 (rules.md §4): the deduction rate by commissioning year, for contracts. */
export const deductionRowSchema = z.strictObject({
  /** Resources commissioned in or before this fiscal year (null: any year). */
  commissionedUpTo: z.number().int().nullable(),
  /** 0 ≤ rate ≤ 1, at most 4 decimals (rules-api.md `contract-amount`). */
  rate: factorValueSchema,
})

/** The clearing parameters of an auction: `ClearingInput` without the bids, plus the deductions. */
export const auctionParametersSchema = z
  .strictObject({
    demandCurve: demandCurveSchema,
    areas: z.array(z.strictObject({ area: areaSchema, requiredKw: kw })).min(1),
    interconnections: z.array(z.strictObject({ from: areaSchema, to: areaSchema, limitKw: kw })),
    adders: z.array(z.strictObject({ area: areaSchema, kw, label: z.string().min(1).max(100) })),
    dispatchOrderCapKw: kw.nullable(),
    deductionTable: z.array(deductionRowSchema),
  })
  .meta({ id: 'AuctionParameters' })
export type AuctionParameters = z.infer<typeof auctionParametersSchema>

/** A window of the auction (JST on screen, UTC in the API). */
export const auctionWindowSchema = z
  .strictObject({ opensAt: timestampSchema, closesAt: timestampSchema })
  .meta({ id: 'AuctionWindow' })
export type AuctionWindow = z.infer<typeof auctionWindowSchema>

/** The market window kinds an auction owns (`market_window.kind` with its `auctionId`). */
export const AUCTION_WINDOW_KINDS = {
  expectedCapacity: 'expectedCapacityRegistration',
  bidding: 'bidding',
} as const

// ─── Set-up (operator), read by everyone logged in ────────────────────────────────────────────

/** The two windows of an auction: expected capacity registration (070) and bidding (110). */
export const auctionWindowsSchema = z
  .strictObject({
    expectedCapacity: auctionWindowSchema.describe('期待容量登録受付 (070)'),
    bidding: auctionWindowSchema.describe('応札受付 (110)'),
  })
  .meta({ id: 'AuctionWindows' })
export type AuctionWindows = z.infer<typeof auctionWindowsSchema>

/**
 * The windows' own rules (both open before they close; the expected capacity window closes before
 * bidding opens), as field issues with catalogue IDs: the API and the form use it.
 */
export function auctionWindowIssues(
  w: AuctionWindows,
): { path: (string | number)[]; messageId: 'E-AUC-004' | 'E-AUC-005' }[] {
  const issues: { path: (string | number)[]; messageId: 'E-AUC-004' | 'E-AUC-005' }[] = []
  for (const key of ['expectedCapacity', 'bidding'] as const) {
    if (Date.parse(w[key].opensAt) >= Date.parse(w[key].closesAt)) {
      issues.push({ path: [key, 'closesAt'], messageId: 'E-AUC-004' })
    }
  }
  if (Date.parse(w.expectedCapacity.closesAt) > Date.parse(w.bidding.opensAt)) {
    issues.push({ path: ['bidding', 'opensAt'], messageId: 'E-AUC-005' })
  }
  return issues
}

const deliveryYearSchema = z.number().int().min(2020).max(2100).describe('対象実需給年度')

/** An auction in a list: what it is, its state and its windows. */
export const auctionSummarySchema = z
  .object({
    id: z.uuid(),
    code: auctionCodeSchema,
    type: auctionTypeSchema,
    subtype: auctionSubtypeSchema,
    deliveryYear: z.number().int(),
    state: auctionStateSchema,
    windows: auctionWindowsSchema.nullable().describe('null only for a row made without windows'),
    parametersVersion: z.number().int(),
    version: z.number().int(),
    updatedAt: timestampSchema,
  })
  .meta({ id: 'AuctionSummary' })
export type AuctionSummary = z.infer<typeof auctionSummarySchema>

/** One stored version of the parameters (never changed once written). */
export const auctionParameterVersionSchema = z
  .object({
    versionNo: z.number().int(),
    createdAt: timestampSchema,
    createdByName: z.string(),
    parameters: auctionParametersSchema,
  })
  .meta({ id: 'AuctionParameterVersion' })
export type AuctionParameterVersion = z.infer<typeof auctionParameterVersionSchema>

/** The auction with its parameters in force, the history of parameter versions and what blocks opening. */
export const auctionSchema = auctionSummarySchema
  .extend({
    note: z.string(),
    parameters: auctionParametersSchema,
    parameterVersions: z.array(auctionParameterVersionSchema).describe('Newest first'),
    /** Why the auction cannot be opened yet (empty: it can), checked by the rules engine. */
    parameterIssues: z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        messageId: z.string(),
        message: z.string(),
      }),
    ),
    /** Whether the parameters and windows may still change (draft or open, bidding not opened). */
    editable: z.boolean(),
  })
  .meta({ id: 'Auction' })
export type Auction = z.infer<typeof auctionSchema>

/** The windows as entered: with their rules (E-AUC-004, E-AUC-005). */
export const auctionWindowsInputSchema = auctionWindowsSchema.superRefine((w, ctx) => {
  for (const issue of auctionWindowIssues(w)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.messageId })
  }
})

export const auctionCreateSchema = z
  .strictObject({
    type: auctionTypeSchema,
    subtype: auctionSubtypeSchema.default('procurement'),
    deliveryYear: deliveryYearSchema,
    windows: auctionWindowsInputSchema,
    note: z.string().max(500).default(''),
    /** Absent: the reference parameters for the delivery year (reference-data.md). */
    parameters: auctionParametersSchema.optional(),
  })
  .meta({ id: 'AuctionCreate' })
export type AuctionCreate = z.input<typeof auctionCreateSchema>

export const auctionParametersUpdateSchema = z
  .strictObject({ parameters: auctionParametersSchema, version: z.number().int().min(0) })
  .meta({ id: 'AuctionParametersUpdate' })
export type AuctionParametersUpdate = z.infer<typeof auctionParametersUpdateSchema>

export const auctionWindowsUpdateSchema = z
  .strictObject({ windows: auctionWindowsInputSchema, version: z.number().int().min(0) })
  .meta({ id: 'AuctionWindowsUpdate' })
export type AuctionWindowsUpdate = z.infer<typeof auctionWindowsUpdateSchema>

/** The transitions the set-up makes; cleared and published belong to the clearing (120). */
export const auctionTransitionTargets = ['open', 'biddingClosed'] as const
export const auctionTransitionSchema = z
  .strictObject({ to: z.enum(auctionTransitionTargets), version: z.number().int().min(0) })
  .meta({ id: 'AuctionTransition' })
export type AuctionTransition = z.infer<typeof auctionTransitionSchema>

export const auctionSortFields = [
  'code',
  'type',
  'subtype',
  'deliveryYear',
  'state',
  'updatedAt',
] as const
export type AuctionSortField = (typeof auctionSortFields)[number]
export const auctionListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(20).optional().describe('Auction code contains'),
  deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
  type: auctionTypeSchema.optional(),
  state: auctionStateSchema.optional(),
})
export type AuctionListQuery = z.infer<typeof auctionListQuerySchema>

export const auctionReferenceQuerySchema = z.object({
  deliveryYear: z.coerce.number().int().min(2020).max(2100),
})

// ─── Qualification (100) ───────────────────────────────────────────────────────────────────────

/** One resource's qualification for an auction. */
export const qualificationSchema = z
  .object({
    id: z.uuid(),
    auctionId: z.uuid(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    resource: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: resourceKindSchema,
      area: areaSchema,
      supportScheme: supportSchemeSchema,
    }),
    expectedKw: z.number().int().describe('承認済みの期待容量 (kW): the bid’s upper bound'),
    proposed: z.boolean().describe('The system proposes it (≥ 1,000 kW, not FIT, active)'),
    notProposedMessageId: z.string().nullable().describe('Why not proposed (catalogue ID)'),
    state: qualificationStateSchema,
    excludedReason: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: timestampSchema.nullable(),
    version: z.number().int(),
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Qualification' })
export type Qualification = z.infer<typeof qualificationSchema>

export const qualificationSortFields = [
  'resourceCode',
  'resourceName',
  'participantCode',
  'area',
  'expectedKw',
  'proposed',
  'state',
  'updatedAt',
] as const
export type QualificationSortField = (typeof qualificationSortFields)[number]
export const qualificationListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Resource code or name contains'),
  state: qualificationStateSchema.optional(),
  proposed: z
    .enum(['true', 'false'])
    .optional()
    .describe('Proposed by the system (true) or not (false)'),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})
export type QualificationListQuery = z.infer<typeof qualificationListQuerySchema>

export const auctionQualificationParamsSchema = z.object({ id: z.uuid(), qid: z.uuid() })

export const qualificationDecisionSchema = z
  .strictObject({
    state: z.enum(['qualified', 'excluded']),
    reason: z.string().trim().max(500).optional().describe('Required when excluded'),
    version: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    if (v.state === 'excluded' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'E-AUC-031' })
    }
  })
  .meta({ id: 'QualificationDecision' })
export type QualificationDecision = z.infer<typeof qualificationDecisionSchema>

/** What a proposal run did (idempotent: decided rows keep their decision). */
export const qualificationProposalSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    removed: z.number().int(),
    proposed: z.number().int(),
    notProposed: z.number().int(),
  })
  .meta({ id: 'QualificationProposal' })
export type QualificationProposal = z.infer<typeof qualificationProposalSchema>

export const qualificationConfirmResultSchema = z
  .object({ confirmed: z.number().int() })
  .meta({ id: 'QualificationConfirmResult' })

/** The qualification notices (800) issued for an auction, newest first. */
export const qualificationNoticeSchema = z
  .object({
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    document: documentSummarySchema,
  })
  .meta({ id: 'QualificationNotice' })
export type QualificationNotice = z.infer<typeof qualificationNoticeSchema>
export const qualificationNoticeListSchema = z.object({ items: z.array(qualificationNoticeSchema) })
