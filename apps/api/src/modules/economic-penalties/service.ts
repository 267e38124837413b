/**
 * Penalty targets (D00) and economic penalty amounts (D20), read from the stored assessment
 * results (B40) of the latest succeeded run of each month — the lines with their evidence, the
 * subtotal, the parts waived by the monthly and the annual cap, the total. Nothing is assessed
 * again here: the amounts are the stored ones; the evidence slots get the values they came from
 * (the delivery data as fed and the outage plans the run read) for display.
 */
import {
  deliveryMonths,
  jstDayStart,
  jstToday,
  monthOf,
  slotOf,
  type AssessmentBasisView,
  type AssessmentLineView,
  type AssessmentRequirement,
  type ExemptSlot,
  type OrderEvidenceView,
  type PenaltyAmount,
  type PenaltyLine,
  type PenaltySlotEvidence,
  type PenaltyTarget,
  type PenaltyTargetDetail,
  type PenaltyYear,
  type SlotEvidenceView,
} from '@yoryo/contracts'
import { Prisma, type DbClient } from '@yoryo/db'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { currentRunIds, isOperator, orderOutcome, selectedRun } from '../assessment/public.ts'
import { deliveryYearOfMonth } from '../assessment-basis/public.ts'

const notFound = () => new AppError('E-COMMON-002', 404)
const SLOT_MS = 30 * 60_000

/** What the caller may see: its own participant's results, or (operator) all. */
function ownResults(auth: AuthContext): Prisma.AssessmentResultWhereInput {
  return isOperator(auth) ? {} : { participantId: auth.participant.id }
}

/** floor(amount × share) exactly; shares have at most 4 decimals (B10). */
export function capOf(amount: number, share: number): number {
  return Number((BigInt(amount) * BigInt(Math.round(share * 10_000))) / 10_000n)
}

const isSlotEvidence = (
  line: AssessmentLineView,
): line is AssessmentLineView & {
  evidence: SlotEvidenceView[]
} => line.requirement !== 'dispatchOrder' && line.requirement !== 'plannedOutage'

/** Slots (orders) and Σ shortfall kW of a line, as its evidence holds them. */
function lineFigures(line: AssessmentLineView): {
  count: number | null
  shortfallKw: number | null
} {
  if (line.requirement === 'plannedOutage') return { count: null, shortfallKw: null }
  if (line.requirement === 'dispatchOrder')
    return { count: line.evidence.length, shortfallKw: null }
  const slots = line.evidence as SlotEvidenceView[]
  return { count: slots.length, shortfallKw: slots.reduce((sum, e) => sum + e.kw, 0) }
}

// ───────────────────────── D00 list ─────────────────────────

/** The caller's and the query's narrowing of the results, as SQL on `r` (assessment_result) and `res` (resource). */
function narrowSql(
  auth: AuthContext,
  query: { resourceCode?: string | undefined; participantId?: string | undefined },
): Prisma.Sql[] {
  const and: Prisma.Sql[] = []
  if (!isOperator(auth)) and.push(Prisma.sql`r.participant_id = ${auth.participant.id}::uuid`)
  else if (query.participantId)
    and.push(Prisma.sql`r.participant_id = ${query.participantId}::uuid`)
  if (query.resourceCode) and.push(Prisma.sql`res.code = ${query.resourceCode}`)
  return and
}

/** A row of the D00 SELECT (column names are the sort's). */
interface PenaltyTargetSqlRow {
  id: string
  result_id: string
  run_id: string
  month: string
  version: number
  resource_id: string
  resource_code: string
  resource_name: string
  kind: PenaltyTarget['kind']
  participant_id: string
  participant_code: string
  participant_name: string
  requirement: AssessmentRequirement
  count: number | null
  shortfall_kw: Prisma.Decimal | null
  amount: bigint
  waived: boolean
}

/**
 * D00: one row per penalty line of the month's latest succeeded run (absent month: the latest
 * month with one), read in PostgreSQL from the results' stored lines — slots (orders) counted and
 * shortfall kW summed from the evidence, the amount before the caps — so the list pages there.
 */
export async function penaltyTargetSql(
  db: DbClient,
  auth: AuthContext,
  query: {
    month?: string | undefined
    resourceCode?: string | undefined
    requirement?: AssessmentRequirement | undefined
    participantId?: string | undefined
  },
): Promise<Prisma.Sql> {
  const run = await selectedRun(db, { month: query.month })
  const and = [
    Prisma.sql`r.run_id = ${run?.id ?? null}::uuid`,
    // Only results with lines (a line is stored only with an amount > 0).
    Prisma.sql`r.subtotal > 0`,
    ...narrowSql(auth, query),
  ]
  if (query.requirement) and.push(Prisma.sql`l.value->>'requirement' = ${query.requirement}`)
  return Prisma.sql`
    SELECT r.id::text || ':' || (l.value->>'requirement') AS id, r.id::text AS result_id,
      r.run_id::text AS run_id, r.month, run.version, r.resource_id::text AS resource_id,
      res.code AS resource_code, res.name AS resource_name, res.kind::text AS kind,
      r.participant_id::text AS participant_id, p.code AS participant_code,
      p.name AS participant_name, l.value->>'requirement' AS requirement,
      CASE WHEN l.value->>'requirement' = 'plannedOutage' THEN NULL
        ELSE jsonb_array_length(l.value->'evidence') END AS count,
      CASE WHEN l.value->>'requirement' IN ('plannedOutage', 'dispatchOrder') THEN NULL
        ELSE (SELECT coalesce(sum((e.value->>'kw')::numeric), 0)
              FROM jsonb_array_elements(l.value->'evidence') AS e) END AS shortfall_kw,
      (l.value->>'amount')::bigint AS amount,
      (r.waived_monthly > 0 OR r.waived_annual > 0) AS waived
    FROM assessment_result r
    JOIN assessment_run run ON run.id = r.run_id
    JOIN resource res ON res.id = r.resource_id
    JOIN participant p ON p.id = r.participant_id
    CROSS JOIN LATERAL jsonb_array_elements(r.lines) AS l
    WHERE ${Prisma.join(and, ' AND ')}`
}

export function toPenaltyTarget(row: PenaltyTargetSqlRow): PenaltyTarget {
  return {
    id: row.id,
    resultId: row.result_id,
    runId: row.run_id,
    month: row.month,
    version: row.version,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    kind: row.kind,
    participantId: row.participant_id,
    participantCode: row.participant_code,
    participantName: row.participant_name,
    requirement: row.requirement,
    count: row.count,
    shortfallKw: row.shortfall_kw === null ? null : Number(row.shortfall_kw),
    amount: Number(row.amount),
    waived: row.waived,
  }
}

// ───────────────────────── D00 detail ─────────────────────────

interface DayValues {
  meteredKwh: number[]
  instructedKw: number[]
  deliveredKw: number[]
  offeredKw: number[]
  updatedAt: Date
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** Σ reduced kW of the plans the run read that cover the whole slot (as the input did). */
function plannedKwAt(
  plans: AssessmentBasisView['outagePlans'],
  date: string,
  slot: number,
): number {
  const start = jstDayStart(date).getTime() + (slot - 1) * SLOT_MS
  let kw = 0
  for (const p of plans) {
    if (Date.parse(p.startAt) <= start && Date.parse(p.endAt) >= start + SLOT_MS) kw += p.reducedKw
  }
  return kw
}

const valueAt = (series: number[], slot: number): number | null =>
  series.length === 48 ? (series[slot - 1] ?? null) : null

/**
 * One resource-month (an assessment result) with its penalty lines and their evidence. A
 * participant sees its own results only (another's: 404).
 */
export async function penaltyTargetDetail(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<PenaltyTargetDetail> {
  const row = await db.assessmentResult.findFirst({
    where: { AND: [{ id }, ownResults(auth)] },
    include: {
      run: true,
      resource: { select: { code: true, name: true, kind: true } },
      participant: { select: { code: true, name: true } },
    },
  })
  if (!row) throw notFound()
  const lines = row.lines as unknown as AssessmentLineView[]
  const basis = row.basis as unknown as AssessmentBasisView
  const current = (await currentRunIds(db, [row.month])).has(row.runId)

  const dates = new Set<string>()
  for (const line of lines) {
    if (isSlotEvidence(line)) for (const e of line.evidence) dates.add(e.date)
  }
  const days = await db.deliveryDay.findMany({
    where: {
      resourceId: row.resourceId,
      date: { in: [...dates].map((d) => new Date(`${d}T00:00:00Z`)) },
    },
    select: {
      date: true,
      meteredKwh: true,
      instructedKw: true,
      deliveredKw: true,
      offeredKw: true,
      updatedAt: true,
    },
  })
  const dayOf = new Map<string, DayValues>(days.map((d) => [isoDate(d.date), d]))
  const ranAt = row.run.finishedAt ?? row.run.createdAt
  const stable = row.resource.kind === 'stable'

  const slotValues = (e: SlotEvidenceView): PenaltySlotEvidence => {
    const day = dayOf.get(e.date)
    const metered = day ? valueAt(day.meteredKwh, e.slot) : null
    return {
      date: e.date,
      slot: e.slot,
      kw: e.kw,
      contractKw: row.contractKw,
      plannedKw: plannedKwAt(basis.outagePlans, e.date, e.slot),
      availableKw: stable && metered !== null ? metered * 2 : null,
      instructedKw: day ? valueAt(day.instructedKw, e.slot) : null,
      deliveredKw: day ? valueAt(day.deliveredKw, e.slot) : null,
      offeredKw: day ? valueAt(day.offeredKw, e.slot) : null,
      changedAfterRun: day ? day.updatedAt > ranAt : false,
    }
  }

  const ordersRead = new Map(basis.dispatchOrders.map((o) => [o.orderId, o]))
  const multipliers = basis.parameters.multipliers
  const multiplierOf: Partial<Record<AssessmentRequirement, number>> = {
    unplannedOutage: multipliers.unplannedOutage,
    supplyInstruction: multipliers.supplyInstruction,
    reserveNotice: multipliers.reserveNotice,
  }

  const penaltyLines: PenaltyLine[] = lines.map((line) => ({
    requirement: line.requirement,
    amount: line.amount,
    ...lineFigures(line),
    multiplier: multiplierOf[line.requirement] ?? null,
    slots: isSlotEvidence(line) ? line.evidence.map(slotValues) : [],
    orders:
      line.requirement === 'dispatchOrder'
        ? (line.evidence as OrderEvidenceView[]).map((e) => {
            const order = ordersRead.get(e.orderId)
            const first = order?.slots[0] ?? (order ? slotOf(new Date(order.startAt)) : null)
            const sums = order
              ? orderOutcome(
                  order,
                  Number(row.annualAmount),
                  basis.parameters.expectedOrdersPerYear,
                )
              : null
            return {
              orderId: e.orderId,
              ratio: e.ratio,
              startAt: order?.startAt ?? null,
              date: first?.date ?? null,
              firstSlot: first?.slot ?? null,
              slotCount: order?.slots.length ?? 0,
              instructedKw: sums?.instructedKw ?? 0,
              deliveredKw: sums?.deliveredKw ?? 0,
            }
          })
        : [],
  }))

  const annualAmount = Number(row.annualAmount)
  return {
    id: row.id,
    runId: row.runId,
    month: row.month,
    version: row.run.version,
    current,
    resourceId: row.resourceId,
    resourceCode: row.resource.code,
    resourceName: row.resource.name,
    kind: row.resource.kind,
    participantId: row.participantId,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    contractKw: row.contractKw,
    annualAmount,
    unitPrice: basis.unitPrice,
    outageAllowanceDays: basis.parameters.outageAllowanceDays,
    outageDaysBefore: Number(row.outageDaysBefore.toString()),
    outageDaysInMonth: Number(row.outageDaysInMonth.toString()),
    subtotal: Number(row.subtotal),
    monthlyCap: capOf(annualAmount, basis.parameters.monthlyCapShare),
    waivedMonthly: Number(row.waivedMonthly),
    waivedAnnual: Number(row.waivedAnnual),
    total: Number(row.total),
    lines: penaltyLines,
    exemptSlots: row.exemptSlots as unknown as ExemptSlot[],
  }
}

// ───────────────────────── D20 amounts ─────────────────────────

/** The current delivery year (JST): April … March. */
export function currentDeliveryYear(now: Date = new Date()): number {
  return deliveryYearOfMonth(monthOf(jstToday(now)))
}

/** A row of the D20 SELECT (column names are the sort's). */
interface PenaltyAmountSqlRow {
  result_id: string
  run_id: string
  month: string
  version: number
  delivery_year: number
  resource_id: string
  resource_code: string
  resource_name: string
  kind: PenaltyAmount['kind']
  participant_id: string
  participant_code: string
  participant_name: string
  contract_kw: number
  annual_amount: bigint
  subtotal: bigint
  monthly_cap_share: number
  monthly_cap: bigint
  waived_monthly: bigint
  annual_cap_share: number
  annual_cap: bigint
  penalties_before: bigint
  waived_annual: bigint
  total: bigint
  year_to_date: bigint
}

/**
 * D20: one row per resource-month of the delivery year (absent: the current one), from the
 * results of the latest succeeded run of each month, with the caps of the parameters each run
 * used (one set per run, read from one of its results) — in PostgreSQL, so the list pages there.
 */
export async function penaltyAmountSql(
  db: DbClient,
  auth: AuthContext,
  query: {
    deliveryYear?: number | undefined
    resourceCode?: string | undefined
    participantId?: string | undefined
    resourceId?: string | undefined
  },
): Promise<Prisma.Sql> {
  const year = query.deliveryYear ?? currentDeliveryYear()
  const runIds = [...(await currentRunIds(db, deliveryMonths(year)))]
  const and = [Prisma.sql`r.run_id = ANY(${runIds}::uuid[])`, ...narrowSql(auth, query)]
  if (query.resourceId) and.push(Prisma.sql`r.resource_id = ${query.resourceId}::uuid`)
  // floor(amount × share) with the share's 4 decimals, as capOf does.
  const cap = (share: string) =>
    Prisma.raw(`(r.annual_amount * round(s.${share} * 10000)::bigint) / 10000`)
  return Prisma.sql`
    SELECT r.id::text AS result_id, r.run_id::text AS run_id, r.month, run.version,
      run.delivery_year, r.resource_id::text AS resource_id, res.code AS resource_code,
      res.name AS resource_name, res.kind::text AS kind, r.participant_id::text AS participant_id,
      p.code AS participant_code, p.name AS participant_name, r.contract_kw, r.annual_amount,
      r.subtotal, s.monthly AS monthly_cap_share, ${cap('monthly')} AS monthly_cap,
      r.waived_monthly, s.annual AS annual_cap_share, ${cap('annual')} AS annual_cap,
      r.penalties_before, r.waived_annual, r.total, r.penalties_before + r.total AS year_to_date
    FROM assessment_result r
    JOIN assessment_run run ON run.id = r.run_id
    JOIN resource res ON res.id = r.resource_id
    JOIN participant p ON p.id = r.participant_id
    JOIN LATERAL (
      SELECT (x.basis->'parameters'->>'monthlyCapShare')::float8 AS monthly,
        (x.basis->'parameters'->>'annualCapShare')::float8 AS annual
      FROM assessment_result x WHERE x.run_id = r.run_id LIMIT 1
    ) AS s ON true
    WHERE ${Prisma.join(and, ' AND ')}`
}

export function toPenaltyAmount(row: PenaltyAmountSqlRow): PenaltyAmount {
  return {
    resultId: row.result_id,
    runId: row.run_id,
    month: row.month,
    version: row.version,
    deliveryYear: row.delivery_year,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    kind: row.kind,
    participantId: row.participant_id,
    participantCode: row.participant_code,
    participantName: row.participant_name,
    contractKw: row.contract_kw,
    annualAmount: Number(row.annual_amount),
    subtotal: Number(row.subtotal),
    monthlyCapShare: row.monthly_cap_share,
    monthlyCap: Number(row.monthly_cap),
    waivedMonthly: Number(row.waived_monthly),
    annualCapShare: row.annual_cap_share,
    annualCap: Number(row.annual_cap),
    penaltiesBefore: Number(row.penalties_before),
    waivedAnnual: Number(row.waived_annual),
    total: Number(row.total),
    yearToDate: Number(row.year_to_date),
  }
}

/** D20 year view: one resource's twelve months (a participant: its own resource only). */
export async function penaltyYear(
  db: DbClient,
  auth: AuthContext,
  resourceId: string,
  deliveryYear: number | undefined,
): Promise<PenaltyYear> {
  const resource = await db.resource.findUnique({
    where: { id: resourceId },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      participantId: true,
      participant: { select: { code: true, name: true } },
    },
  })
  const year = deliveryYear ?? currentDeliveryYear()
  const amounts = resource
    ? (
        await db.$queryRaw<PenaltyAmountSqlRow[]>(
          await penaltyAmountSql(db, auth, { deliveryYear: year, resourceId }),
        )
      ).map(toPenaltyAmount)
    : []
  // Another participant's resource (and one of its own it never had results for) is not there.
  if (
    !resource ||
    (!isOperator(auth) && resource.participantId !== auth.participant.id && !amounts.length)
  ) {
    throw notFound()
  }
  const byMonth = new Map(amounts.map((a) => [a.month, a]))
  const months = deliveryMonths(year).map((month) => ({
    month,
    amount: byMonth.get(month) ?? null,
  }))
  const sum = (f: (a: PenaltyAmount) => number) => amounts.reduce((s, a) => s + f(a), 0)
  const latest = [...amounts].sort((a, b) => (a.month < b.month ? 1 : -1))[0]
  const head = amounts[0]
  return {
    deliveryYear: year,
    resourceId: resource.id,
    resourceCode: resource.code,
    resourceName: resource.name,
    kind: resource.kind,
    participantCode: head?.participantCode ?? resource.participant.code,
    participantName: head?.participantName ?? resource.participant.name,
    months,
    totals: {
      subtotal: sum((a) => a.subtotal),
      waivedMonthly: sum((a) => a.waivedMonthly),
      waivedAnnual: sum((a) => a.waivedAnnual),
      total: sum((a) => a.total),
    },
    annualCap: latest?.annualCap ?? null,
    annualCapShare: latest?.annualCapShare ?? null,
  }
}
