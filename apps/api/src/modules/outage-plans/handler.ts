import {
  cancelApplicationSchema,
  formatMessage,
  formatOutagePlanNo,
  OUTAGE_PLAN_WINDOW,
  outagePlanChangeSchema,
  outagePlanRegisterSchema,
  type MessageId,
} from '@yoryo/contracts'
import { nextNumber, type DbTransaction } from '@yoryo/db'
import { peakConcurrentKw } from '@yoryo/domain'
import { audit } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { contractOf, type YearContract } from './allowance.ts'

/**
 * Outage plans as a reviewed record (180): registration, change and cancellation, each accepted
 * only inside the submission window of the plan's delivery year (`outagePlanSubmission`). The
 * checks (also on approval): a contract of the resource in the year not terminated (E-OUT-006),
 * reduced kW ≤ the contract kW (E-OUT-004), and with the plans in force of the resource that
 * overlap it, at no moment more than the contract kW out (E-OUT-005). The period's rules
 * (30-minute boundaries, end after start, inside the year) are the schema's.
 */

function fieldError(
  path: string,
  messageId: MessageId,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [{ path: [path], messageId, message: formatMessage(messageId, 'ja', params), params }],
  })
}

async function planOrNotFound(tx: DbTransaction, id: string | null) {
  const plan = id ? await tx.outagePlan.findUnique({ where: { id } }) : null
  if (!plan) throw new AppError('E-COMMON-002', 404)
  return plan
}

async function livePlan(tx: DbTransaction, id: string | null) {
  const plan = await planOrNotFound(tx, id)
  if (plan.cancelledAt) throw new AppError('E-OUT-007', 409, { params: { planNo: plan.planNo } })
  return plan
}

async function yearContract(
  tx: DbTransaction,
  resourceId: string,
  deliveryYear: number,
): Promise<YearContract> {
  const contract = await contractOf(tx, resourceId, deliveryYear)
  if (!contract) throw fieldError('resourceId', 'E-OUT-006', { deliveryYear })
  return contract
}

/** Reduced kW within the contract kW, alone and with the overlapping plans in force. */
async function checkCapacity(
  tx: DbTransaction,
  resourceId: string,
  contract: YearContract,
  plan: { startAt: string; endAt: string; reducedKw: number },
  excludePlanId?: string,
): Promise<void> {
  if (plan.reducedKw > contract.contractKw) {
    throw fieldError('reducedKw', 'E-OUT-004', {
      reducedKw: plan.reducedKw,
      contractKw: contract.contractKw,
    })
  }
  const start = new Date(plan.startAt)
  const end = new Date(plan.endAt)
  const overlapping = await tx.outagePlan.findMany({
    where: {
      resourceId,
      cancelledAt: null,
      startAt: { lt: end },
      endAt: { gt: start },
      ...(excludePlanId ? { id: { not: excludePlanId } } : {}),
    },
    orderBy: { planNo: 'asc' },
    select: { planNo: true, startAt: true, endAt: true, reducedKw: true },
  })
  if (!overlapping.length) return
  const totalKw = peakConcurrentKw(
    [
      ...overlapping.map((o) => ({
        start: o.startAt.getTime(),
        end: o.endAt.getTime(),
        kw: o.reducedKw,
      })),
      { start: start.getTime(), end: end.getTime(), kw: plan.reducedKw },
    ],
    { start: start.getTime(), end: end.getTime() },
  )
  if (totalKw > contract.contractKw) {
    throw fieldError('reducedKw', 'E-OUT-005', {
      planNos: overlapping.map((o) => o.planNo).join(', '),
      totalKw,
      contractKw: contract.contractKw,
    })
  }
}

function valuesOf(plan: {
  deliveryYear: number
  startAt: Date
  endAt: Date
  reducedKw: number
  reason: string
  note: string
}) {
  return {
    deliveryYear: plan.deliveryYear,
    startAt: plan.startAt.toISOString(),
    endAt: plan.endAt.toISOString(),
    reducedKw: plan.reducedKw,
    reason: plan.reason,
    note: plan.note,
  }
}

export const outagePlanHandler = defineEntityHandler({
  entityType: 'outagePlan',
  functionGroup: '180',

  async current(tx, entityId) {
    const plan = await tx.outagePlan.findUnique({ where: { id: entityId } })
    return plan ? { values: valuesOf(plan), version: plan.version } : null
  },

  kinds: {
    register: {
      schema: outagePlanRegisterSchema,
      window: OUTAGE_PLAN_WINDOW,
      windowYear: async (_tx, proposed) => proposed.deliveryYear,
      async check(tx, proposed, { applicationId }) {
        const resource = await tx.resource.findUnique({
          where: { id: proposed.resourceId },
          select: { id: true, participantId: true },
        })
        if (!resource) throw fieldError('resourceId', 'E-COMMON-013')
        if (applicationId) {
          // A correction may not point at another participant's resource.
          const application = await tx.application.findUnique({
            where: { id: applicationId },
            select: { participantId: true },
          })
          if (application?.participantId !== resource.participantId) {
            throw fieldError('resourceId', 'E-COMMON-013')
          }
        }
        const contract = await yearContract(tx, resource.id, proposed.deliveryYear)
        await checkCapacity(tx, resource.id, contract, proposed)
      },
      async apply(tx, application, actor) {
        const p = application.proposed
        const resource = await tx.resource.findUniqueOrThrow({
          where: { id: p.resourceId },
          select: { id: true, code: true, participantId: true },
        })
        const contract = await yearContract(tx, resource.id, p.deliveryYear)
        const n = await nextNumber(tx, `outagePlan:${p.deliveryYear}`)
        const plan = await tx.outagePlan.create({
          data: {
            planNo: formatOutagePlanNo(p.deliveryYear, n),
            participantId: resource.participantId,
            resourceId: resource.id,
            contractId: contract.contractId,
            deliveryYear: p.deliveryYear,
            startAt: new Date(p.startAt),
            endAt: new Date(p.endAt),
            reducedKw: p.reducedKw,
            reason: p.reason,
            note: p.note,
          },
        })
        await audit(tx, actor, {
          action: 'outagePlan.create',
          entityType: 'outagePlan',
          entityId: plan.id,
          participantId: resource.participantId,
          after: { planNo: plan.planNo, resourceCode: resource.code, ...valuesOf(plan) },
        })
        return {
          entityId: plan.id,
          participantId: resource.participantId,
          result: { planNo: plan.planNo },
        }
      },
    },

    change: {
      schema: outagePlanChangeSchema,
      window: OUTAGE_PLAN_WINDOW,
      windowYear: async (tx, _proposed, { entityId }) =>
        entityId
          ? (
              await tx.outagePlan.findUnique({
                where: { id: entityId },
                select: { deliveryYear: true },
              })
            )?.deliveryYear
          : undefined,
      async check(tx, proposed, { entityId }) {
        const plan = await livePlan(tx, entityId)
        if (proposed.deliveryYear !== plan.deliveryYear) {
          throw fieldError('deliveryYear', 'E-OUT-008', { deliveryYear: plan.deliveryYear })
        }
        const contract = await yearContract(tx, plan.resourceId, plan.deliveryYear)
        await checkCapacity(tx, plan.resourceId, contract, proposed, plan.id)
      },
      async apply(tx, application, actor) {
        const before = await livePlan(tx, application.entityId)
        const p = application.proposed
        const after = await tx.outagePlan.update({
          where: { id: before.id },
          data: {
            startAt: new Date(p.startAt),
            endAt: new Date(p.endAt),
            reducedKw: p.reducedKw,
            reason: p.reason,
            note: p.note,
            version: { increment: 1 },
          },
        })
        await audit(tx, actor, {
          action: 'outagePlan.update',
          entityType: 'outagePlan',
          entityId: before.id,
          participantId: before.participantId,
          before: valuesOf(before),
          after: valuesOf(after),
        })
        return { entityId: before.id, participantId: before.participantId }
      },
    },

    cancel: {
      schema: cancelApplicationSchema,
      window: OUTAGE_PLAN_WINDOW,
      windowYear: async (tx, _proposed, { entityId }) =>
        entityId
          ? (
              await tx.outagePlan.findUnique({
                where: { id: entityId },
                select: { deliveryYear: true },
              })
            )?.deliveryYear
          : undefined,
      async check(tx, _proposed, { entityId }) {
        await livePlan(tx, entityId)
      },
      async apply(tx, application, actor) {
        const before = await livePlan(tx, application.entityId)
        await tx.outagePlan.update({
          where: { id: before.id },
          data: { cancelledAt: new Date(), version: { increment: 1 } },
        })
        await audit(tx, actor, {
          action: 'outagePlan.cancel',
          entityType: 'outagePlan',
          entityId: before.id,
          participantId: before.participantId,
          before: { state: 'active' },
          after: { state: 'cancelled', reason: application.proposed.reason },
        })
        return { entityId: before.id, participantId: before.participantId }
      },
    },
  },
})
