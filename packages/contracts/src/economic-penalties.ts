/**
 * The penalty targets and economic penalty amounts (D00, D20): schemas shared by the API, the
 * screens and the CSV rows. Both read the stored assessment results (B40) of the latest succeeded
 * run of each month — the lines with their evidence, the subtotal, the parts waived by the caps and
 * the total — and never compute an amount again.
 */
import { z } from 'zod'
import { assessmentRequirementSchema, exemptSlotSchema } from './assessment.ts'
import { timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { resourceKindSchema } from './resources.ts'

const yen = z.number().int()
const kw = z.number().int()
const dateSchema = z.iso.date().describe('JST date (YYYY-MM-DD)')
const slotSchema = z.number().int().min(1).max(48).describe('30-minute slot 1..48 (JST)')

// ───────────────────────── D00 penalty targets ─────────────────────────

/** One penalty line of a resource-month (a failure that gives rise to a penalty). */
export const penaltyTargetSchema = z
  .object({
    id: z.string().describe('`<resultId>:<requirement>`'),
    resultId: z.uuid().describe('The assessment result (resource-month); the detail’s ID'),
    runId: z.uuid(),
    month: monthSchema,
    version: z.number().int().describe('The run (the latest succeeded version of the month)'),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    kind: resourceKindSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    requirement: assessmentRequirementSchema,
    count: z
      .number()
      .int()
      .nullable()
      .describe('Slots (dispatchOrder: orders) of the evidence; null for plannedOutage (days)'),
    shortfallKw: kw.nullable().describe('Σ kW of the slot evidence; null for orders and outages'),
    amount: yen.describe('The line’s amount before the caps (as stored)'),
    waived: z.boolean().describe('The resource-month had a part waived by a cap'),
  })
  .meta({ id: 'PenaltyTarget' })
export type PenaltyTarget = z.infer<typeof penaltyTargetSchema>

export const penaltyTargetPageSchema = pageSchema(penaltyTargetSchema).meta({
  id: 'PenaltyTargetPage',
})

export const penaltyTargetSortFields = [
  'month',
  'participantCode',
  'resourceCode',
  'resourceName',
  'kind',
  'requirement',
  'count',
  'shortfallKw',
  'amount',
] as const
export type PenaltyTargetSortField = (typeof penaltyTargetSortFields)[number]

const resourceCodeFilter = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .optional()
  .describe('The resource code (exact)')
const participantFilter = z.uuid().optional().describe('Operator only (participants see their own)')

export const penaltyTargetListQuerySchema = listQuerySchema.extend({
  month: monthSchema
    .optional()
    .describe('The month (absent: the latest month with a succeeded assessment run)'),
  resourceCode: resourceCodeFilter,
  requirement: assessmentRequirementSchema.optional(),
  participantId: participantFilter,
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${penaltyTargetSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type PenaltyTargetListQuery = z.infer<typeof penaltyTargetListQuerySchema>

/**
 * One evidence slot with the values it came from. `kw` is the stored shortfall (reserveNotice:
 * unoffered kW); the other figures are the delivery data of the slot as fed now and the planned kW
 * of the outage plans the run read (`changedAfterRun`: the day was fed again after the run).
 */
export const penaltySlotEvidenceSchema = z
  .object({
    date: dateSchema,
    slot: slotSchema,
    kw: kw.describe('Shortfall kW as the run stored it (reserveNotice: unoffered kW)'),
    contractKw: kw,
    plannedKw: kw.describe('Σ reduced kW of the outage plans covering the slot'),
    availableKw: kw.nullable().describe('Metered kWh × 2 (stable resources with metered data)'),
    instructedKw: kw.nullable(),
    deliveredKw: kw.nullable(),
    offeredKw: kw.nullable(),
    changedAfterRun: z.boolean(),
  })
  .meta({ id: 'PenaltySlotEvidence' })
export type PenaltySlotEvidence = z.infer<typeof penaltySlotEvidenceSchema>

/** One dispatch order behind the dispatch-order line, with its stored ratio. */
export const penaltyOrderEvidenceSchema = z
  .object({
    orderId: z.string(),
    ratio: z.number().describe('delivered / instructed, half-up to 4 decimals (as stored)'),
    startAt: timestampSchema.nullable(),
    date: dateSchema.nullable(),
    firstSlot: slotSchema.nullable(),
    slotCount: z.number().int(),
    instructedKw: kw.describe('Σ instructed kW over the ordered slots'),
    deliveredKw: kw.describe('Σ delivered kW, counted up to the instructed kW per slot'),
  })
  .meta({ id: 'PenaltyOrderEvidence' })
export type PenaltyOrderEvidence = z.infer<typeof penaltyOrderEvidenceSchema>

export const penaltyLineSchema = z
  .object({
    requirement: assessmentRequirementSchema,
    amount: yen.describe('Before the caps'),
    count: z.number().int().nullable(),
    shortfallKw: kw.nullable(),
    multiplier: z.number().nullable().describe('Requirements 2–4: the year’s multiplier'),
    slots: z.array(penaltySlotEvidenceSchema),
    orders: z.array(penaltyOrderEvidenceSchema),
  })
  .meta({ id: 'PenaltyLine' })
export type PenaltyLine = z.infer<typeof penaltyLineSchema>

/** D00 detail: one resource-month (an assessment result) and its penalty lines. */
export const penaltyTargetDetailSchema = z
  .object({
    id: z.uuid().describe('The assessment result'),
    runId: z.uuid(),
    month: monthSchema,
    version: z.number().int(),
    current: z.boolean().describe('The run is the latest succeeded one of its month'),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    kind: resourceKindSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    contractKw: kw,
    annualAmount: yen,
    unitPrice: z.number().describe('U = A / contract kW'),
    outageAllowanceDays: z.number(),
    outageDaysBefore: z.number(),
    outageDaysInMonth: z.number(),
    subtotal: yen,
    monthlyCap: yen,
    waivedMonthly: yen,
    waivedAnnual: yen,
    total: yen,
    lines: z.array(penaltyLineSchema),
    exemptSlots: z.array(exemptSlotSchema),
  })
  .meta({ id: 'PenaltyTargetDetail' })
export type PenaltyTargetDetail = z.infer<typeof penaltyTargetDetailSchema>

// ───────────────────────── D20 economic penalty amounts ─────────────────────────

/** One resource-month of a delivery year: the amounts with the caps (as stored). */
export const penaltyAmountSchema = z
  .object({
    resultId: z.uuid(),
    runId: z.uuid(),
    month: monthSchema,
    version: z.number().int(),
    deliveryYear: z.number().int(),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    kind: resourceKindSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    contractKw: kw,
    annualAmount: yen.describe('A (after deduction) of the month'),
    subtotal: yen.describe('Σ lines, before the caps'),
    monthlyCapShare: z.number(),
    monthlyCap: yen.describe('floor(A × monthlyCapShare)'),
    waivedMonthly: yen,
    annualCapShare: z.number(),
    annualCap: yen.describe('floor(A × annualCapShare)'),
    penaltiesBefore: yen.describe('Penalties (after caps) of the year before this month'),
    waivedAnnual: yen,
    total: yen,
    yearToDate: yen.describe('penaltiesBefore + total'),
  })
  .meta({ id: 'PenaltyAmount' })
export type PenaltyAmount = z.infer<typeof penaltyAmountSchema>

export const penaltyAmountPageSchema = pageSchema(penaltyAmountSchema).meta({
  id: 'PenaltyAmountPage',
})

export const penaltyAmountSortFields = [
  'month',
  'participantCode',
  'resourceCode',
  'resourceName',
  'annualAmount',
  'subtotal',
  'monthlyCap',
  'waivedMonthly',
  'annualCap',
  'waivedAnnual',
  'total',
  'yearToDate',
] as const
export type PenaltyAmountSortField = (typeof penaltyAmountSortFields)[number]

const deliveryYearFilter = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .optional()
  .describe('The delivery year (April … March; absent: the current one in JST)')

export const penaltyAmountListQuerySchema = listQuerySchema.extend({
  deliveryYear: deliveryYearFilter,
  resourceCode: resourceCodeFilter,
  participantId: participantFilter,
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${penaltyAmountSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type PenaltyAmountListQuery = z.infer<typeof penaltyAmountListQuerySchema>

export const penaltyYearQuerySchema = z.object({ deliveryYear: deliveryYearFilter })

/** D20 year view: one resource, the twelve months of a delivery year (null: not assessed). */
export const penaltyYearSchema = z
  .object({
    deliveryYear: z.number().int(),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    kind: resourceKindSchema,
    participantCode: z.string(),
    participantName: z.string(),
    months: z.array(z.object({ month: monthSchema, amount: penaltyAmountSchema.nullable() })),
    totals: z.object({
      subtotal: yen,
      waivedMonthly: yen,
      waivedAnnual: yen,
      total: yen,
    }),
    annualCap: yen
      .nullable()
      .describe('floor(A × annualCapShare) of the latest assessed month; null: none assessed'),
    annualCapShare: z.number().nullable(),
  })
  .meta({ id: 'PenaltyYear' })
export type PenaltyYear = z.infer<typeof penaltyYearSchema>
