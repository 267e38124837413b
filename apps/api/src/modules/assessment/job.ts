/**
 * The monthly assessment job (B40): the operator (or the schedule after the month end) queues a
 * run of a month — version n + 1 — and the job assesses every contracted resource of the month
 * through the rules engine (`assessMonth`) a batch of resources at a time (their basis, data,
 * results and B50 omission flags), all in ONE transaction with the run's end, finished with
 * `job.finishIn`: a crash leaves everything or nothing (the job is then run again from the
 * start).
 *
 * Omission flags (B50): every slot of an `unplannedOutage` line's evidence is a flag (resource,
 * date, slot). A flag found again keeps its state (an answered or decided slot stays so; a
 * `flagged` one gets the new figures and a new version, so an answer to the old ones is stale);
 * a `flagged` slot no longer in this run's evidence is removed; answered and decided ones are
 * kept.
 */
import { fiscalYearOf, jstDayStart } from '@yoryo/contracts'
import { Prisma, type Db, type DbClient } from '@yoryo/db'
import {
  assessMonth,
  formatPath,
  RulesValidationError,
  type AssessmentResult as EngineResult,
} from '@yoryo/domain'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { JobLostError, type JobOutcome, type JobRunner, type RunningJob } from '../../lib/jobs.ts'
import { NO_RUN_FAILURE, runFailure } from '../../lib/run-failure.ts'
import { demoAssessmentMonth } from '../assessment-basis/public.ts'
import { dateValue } from '../feeds/public.ts'
import {
  assessedResourceBatches,
  hasAssessedResources,
  monthContext,
  nextMonth,
  readBatch,
  type ResourceAssessment,
} from './input.ts'

export const ASSESSMENT_JOB = 'assessment'
export const ASSESSMENT_SCHEDULE_JOB = 'assessmentSchedule'
/** How often the schedule looks for an ended month without a run. */
export const ASSESSMENT_SCHEDULE_EVERY_MS = 60 * 60_000
/** Resources read and assessed per batch. */
export const ASSESSMENT_BATCH_SIZE = 1_000
/** Rows per multi-row insert. */
const WRITE_CHUNK = 1_000

export type AssessmentRunRow = Prisma.AssessmentRunGetPayload<object>

export interface AssessedResource {
  assessment: ResourceAssessment
  result: EngineResult
}

/** A run whose job failed without the handler's own record (e.g. an interrupted process given up). */
export async function markFailedRuns(db: DbClient, month?: string): Promise<void> {
  const open = await db.assessmentRun.findMany({
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
      await db.assessmentRun.updateMany({
        where: { id: run.id, state: { in: ['queued', 'running'] } },
        data: { state: 'failed', error: job.error, finishedAt: job.finishedAt ?? new Date() },
      })
    }
  }
}

/**
 * Queues a run of `month` (version n + 1), audited. Refused when the month has not ended (JST),
 * when no resource has contract kW in the month (no contracts in its delivery year), or while a run of the month is queued or
 * running. `actor` null: the schedule.
 */
export async function startAssessmentRun(
  db: Db,
  jobs: JobRunner,
  actor: Actor | null,
  month: string,
  now: Date = new Date(),
): Promise<AssessmentRunRow> {
  const deliveryYear = fiscalYearOf(`${month}-01`)
  if (jstDayStart(`${nextMonth(month)}-01`).getTime() > now.getTime()) {
    throw new AppError('E-ASMT-001', 409, { params: { month } })
  }
  if (!(await hasAssessedResources(db, month)))
    throw new AppError('E-ASMT-002', 409, { params: { month, deliveryYear } })
  const system: Actor = actor ?? {
    userId: null,
    label: 'system',
    requestId: `schedule:${month}`,
  }
  try {
    const run = await db.$transaction(async (tx) => {
      // One start at a time per month: two operators starting at once get a run and a refusal.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`assessment:${month}`}))`
      await markFailedRuns(tx, month)
      const busy = await tx.assessmentRun.count({
        where: { month, state: { in: ['queued', 'running'] } },
      })
      if (busy) throw new AppError('E-ASMT-003', 409, { params: { month } })
      const last = await tx.assessmentRun.aggregate({ where: { month }, _max: { version: true } })
      const version = (last._max.version ?? 0) + 1
      const row = await tx.assessmentRun.create({
        data: { month, deliveryYear, version, startedBy: actor?.userId ?? null },
      })
      const jobId = await jobs.enqueue(tx, {
        kind: ASSESSMENT_JOB,
        payload: { runId: row.id },
        createdBy: actor?.userId ?? null,
      })
      await audit(tx, system, {
        action: 'assessment.start',
        entityType: 'assessmentRun',
        participantId: null,
        entityId: row.id,
        after: { month, version },
      })
      return tx.assessmentRun.update({ where: { id: row.id }, data: { jobId } })
    })
    jobs.wake()
    return run
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('E-ASMT-003', 409, { params: { month } })
    }
    throw error
  }
}

/**
 * Assesses every resource of the month batch by batch: reads a batch's basis and data, runs the
 * engine on each resource and hands the batch to `onBatch` (the job writes it), so memory holds
 * one batch whatever the month's size. `progress`: resources assessed so far, resource IDs read
 * so far and in all (see `assessedResourceBatches`). Returns the number assessed.
 */
export async function assessMonthBatches(
  db: DbClient,
  month: string,
  onBatch: (
    batch: AssessedResource[],
    progress: { assessed: number; done: number; total: number },
  ) => Promise<void>,
  batchSize = ASSESSMENT_BATCH_SIZE,
): Promise<number> {
  const ctx = await monthContext(db, month)
  let assessedCount = 0
  for await (const { batch: bases, done, total } of assessedResourceBatches(db, month, batchSize)) {
    const batch = await readBatch(db, ctx, bases)
    const assessed: AssessedResource[] = []
    for (const assessment of batch) {
      try {
        assessed.push({ assessment, result: assessMonth(assessment.input) })
      } catch (e) {
        if (!(e instanceof RulesValidationError)) throw e
        throw new AppError('E-ASMT-005', 409, {
          params: {
            month,
            resourceCode: assessment.basis.resourceCode,
            rule: e.messageId,
            path: formatPath(e.path),
          },
        })
      }
    }
    assessedCount += assessed.length
    await onBatch(assessed, { assessed: assessedCount, done, total })
  }
  return assessedCount
}

/** Every resource of the month assessed, in resource code order (tests, tools). */
export async function assessRunMonth(
  db: DbClient,
  month: string,
  batchSize = ASSESSMENT_BATCH_SIZE,
): Promise<AssessedResource[]> {
  const out: AssessedResource[] = []
  await assessMonthBatches(
    db,
    month,
    async (batch) => {
      out.push(...batch)
    },
    batchSize,
  )
  return out
}

const json = (value: unknown) => JSON.stringify(value)

/** Writes the results of a run with multi-row inserts (`unnest`), WRITE_CHUNK rows a statement. */
async function writeResults(
  tx: DbClient,
  run: AssessmentRunRow,
  assessed: AssessedResource[],
): Promise<void> {
  for (let i = 0; i < assessed.length; i += WRITE_CHUNK) {
    const chunk = assessed.slice(i, i + WRITE_CHUNK)
    const col = <T>(f: (a: AssessedResource) => T) => chunk.map(f)
    await tx.$executeRaw`
      INSERT INTO assessment_result (id, run_id, month, resource_id, participant_id, contract_kw,
        annual_amount, outage_days_before, penalties_before, outage_days_in_month, subtotal,
        waived_monthly, waived_annual, total, lines, basis, exempt_slots)
      SELECT gen_random_uuid(), ${run.id}::uuid, ${run.month}, u.resource_id, u.participant_id,
        u.contract_kw, u.annual_amount, u.days_before, u.penalties_before, u.days_in_month,
        u.subtotal, u.waived_monthly, u.waived_annual, u.total, u.lines::jsonb, u.basis::jsonb,
        u.exempt::jsonb
      FROM unnest(
        ${col((a) => a.assessment.basis.resourceId)}::uuid[],
        ${col((a) => a.assessment.basis.participantId)}::uuid[],
        ${col((a) => a.assessment.input.resource.contractKw)}::int[],
        ${col((a) => a.assessment.input.resource.annualAmount)}::bigint[],
        ${col((a) => a.assessment.input.outageDaysBefore)}::numeric[],
        ${col((a) => a.assessment.input.penaltiesBefore)}::bigint[],
        ${col((a) => a.result.outageDaysInMonth)}::numeric[],
        ${col((a) => a.result.subtotal)}::bigint[],
        ${col((a) => a.result.waivedMonthly)}::bigint[],
        ${col((a) => a.result.waivedAnnual)}::bigint[],
        ${col((a) => a.result.total)}::bigint[],
        ${col((a) => json(a.result.lines))}::text[],
        ${col((a) => json(a.assessment.view))}::text[],
        ${col((a) => json(a.assessment.exemptSlots))}::text[]
      ) AS u(resource_id, participant_id, contract_kw, annual_amount, days_before,
        penalties_before, days_in_month, subtotal, waived_monthly, waived_annual, total, lines,
        basis, exempt)`
  }
}

interface Flag {
  resourceId: string
  participantId: string
  date: string
  slot: number
  contractKw: number
  plannedKw: number
  availableKw: number
  shortfallKw: number
}

/** The B50 flags of a run: the slots of every unplanned-outage line's evidence. */
export function flagsOf(assessed: AssessedResource[]): Flag[] {
  const flags: Flag[] = []
  for (const { assessment, result } of assessed) {
    const line = result.lines.find((l) => l.requirement === 'unplannedOutage')
    if (!line) continue
    for (const e of line.evidence) {
      if (!('slot' in e)) continue
      const figures = assessment.slotFigures.get(`${e.date}#${e.slot}`)
      flags.push({
        resourceId: assessment.basis.resourceId,
        participantId: assessment.basis.participantId,
        date: e.date,
        slot: e.slot,
        contractKw: assessment.basis.contractKw,
        plannedKw: figures?.plannedKw ?? 0,
        availableKw: figures?.availableKw ?? 0,
        shortfallKw: e.kw,
      })
    }
  }
  return flags
}

/**
 * Brings the omission flags of a batch's resources in line with the run (see the file comment);
 * `removeUnassessedFlags` then removes the `flagged` ones of resources the run did not assess.
 */
async function writeFlags(
  tx: DbClient,
  month: string,
  resourceIds: string[],
  flags: Flag[],
): Promise<void> {
  if (!resourceIds.length) return
  const existing = await tx.$queryRaw<
    {
      id: string
      resource_id: string
      date: Date
      slot: number
      state: string
      contract_kw: number
      planned_kw: number
      available_kw: number
      shortfall_kw: number
    }[]
  >`
    SELECT id, resource_id, date, slot, state, contract_kw, planned_kw, available_kw, shortfall_kw
    FROM outage_omission WHERE month = ${month} AND resource_id = ANY(${resourceIds}::uuid[])`
  const keyOf = (resourceId: string, date: string, slot: number) => `${resourceId}#${date}#${slot}`
  const byKey = new Map(
    existing.map((e) => [keyOf(e.resource_id, e.date.toISOString().slice(0, 10), e.slot), e]),
  )
  const found = new Set<string>()
  const inserts: Flag[] = []
  const updates: (Flag & { id: string })[] = []
  for (const f of flags) {
    const key = keyOf(f.resourceId, f.date, f.slot)
    found.add(key)
    const e = byKey.get(key)
    if (!e) inserts.push(f)
    else if (
      e.state === 'flagged' &&
      (e.contract_kw !== f.contractKw ||
        e.planned_kw !== f.plannedKw ||
        e.available_kw !== f.availableKw ||
        e.shortfall_kw !== f.shortfallKw)
    ) {
      updates.push({ ...f, id: e.id })
    }
  }
  const removed = existing
    .filter(
      (e) =>
        e.state === 'flagged' &&
        !found.has(keyOf(e.resource_id, e.date.toISOString().slice(0, 10), e.slot)),
    )
    .map((e) => e.id)
  for (let i = 0; i < removed.length; i += WRITE_CHUNK) {
    await tx.$executeRaw`
      DELETE FROM outage_omission WHERE id = ANY(${removed.slice(i, i + WRITE_CHUNK)}::uuid[])
        AND state = 'flagged'`
  }
  for (let i = 0; i < inserts.length; i += WRITE_CHUNK) {
    const chunk = inserts.slice(i, i + WRITE_CHUNK)
    await tx.$executeRaw`
      INSERT INTO outage_omission (id, month, resource_id, participant_id, date, slot, contract_kw,
        planned_kw, available_kw, shortfall_kw, state, updated_at)
      SELECT gen_random_uuid(), ${month}, u.resource_id, u.participant_id, u.date, u.slot,
        u.contract_kw, u.planned_kw, u.available_kw, u.shortfall_kw, 'flagged', now()
      FROM unnest(
        ${chunk.map((f) => f.resourceId)}::uuid[],
        ${chunk.map((f) => f.participantId)}::uuid[],
        ${chunk.map((f) => dateValue(f.date))}::date[],
        ${chunk.map((f) => f.slot)}::int[],
        ${chunk.map((f) => f.contractKw)}::int[],
        ${chunk.map((f) => f.plannedKw)}::int[],
        ${chunk.map((f) => f.availableKw)}::int[],
        ${chunk.map((f) => f.shortfallKw)}::int[]
      ) AS u(resource_id, participant_id, date, slot, contract_kw, planned_kw, available_kw,
        shortfall_kw)
      ON CONFLICT (resource_id, date, slot) DO NOTHING`
  }
  for (let i = 0; i < updates.length; i += WRITE_CHUNK) {
    const chunk = updates.slice(i, i + WRITE_CHUNK)
    await tx.$executeRaw`
      UPDATE outage_omission o SET contract_kw = u.contract_kw, planned_kw = u.planned_kw,
        available_kw = u.available_kw, shortfall_kw = u.shortfall_kw, version = o.version + 1,
        updated_at = now()
      FROM unnest(
        ${chunk.map((f) => f.id)}::uuid[],
        ${chunk.map((f) => f.contractKw)}::int[],
        ${chunk.map((f) => f.plannedKw)}::int[],
        ${chunk.map((f) => f.availableKw)}::int[],
        ${chunk.map((f) => f.shortfallKw)}::int[]
      ) AS u(id, contract_kw, planned_kw, available_kw, shortfall_kw)
      WHERE o.id = u.id AND o.state = 'flagged'`
  }
}

/** The month's `flagged` omission flags of resources without a result in the run: removed. */
async function removeUnassessedFlags(tx: DbClient, run: AssessmentRunRow): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM outage_omission o
    WHERE o.month = ${run.month} AND o.state = 'flagged'
      AND NOT EXISTS (SELECT 1 FROM assessment_result r
        WHERE r.run_id = ${run.id}::uuid AND r.resource_id = o.resource_id)`
}

export interface AssessmentJobOptions {
  batchSize?: number
  /** Tests: runs inside the final transaction just before the job is finished. */
  beforeFinish?: (tx: DbClient) => Promise<void>
}

/** The job handler of `assessment` (payload `{ runId }`). */
export function assessmentJob(db: Db, options: AssessmentJobOptions = {}) {
  return async (job: RunningJob) => {
    const { runId } = job.payload as { runId: string }
    const run = await db.assessmentRun.findUniqueOrThrow({ where: { id: runId } })
    await db.assessmentRun.update({
      where: { id: runId },
      data: { state: 'running', ...NO_RUN_FAILURE, finishedAt: null },
    })
    const system: Actor = { userId: run.startedBy, label: 'system', requestId: `job:${job.id}` }
    try {
      // One transaction from the first read to the end: the results, the flags and the run
      // commit together with the job's end, or nothing does. Each batch's results and flags are
      // written as it is assessed, so memory holds one batch whatever the month's size.
      await db.$transaction(
        async (tx) => {
          let totalAmount = 0n
          let flagCount = 0
          const resourceCount = await assessMonthBatches(
            tx,
            run.month,
            async (batch, { done, total }) => {
              await writeResults(tx, run, batch)
              const flags = flagsOf(batch)
              await writeFlags(
                tx,
                run.month,
                batch.map((a) => a.assessment.basis.resourceId),
                flags,
              )
              flagCount += flags.length
              for (const a of batch) totalAmount += BigInt(a.result.total)
              job.progress(done, total)
            },
            options.batchSize ?? ASSESSMENT_BATCH_SIZE,
          )
          await removeUnassessedFlags(tx, run)
          await tx.assessmentRun.update({
            where: { id: runId },
            data: { state: 'succeeded', resourceCount, totalAmount, finishedAt: new Date() },
          })
          await audit(tx, system, {
            action: 'assessment.complete',
            entityType: 'assessmentRun',
            participantId: null,
            entityId: runId,
            after: {
              month: run.month,
              version: run.version,
              resourceCount,
              totalAmount: totalAmount.toString(),
              flags: flagCount,
            },
          })
          await options.beforeFinish?.(tx)
          await job.finishIn(tx, { state: 'succeeded', result: { runId, resourceCount } })
        },
        { timeout: 30 * 60_000, maxWait: 60_000 },
      )
    } catch (error) {
      if (error instanceof JobLostError) throw error
      await db.assessmentRun.update({
        where: { id: runId },
        data: { state: 'failed', ...runFailure(error), finishedAt: new Date() },
      })
      throw error
    }
  }
}

/**
 * The schedule (recurring): after a month has ended (JST), queues its run once — when the month
 * has no run yet and its delivery year has contracts to assess.
 */
export function assessmentScheduleJob(db: Db, jobs: JobRunner) {
  return async (): Promise<JobOutcome> => {
    const month = demoAssessmentMonth(new Date())
    const runs = await db.assessmentRun.count({ where: { month } })
    let queued = false
    if (!runs) {
      try {
        await startAssessmentRun(db, jobs, null, month)
        queued = true
      } catch (error) {
        if (!(error instanceof AppError)) throw error
      }
    }
    return { state: 'succeeded' as const, result: { month, queued } }
  }
}
