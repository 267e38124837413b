/**
 * A replacement (160) as a reviewed record (entity type `replacement`, function group 160).
 *
 * The `replacement` row is filed first (state pendingConsent when the replacing resource is
 * another participant's, else applied); the application (kind `register`, filed for the
 * contract holder) is created when it is applied. Its proposed values name the row and repeat
 * its terms; a correction may change the reason only (E-RPL-020). Approval, in one transaction:
 * the rules again under row locks of both resources, one allocation row per month, the
 * contract amended (`amendContract`, source `replacement`, contract kW unchanged: the change
 * contract records the move), state approved, audit. Return keeps it applied; reject and
 * withdraw end it.
 */
import {
  monthsBetween,
  replacementApplicationSchema,
  replacementStateLabels,
  type ReplacementApplication,
  type ReplacementState,
} from '@yoryo/contracts'
import type { DbClient, DbTransaction } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { amendContract } from '../contracts/public.ts'
import { checkReplacementRules } from './rules.ts'

export const replacementInclude = {
  contract: { include: { resource: true } },
  participant: { select: { code: true, name: true } },
  replacingResource: true,
  replacingParticipant: { select: { code: true, name: true } },
  allocations: true,
} as const

export async function loadReplacement(db: DbClient, id: string) {
  return db.replacement.findUnique({ where: { id }, include: replacementInclude })
}
export type ReplacementRow = NonNullable<Awaited<ReturnType<typeof loadReplacement>>>

/** The proposed values of the application for a replacement row. */
export function applicationValues(row: ReplacementRow): ReplacementApplication {
  return {
    replacementId: row.id,
    contractId: row.contractId,
    contractNo: row.contract.contractNo,
    resourceCode: row.contract.resource.code,
    replacingResourceCode: row.replacingResource.code,
    replacingParticipantCode: row.replacingParticipant.code,
    kw: row.kw,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    reason: row.reason,
  }
}

function termsOf(row: ReplacementRow) {
  return {
    contract: row.contract,
    replacingResource: row.replacingResource,
    replacingResourceCode: row.replacingResource.code,
    kw: row.kw,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
  }
}

/** The row of an application, in state applied, with the terms it was filed with. */
async function appliedRow(
  tx: DbClient,
  proposed: ReplacementApplication,
  applicationId: string | null,
): Promise<ReplacementRow> {
  const row = await loadReplacement(tx, proposed.replacementId)
  if (!row) throw new AppError('E-COMMON-002', 404)
  const same = applicationValues(row)
  if (
    same.contractId !== proposed.contractId ||
    same.replacingResourceCode !== proposed.replacingResourceCode ||
    same.kw !== proposed.kw ||
    same.fromMonth !== proposed.fromMonth ||
    same.toMonth !== proposed.toMonth ||
    (applicationId !== null && row.applicationId !== applicationId)
  ) {
    throw new AppError('E-RPL-020', 409)
  }
  if (row.state !== 'applied') {
    throw new AppError('E-RPL-019', 409, {
      params: { state: replacementStateLabels[row.state as ReplacementState].ja },
    })
  }
  return row
}

/** Ends an applied replacement when its application is rejected or withdrawn. */
async function end(
  tx: DbTransaction,
  proposed: ReplacementApplication,
  actor: Actor,
  state: 'rejected' | 'withdrawn',
): Promise<void> {
  const row = await tx.replacement.findUnique({ where: { id: proposed.replacementId } })
  if (!row || row.state !== 'applied') return
  await tx.replacement.update({
    where: { id: row.id },
    data: { state, version: { increment: 1 } },
  })
  await audit(tx, actor, {
    action: state === 'rejected' ? 'replacement.reject' : 'replacement.withdraw',
    entityType: 'replacement',
    entityId: row.id,
    participantId: row.participantId,
    before: { state: row.state },
    after: { state },
  })
}

export const replacementHandler = defineEntityHandler({
  entityType: 'replacement',
  functionGroup: '160',

  async current(tx, entityId) {
    const row = await loadReplacement(tx, entityId)
    return row ? { values: applicationValues(row), version: row.version } : null
  },

  kinds: {
    register: {
      schema: replacementApplicationSchema,
      async check(tx, proposed, { applicationId }) {
        const row = await appliedRow(tx, proposed, applicationId)
        await checkReplacementRules(tx, termsOf(row), 'ja')
      },
      async apply(tx, application, actor) {
        const first = await tx.replacement.findUnique({
          where: { id: application.proposed.replacementId },
          select: { replacingResourceId: true, contract: { select: { resourceId: true } } },
        })
        if (!first) throw new AppError('E-COMMON-002', 404)
        // Both resources locked in one order: approvals that move capacity to or from the same
        // resource run one after the other, each checking what the other committed.
        for (const id of [first.replacingResourceId, first.contract.resourceId].sort()) {
          await tx.$queryRaw`SELECT id FROM resource WHERE id = ${id}::uuid FOR UPDATE`
        }
        const row = await appliedRow(tx, application.proposed, application.id)
        await checkReplacementRules(tx, termsOf(row), 'ja')
        const months = monthsBetween(row.fromMonth, row.toMonth)
        await tx.replacementAllocation.createMany({
          data: months.map((month) => ({
            contractId: row.contractId,
            replacementId: row.id,
            resourceId: row.replacingResourceId,
            month,
            kw: row.kw,
          })),
        })
        await tx.replacement.update({
          where: { id: row.id },
          data: {
            state: 'approved',
            reason: application.proposed.reason,
            version: { increment: 1 },
          },
        })
        const { amendment } = await amendContract(tx, actor, {
          contractId: row.contractId,
          source: 'replacement',
          sourceId: row.id,
          reason: application.proposed.reason,
          // The change contract's annex lists the kW moved per month and to which resource.
          allocation: months.map((month) => ({
            month,
            kw: row.kw,
            resourceCode: row.replacingResource.code,
          })),
        })
        await audit(tx, actor, {
          action: 'replacement.approve',
          entityType: 'replacement',
          entityId: row.id,
          participantId: row.participantId,
          before: { state: row.state },
          after: {
            state: 'approved',
            contractNo: row.contract.contractNo,
            replacingResourceCode: row.replacingResource.code,
            kw: row.kw,
            fromMonth: row.fromMonth,
            toMonth: row.toMonth,
            amendmentSeq: amendment.seq,
          },
        })
        return {
          entityId: row.id,
          participantId: row.participantId,
          result: { contractNo: row.contract.contractNo, amendmentSeq: amendment.seq },
        }
      },
      onReject: (tx, application, actor) => end(tx, application.proposed, actor, 'rejected'),
      onWithdraw: (tx, application, actor) => end(tx, application.proposed, actor, 'withdrawn'),
    },
  },
})
