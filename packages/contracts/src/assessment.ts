/**
 * The monthly assessment (B40, C00, B90; the job and its versions): schemas shared by the API,
 * the screens and the CSV rows. A run assesses every contracted resource of a month through the
 * rules engine (`assess-month`, rules-api.md); re-running a month makes a new version and keeps
 * the older ones readable. Results are per run and resource, with the lines, their evidence, the
 * basis the input was built from and the slots exempt by operation restraint.
 */
import { z } from 'zod'
import { runFailureFields, timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import { jobStateSchema } from './bulk.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { areaSchema, resourceKindSchema } from './resources.ts'

const yen = z.number().int()
const kw = z.number().int()
const dateSchema = z.iso.date().describe('JST date (YYYY-MM-DD)')
const slotSchema = z.number().int().min(1).max(48).describe('30-minute slot 1..48 (JST)')

// ───────────────────────── Runs (the job and its versions) ─────────────────────────

export const assessmentRunInputSchema = z.strictObject({
  month: monthSchema.describe(
    'The month to assess (YYYY-MM); it must have ended (JST) and lie in a delivery year with contracts',
  ),
})
export type AssessmentRunInput = z.infer<typeof assessmentRunInputSchema>

/** One run of a month (a version) with its job's progress. */
export const assessmentRunSchema = z
  .object({
    id: z.uuid(),
    month: monthSchema,
    deliveryYear: z.number().int(),
    version: z.number().int().describe('1, 2, … per month; the latest succeeded one counts'),
    state: jobStateSchema,
    jobId: z.uuid().nullable(),
    processed: z.number().int().describe('Resources assessed so far'),
    total: z.number().int().nullable().describe('Resources to assess (known once the run starts)'),
    resourceCount: z.number().int().describe('Resources assessed (succeeded runs)'),
    totalAmount: yen
      .nullable()
      .describe('Σ total of every result of the run (operator only; null for others)'),
    ...runFailureFields,
    startedByName: z.string().nullable().describe('null: queued by the schedule'),
    createdAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    /** True for the latest succeeded run of its month (the one that counts). */
    current: z.boolean(),
  })
  .meta({ id: 'AssessmentRun' })
export type AssessmentRun = z.infer<typeof assessmentRunSchema>

export const assessmentRunListQuerySchema = z.object({
  month: monthSchema.optional().describe('The runs of this month; absent: the latest 50 runs'),
})
export type AssessmentRunListQuery = z.infer<typeof assessmentRunListQuerySchema>

/** The runs of a month (or the latest runs), latest first. */
export const assessmentRunListSchema = z
  .object({ items: z.array(assessmentRunSchema) })
  .meta({ id: 'AssessmentRunList' })
export type AssessmentRunList = z.infer<typeof assessmentRunListSchema>

// ───────────────────────── Results (B40) ─────────────────────────

export const assessmentRequirements = [
  'plannedOutage',
  'unplannedOutage',
  'supplyInstruction',
  'reserveNotice',
  'dispatchOrder',
] as const
export const assessmentRequirementSchema = z
  .enum(assessmentRequirements)
  .describe(
    'plannedOutage 計画停止 · unplannedOutage 計画外停止 · supplyInstruction 供給指示 · reserveNotice 供給力提供通知 · dispatchOrder 発動指令',
  )
  .meta({ id: 'AssessmentRequirement' })
export type AssessmentRequirement = z.infer<typeof assessmentRequirementSchema>

export const assessmentRequirementLabels: Labels<AssessmentRequirement> = {
  plannedOutage: { ja: '計画停止', en: 'Planned outage' },
  unplannedOutage: { ja: '計画外停止', en: 'Unplanned outage' },
  supplyInstruction: { ja: '供給指示', en: 'Supply instruction' },
  reserveNotice: { ja: '供給力提供通知', en: 'Reserve-margin notice' },
  dispatchOrder: { ja: '発動指令', en: 'Dispatch order' },
}

/** Evidence of a slot line: the slot and its shortfall kW (reserveNotice: the unoffered kW). */
export const slotEvidenceSchema = z
  .object({ date: dateSchema, slot: slotSchema, kw })
  .meta({ id: 'AssessmentSlotEvidence' })
export type SlotEvidenceView = z.infer<typeof slotEvidenceSchema>

/** Evidence of the dispatch-order line: an order and its ratio (half-up to 4 decimals). */
export const orderEvidenceSchema = z
  .object({ orderId: z.string(), ratio: z.number() })
  .meta({ id: 'AssessmentOrderEvidence' })
export type OrderEvidenceView = z.infer<typeof orderEvidenceSchema>

/** One line of a result as `assessMonth` returned it (only lines with amount > 0). */
export const assessmentLineSchema = z
  .object({
    requirement: assessmentRequirementSchema,
    amount: yen.describe('Whole yen: the floor of the exact line total'),
    evidence: z.union([z.array(slotEvidenceSchema), z.array(orderEvidenceSchema)]),
  })
  .meta({ id: 'AssessmentLine' })
export type AssessmentLineView = z.infer<typeof assessmentLineSchema>

/** A slot exempt from requirements 2–4 by operation restraint (B90). */
export const exemptSlotSchema = z
  .object({ date: dateSchema, slot: slotSchema, restrainedKw: kw })
  .meta({ id: 'AssessmentExemptSlot' })
export type ExemptSlot = z.infer<typeof exemptSlotSchema>

/** The parameters of the delivery year the run used (B10). */
export const assessmentParametersViewSchema = z
  .object({
    outageAllowanceDays: z.number(),
    multipliers: z.object({
      unplannedOutage: z.number(),
      supplyInstruction: z.number(),
      reserveNotice: z.number(),
    }),
    expectedOrdersPerYear: z.number().int(),
    monthlyCapShare: z.number(),
    annualCapShare: z.number(),
    version: z.number().int().nullable().describe('The stored set; null: rules.md defaults'),
  })
  .meta({ id: 'AssessmentParametersUsed' })

/** One dispatch order of the month as the run read it (C00/C10). */
export const assessedOrderSchema = z
  .object({
    orderId: z.string(),
    startAt: timestampSchema.describe('Start of the first ordered slot'),
    slots: z.array(
      z.object({ date: dateSchema, slot: slotSchema, instructedKw: kw, deliveredKw: kw }),
    ),
  })
  .meta({ id: 'AssessedDispatchOrder' })
export type AssessedOrder = z.infer<typeof assessedOrderSchema>

/** What the input of a result was built from (B10 / B20 and the year so far). */
export const assessmentBasisViewSchema = z
  .object({
    contractKw: kw.describe('Σ contracts − allocated out + allocated in'),
    annualAmount: yen.describe('A for those kW (yen per year, after deduction)'),
    unitPrice: z.number().describe('U = A / contract kW (yen per kW-year)'),
    parameters: assessmentParametersViewSchema,
    contracts: z.array(z.object({ contractNo: z.string(), contractKw: kw, annualAmount: yen })),
    allocationsOut: z.array(
      z.object({ contractNo: z.string(), resourceCode: z.string(), kw, annualAmount: yen }),
    ),
    allocationsIn: z.array(
      z.object({ contractNo: z.string(), resourceCode: z.string(), kw, annualAmount: yen }),
    ),
    outagePlans: z.array(
      z.object({
        planNo: z.string(),
        startAt: timestampSchema,
        endAt: timestampSchema,
        reducedKw: kw,
      }),
    ),
    /** The earlier months of the delivery year whose runs gave the year so far. */
    earlierMonths: z.array(
      z.object({
        month: monthSchema,
        version: z.number().int(),
        outageDaysInMonth: z.number(),
        total: yen,
      }),
    ),
    /** Counts of the assessment slots read (slots with something to assess). */
    slotCounts: z.object({
      assessed: z.number().int(),
      reserveNotice: z.number().int(),
      instructed: z.number().int(),
      restrained: z.number().int(),
      metered: z.number().int().describe('Assessment slots with metered data'),
      explanationAccepted: z.number().int(),
    }),
    dispatchOrders: z.array(assessedOrderSchema),
  })
  .meta({ id: 'AssessmentBasisUsed' })
export type AssessmentBasisView = z.infer<typeof assessmentBasisViewSchema>

/** A result in the list (B40): one resource in one run. */
export const assessmentResultSummarySchema = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    month: monthSchema,
    version: z.number().int(),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    kind: resourceKindSchema,
    area: areaSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    contractKw: kw,
    annualAmount: yen,
    outageDaysBefore: z.number(),
    outageDaysInMonth: z.number(),
    penaltiesBefore: yen,
    subtotal: yen,
    waivedMonthly: yen,
    waivedAnnual: yen,
    total: yen,
    /** The requirements with an amount (the lines' order). */
    requirements: z.array(assessmentRequirementSchema),
    exemptSlotCount: z.number().int(),
  })
  .meta({ id: 'AssessmentResultSummary' })
export type AssessmentResultSummary = z.infer<typeof assessmentResultSummarySchema>

/** One result with its lines, evidence, basis and exempt slots. */
export const assessmentResultSchema = assessmentResultSummarySchema
  .extend({
    lines: z.array(assessmentLineSchema),
    basis: assessmentBasisViewSchema,
    exemptSlots: z.array(exemptSlotSchema),
    run: assessmentRunSchema,
  })
  .meta({ id: 'AssessmentResult' })
export type AssessmentResultDetail = z.infer<typeof assessmentResultSchema>

export const assessmentResultPageSchema = pageSchema(assessmentResultSummarySchema).meta({
  id: 'AssessmentResultPage',
})

export const assessmentResultSortFields = [
  'resourceCode',
  'resourceName',
  'participantCode',
  'kind',
  'area',
  'contractKw',
  'annualAmount',
  'subtotal',
  'waivedMonthly',
  'waivedAnnual',
  'total',
] as const
export type AssessmentResultSortField = (typeof assessmentResultSortFields)[number]

/**
 * The run a list is of: `runId`; else the latest succeeded run of `month`; else the latest
 * succeeded run of the latest month that has one.
 */
const runSelection = {
  month: monthSchema
    .optional()
    .describe('The latest succeeded run of this month (absent: of the latest month with one)'),
  runId: z.uuid().optional().describe('A given run (any version); wins over `month`'),
}

export const assessmentResultListQuerySchema = listQuerySchema.extend({
  ...runSelection,
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  resource: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the resource code or name (taken literally)'),
  kind: resourceKindSchema.optional(),
  area: areaSchema.optional(),
  hasPenalty: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: total > 0 · `false`: total = 0'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${assessmentResultSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type AssessmentResultListQuery = z.infer<typeof assessmentResultListQuerySchema>

// ───────────────────────── Dispatch orders (C00) ─────────────────────────

/** One dispatch order of the month with its outcome (C00). */
export const dispatchOrderResultSchema = z
  .object({
    orderId: z.string(),
    dispatchOrderId: z
      .uuid()
      .nullable()
      .describe(
        'The stored dispatch order (C10: `GET /dispatch-orders/{id}`); null if it is no longer stored',
      ),
    resultId: z.uuid().describe('The resource’s result in the run'),
    runId: z.uuid(),
    month: monthSchema,
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantCode: z.string(),
    startAt: timestampSchema,
    date: dateSchema.describe('JST date of the first ordered slot'),
    firstSlot: slotSchema,
    slotCount: z.number().int(),
    instructedKw: kw.describe('Σ instructed kW over the ordered slots'),
    deliveredKw: kw.describe('Σ delivered kW, counted up to the instructed kW per slot'),
    ratio: z.number().describe('delivered / instructed, half-up to 4 decimals'),
    amount: yen.describe(
      "The order's share: floor(A × (1 − ratio) / expected orders per year); the line is the floor of the exact sum",
    ),
  })
  .meta({ id: 'DispatchOrderResult' })
export type DispatchOrderResult = z.infer<typeof dispatchOrderResultSchema>

export const dispatchOrderResultPageSchema = pageSchema(dispatchOrderResultSchema).meta({
  id: 'DispatchOrderResultPage',
})

export const dispatchOrderResultSortFields = [
  'startAt',
  'orderId',
  'resourceCode',
  'instructedKw',
  'deliveredKw',
  'ratio',
  'amount',
] as const
export type DispatchOrderResultSortField = (typeof dispatchOrderResultSortFields)[number]

export const dispatchOrderResultListQuerySchema = listQuerySchema.extend({
  ...runSelection,
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  resource: z.string().trim().max(100).optional().describe('Part of the resource code or name'),
  shortfall: z.enum(['true', 'false']).optional().describe('`true`: ratio < 1 only'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${dispatchOrderResultSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type DispatchOrderResultListQuery = z.infer<typeof dispatchOrderResultListQuerySchema>

// ───────────────────────── Exempt slots (B90) ─────────────────────────

/** A slot exempt by operation restraint, as the run recorded it (B90). */
export const exemptSlotRowSchema = z
  .object({
    resultId: z.uuid(),
    runId: z.uuid(),
    month: monthSchema,
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    area: areaSchema,
    participantCode: z.string(),
    date: dateSchema,
    slot: slotSchema,
    restrainedKw: kw,
  })
  .meta({ id: 'AssessmentExemptSlotRow' })
export type ExemptSlotRow = z.infer<typeof exemptSlotRowSchema>

export const exemptSlotPageSchema = pageSchema(exemptSlotRowSchema).meta({
  id: 'AssessmentExemptSlotPage',
})

export const exemptSlotSortFields = ['date', 'resourceCode', 'restrainedKw'] as const
export type ExemptSlotSortField = (typeof exemptSlotSortFields)[number]

export const exemptSlotListQuerySchema = listQuerySchema.extend({
  ...runSelection,
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  resource: z.string().trim().max(100).optional().describe('Part of the resource code or name'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(`Field to sort by (${exemptSlotSortFields.join(', ')}); prefix "-" for descending`),
})
export type ExemptSlotListQuery = z.infer<typeof exemptSlotListQuerySchema>
