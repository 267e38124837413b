/**
 * Outage plans (180 容量停止計画 / B00; bulk 880 / 890 / 891; records.md "Outage plan", rules.md §5.1).
 *
 * A plan takes `reducedKw` of a contracted resource out from `startAt` to `endAt`: both on
 * 30-minute boundaries in JST (= UTC, the offset being 9 h), end after start, inside the delivery
 * year (April 1 00:00 JST … March 31 24:00 JST). One schema validates the API request, the form
 * and (through `outagePlanFileRowSchemas`) a file row.
 */
import { z } from 'zod'
import { applicationEventSchema, applicationSummarySchema } from './applications.ts'
import { timestampSchema } from './common.ts'
import { currentWindowSchema } from './portal.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema } from './list.ts'
import { areaSchema, numberCell, resourceCodeSchema, resourceKindSchema } from './resources.ts'
import {
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  formatJstDateTime,
  fromJstParts,
  jstDayEnd,
  jstDayStart,
} from './time.ts'
import { rule } from './validation.ts'

/** The window of outage plan filings (容量停止計画提出受付, `market_window.kind`), per delivery year. */
export const OUTAGE_PLAN_WINDOW = 'outagePlanSubmission'
/** The system setting holding the allowance of planned outage days (rules.md §5.1). */
export const OUTAGE_ALLOWANCE_SETTING = 'outagePlanAllowanceDays'
/** Resource kinds the allowance (and its penalty) applies to (rules.md §5.1). */
export const outageAllowanceKinds = ['stable', 'variableSingle'] as const

export const outagePlanReasons = ['inspection', 'repair', 'construction', 'other'] as const
export const outagePlanReasonSchema = z
  .enum(outagePlanReasons)
  .describe('停止理由: inspection 点検 · repair 補修 · construction 工事 · other その他')
  .meta({ id: 'OutagePlanReason' })
export type OutagePlanReason = z.infer<typeof outagePlanReasonSchema>
export const outagePlanReasonLabels: Labels<OutagePlanReason> = {
  inspection: { ja: '点検', en: 'Inspection' },
  repair: { ja: '補修', en: 'Repair' },
  construction: { ja: '工事', en: 'Construction' },
  other: { ja: 'その他', en: 'Other' },
}

export const outagePlanStates = ['active', 'cancelled'] as const
export const outagePlanStateSchema = z
  .enum(outagePlanStates)
  .describe('active 登録済 · cancelled 取消')
  .meta({ id: 'OutagePlanState' })
export type OutagePlanState = z.infer<typeof outagePlanStateSchema>
export const outagePlanStateLabels: Labels<OutagePlanState> = {
  active: { ja: '登録済', en: 'Registered' },
  cancelled: { ja: '取消', en: 'Cancelled' },
}

/** 計画ID: `OP` + delivery year + `-` + 6 digits. */
export const outagePlanNoSchema = z
  .string()
  .trim()
  .min(1, { abort: true })
  .regex(/^OP\d{4}-\d{6}$/, rule('E-OUT-009'))
  .describe('計画ID (e.g. OP2030-000012)')
export function formatOutagePlanNo(deliveryYear: number, n: number): string {
  return `OP${deliveryYear}-${String(n).padStart(6, '0')}`
}

/** 30 minutes in milliseconds: plans start and end on these boundaries (JST = UTC + 9 h). */
export const OUTAGE_STEP_MS = 30 * 60 * 1000

/** The span of delivery year FY N: N-04-01 00:00 JST up to (N+1)-04-01 00:00 JST (exclusive). */
export function deliveryYearSpan(deliveryYear: number): { start: Date; end: Date } {
  return {
    start: jstDayStart(fiscalYearStart(deliveryYear)),
    end: jstDayEnd(fiscalYearEnd(deliveryYear)),
  }
}

/** The problems of a plan's period (every rule with the values it concerns). */
export function outagePeriodIssues(
  deliveryYear: number,
  startAt: string,
  endAt: string,
): {
  path: 'startAt' | 'endAt'
  messageId: 'E-OUT-001' | 'E-OUT-002' | 'E-OUT-003'
  params: Record<string, string | number>
}[] {
  const issues: ReturnType<typeof outagePeriodIssues> = []
  const start = new Date(startAt)
  const end = new Date(endAt)
  for (const [path, at] of [
    ['startAt', start],
    ['endAt', end],
  ] as const) {
    if (at.getTime() % OUTAGE_STEP_MS !== 0) {
      issues.push({ path, messageId: 'E-OUT-001', params: { value: formatJstDateTime(at) } })
    }
  }
  if (end <= start) {
    issues.push({
      path: 'endAt',
      messageId: 'E-OUT-002',
      params: { startAt: formatJstDateTime(start), endAt: formatJstDateTime(end) },
    })
  }
  const span = deliveryYearSpan(deliveryYear)
  if (start < span.start || end > span.end) {
    issues.push({
      path: start < span.start || start >= span.end ? 'startAt' : 'endAt',
      messageId: 'E-OUT-003',
      params: {
        deliveryYear,
        from: formatJstDateTime(span.start),
        to: `${fiscalYearEnd(deliveryYear).replaceAll('-', '/')} 24:00`,
      },
    })
  }
  return issues
}

/** An instant of a plan: ISO 8601 with an offset, kept as UTC (`…Z`) so equal times compare equal. */
const instantSchema = timestampSchema.transform((v) => new Date(v).toISOString())

const planShape = {
  deliveryYear: z.coerce
    .number()
    .int()
    .min(2020, rule('E-EC-001'))
    .max(2100, rule('E-EC-001'))
    .describe('対象実需給年度'),
  startAt: instantSchema.describe('停止開始日時 (30-minute boundary, JST)'),
  endAt: instantSchema.describe('停止終了日時 (30-minute boundary, JST; after the start)'),
  reducedKw: z.number().int().min(1).max(100_000_000).describe('停止容量(kW): 1 … the contract kW'),
  reason: outagePlanReasonSchema,
  note: z.string().trim().max(500).default('').describe('備考'),
}

type PlanPeriod = { deliveryYear: number; startAt: string; endAt: string }
function checkPeriod(value: PlanPeriod, ctx: z.RefinementCtx) {
  for (const issue of outagePeriodIssues(value.deliveryYear, value.startAt, value.endAt)) {
    ctx.addIssue({
      code: 'custom',
      path: [issue.path],
      message: issue.messageId,
      params: issue.params,
    })
  }
}

/** 容量停止計画の登録申込 (180 register, bulk 880 / 891). */
export const outagePlanRegisterSchema = z
  .strictObject({ resourceId: z.uuid().describe('電源等'), ...planShape })
  .superRefine(checkPeriod)
  .meta({ id: 'OutagePlanRegister' })
export type OutagePlanRegister = z.infer<typeof outagePlanRegisterSchema>
export type OutagePlanRegisterInput = z.input<typeof outagePlanRegisterSchema>

/** 容量停止計画の変更申込 (180 change, bulk 890 / 891): the plan's year stays (E-OUT-008). */
export const outagePlanChangeSchema = z
  .strictObject(planShape)
  .superRefine(checkPeriod)
  .meta({ id: 'OutagePlanChange' })
export type OutagePlanChange = z.infer<typeof outagePlanChangeSchema>
export type OutagePlanChangeInput = z.input<typeof outagePlanChangeSchema>

const resourceRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: resourceKindSchema,
  area: areaSchema,
})

/** A resource's planned outage of one delivery year against the allowance (rules.md §5.1). */
export const outageAllowanceFiguresSchema = z.object({
  equivalentDays: z.string().describe('等価停止日数 (2 decimals, half up)'),
  excessDays: z.string().describe('許容日数を超える日数'),
  exceeds: z.boolean(),
  penaltyEstimate: z
    .number()
    .int()
    .nullable()
    .describe('超過分のペナルティ見込額 (円) = 年額 × 超過日数 / 365, rounded down'),
})
export type OutageAllowanceFigures = z.infer<typeof outageAllowanceFiguresSchema>

export const outageAllowanceSchema = z
  .object({
    resource: resourceRefSchema,
    deliveryYear: z.number().int(),
    contractKw: z
      .number()
      .int()
      .describe('契約容量 (kW) of the year (its contracts not terminated)'),
    allowanceDays: z.number().describe('許容日数 of the year'),
    /** The allowance applies to stable and variable (single) resources (rules.md §5.1). */
    applies: z.boolean(),
    approved: outageAllowanceFiguresSchema.describe('The plans in force'),
    withPending: outageAllowanceFiguresSchema.describe(
      'With the open applications (registered, changed or cancelled as proposed), but the one given in the query',
    ),
    plan: z
      .object({ equivalentDays: z.string() })
      .nullable()
      .describe('What the plan given in the query adds'),
    withPlan: outageAllowanceFiguresSchema
      .nullable()
      .describe('withPending with the plan given in the query (in place of its current values)'),
  })
  .meta({ id: 'OutageAllowance' })
export type OutageAllowance = z.infer<typeof outageAllowanceSchema>

export const outageAllowanceQuerySchema = z.object({
  resourceId: z.uuid(),
  deliveryYear: z.coerce.number().int().min(2020).max(2100),
  startAt: timestampSchema.optional().describe('A plan being filed: its start'),
  endAt: timestampSchema.optional(),
  reducedKw: z.coerce.number().int().min(1).max(100_000_000).optional(),
  planId: z.uuid().optional().describe('The plan being changed (its current values are replaced)'),
  applicationId: z
    .uuid()
    .optional()
    .describe('The application the plan is of (not counted again among the open ones)'),
})

/** A plan as the API returns it. */
export const outagePlanSchema = z
  .object({
    id: z.uuid(),
    planNo: z.string(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    resource: resourceRefSchema,
    contractId: z.uuid(),
    contractNo: z.string(),
    contractKw: z.number().int(),
    deliveryYear: z.number().int(),
    startAt: timestampSchema,
    endAt: timestampSchema,
    reducedKw: z.number().int(),
    reason: outagePlanReasonSchema,
    note: z.string(),
    /** The equivalent days this plan counts for (kW × days / contract kW). */
    equivalentDays: z.string(),
    /** The resource's year: equivalent days of its plans in force against the allowance. */
    yearEquivalentDays: z.string(),
    allowanceDays: z.number(),
    yearExceeds: z.boolean(),
    state: outagePlanStateSchema,
    cancelledAt: timestampSchema.nullable(),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'OutagePlan' })
export type OutagePlan = z.infer<typeof outagePlanSchema>

export const outagePlanSortFields = [
  'planNo',
  'resourceCode',
  'resourceName',
  'participantCode',
  'deliveryYear',
  'startAt',
  'endAt',
  'reducedKw',
  'reason',
  'state',
  'updatedAt',
] as const
export type OutagePlanSortField = (typeof outagePlanSortFields)[number]

export const outagePlanListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Plan ID, resource code or name contains'),
  deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
  resourceId: z.uuid().optional(),
  state: outagePlanStateSchema.optional(),
  from: z.iso.date().optional().describe('Outages ending after this JST date begins'),
  to: z.iso.date().optional().describe('Outages starting before this JST date ends'),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})
export type OutagePlanListQuery = z.infer<typeof outagePlanListQuerySchema>

/** The submission window (容量停止計画提出受付) of a delivery year (`currentWindowSchema`). */
export const outagePlanWindowSchema = currentWindowSchema

/** A contracted resource of the participant for a delivery year (the form's choices). */
export const outagePlanResourceSchema = z
  .object({
    resource: resourceRefSchema,
    deliveryYear: z.number().int(),
    contractKw: z.number().int(),
    contractNos: z.array(z.string()),
  })
  .meta({ id: 'OutagePlanResource' })
export type OutagePlanResource = z.infer<typeof outagePlanResourceSchema>

// ─── Bulk rows (880 / 890 / 891) ────────────────────────────────────────────────────────────────

const JST_MINUTE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{2})(?::00)?$/

/**
 * A date and time cell in JST (`2030/05/01 09:30`, also `2030-05-01 09:30`; `24:00` is the next
 * day's 00:00) as the ISO instant of the API; anything else is left for the schema to refuse.
 */
export function jstMinuteCell(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const m = JST_MINUTE.exec(value.trim())
  if (!m) return value
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59) return value
  if (hour > 24 || (hour === 24 && minute !== 0)) return value
  const at = fromJstParts({ year, month, day, hour, minute })
  // A day that does not exist (2030/02/30) rolls over: refuse it.
  const back = new Date(Date.UTC(year, month - 1, day))
  if (back.getUTCMonth() !== month - 1) return value
  return at.toISOString()
}

const fileInstant = (header: string) =>
  z.preprocess(jstMinuteCell, z.iso.datetime({ offset: true, error: 'E-OUT-010' }).describe(header))

/** 停止理由 of a file: the code or its Japanese label (点検 / 補修 / 工事 / その他). */
const fileReason = z.preprocess((v) => {
  const found = Object.entries(outagePlanReasonLabels).find(([, l]) => l.ja === v)
  return found ? found[0] : v
}, outagePlanReasonSchema)

/** 処理区分 of the 891 file: `register` / `change` (also 登録 / 変更). */
const fileAction = z.preprocess(
  (v) => (v === '登録' ? 'register' : v === '変更' ? 'change' : v),
  z.enum(['register', 'change']).describe('register 登録 · change 変更'),
)

const fileShape = {
  resourceCode: resourceCodeSchema,
  startAt: fileInstant('停止開始日時'),
  endAt: fileInstant('停止終了日時'),
  reducedKw: numberCell(planShape.reducedKw),
  reason: fileReason,
  note: planShape.note,
}
const optionalPlanNo = z.preprocess(
  (v) => (v === '' ? undefined : v),
  outagePlanNoSchema.optional(),
)

/** The rows of the outage plan files: 880 registers, 890 changes (計画ID), 891 either (処理区分). */
export const outagePlanFileRowSchemas = {
  '880': z.object(fileShape).meta({ id: 'OutagePlanRegisterRow' }),
  '890': z.object({ planNo: outagePlanNoSchema, ...fileShape }).meta({ id: 'OutagePlanChangeRow' }),
  '891': z
    .object({ action: fileAction, planNo: optionalPlanNo, ...fileShape })
    .meta({ id: 'OutagePlanRegisterOrChangeRow' }),
}
export type OutagePlanFileRow = z.output<(typeof outagePlanFileRowSchemas)['891']>

/** The delivery year of a plan given by its times (a file row): the fiscal year of its start. */
export function deliveryYearOfPlan(startAt: string): number {
  return fiscalYearOf(new Date(startAt))
}

/** One plan with its history: the applications that registered, changed or cancelled it. */
export const outagePlanDetailSchema = outagePlanSchema
  .extend({
    applications: z.array(
      applicationSummarySchema.extend({ events: z.array(applicationEventSchema) }),
    ),
  })
  .meta({ id: 'OutagePlanDetail' })
export type OutagePlanDetail = z.infer<typeof outagePlanDetailSchema>
