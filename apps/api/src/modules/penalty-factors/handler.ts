/**
 * Market exit (市場退出, 190) as a reviewed record, entity type `marketExit`: the participant
 * applies to exit all or part of a contract's kW; on approval, in the approval's transaction, the
 * penalty factor `marketExit` is registered with the domain's amount and its notice, and the
 * contract is amended (part: the kW that remain) or terminated (all) through `amendContract`.
 *
 * Before or after the deadline is decided by the **filing date** [design]: the JST date the
 * application was (last) submitted — the day the participant declared the exit — so the time the
 * review takes never raises the rate.
 */
import {
  formatMessage,
  jstDateOf,
  marketExitProposedSchema,
  penaltyCalculationSchema,
  type MarketExitProposed,
  type MessageId,
} from '@yoryo/contracts'
import type { DbTransaction } from '@yoryo/db'
import { AppError } from '../../lib/errors.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { amendContract } from '../contracts/public.ts'
import { contractTermsOf, registerPenaltyFactor } from './service.ts'

const OPEN_STATES = ['draft', 'submitted', 'inReview', 'returned'] as const

function fieldError(path: (string | number)[], messageId: MessageId, params = {}): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [{ path, messageId, message: formatMessage(messageId, 'ja', params), params }],
  })
}

/** The exit's own rules on the contract in force: kW of the scope, contract not terminated. */
export async function checkMarketExit(
  tx: DbTransaction,
  proposed: MarketExitProposed,
  applicationId: string | null,
  participantId: string | null,
): Promise<void> {
  const contract = await tx.contract.findUnique({ where: { id: proposed.contractId } })
  if (!contract || (participantId !== null && contract.participantId !== participantId)) {
    throw fieldError(['contractId'], 'E-COMMON-013')
  }
  if (contract.state === 'terminated') throw new AppError('E-PEN-001', 409)
  if (proposed.scope === 'all' && proposed.kw !== contract.contractKw) {
    throw fieldError(['kw'], 'E-PEN-003', { contractKw: contract.contractKw })
  }
  if (proposed.scope === 'part' && proposed.kw >= contract.contractKw) {
    throw fieldError(['kw'], 'E-PEN-002', { contractKw: contract.contractKw })
  }
  const open = await tx.application.findFirst({
    where: {
      entityType: 'marketExit',
      state: { in: [...OPEN_STATES] },
      ...(applicationId ? { id: { not: applicationId } } : {}),
      proposed: { path: ['contractId'], equals: contract.id },
    },
    select: { id: true },
  })
  if (open) throw new AppError('E-PEN-004', 409)
}

export const marketExitHandler = defineEntityHandler({
  entityType: 'marketExit',
  functionGroup: '190',

  // The record an approved exit produced: its penalty factor.
  async current(tx, entityId) {
    const factor = await tx.penaltyFactor.findUnique({ where: { id: entityId } })
    if (!factor) return null
    const calculation = penaltyCalculationSchema.parse(factor.calculation)
    return {
      values: {
        contractId: factor.contractId,
        kw: factor.kw,
        occurredOn: factor.occurredOn,
        amount: calculation.grossAmount,
      },
      version: factor.version,
    }
  },

  kinds: {
    register: {
      schema: marketExitProposedSchema,
      async check(tx, proposed, { applicationId }) {
        const application = applicationId
          ? await tx.application.findUnique({
              where: { id: applicationId },
              select: { participantId: true },
            })
          : null
        await checkMarketExit(tx, proposed, applicationId, application?.participantId ?? null)
      },
      async apply(tx, application, actor) {
        const p = application.proposed
        // Serialise with other changes of the contract (amendContract locks it again).
        await tx.$queryRaw`SELECT id FROM contract WHERE id = ${p.contractId}::uuid FOR UPDATE`
        const contract = await contractTermsOf(tx, p.contractId)
        const occurredOn = jstDateOf(application.submittedAt ?? application.createdAt)
        const factorId = await registerPenaltyFactor(tx, actor, contract, {
          factorType: 'marketExit',
          kw: p.kw,
          occurredOn,
          basis: `市場退出申込 ${application.receiptNo}: ${p.reason}`,
        })
        await amendContract(tx, actor, {
          contractId: contract.id,
          source: 'marketExit',
          sourceId: factorId,
          reason: p.reason,
          ...(p.scope === 'all' ? { terminate: true } : { contractKw: contract.contractKw - p.kw }),
        })
        const factor = await tx.penaltyFactor.findUniqueOrThrow({
          where: { id: factorId },
          select: { factorNo: true, amount: true },
        })
        return {
          entityId: factorId,
          participantId: contract.participantId,
          result: { factorNo: factor.factorNo, amount: Number(factor.amount) },
        }
      },
    },
  },
})
