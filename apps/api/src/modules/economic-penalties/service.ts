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
import type { DbClient, Prisma } from '@yoryo/db'
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

function commonFilters(
  auth: AuthContext,
  query: { resourceCode?: string | undefined; participantId?: string | undefined },
): Prisma.AssessmentResultWhereInput[] {
  const and: Prisma.AssessmentResultWhereInput[] = [ownResults(auth)]
  if (query.participantId && isOperator(auth)) and.push({ participantId: query.participantId })
  if (query.resourceCode) and.push({ resource: { code: query.resourceCode } })
  return and
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

export interface PenaltyTargetWhere {
  where: Prisma.AssessmentResultWhereInput
  requirement?: AssessmentRequirement | undefined
}

/** The filter of D00: the latest succeeded run of `month` (absent: of the latest month with one). */
export async function penaltyTargetWhere(
  db: DbClient,
  auth: AuthContext,
  query: {
    month?: string | undefined
    resourceCode?: string | undefined
    requirement?: AssessmentRequirement | undefined
    participantId?: string | undefined
  },
): Promise<PenaltyTargetWhere> {
  const run = await selectedRun(db, { month: query.month })
  return {
    where: {
      AND: [run ? { runId: run.id } : { id: { in: [] } }, ...commonFilters(auth, query)],
      // Only results with lines (a line is stored only with an amount > 0).
      subtotal: { gt: 0 },
    },
    requirement: query.requirement,
  }
}

/** One row per penalty line of the results (the lines as stored, amounts before the caps). */
export async function penaltyTargetRows(
  db: DbClient,
  filter: PenaltyTargetWhere,
): Promise<PenaltyTarget[]> {
  const rows = await db.assessmentResult.findMany({
    where: filter.where,
    select: {
      id: true,
      runId: true,
      month: true,
      resourceId: true,
      participantId: true,
      waivedMonthly: true,
      waivedAnnual: true,
      lines: true,
      run: { select: { version: true } },
      resource: { select: { code: true, name: true, kind: true } },
      participant: { select: { code: true, name: true } },
    },
  })
  const out: PenaltyTarget[] = []
  for (const row of rows) {
    const waived = row.waivedMonthly > 0n || row.waivedAnnual > 0n
    for (const line of row.lines as unknown as AssessmentLineView[]) {
      if (filter.requirement && line.requirement !== filter.requirement) continue
      out.push({
        id: `${row.id}:${line.requirement}`,
        resultId: row.id,
        runId: row.runId,
        month: row.month,
        version: row.run.version,
        resourceId: row.resourceId,
        resourceCode: row.resource.code,
        resourceName: row.resource.name,
        kind: row.resource.kind,
        participantId: row.participantId,
        participantCode: row.participant.code,
        participantName: row.participant.name,
        requirement: line.requirement,
        ...lineFigures(line),
        amount: line.amount,
        waived,
      })
    }
  }
  return out
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

/** The filter of D20: the results of the latest succeeded run of each month of the year. */
export async function penaltyAmountWhere(
  db: DbClient,
  auth: AuthContext,
  query: {
    deliveryYear?: number | undefined
    resourceCode?: string | undefined
    participantId?: string | undefined
    resourceId?: string | undefined
  },
): Promise<Prisma.AssessmentResultWhereInput> {
  const year = query.deliveryYear ?? currentDeliveryYear()
  const runIds = await currentRunIds(db, deliveryMonths(year))
  const and = [{ runId: { in: [...runIds] } }, ...commonFilters(auth, query)]
  if (query.resourceId) and.push({ resourceId: query.resourceId })
  return { AND: and }
}

interface CapShares {
  monthlyCapShare: number
  annualCapShare: number
}

/** The cap shares each run used (the parameters in its results' basis; one set per run). */
async function capSharesOf(db: DbClient, runIds: string[]): Promise<Map<string, CapShares>> {
  if (!runIds.length) return new Map()
  const rows = await db.$queryRaw<{ run_id: string; monthly: number; annual: number }[]>`
    SELECT DISTINCT ON (run_id) run_id::text AS run_id,
      (basis->'parameters'->>'monthlyCapShare')::float8 AS monthly,
      (basis->'parameters'->>'annualCapShare')::float8 AS annual
    FROM assessment_result WHERE run_id = ANY(${runIds}::uuid[]) ORDER BY run_id`
  return new Map(
    rows.map((r) => [r.run_id, { monthlyCapShare: r.monthly, annualCapShare: r.annual }]),
  )
}

/** The resource-months of the filter with their stored amounts and the caps. */
export async function penaltyAmountRows(
  db: DbClient,
  where: Prisma.AssessmentResultWhereInput,
): Promise<PenaltyAmount[]> {
  const rows = await db.assessmentResult.findMany({
    where,
    select: {
      id: true,
      runId: true,
      month: true,
      resourceId: true,
      participantId: true,
      contractKw: true,
      annualAmount: true,
      penaltiesBefore: true,
      subtotal: true,
      waivedMonthly: true,
      waivedAnnual: true,
      total: true,
      run: { select: { version: true, deliveryYear: true } },
      resource: { select: { code: true, name: true, kind: true } },
      participant: { select: { code: true, name: true } },
    },
  })
  const shares = await capSharesOf(db, [...new Set(rows.map((r) => r.runId))])
  return rows.map((row) => {
    const share = shares.get(row.runId) as CapShares
    const annualAmount = Number(row.annualAmount)
    const penaltiesBefore = Number(row.penaltiesBefore)
    const total = Number(row.total)
    return {
      resultId: row.id,
      runId: row.runId,
      month: row.month,
      version: row.run.version,
      deliveryYear: row.run.deliveryYear,
      resourceId: row.resourceId,
      resourceCode: row.resource.code,
      resourceName: row.resource.name,
      kind: row.resource.kind,
      participantId: row.participantId,
      participantCode: row.participant.code,
      participantName: row.participant.name,
      contractKw: row.contractKw,
      annualAmount,
      subtotal: Number(row.subtotal),
      monthlyCapShare: share.monthlyCapShare,
      monthlyCap: capOf(annualAmount, share.monthlyCapShare),
      waivedMonthly: Number(row.waivedMonthly),
      annualCapShare: share.annualCapShare,
      annualCap: capOf(annualAmount, share.annualCapShare),
      penaltiesBefore,
      waivedAnnual: Number(row.waivedAnnual),
      total,
      yearToDate: penaltiesBefore + total,
    }
  })
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
    ? await penaltyAmountRows(
        db,
        await penaltyAmountWhere(db, auth, { deliveryYear: year, resourceId }),
      )
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
