/**
 * Input assembly of the monthly assessment (B40): for a month, the `AssessmentInput` of
 * rules-api.md for every resource of the assessment basis with a contract kW ≥ 1 (a resource
 * whose kW all moved away by replacement is skipped), with what the input was built from (the
 * basis stored with the result) and the slots exempt by operation restraint.
 *
 * - Contract kW, A: `assessmentBasis` (contracts after replacement allocations, B20); the
 *   parameters: `assessmentParameters` of the delivery year (B10).
 * - The year so far: the latest succeeded run of each earlier month of the delivery year
 *   (Σ `outageDaysInMonth`, Σ `total`).
 * - Outage plans (180 / B00): the resource's plans in force (approved, not cancelled — a plan row
 *   exists once approved) that overlap the month.
 * - Slots: only assessment slots — a reserve-margin notice in the resource's area
 *   (`reserve_notice_day.notice_kind[slot] <> ''`), an instruction (`instructed_kw > 0`) or
 *   restraint (`restrained_kw > 0`). `availableKw` = metered kWh × 2 (the slot's average kW) for
 *   stable resources whose metered data was fed; other kinds have no `availableKw` (line 2 is for
 *   stable resources only; line 4 then counts the contract kW as available).
 *   `explanationAccepted`: an omission flag of the slot accepted by the operator (B50).
 * - Dispatch orders (C10): the orders starting in the month; slot k of an order starts at
 *   startAt + (k − 1) × 30 min, delivered = min(instructed, max(0, baseline − actual)). Slots
 *   after the month's end (an order across midnight of the last day) are not assessed.
 *
 * The delivery data is read in large sequential reads (`readBatch`: every day row of a batch of
 * resources in the month in one query, in resource order), never one query per resource-day;
 * only day rows with something to assess are fetched (a notice in the area, or any instruction
 * or restraint that day).
 */
import {
  daysInMonth,
  fiscalYearOf,
  jstDayStart,
  slotOf,
  type AssessmentBasisView,
  type ExemptSlot,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import type { AssessmentInput, AssessmentSlot } from '@yoryo/domain'
import {
  assessmentBasis,
  assessmentBasisResourceIds,
  assessmentParameters,
  type ResourceMonthBasis,
} from '../assessment-basis/public.ts'
import { SLOTS_PER_DAY } from '../feeds/public.ts'

const SLOT_MS = 30 * 60_000

/** What the job needs of one resource: the engine's input and what it was built from. */
export interface ResourceAssessment {
  basis: ResourceMonthBasis
  input: AssessmentInput
  view: AssessmentBasisView
  exemptSlots: ExemptSlot[]
  /** Per assessment slot `date#slot`: available kW and planned kW (for the B50 flags). */
  slotFigures: Map<string, { availableKw: number; plannedKw: number }>
}

/** The month-wide part of the input: the same for every resource. */
export interface MonthContext {
  month: string
  deliveryYear: number
  /** JST dates of the month. */
  days: string[]
  /** First instant of the month and of the next month (JST). */
  start: Date
  end: Date
  parameters: Awaited<ReturnType<typeof assessmentParameters>>
  /** Per area: per JST date, the notice slots (1-based) of that day. */
  notices: Map<string, Map<string, Set<number>>>
  /** Per resource ID: the earlier months' figures (latest succeeded run of each). */
  earlier: Map<string, AssessmentBasisView['earlierMonths']>
}

export function monthDays(month: string): string[] {
  return Array.from(
    { length: daysInMonth(month) },
    (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`,
  )
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The months of the delivery year of `month` before it (April first). */
export function earlierMonthsOf(month: string): string[] {
  const year = fiscalYearOf(`${month}-01`)
  const out: string[] = []
  for (let m = `${year}-04`; m < month; m = nextMonth(m)) out.push(m)
  return out
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** Reads what is the same for every resource of the month: parameters, notices, the year so far. */
export async function monthContext(db: DbClient, month: string): Promise<MonthContext> {
  const deliveryYear = fiscalYearOf(`${month}-01`)
  const days = monthDays(month)
  const start = jstDayStart(days[0] as string)
  const end = jstDayStart(`${nextMonth(month)}-01`)
  const parameters = await assessmentParameters(db, deliveryYear)

  const notices = new Map<string, Map<string, Set<number>>>()
  const noticeRows = await db.$queryRaw<{ area: string; date: Date; notice_kind: string[] }[]>`
    SELECT area::text AS area, date, notice_kind FROM reserve_notice_day
    WHERE date >= ${days[0]}::date AND date <= ${days[days.length - 1]}::date
    ORDER BY area, date`
  for (const row of noticeRows) {
    const slots = new Set<number>()
    row.notice_kind.forEach((kind, i) => {
      if (kind) slots.add(i + 1)
    })
    if (!slots.size) continue
    const byDate = notices.get(row.area) ?? new Map<string, Set<number>>()
    byDate.set(isoDate(row.date), slots)
    notices.set(row.area, byDate)
  }

  const earlier = new Map<string, AssessmentBasisView['earlierMonths']>()
  const months = earlierMonthsOf(month)
  if (months.length) {
    const rows = await db.$queryRaw<
      { resource_id: string; month: string; version: number; days: string; total: bigint }[]
    >`
      SELECT r.resource_id, r.month, run.version, r.outage_days_in_month::text AS days, r.total
      FROM assessment_result r
      JOIN assessment_run run ON run.id = r.run_id
      WHERE run.id IN (
        SELECT DISTINCT ON (month) id FROM assessment_run
        WHERE state = 'succeeded' AND month = ANY(${months}::text[])
        ORDER BY month, version DESC)
      ORDER BY r.resource_id, r.month`
    for (const row of rows) {
      const list = earlier.get(row.resource_id) ?? []
      list.push({
        month: row.month,
        version: row.version,
        outageDaysInMonth: Number(row.days),
        total: Number(row.total),
      })
      earlier.set(row.resource_id, list)
    }
  }
  return { month, deliveryYear, days, start, end, parameters, notices, earlier }
}

/** The resources assessed in the month (basis with contract kW ≥ 1), in resource code order. */
export async function assessedResources(
  db: DbClient,
  month: string,
  filter: { resourceIds?: string[] } = {},
): Promise<ResourceMonthBasis[]> {
  return (await assessmentBasis(db, month, filter)).filter((b) => b.contractKw >= 1)
}

/**
 * The resources assessed in the month batch by batch, in resource code order: the month's
 * resource IDs are read once (`assessmentBasisResourceIds`, a few bytes each), the basis of
 * `batchSize` of them at a time, so memory holds one batch's basis whatever the month's size.
 * `done` / `total`: resource IDs read so far and in all (progress; a resource whose kW all moved
 * away is counted there but not assessed).
 */
export async function* assessedResourceBatches(
  db: DbClient,
  month: string,
  batchSize: number,
): AsyncGenerator<{ batch: ResourceMonthBasis[]; done: number; total: number }> {
  const ids = await assessmentBasisResourceIds(db, month)
  for (let i = 0; i < ids.length; i += batchSize) {
    const slice = ids.slice(i, i + batchSize)
    const batch = await assessedResources(db, month, { resourceIds: slice })
    yield { batch, done: i + slice.length, total: ids.length }
  }
}

/** Whether the month has a resource to assess (read batch by batch, stops at the first). */
export async function hasAssessedResources(
  db: DbClient,
  month: string,
  batchSize = 1_000,
): Promise<boolean> {
  for await (const { batch } of assessedResourceBatches(db, month, batchSize)) {
    if (batch.length) return true
  }
  return false
}

interface DayRow {
  resource_id: string
  date: Date
  metered_kwh: number[]
  instructed_kw: number[]
  delivered_kw: number[]
  restrained_kw: number[]
  offered_kw: number[]
}

interface OrderRow {
  resource_id: string
  order_id: string
  start_at: Date
  instructed_kw: number
  baseline_kw: number[]
  actual_kw: number[]
}

interface PlanRow {
  resource_id: string
  plan_no: string
  start_at: Date
  end_at: Date
  reduced_kw: number
}

interface OmissionRow {
  resource_id: string
  date: Date
  slot: number
}

/**
 * Builds the input of a batch of resources (e.g. 1,000) in five sequential reads: day rows,
 * dispatch orders, outage plans, accepted omission flags of the month.
 */
export async function readBatch(
  db: DbClient,
  ctx: MonthContext,
  batch: ResourceMonthBasis[],
): Promise<ResourceAssessment[]> {
  const ids = batch.map((b) => b.resourceId)
  const first = ctx.days[0] as string
  const last = ctx.days[ctx.days.length - 1] as string
  // Day rows with something to assess: a notice of the area that day, or any instruction or
  // restraint (an all-zero or empty array is contained in '{0}').
  const noticeKeys: string[] = []
  for (const [area, byDate] of ctx.notices) {
    for (const date of byDate.keys()) noticeKeys.push(`${area}#${date}`)
  }
  const days = await db.$queryRaw<DayRow[]>`
    SELECT d.resource_id, d.date, d.metered_kwh, d.instructed_kw, d.delivered_kw,
      d.restrained_kw, d.offered_kw
    FROM delivery_day d JOIN resource r ON r.id = d.resource_id
    WHERE d.resource_id = ANY(${ids}::uuid[]) AND d.date >= ${first}::date AND d.date <= ${last}::date
      AND (NOT d.instructed_kw <@ '{0}'::int[] OR NOT d.restrained_kw <@ '{0}'::int[]
        OR (r.area::text || '#' || to_char(d.date, 'YYYY-MM-DD')) = ANY(${noticeKeys}::text[]))
    ORDER BY d.resource_id, d.date`
  const orders = await db.$queryRaw<OrderRow[]>`
    SELECT resource_id, order_id, start_at, instructed_kw, baseline_kw, actual_kw
    FROM dispatch_order
    WHERE resource_id = ANY(${ids}::uuid[]) AND start_at >= ${ctx.start} AND start_at < ${ctx.end}
    ORDER BY resource_id, start_at, order_id`
  const plans = await db.$queryRaw<PlanRow[]>`
    SELECT resource_id, plan_no, start_at, end_at, reduced_kw FROM outage_plan
    WHERE resource_id = ANY(${ids}::uuid[]) AND cancelled_at IS NULL
      AND start_at < ${ctx.end} AND end_at > ${ctx.start}
    ORDER BY resource_id, start_at, plan_no`
  const accepted = await db.$queryRaw<OmissionRow[]>`
    SELECT resource_id, date, slot FROM outage_omission
    WHERE resource_id = ANY(${ids}::uuid[]) AND month = ${ctx.month} AND state = 'accepted'`

  const group = <T extends { resource_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>()
    for (const row of rows) {
      const list = map.get(row.resource_id)
      if (list) list.push(row)
      else map.set(row.resource_id, [row])
    }
    return map
  }
  const daysOf = group(days)
  const ordersOf = group(orders)
  const plansOf = group(plans)
  const acceptedOf = new Map<string, Set<string>>()
  for (const row of accepted) {
    const set = acceptedOf.get(row.resource_id) ?? new Set<string>()
    set.add(`${isoDate(row.date)}#${row.slot}`)
    acceptedOf.set(row.resource_id, set)
  }
  return batch.map((basis) =>
    assembleOne(ctx, basis, {
      days: daysOf.get(basis.resourceId) ?? [],
      orders: ordersOf.get(basis.resourceId) ?? [],
      plans: plansOf.get(basis.resourceId) ?? [],
      accepted: acceptedOf.get(basis.resourceId) ?? new Set(),
    }),
  )
}

/** Planned kW of a slot: Σ reduced kW of the plans covering it. */
function plannedKwAt(plans: PlanRow[], slotStartMs: number): number {
  let kw = 0
  for (const p of plans) {
    if (p.start_at.getTime() <= slotStartMs && p.end_at.getTime() >= slotStartMs + SLOT_MS) {
      kw += p.reduced_kw
    }
  }
  return kw
}

function assembleOne(
  ctx: MonthContext,
  basis: ResourceMonthBasis,
  data: { days: DayRow[]; orders: OrderRow[]; plans: PlanRow[]; accepted: Set<string> },
): ResourceAssessment {
  const stable = basis.kind === 'stable'
  const areaNotices = ctx.notices.get(basis.area)
  const slots: AssessmentSlot[] = []
  const exemptSlots: ExemptSlot[] = []
  const slotFigures = new Map<string, { availableKw: number; plannedKw: number }>()
  const counts = {
    assessed: 0,
    reserveNotice: 0,
    instructed: 0,
    restrained: 0,
    metered: 0,
    explanationAccepted: 0,
  }
  for (const day of data.days) {
    const date = isoDate(day.date)
    const notice = areaNotices?.get(date)
    const dayStart = jstDayStart(date).getTime()
    const metered = day.metered_kwh.length === SLOTS_PER_DAY
    for (let i = 0; i < SLOTS_PER_DAY; i++) {
      const slot = i + 1
      const instructed = day.instructed_kw[i] ?? 0
      const restrained = day.restrained_kw[i] ?? 0
      const noticed = notice?.has(slot) ?? false
      if (!noticed && instructed <= 0 && restrained <= 0) continue
      const s: AssessmentSlot = { date, slot }
      const key = `${date}#${slot}`
      counts.assessed++
      if (stable && metered) {
        s.availableKw = (day.metered_kwh[i] as number) * 2
        counts.metered++
        slotFigures.set(key, {
          availableKw: s.availableKw,
          plannedKw: plannedKwAt(data.plans, dayStart + i * SLOT_MS),
        })
      }
      if (instructed > 0) {
        s.instructedKw = instructed
        s.deliveredKw = day.delivered_kw[i] ?? 0
        counts.instructed++
      }
      if (noticed) {
        s.reserveNotice = true
        if (day.offered_kw.length === SLOTS_PER_DAY) s.offeredKw = day.offered_kw[i] as number
        counts.reserveNotice++
      }
      if (restrained > 0) {
        s.restrained = true
        exemptSlots.push({ date, slot, restrainedKw: restrained })
        counts.restrained++
      }
      if (data.accepted.has(key)) {
        s.explanationAccepted = true
        counts.explanationAccepted++
      }
      slots.push(s)
    }
  }
  // A notice slot on a day without a row (nothing fed for the resource that day) is still an
  // assessment slot: nothing was offered.
  if (areaNotices) {
    const fed = new Set(data.days.map((d) => isoDate(d.date)))
    for (const [date, noticeSlots] of areaNotices) {
      if (fed.has(date)) continue
      for (const slot of noticeSlots) {
        slots.push({ date, slot, reserveNotice: true })
        counts.assessed++
        counts.reserveNotice++
      }
    }
    slots.sort((a, b) => (a.date === b.date ? a.slot - b.slot : a.date < b.date ? -1 : 1))
  }

  const dispatchOrders: AssessmentInput['dispatchOrders'] = []
  const orderViews: AssessmentBasisView['dispatchOrders'] = []
  for (const o of data.orders) {
    const orderSlots: AssessmentInput['dispatchOrders'][number]['slots'] = []
    const startMs = o.start_at.getTime()
    for (let k = 0; k < o.baseline_kw.length; k++) {
      const at = new Date(startMs + k * SLOT_MS)
      if (at.getTime() >= ctx.end.getTime()) break
      const delivered = Math.max(0, (o.baseline_kw[k] ?? 0) - (o.actual_kw[k] ?? 0))
      orderSlots.push({
        ...slotOf(at),
        instructedKw: o.instructed_kw,
        deliveredKw: Math.min(o.instructed_kw, delivered),
      })
    }
    if (!orderSlots.length) continue
    dispatchOrders.push({ orderId: o.order_id, slots: orderSlots })
    orderViews.push({
      orderId: o.order_id,
      startAt: o.start_at.toISOString(),
      slots: orderSlots,
    })
  }

  const earlierMonths = ctx.earlier.get(basis.resourceId) ?? []
  const outageDaysBefore =
    Math.round(earlierMonths.reduce((sum, m) => sum + m.outageDaysInMonth, 0) * 10_000) / 10_000
  const penaltiesBefore = earlierMonths.reduce((sum, m) => sum + m.total, 0)
  const { version, ...parameters } = ctx.parameters
  const input: AssessmentInput = {
    month: ctx.month,
    resource: {
      kind: basis.kind,
      contractKw: basis.contractKw,
      annualAmount: basis.annualAmount,
    },
    parameters,
    outageDaysBefore,
    penaltiesBefore,
    outagePlans: data.plans.map((p) => ({
      startAt: p.start_at.toISOString(),
      endAt: p.end_at.toISOString(),
      reducedKw: p.reduced_kw,
    })),
    slots,
    dispatchOrders,
  }
  const view: AssessmentBasisView = {
    contractKw: basis.contractKw,
    annualAmount: basis.annualAmount,
    unitPrice: basis.annualAmount / basis.contractKw,
    parameters: { ...parameters, version },
    contracts: basis.contracts.map((c) => ({
      contractNo: c.contractNo,
      contractKw: c.contractKw,
      annualAmount: c.annualAmount,
    })),
    allocationsOut: basis.allocationsOut,
    allocationsIn: basis.allocationsIn,
    outagePlans: data.plans.map((p) => ({
      planNo: p.plan_no,
      startAt: p.start_at.toISOString(),
      endAt: p.end_at.toISOString(),
      reducedKw: p.reduced_kw,
    })),
    earlierMonths,
    slotCounts: counts,
    dispatchOrders: orderViews,
  }
  return { basis, input, view, exemptSlots, slotFigures }
}
