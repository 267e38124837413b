/**
 * Succession, merger and exit (G50): what an application concerns, its checks and its effects.
 *
 * - `affectedOf`: the resources and contracts concerned — a succession's named resources (the
 *   applicant's) with their contracts, a merger's or exit's every resource and contract of the
 *   applicant; contracts only when not terminated and of a delivery year reaching the effective
 *   month (a contract wholly before it stays with the old party).
 * - `checkNotInvoiced`: refused (E-SUCC-003) when an affected contract has settlement documents
 *   issued for the effective month or later: past documents keep the old party, so money can
 *   only move from a month not yet invoiced.
 * - `approveSuccession` (the approval's transaction): the holder history written from the
 *   effective month, then `effectSuccession` at once when that month has begun (JST), else the
 *   schedule (`runSuccessionSchedule`) does it at the month's start.
 * - `effectSuccession`: the current `participant_id` of the contracts, resources, expected
 *   capacities of those years and outage plans from that month switched to the receiver; merger
 *   and exit close the applicant (status `cancelled`: its users can no longer log in, their
 *   sessions and API tokens end); exit ends each contract with the §6 exit penalty through the
 *   190 computation (`registerPenaltyFactor` marketExit, `amendContract` terminate).
 */
import {
  deliveryYearOfMonth,
  formatMessage,
  jstDateOf,
  jstDayStart,
  monthOf,
  type SuccessionKind,
} from '@yoryo/contracts'
import type { Db, DbClient, DbTransaction } from '@yoryo/db'
import type { JobOutcome } from '../../lib/jobs.ts'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { amendContract } from '../contracts/public.ts'
import { contractTermsOf, registerPenaltyFactor } from '../penalty-factors/public.ts'
import { writeHolders } from './holders.ts'

/** States of a succession still open (it blocks another on the same resources or applicant). */
export const OPEN_SUCCESSION_STATES = ['pendingConsent', 'applied'] as const

export const SCHEDULE_ACTOR: Actor = {
  userId: null,
  label: 'system',
  requestId: 'schedule:succession',
}

export function nextMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function fieldError(
  path: string,
  messageId: Parameters<typeof formatMessage>[0],
  params = {},
): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [{ path: [path], messageId, message: formatMessage(messageId, 'ja', params), params }],
  })
}

export interface AffectedResource {
  id: string
  code: string
  name: string
  participantId: string
}
export interface AffectedContract {
  id: string
  contractNo: string
  resourceId: string
  participantId: string
  deliveryYear: number
  contractKw: number
  state: string
}

/** The resources and contracts an application concerns (see the module comment). */
export async function affectedOf(
  db: DbClient,
  input: {
    kind: SuccessionKind
    participantId: string
    resourceIds: readonly string[]
    effectiveMonth: string
  },
): Promise<{ resources: AffectedResource[]; contracts: AffectedContract[] }> {
  const select = { id: true, code: true, name: true, participantId: true } as const
  let resources: AffectedResource[]
  if (input.kind === 'succession') {
    resources = await db.resource.findMany({
      where: { id: { in: [...input.resourceIds] } },
      select,
      orderBy: { code: 'asc' },
    })
    if (
      resources.length !== new Set(input.resourceIds).size ||
      resources.some((r) => r.participantId !== input.participantId)
    ) {
      throw fieldError('resourceIds', 'E-SUCC-002')
    }
  } else {
    resources = await db.resource.findMany({
      where: { participantId: input.participantId },
      select,
      orderBy: { code: 'asc' },
    })
  }
  const contracts = await db.contract.findMany({
    where: {
      participantId: input.participantId,
      state: { not: 'terminated' },
      deliveryYear: { gte: deliveryYearOfMonth(input.effectiveMonth) },
      ...(input.kind === 'succession' ? { resourceId: { in: resources.map((r) => r.id) } } : {}),
    },
    select: {
      id: true,
      contractNo: true,
      resourceId: true,
      participantId: true,
      deliveryYear: true,
      contractKw: true,
      state: true,
    },
    orderBy: { contractNo: 'asc' },
  })
  return { resources, contracts }
}

/** E-SUCC-003 when a contract has settlement documents issued for the month or later. */
export async function checkNotInvoiced(
  db: DbClient,
  contractIds: readonly string[],
  effectiveMonth: string,
): Promise<void> {
  if (!contractIds.length) return
  const line = await db.settlementLine.findFirst({
    where: {
      contractId: { in: [...contractIds] },
      month: { gte: effectiveMonth },
      run: { documentsIssuedAt: { not: null } },
    },
    orderBy: [{ month: 'desc' }, { contractNo: 'asc' }],
    select: { contractNo: true, month: true },
  })
  if (line) {
    throw new AppError('E-SUCC-003', 409, {
      params: { contractNo: line.contractNo, month: line.month, next: nextMonthOf(line.month) },
    })
  }
}

/** The receiver by its code: an active participant other than the applicant (else E-SUCC-001). */
export async function receiverOf(db: DbClient, code: string, applicantId: string) {
  const p = await db.participant.findUnique({ where: { code } })
  if (!p || p.kind !== 'participant' || p.status !== 'active' || p.id === applicantId) {
    throw fieldError('toParticipantCode', 'E-SUCC-001', { code })
  }
  return p
}

/** E-SUCC-007: another open application of the applicant on the same resources (or any, for a merger or exit). */
export async function checkNoOtherOpen(
  db: DbClient,
  input: {
    id: string | null
    kind: SuccessionKind
    participantId: string
    resourceIds: readonly string[]
  },
): Promise<void> {
  const open = await db.succession.findMany({
    where: {
      participantId: input.participantId,
      state: { in: [...OPEN_SUCCESSION_STATES] },
      ...(input.id ? { id: { not: input.id } } : {}),
    },
    include: { items: { where: { contractId: null }, select: { resourceId: true } } },
    orderBy: { createdAt: 'asc' },
  })
  const mine = new Set(input.resourceIds)
  const clash = open.find(
    (o) =>
      o.kind !== 'succession' ||
      input.kind !== 'succession' ||
      o.items.some((i) => mine.has(i.resourceId)),
  )
  if (clash) throw new AppError('E-SUCC-007', 409, { params: { successionNo: clash.successionNo } })
}

/** Writes the items (resources, then contracts) of a succession, replacing those it had. */
export async function writeItems(
  tx: DbClient,
  successionId: string,
  affected: { resources: AffectedResource[]; contracts: AffectedContract[] },
): Promise<void> {
  await tx.successionItem.deleteMany({ where: { successionId } })
  await tx.successionItem.createMany({
    data: [
      ...affected.resources.map((r) => ({ successionId, resourceId: r.id, contractId: null })),
      ...affected.contracts.map((c) => ({
        successionId,
        resourceId: c.resourceId,
        contractId: c.id,
      })),
    ],
  })
}

/** Closes a participant: status cancelled, its users' sessions and API tokens ended. */
async function closeParticipant(tx: DbClient, participantId: string, now: Date): Promise<void> {
  await tx.participant.update({
    where: { id: participantId },
    data: { status: 'cancelled', cancelledAt: now, version: { increment: 1 } },
  })
  const users = await tx.user.findMany({ where: { participantId }, select: { id: true } })
  const userIds = users.map((u) => u.id)
  await tx.session.updateMany({
    where: { userId: { in: userIds }, endedAt: null },
    data: { endedAt: now, endReason: 'participantCancelled' },
  })
  await tx.apiToken.updateMany({
    where: { userId: { in: userIds }, revokedAt: null },
    data: { revokedAt: now },
  })
}

/** The current month in JST (`YYYY-MM`). */
export function currentMonth(now: Date): string {
  return monthOf(now)
}

/**
 * The effects of an approved succession (see the module comment), once, in the caller's
 * transaction: does nothing when they already took place.
 */
export async function effectSuccession(
  tx: DbTransaction,
  actor: Actor,
  successionId: string,
  now: Date,
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM succession WHERE id = ${successionId}::uuid FOR UPDATE`
  const row = await tx.succession.findUniqueOrThrow({
    where: { id: successionId },
    include: { items: true },
  })
  if (row.state !== 'approved' || row.effectedAt) return
  const contractIds = row.items.flatMap((i) => (i.contractId ? [i.contractId] : []))
  const resourceIds = row.items.filter((i) => !i.contractId).map((i) => i.resourceId)
  const to = row.toParticipantId
  if (row.kind !== 'exit' && to) {
    await tx.contract.updateMany({
      where: { id: { in: contractIds } },
      data: { participantId: to, version: { increment: 1 } },
    })
    await tx.resource.updateMany({
      where: { id: { in: resourceIds } },
      data: { participantId: to, version: { increment: 1 } },
    })
    await tx.expectedCapacity.updateMany({
      where: {
        resourceId: { in: resourceIds },
        deliveryYear: { gte: deliveryYearOfMonth(row.effectiveMonth) },
      },
      data: { participantId: to },
    })
    await tx.outagePlan.updateMany({
      where: {
        contractId: { in: contractIds },
        startAt: { gte: jstDayStart(`${row.effectiveMonth}-01`) },
      },
      data: { participantId: to },
    })
  }
  if (row.kind === 'exit') {
    const application = row.applicationId
      ? await tx.application.findUnique({
          where: { id: row.applicationId },
          select: { receiptNo: true, submittedAt: true, createdAt: true },
        })
      : null
    // Before or after the deadline by the filing date, as the 190 exit (README).
    const occurredOn = jstDateOf(application?.submittedAt ?? application?.createdAt ?? now)
    for (const contractId of contractIds) {
      await tx.$queryRaw`SELECT id FROM contract WHERE id = ${contractId}::uuid FOR UPDATE`
      const contract = await tx.contract.findUniqueOrThrow({ where: { id: contractId } })
      if (contract.state === 'terminated') continue
      const terms = await contractTermsOf(tx, contractId)
      const factorId =
        terms.contractKw > 0
          ? await registerPenaltyFactor(tx, actor, terms, {
              factorType: 'marketExit',
              kw: terms.contractKw,
              occurredOn,
              basis: `市場退出 ${row.successionNo} (${application?.receiptNo ?? ''}): ${row.reason}`,
            })
          : null
      await amendContract(tx, actor, {
        contractId,
        source: 'marketExit',
        sourceId: factorId ?? row.id,
        reason: row.reason,
        terminate: true,
      })
    }
  }
  if (row.kind !== 'succession') await closeParticipant(tx, row.participantId, now)
  await tx.succession.update({
    where: { id: row.id },
    data: { effectedAt: now, version: { increment: 1 } },
  })
  await audit(tx, actor, {
    action: 'succession.effect',
    entityType: 'succession',
    entityId: row.id,
    participantId: row.participantId,
    after: {
      successionNo: row.successionNo,
      kind: row.kind,
      effectiveMonth: row.effectiveMonth,
      contractNos: contractIds.length,
    },
  })
}

/**
 * Approval (in the application's transaction): the affected records fixed again, the rule on
 * invoiced months checked again, the holder history written, the effects now when the month has
 * begun. Returns the row's id, applicant and the number of contracts.
 */
export async function approveSuccession(
  tx: DbTransaction,
  actor: Actor,
  successionId: string,
  now: Date,
): Promise<{ id: string; participantId: string; successionNo: string; contracts: number }> {
  await tx.$queryRaw`SELECT id FROM succession WHERE id = ${successionId}::uuid FOR UPDATE`
  const row = await tx.succession.findUniqueOrThrow({
    where: { id: successionId },
    include: { items: { where: { contractId: null } } },
  })
  const affected = await affectedOf(tx, {
    kind: row.kind as SuccessionKind,
    participantId: row.participantId,
    resourceIds: row.items.map((i) => i.resourceId),
    effectiveMonth: row.effectiveMonth,
  })
  await checkNotInvoiced(
    tx,
    affected.contracts.map((c) => c.id),
    row.effectiveMonth,
  )
  if (row.toParticipantId) {
    const to = await tx.participant.findUniqueOrThrow({ where: { id: row.toParticipantId } })
    await receiverOf(tx, to.code, row.participantId)
  }
  await writeItems(tx, row.id, affected)
  if (row.kind !== 'exit' && row.toParticipantId) {
    await writeHolders(tx, {
      contracts: affected.contracts,
      resources: affected.resources,
      toParticipantId: row.toParticipantId,
      fromMonth: row.effectiveMonth,
      successionId: row.id,
    })
  }
  await tx.succession.update({
    where: { id: row.id },
    data: { state: 'approved', version: { increment: 1 } },
  })
  await audit(tx, actor, {
    action: 'succession.approve',
    entityType: 'succession',
    entityId: row.id,
    participantId: row.participantId,
    before: { state: row.state },
    after: {
      state: 'approved',
      successionNo: row.successionNo,
      kind: row.kind,
      effectiveMonth: row.effectiveMonth,
      resourceCodes: affected.resources.map((r) => r.code).join(' '),
      contractNos: affected.contracts.map((c) => c.contractNo).join(' '),
    },
  })
  if (row.effectiveMonth <= currentMonth(now)) await effectSuccession(tx, actor, row.id, now)
  return {
    id: row.id,
    participantId: row.participantId,
    successionNo: row.successionNo,
    contracts: affected.contracts.length,
  }
}

/**
 * The schedule's step (recurring job `successionSchedule`; `now` injected in tests): the
 * approved successions whose effective month has begun take effect. Returns their numbers.
 */
export async function runSuccessionSchedule(db: Db, now: Date): Promise<string[]> {
  const due = await db.succession.findMany({
    where: { state: 'approved', effectedAt: null, effectiveMonth: { lte: currentMonth(now) } },
    select: { id: true, successionNo: true },
    orderBy: [{ effectiveMonth: 'asc' }, { successionNo: 'asc' }],
  })
  for (const d of due) {
    await db.$transaction((tx) => effectSuccession(tx, SCHEDULE_ACTOR, d.id, now))
  }
  return due.map((d) => d.successionNo)
}

export const SUCCESSION_SCHEDULE_JOB = 'successionSchedule'
/** How often the schedule looks for successions whose month has begun. */
export const SUCCESSION_SCHEDULE_EVERY_MS = 60 * 60_000

/** The recurring job: `clock` injected in tests. */
export function successionScheduleJob(db: Db, clock: () => Date = () => new Date()) {
  return async (): Promise<JobOutcome> => {
    const effected = await runSuccessionSchedule(db, clock())
    return { state: 'succeeded', result: { effected: effected.join(' ') } }
  }
}
