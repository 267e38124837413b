/**
 * The settlement job (E10): the operator queues a run of a month — version n + 1 — and the job
 * reads the month's counted contracts and allocations (the assessment basis, so the two never
 * disagree on which contracts count and where the kW went), the contracts' monthly amounts and
 * the latest succeeded assessment run's results, computes the lines (`settleMonth`) and writes
 * them with the run's end in ONE transaction, finished with `job.finishIn`: all or nothing. A
 * failed run leaves the previous version the current one.
 *
 * Once the month's documents are issued (F00), the month is not settled again (E-STL-004): the
 * documents are what the participants were told, and F10 matches payments to them.
 */
import { jstDayStart } from '@yoryo/contracts'
import { Prisma, type Db, type DbClient } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { JobLostError, type JobRunner, type RunningJob } from '../../lib/jobs.ts'
import { NO_RUN_FAILURE, runFailure } from '../../lib/run-failure.ts'
import { assessmentBasis, deliveryYearOfMonth } from '../assessment-basis/public.ts'
import { holdersOfMonth } from '../successions/public.ts'
import { releasesInMonth } from '../release-auctions/public.ts'
import {
  deliveryMonthIndex,
  settleMonth,
  type ComputedLine,
  type Party,
  type SettlementAllocation,
  type SettlementContract,
  UnsettledPenaltyError,
} from './compute.ts'

export const SETTLEMENT_JOB = 'settlement'
/** Rows per multi-row insert. */
const WRITE_CHUNK = 1_000

export type SettlementRunRow = Prisma.SettlementRunGetPayload<object>

/** The month after `YYYY-MM`. */
export function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The latest succeeded assessment run of a month (what the settlement takes penalties from). */
export function latestAssessmentRun(db: DbClient, month: string) {
  return db.assessmentRun.findFirst({
    where: { month, state: 'succeeded' },
    orderBy: { version: 'desc' },
  })
}

/** A run whose job failed without the handler's own record (an interrupted process given up). */
export async function markFailedRuns(db: DbClient, month?: string): Promise<void> {
  const open = await db.settlementRun.findMany({
    where: { ...(month ? { month } : {}), state: { in: ['queued', 'running'] } },
    select: { id: true, jobId: true },
  })
  if (!open.length) return
  const jobs = await db.job.findMany({
    where: { id: { in: open.flatMap((r) => (r.jobId ? [r.jobId] : [])) }, state: 'failed' },
    select: { id: true, error: true, finishedAt: true },
  })
  const failed = new Map(jobs.map((j) => [j.id, j]))
  for (const run of open) {
    const job = run.jobId ? failed.get(run.jobId) : undefined
    if (job) {
      await db.settlementRun.updateMany({
        where: { id: run.id, state: { in: ['queued', 'running'] } },
        data: { state: 'failed', error: job.error, finishedAt: job.finishedAt ?? new Date() },
      })
    }
  }
}

/**
 * Queues a settlement run of `month` (version n + 1), audited. Refused when the month has not
 * ended (JST, E-STL-001), has no succeeded assessment run (E-STL-002), while a run is queued or
 * running (E-STL-003), or once the month's documents are issued (E-STL-004).
 */
export async function startSettlementRun(
  db: Db,
  jobs: JobRunner,
  actor: Actor | null,
  month: string,
  now: Date = new Date(),
): Promise<SettlementRunRow> {
  if (jstDayStart(`${monthAfter(month)}-01`).getTime() > now.getTime()) {
    throw new AppError('E-STL-001', 409, { params: { month } })
  }
  const system: Actor = actor ?? { userId: null, label: 'system', requestId: `settle:${month}` }
  try {
    const run = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`settlement:${month}`}))`
      if (!(await latestAssessmentRun(tx, month))) {
        throw new AppError('E-STL-002', 409, { params: { month } })
      }
      const issued = await tx.settlementRun.count({
        where: { month, documentsIssuedAt: { not: null } },
      })
      if (issued) throw new AppError('E-STL-004', 409, { params: { month } })
      await markFailedRuns(tx, month)
      const busy = await tx.settlementRun.count({
        where: { month, state: { in: ['queued', 'running'] } },
      })
      if (busy) throw new AppError('E-STL-003', 409, { params: { month } })
      const last = await tx.settlementRun.aggregate({ where: { month }, _max: { version: true } })
      const version = (last._max.version ?? 0) + 1
      const row = await tx.settlementRun.create({
        data: {
          month,
          deliveryYear: deliveryYearOfMonth(month),
          version,
          startedBy: actor?.userId ?? null,
        },
      })
      const jobId = await jobs.enqueue(tx, {
        kind: SETTLEMENT_JOB,
        payload: { runId: row.id },
        createdBy: actor?.userId ?? null,
      })
      await audit(tx, system, {
        action: 'settlement.start',
        entityType: 'settlementRun',
        participantId: null,
        entityId: row.id,
        after: { month, version },
      })
      return tx.settlementRun.update({ where: { id: row.id }, data: { jobId } })
    })
    jobs.wake()
    return run
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('E-STL-003', 409, { params: { month } })
    }
    throw error
  }
}

/** Reads what the month is settled from and computes its lines. */
export async function computeMonth(
  db: DbClient,
  month: string,
  assessmentRunId: string,
): Promise<ComputedLine[]> {
  const basis = await assessmentBasis(db, month)
  const counted = new Set(basis.flatMap((b) => b.contracts.map((c) => c.contractId)))
  const rows = await db.contract.findMany({
    where: { deliveryYear: deliveryYearOfMonth(month) },
    select: {
      id: true,
      contractNo: true,
      contractKw: true,
      monthlyAmounts: true,
      participant: { select: { id: true, code: true, name: true } },
      resource: { select: { id: true, code: true, name: true } },
    },
  })
  const index = deliveryMonthIndex(month)
  // G50: each line goes to the holder OF THE MONTH (a re-run of an old month pays the old party).
  const holders = await holdersOfMonth(db, month, {
    contractIds: rows.map((c) => c.id),
    resourceIds: basis.map((b) => b.resourceId),
  })
  const released = await releasesInMonth(db, month, [...counted])
  const contracts: SettlementContract[] = rows
    .filter((c) => counted.has(c.id))
    .map((c) => ({
      contractId: c.id,
      contractNo: c.contractNo,
      contractKw: c.contractKw,
      monthlyAmount: (c.monthlyAmounts as number[])[index] ?? 0,
      participant: holders.contracts.get(c.id) ?? c.participant,
      resource: c.resource,
      releasedKw: released.get(c.id)?.releasedKw ?? 0,
      billedAmount: released.get(c.id)?.billedAmount ?? 0,
    }))
  const byNo = new Map(contracts.map((c) => [c.contractNo, c]))
  // The replacing resources with the participant the basis names (the resource's holder).
  const resourceOf = new Map<string, { resource: Party; participant: Party }>()
  const partyIds = new Set(basis.map((b) => b.participantId))
  const parties = await db.participant.findMany({
    where: { id: { in: [...partyIds] } },
    select: { id: true, code: true, name: true },
  })
  const partyOf = new Map(parties.map((p) => [p.id, p]))
  for (const b of basis) {
    resourceOf.set(b.resourceCode, {
      resource: { id: b.resourceId, code: b.resourceCode, name: b.resourceName },
      participant: holders.resources.get(b.resourceId) ??
        partyOf.get(b.participantId) ?? {
          id: b.participantId,
          code: b.participantCode,
          name: b.participantCode,
        },
    })
  }
  const allocations: SettlementAllocation[] = []
  for (const b of basis) {
    for (const a of b.allocationsOut) {
      const c = byNo.get(a.contractNo)
      const to = resourceOf.get(a.resourceCode)
      if (c && to) allocations.push({ contractId: c.contractId, kw: a.kw, ...to })
    }
  }
  const results = await db.assessmentResult.findMany({
    where: { runId: assessmentRunId },
    select: { id: true, resourceId: true, total: true },
  })
  return settleMonth({
    contracts,
    allocations,
    results: results.map((r) => ({ id: r.id, resourceId: r.resourceId, total: Number(r.total) })),
  })
}

/** Writes the lines of a run with multi-row inserts (`unnest`), WRITE_CHUNK rows a statement. */
async function writeLines(
  tx: DbClient,
  run: SettlementRunRow,
  lines: ComputedLine[],
  onProgress: (written: number) => void,
): Promise<void> {
  for (let i = 0; i < lines.length; i += WRITE_CHUNK) {
    const chunk = lines.slice(i, i + WRITE_CHUNK)
    const col = <T>(f: (l: ComputedLine) => T) => chunk.map(f)
    await tx.$executeRaw`
      INSERT INTO settlement_line (id, run_id, month, kind, contract_id, contract_no, resource_id,
        resource_code, resource_name, participant_id, participant_code, participant_name,
        contract_kw, monthly_amount, replacement_kw, replacement_amount, amount, penalty, net,
        moves, assessment_result_id, released_kw, granted_amount, billed_amount)
      SELECT gen_random_uuid(), ${run.id}::uuid, ${run.month}, u.kind, u.contract_id,
        u.contract_no, u.resource_id, u.resource_code, u.resource_name, u.participant_id,
        u.participant_code, u.participant_name, u.contract_kw, u.monthly_amount,
        u.replacement_kw, u.replacement_amount, u.amount, u.penalty, u.net, u.moves::jsonb,
        u.result_id, u.released_kw, u.granted_amount, u.billed_amount
      FROM unnest(
        ${col((l) => l.kind)}::text[],
        ${col((l) => l.contractId)}::uuid[],
        ${col((l) => l.contractNo)}::text[],
        ${col((l) => l.resource.id)}::uuid[],
        ${col((l) => l.resource.code)}::text[],
        ${col((l) => l.resource.name)}::text[],
        ${col((l) => l.participant.id)}::uuid[],
        ${col((l) => l.participant.code)}::text[],
        ${col((l) => l.participant.name)}::text[],
        ${col((l) => l.contractKw)}::int[],
        ${col((l) => l.monthlyAmount)}::bigint[],
        ${col((l) => l.replacementKw)}::int[],
        ${col((l) => l.replacementAmount)}::bigint[],
        ${col((l) => l.amount)}::bigint[],
        ${col((l) => l.penalty)}::bigint[],
        ${col((l) => l.net)}::bigint[],
        ${col((l) => JSON.stringify(l.moves))}::text[],
        ${col((l) => l.assessmentResultId)}::uuid[],
        ${col((l) => l.releasedKw)}::int[],
        ${col((l) => l.grantedAmount)}::bigint[],
        ${col((l) => l.billedAmount)}::bigint[]
      ) AS u(kind, contract_id, contract_no, resource_id, resource_code, resource_name,
        participant_id, participant_code, participant_name, contract_kw, monthly_amount,
        replacement_kw, replacement_amount, amount, penalty, net, moves, result_id,
        released_kw, granted_amount, billed_amount)`
    onProgress(i + chunk.length)
  }
}

export interface SettlementJobOptions {
  /** Tests: runs inside the final transaction just before the job is finished. */
  beforeFinish?: (tx: DbClient) => Promise<void>
}

/** The job handler of `settlement` (payload `{ runId }`). */
export function settlementJob(db: Db, options: SettlementJobOptions = {}) {
  return async (job: RunningJob) => {
    const { runId } = job.payload as { runId: string }
    const run = await db.settlementRun.findUniqueOrThrow({ where: { id: runId } })
    await db.settlementRun.update({
      where: { id: runId },
      data: { state: 'running', ...NO_RUN_FAILURE, finishedAt: null },
    })
    const system: Actor = { userId: run.startedBy, label: 'system', requestId: `job:${job.id}` }
    try {
      await db.$transaction(
        async (tx) => {
          const assessment = await latestAssessmentRun(tx, run.month)
          if (!assessment) throw new AppError('E-STL-002', 409, { params: { month: run.month } })
          const lines = await computeMonth(tx, run.month, assessment.id).catch(async (e) => {
            if (!(e instanceof UnsettledPenaltyError)) throw e
            const resource = await tx.resource.findUnique({
              where: { id: e.resourceId },
              select: { code: true },
            })
            throw new AppError('E-STL-008', 409, {
              params: {
                month: run.month,
                resourceCode: resource?.code ?? e.resourceId,
                amount: e.amount.toLocaleString('ja-JP'),
              },
            })
          })
          job.progress(0, lines.length)
          await writeLines(tx, run, lines, (n) => job.progress(n, lines.length))
          const sum = (f: (l: ComputedLine) => number) =>
            lines.reduce((s, l) => s + BigInt(f(l)), 0n)
          const totals = {
            lineCount: lines.length,
            monthlyAmount: sum((l) => l.monthlyAmount),
            penalty: sum((l) => l.penalty),
            billed: sum((l) => l.billedAmount),
            net: sum((l) => l.net),
          }
          await tx.settlementRun.update({
            where: { id: runId },
            data: {
              state: 'succeeded',
              assessmentRunId: assessment.id,
              ...totals,
              finishedAt: new Date(),
            },
          })
          await audit(tx, system, {
            action: 'settlement.complete',
            entityType: 'settlementRun',
            participantId: null,
            entityId: runId,
            after: {
              month: run.month,
              version: run.version,
              assessmentVersion: assessment.version,
              lineCount: totals.lineCount,
              monthlyAmount: totals.monthlyAmount.toString(),
              penalty: totals.penalty.toString(),
              billed: totals.billed.toString(),
            },
          })
          await options.beforeFinish?.(tx)
          await job.finishIn(tx, {
            state: 'succeeded',
            result: { runId, lineCount: lines.length },
          })
        },
        { timeout: 30 * 60_000, maxWait: 60_000 },
      )
    } catch (error) {
      if (error instanceof JobLostError) throw error
      await db.settlementRun.update({
        where: { id: runId },
        data: { state: 'failed', ...runFailure(error), finishedAt: new Date() },
      })
      throw error
    }
  }
}
