/**
 * A succession, merger or exit (G50) as a reviewed record (entity type `succession`, function
 * group G50), like the replacement (160): the `succession` row is filed first (pendingConsent
 * while the receiver has not consented, applied for an exit); the application (kind `register`,
 * filed for the applicant) is created when it is applied. Its proposed values name the row and
 * repeat its terms; a correction may change the reason only (E-SUCC-004 otherwise). Approval:
 * `approveSuccession`. Return keeps the row applied; reject and withdraw end it.
 */
import {
  successionApplicationSchema,
  successionStateLabels,
  type SuccessionApplication,
  type SuccessionState,
} from '@yoryo/contracts'
import type { DbClient, DbTransaction } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { affectedOf, approveSuccession, checkNotInvoiced } from './service.ts'
import type { SuccessionKind } from '@yoryo/contracts'

/** The proposed values of the application for a succession row. */
export async function applicationValues(
  db: DbClient,
  id: string,
): Promise<SuccessionApplication | null> {
  const row = await db.succession.findUnique({ where: { id }, include: { items: true } })
  if (!row) return null
  const parties = new Map(
    (
      await db.participant.findMany({
        where: {
          id: { in: [row.participantId, ...(row.toParticipantId ? [row.toParticipantId] : [])] },
        },
        select: { id: true, code: true },
      })
    ).map((p) => [p.id, p.code]),
  )
  const resources = await db.resource.findMany({
    where: { id: { in: row.items.filter((i) => !i.contractId).map((i) => i.resourceId) } },
    select: { code: true },
    orderBy: { code: 'asc' },
  })
  const contracts = await db.contract.findMany({
    where: { id: { in: row.items.flatMap((i) => (i.contractId ? [i.contractId] : [])) } },
    select: { contractNo: true },
    orderBy: { contractNo: 'asc' },
  })
  return {
    successionId: row.id,
    successionNo: row.successionNo,
    kind: row.kind as SuccessionKind,
    participantCode: parties.get(row.participantId) ?? '',
    toParticipantCode: row.toParticipantId ? (parties.get(row.toParticipantId) ?? '') : null,
    effectiveMonth: row.effectiveMonth,
    resourceCodes: resources.map((r) => r.code),
    contractNos: contracts.map((c) => c.contractNo),
    reason: row.reason,
  }
}

/** The row of an application, in state applied, with the terms it was filed with. */
async function appliedRow(
  tx: DbClient,
  proposed: SuccessionApplication,
  applicationId: string | null,
) {
  const row = await tx.succession.findUnique({
    where: { id: proposed.successionId },
    include: { items: { where: { contractId: null } } },
  })
  if (!row) throw new AppError('E-COMMON-002', 404)
  if (
    row.kind !== proposed.kind ||
    row.effectiveMonth !== proposed.effectiveMonth ||
    (applicationId !== null && row.applicationId !== applicationId)
  ) {
    throw new AppError('E-SUCC-004', 409, {
      params: { state: successionStateLabels[row.state as SuccessionState].ja },
    })
  }
  if (row.state !== 'applied') {
    throw new AppError('E-SUCC-004', 409, {
      params: { state: successionStateLabels[row.state as SuccessionState].ja },
    })
  }
  return row
}

async function end(
  tx: DbTransaction,
  proposed: SuccessionApplication,
  actor: Actor,
  state: 'rejected' | 'withdrawn',
): Promise<void> {
  const row = await tx.succession.findUnique({ where: { id: proposed.successionId } })
  if (!row || row.state !== 'applied') return
  await tx.succession.update({
    where: { id: row.id },
    data: { state, version: { increment: 1 } },
  })
  await audit(tx, actor, {
    action: state === 'rejected' ? 'succession.reject' : 'succession.withdraw',
    entityType: 'succession',
    entityId: row.id,
    participantId: row.participantId,
    before: { state: row.state },
    after: { state },
  })
}

export const successionHandler = defineEntityHandler({
  entityType: 'succession',
  functionGroup: 'G50',

  async current(tx, entityId) {
    const values = await applicationValues(tx, entityId)
    const row = await tx.succession.findUnique({ where: { id: entityId } })
    return values && row ? { values, version: row.version } : null
  },

  kinds: {
    register: {
      schema: successionApplicationSchema,
      applicantName: (p) => p.participantCode,
      async check(tx, proposed, { applicationId }) {
        const row = await appliedRow(tx, proposed, applicationId)
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
      },
      async apply(tx, application, actor) {
        const row = await appliedRow(tx, application.proposed, application.id)
        if (application.proposed.reason !== row.reason) {
          await tx.succession.update({
            where: { id: row.id },
            data: { reason: application.proposed.reason },
          })
        }
        const done = await approveSuccession(tx, actor, row.id, new Date())
        return {
          entityId: done.id,
          participantId: done.participantId,
          result: { successionNo: done.successionNo, contracts: done.contracts },
        }
      },
      onReject: (tx, application, actor) => end(tx, application.proposed, actor, 'rejected'),
      onWithdraw: (tx, application, actor) => end(tx, application.proposed, actor, 'withdrawn'),
    },
  },
})
