/**
 * Reading the assessment (B40, C00, B90): runs with their progress, results per run (or the
 * latest succeeded run of a month), one result with its lines, evidence, basis and exempt slots,
 * the dispatch orders of a run (C00) and the exempt slots (B90). A participant sees its own
 * resources only, a TSO (B90) the resources of its service area, the operator all.
 */
import {
  slotOf,
  type AssessmentBasisView,
  type AssessmentLineView,
  type AssessmentResultDetail,
  type AssessmentResultSummary,
  type AssessmentRun,
  type DispatchOrderResult,
  type ExemptSlot,
  type ExemptSlotRow,
} from '@yoryo/contracts'
import { Prisma, type DbClient } from '@yoryo/db'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { containsText, likeText } from '../../lib/list.ts'
import { feedScope, resourceScopeSql } from '../feeds/public.ts'
import { markFailedRuns, type AssessmentRunRow } from './job.ts'
import { runFailureOf } from '../../lib/run-failure.ts'

type Direction = 'asc' | 'desc'

const notFound = () => new AppError('E-COMMON-002', 404)

export function isOperator(auth: AuthContext): boolean {
  return auth.user.role === 'operator'
}

// ───────────────────────── Runs ─────────────────────────

export async function currentRunIds(db: DbClient, months: string[]): Promise<Set<string>> {
  if (!months.length) return new Set()
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (month) id FROM assessment_run
    WHERE state = 'succeeded' AND month = ANY(${months}::text[])
    ORDER BY month, version DESC`
  return new Set(rows.map((r) => r.id))
}

/** Runs as the API shows them, with their job's progress and who started them. */
export async function runViews(
  db: DbClient,
  auth: AuthContext,
  rows: AssessmentRunRow[],
): Promise<AssessmentRun[]> {
  const jobIds = rows.flatMap((r) => (r.jobId ? [r.jobId] : []))
  const userIds = rows.flatMap((r) => (r.startedBy ? [r.startedBy] : []))
  const [jobs, users, current] = await Promise.all([
    db.job.findMany({
      where: { id: { in: jobIds } },
      select: { id: true, processed: true, total: true },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    currentRunIds(db, [...new Set(rows.map((r) => r.month))]),
  ])
  const jobOf = new Map(jobs.map((j) => [j.id, j]))
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  const operator = isOperator(auth)
  return rows.map((r) => {
    const job = r.jobId ? jobOf.get(r.jobId) : undefined
    return {
      id: r.id,
      month: r.month,
      deliveryYear: r.deliveryYear,
      version: r.version,
      state: r.state as AssessmentRun['state'],
      jobId: r.jobId,
      // A finished run reports its resources (the job's last progress may not have been written).
      processed: r.state === 'succeeded' ? r.resourceCount : (job?.processed ?? 0),
      total: r.state === 'succeeded' ? r.resourceCount : (job?.total ?? null),
      resourceCount: r.resourceCount,
      totalAmount: operator ? Number(r.totalAmount) : null,
      error: operator ? r.error : null,
      failure: operator ? runFailureOf(r) : null,
      startedByName: r.startedBy ? (nameOf.get(r.startedBy) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      current: current.has(r.id),
    }
  })
}

/** The runs of a month (or the latest 50), latest first. */
export async function listRuns(
  db: DbClient,
  auth: AuthContext,
  month: string | undefined,
): Promise<AssessmentRun[]> {
  await markFailedRuns(db, month)
  const rows = await db.assessmentRun.findMany({
    where: month ? { month } : {},
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    take: 50,
  })
  return runViews(db, auth, rows)
}

export async function getRun(db: DbClient, auth: AuthContext, id: string): Promise<AssessmentRun> {
  const row = await db.assessmentRun.findUnique({ where: { id } })
  if (!row) throw notFound()
  if (row.state === 'queued' || row.state === 'running') await markFailedRuns(db, row.month)
  const fresh = await db.assessmentRun.findUniqueOrThrow({ where: { id } })
  return (await runViews(db, auth, [fresh]))[0] as AssessmentRun
}

/**
 * The run a list is of: `runId` (any version); else the latest succeeded run of `month` (none:
 * 404 E-ASMT-004); else the latest succeeded run of the latest month that has one (none: null,
 * an empty list).
 */
export async function selectedRun(
  db: DbClient,
  query: { runId?: string | undefined; month?: string | undefined },
): Promise<AssessmentRunRow | null> {
  if (query.runId) {
    const run = await db.assessmentRun.findUnique({ where: { id: query.runId } })
    if (!run) throw notFound()
    return run
  }
  const run = await db.assessmentRun.findFirst({
    where: { state: 'succeeded', ...(query.month ? { month: query.month } : {}) },
    orderBy: [{ month: 'desc' }, { version: 'desc' }],
  })
  if (!run && query.month) throw new AppError('E-ASMT-004', 404, { params: { month: query.month } })
  return run
}

/** The results of a run (none: nothing). */
function ofRun(run: AssessmentRunRow | null): Prisma.AssessmentResultWhereInput {
  return run ? { runId: run.id } : { id: { in: [] } }
}

// ───────────────────────── Results (B40) ─────────────────────────

const resultInclude = {
  run: { select: { version: true } },
  resource: { select: { code: true, name: true, kind: true, area: true } },
  participant: { select: { code: true, name: true } },
} satisfies Prisma.AssessmentResultInclude
type ResultRow = Prisma.AssessmentResultGetPayload<{ include: typeof resultInclude }>

/** What the caller may see of the results: its own participant's, or (operator) all. */
function ownResults(auth: AuthContext): Prisma.AssessmentResultWhereInput {
  return isOperator(auth) ? {} : { participantId: auth.participant.id }
}

export function resultListWhere(
  auth: AuthContext,
  run: AssessmentRunRow | null,
  query: {
    participantId?: string | undefined
    resource?: string | undefined
    kind?: AssessmentResultSummary['kind'] | undefined
    area?: AssessmentResultSummary['area'] | undefined
    hasPenalty?: 'true' | 'false' | undefined
  },
): Prisma.AssessmentResultWhereInput {
  const and: Prisma.AssessmentResultWhereInput[] = [ofRun(run), ownResults(auth)]
  if (query.participantId && isOperator(auth)) and.push({ participantId: query.participantId })
  if (query.resource) {
    and.push({
      resource: {
        OR: [{ code: containsText(query.resource) }, { name: containsText(query.resource) }],
      },
    })
  }
  if (query.kind) and.push({ resource: { kind: query.kind } })
  if (query.area) and.push({ resource: { area: query.area } })
  if (query.hasPenalty === 'true') and.push({ total: { gt: 0 } })
  if (query.hasPenalty === 'false') and.push({ total: 0 })
  return { AND: and }
}

export const resultSort = {
  resourceCode: (d: Direction) => ({ resource: { code: d } }),
  resourceName: (d: Direction) => ({ resource: { name: d } }),
  participantCode: (d: Direction) => ({ participant: { code: d } }),
  kind: (d: Direction) => ({ resource: { kind: d } }),
  area: (d: Direction) => ({ resource: { area: d } }),
  contractKw: (d: Direction) => ({ contractKw: d }),
  annualAmount: (d: Direction) => ({ annualAmount: d }),
  subtotal: (d: Direction) => ({ subtotal: d }),
  waivedMonthly: (d: Direction) => ({ waivedMonthly: d }),
  waivedAnnual: (d: Direction) => ({ waivedAnnual: d }),
  total: (d: Direction) => ({ total: d }),
} satisfies Record<string, (d: Direction) => Prisma.AssessmentResultOrderByWithRelationInput>
export const resultTieBreak: Prisma.AssessmentResultOrderByWithRelationInput[] = [
  { resource: { code: 'asc' } },
  { id: 'asc' },
]

function toSummary(row: ResultRow): AssessmentResultSummary {
  const lines = row.lines as unknown as AssessmentLineView[]
  const exempt = row.exemptSlots as unknown as ExemptSlot[]
  return {
    id: row.id,
    runId: row.runId,
    month: row.month,
    version: row.run.version,
    resourceId: row.resourceId,
    resourceCode: row.resource.code,
    resourceName: row.resource.name,
    kind: row.resource.kind,
    area: row.resource.area,
    participantId: row.participantId,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    contractKw: row.contractKw,
    annualAmount: Number(row.annualAmount),
    outageDaysBefore: Number(row.outageDaysBefore.toString()),
    outageDaysInMonth: Number(row.outageDaysInMonth.toString()),
    penaltiesBefore: Number(row.penaltiesBefore),
    subtotal: Number(row.subtotal),
    waivedMonthly: Number(row.waivedMonthly),
    waivedAnnual: Number(row.waivedAnnual),
    total: Number(row.total),
    requirements: lines.map((l) => l.requirement),
    exemptSlotCount: exempt.length,
  }
}

export async function findResults(
  db: DbClient,
  args: {
    where: Prisma.AssessmentResultWhereInput
    orderBy: Prisma.AssessmentResultOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<AssessmentResultSummary[]> {
  const rows = await db.assessmentResult.findMany({ ...args, include: resultInclude })
  return rows.map(toSummary)
}

export async function getResult(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<AssessmentResultDetail> {
  const row = await db.assessmentResult.findFirst({
    where: { AND: [{ id }, ownResults(auth)] },
    include: { ...resultInclude, run: true },
  })
  if (!row) throw notFound()
  const [run] = await runViews(db, auth, [row.run])
  return {
    ...toSummary(row),
    lines: row.lines as unknown as AssessmentLineView[],
    basis: row.basis as unknown as AssessmentBasisView,
    exemptSlots: row.exemptSlots as unknown as ExemptSlot[],
    run: run as AssessmentRun,
  }
}

// ───────────────────────── Dispatch orders (C00) and exempt slots (B90) ─────────────────────────

/** The rows of C00 come out of the results' JSON: they are sorted and paged here. */
export interface MemorySort<F extends string> {
  field: F
  direction: Direction
}

export function memorySort<F extends string>(fields: readonly F[]) {
  return Object.fromEntries(
    fields.map((field) => [field, (direction: Direction) => ({ field, direction })]),
  ) as Record<F, (direction: Direction) => MemorySort<F>>
}

export function sortRows<T, F extends string & keyof T>(rows: T[], orderBy: MemorySort<F>[]): T[] {
  return rows.sort((a, b) => {
    for (const { field, direction } of orderBy) {
      const x = a[field]
      const y = b[field]
      if (x === y) continue
      const less = (x as number | string) < (y as number | string)
      return (less ? -1 : 1) * (direction === 'asc' ? 1 : -1)
    }
    return 0
  })
}

/** Whole-yen share and the ratio of one order (rules-api.md line 5, exact integers). */
export function orderOutcome(
  order: AssessmentBasisView['dispatchOrders'][number],
  annualAmount: number,
  expectedOrdersPerYear: number,
): { instructedKw: number; deliveredKw: number; ratio: number; amount: number } {
  let instructed = 0n
  let delivered = 0n
  for (const s of order.slots) {
    instructed += BigInt(s.instructedKw)
    delivered += BigInt(Math.min(s.deliveredKw, s.instructedKw))
  }
  if (instructed === 0n) {
    return { instructedKw: 0, deliveredKw: Number(delivered), ratio: 1, amount: 0 }
  }
  // ratio half-up to 4 decimals: floor((2 × 10⁴ × delivered + instructed) / (2 × instructed)).
  const ratio = Number((20_000n * delivered + instructed) / (2n * instructed)) / 10_000
  const amount =
    delivered >= instructed
      ? 0n
      : (BigInt(annualAmount) * (instructed - delivered)) /
        (instructed * BigInt(expectedOrdersPerYear))
  return {
    instructedKw: Number(instructed),
    deliveredKw: Number(delivered),
    ratio,
    amount: Number(amount),
  }
}

export interface JsonRowsWhere {
  where: Prisma.AssessmentResultWhereInput
  shortfall?: boolean
}

const jsonRowInclude = {
  resource: { select: { code: true, name: true, area: true } },
  participant: { select: { code: true } },
} satisfies Prisma.AssessmentResultInclude

/** C00: every dispatch order the run read, with its ratio and amount share. */
export async function dispatchOrderRows(
  db: DbClient,
  filter: JsonRowsWhere,
): Promise<DispatchOrderResult[]> {
  const rows = await db.assessmentResult.findMany({
    where: { AND: [filter.where, { resource: { kind: 'dispatchOrder' } }] },
    select: {
      id: true,
      runId: true,
      month: true,
      resourceId: true,
      annualAmount: true,
      basis: true,
      ...jsonRowInclude,
    },
  })
  const out: DispatchOrderResult[] = []
  for (const row of rows) {
    const basis = row.basis as unknown as AssessmentBasisView
    for (const order of basis.dispatchOrders) {
      const outcome = orderOutcome(
        order,
        Number(row.annualAmount),
        basis.parameters.expectedOrdersPerYear,
      )
      if (filter.shortfall && outcome.ratio >= 1) continue
      const first = order.slots[0] ?? slotOf(new Date(order.startAt))
      out.push({
        orderId: order.orderId,
        dispatchOrderId: null,
        resultId: row.id,
        runId: row.runId,
        month: row.month,
        resourceId: row.resourceId,
        resourceCode: row.resource.code,
        resourceName: row.resource.name,
        participantCode: row.participant.code,
        startAt: order.startAt,
        date: first.date,
        firstSlot: first.slot,
        slotCount: order.slots.length,
        ...outcome,
      })
    }
  }
  // The stored order of each row, for the link to its detail (C10).
  const stored = await db.dispatchOrder.findMany({
    where: { orderId: { in: out.map((o) => o.orderId) } },
    select: { id: true, orderId: true },
  })
  const idOf = new Map(stored.map((o) => [o.orderId, o.id]))
  return out.map((o) => ({ ...o, dispatchOrderId: idOf.get(o.orderId) ?? null }))
}

/**
 * B90: the slots exempt by operation restraint of a run, one row per resource and slot — the
 * results' `exemptSlots` unnested in PostgreSQL (`jsonb_array_elements`), so the list sorts, pages
 * and counts there (`sqlList`). The operator sees all, a participant its own resources, a TSO
 * those of its service area (`feedScope`); `participantId` is the operator's filter.
 */
export async function exemptSlotSql(
  db: DbClient,
  auth: AuthContext,
  run: AssessmentRunRow | null,
  query: { participantId?: string | undefined; resource?: string | undefined },
): Promise<Prisma.Sql> {
  const scope = await feedScope(db, auth)
  const text = query.resource ? `%${likeText(query.resource)}%` : null
  return Prisma.sql`
    SELECT ar.id AS result_id, ar.run_id, ar.month, ar.resource_id, r.code AS resource_code,
           r.name AS resource_name, r.area::text AS area, p.code AS participant_code,
           e->>'date' AS date, (e->>'slot')::int AS slot, (e->>'restrainedKw')::int AS restrained_kw
    FROM assessment_result ar
    JOIN resource r ON r.id = ar.resource_id
    JOIN participant p ON p.id = ar.participant_id
    CROSS JOIN LATERAL jsonb_array_elements(ar.exempt_slots) AS e
    WHERE ar.run_id = ${run?.id ?? null}::uuid
      AND ${resourceScopeSql(scope)}
      ${query.participantId && isOperator(auth) ? Prisma.sql`AND ar.participant_id = ${query.participantId}::uuid` : Prisma.empty}
      ${text ? Prisma.sql`AND (r.code ILIKE ${text} OR r.name ILIKE ${text})` : Prisma.empty}`
}

export interface ExemptSlotSqlRow {
  result_id: string
  run_id: string
  month: string
  resource_id: string
  resource_code: string
  resource_name: string
  area: ExemptSlotRow['area']
  participant_code: string
  date: string
  slot: number
  restrained_kw: number
}

export const toExemptSlotRow = (r: ExemptSlotSqlRow): ExemptSlotRow => ({
  resultId: r.result_id,
  runId: r.run_id,
  month: r.month,
  resourceId: r.resource_id,
  resourceCode: r.resource_code,
  resourceName: r.resource_name,
  area: r.area,
  participantCode: r.participant_code,
  date: r.date,
  slot: r.slot,
  restrainedKw: r.restrained_kw,
})

/** The filters of C00 over a run. */
export function jsonRowsWhere(
  auth: AuthContext,
  run: AssessmentRunRow | null,
  visible: Prisma.AssessmentResultWhereInput,
  query: { participantId?: string | undefined; resource?: string | undefined },
): Prisma.AssessmentResultWhereInput {
  const and: Prisma.AssessmentResultWhereInput[] = [ofRun(run), visible]
  if (query.participantId && isOperator(auth)) and.push({ participantId: query.participantId })
  if (query.resource) {
    and.push({
      resource: {
        OR: [{ code: containsText(query.resource) }, { name: containsText(query.resource) }],
      },
    })
  }
  return { AND: and }
}
