/**
 * The one way a capacity contract changes after it was drafted (rules.md §4, §6, §7): a new
 * contract kW (replacement 160, changed expected capacity 841, partial exit 190) or a
 * termination (full exit). The amounts are recomputed by `computeContractAmount`, the change is
 * kept as a `ContractAmendment` (before / after), the contract's version is bumped and the write
 * audited — all in the caller's transaction.
 *
 * The change contract (変更契約書) / termination agreement (解約合意書) document is issued here
 * too (module contracts owns it) and kept as the amendment's `documentId`; callers never write
 * contracts themselves.
 *
 * A contract not yet concluded (`draft`, `correctionRequested`: the participant has not
 * confirmed it) is corrected rather than changed: it returns to `draft` with the new terms and
 * no change contract is issued — the contract document issued on confirmation states them.
 */
import type { ContractAmendmentSource } from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { type Contract, type ContractAmendment, type DbClient } from '@yoryo/db'
import { computeContractAmount } from '@yoryo/domain'
import { audit, type Actor } from '../../lib/audit.ts'
import { contractForDocument, issueChangeDocument } from './documents.ts'

export interface ContractAmendmentInput {
  contractId: string
  source: ContractAmendmentSource
  /** The record that caused the change (replacement, penalty factor, application …). */
  sourceId?: string
  reason?: string
  /** The new contract kW (≥ 0, ≤ the kW in force); ignored when `terminate`. */
  contractKw?: number
  /** Ends the contract (解約): contract kW and amounts become 0, state `terminated`. */
  terminate?: boolean
  /** A replacement's kW moved per month (`YYYY-MM`), kept in `after` and printed in the 別紙. */
  allocation?: { month: string; kw: number; resourceCode?: string }[]
}

/** Not yet concluded: the participant has not confirmed it. */
const unconcluded = new Set(['draft', 'correctionRequested'])

/** The contract's values an amendment records before and after. */
function termsOf(c: Contract) {
  return {
    contractKw: c.contractKw,
    annualAmount: Number(c.annualAmount),
    monthlyAmounts: c.monthlyAmounts as number[],
    state: c.state,
  }
}

/** Thrown when the contract cannot be amended (terminated, or kW out of range): a programming
 * error of the caller, which checks its own rules first and reports them with its messages. */
export class ContractAmendmentError extends Error {}

export async function amendContract(
  tx: DbClient,
  actor: Actor,
  input: ContractAmendmentInput,
): Promise<{ contract: Contract; amendment: ContractAmendment }> {
  // Row lock: amendments of one contract are serialised.
  await tx.$queryRaw`SELECT id FROM contract WHERE id = ${input.contractId}::uuid FOR UPDATE`
  const before = await tx.contract.findUniqueOrThrow({ where: { id: input.contractId } })
  if (before.state === 'terminated') {
    throw new ContractAmendmentError(`contract ${before.contractNo} is terminated`)
  }
  const contractKw = input.terminate ? 0 : (input.contractKw ?? before.contractKw)
  if (!Number.isInteger(contractKw) || contractKw < 0) {
    throw new ContractAmendmentError(`contract kW ${contractKw} is invalid`)
  }
  const amounts = computeContractAmount({
    areaPrice: before.areaPrice,
    contractKw,
    deductionRate: Number(before.deductionRate.toString()),
  })
  const contract = await tx.contract.update({
    where: { id: before.id },
    data: {
      contractKw,
      annualAmount: BigInt(amounts.annualAmount),
      monthlyAmounts: amounts.monthly,
      state: input.terminate ? 'terminated' : unconcluded.has(before.state) ? 'draft' : 'amended',
      terminatedAt: input.terminate ? new Date() : null,
      version: { increment: 1 },
    },
  })
  const seq = (await tx.contractAmendment.count({ where: { contractId: before.id } })) + 1
  const allocation = input.allocation?.length ? { allocation: input.allocation } : {}
  const document =
    input.terminate || !unconcluded.has(before.state)
      ? await issueChangeDocument(tx, actor, await contractForDocument(tx, before.id), {
          termination: input.terminate === true,
          seq,
          source: input.source,
          reason: input.reason ?? '',
          before,
          allocation: input.allocation,
        })
      : null
  const amendment = await tx.contractAmendment.create({
    data: {
      contractId: before.id,
      seq,
      kind: input.terminate ? 'termination' : 'amendment',
      source: input.source,
      sourceId: input.sourceId ?? null,
      reason: input.reason ?? '',
      before: termsOf(before) as Prisma.InputJsonValue,
      after: { ...termsOf(contract), ...allocation } as Prisma.InputJsonValue,
      documentId: document?.id ?? null,
      createdBy: actor.userId,
      createdByName: actor.label,
    },
  })
  await audit(tx, actor, {
    action: input.terminate ? 'contract.terminate' : 'contract.amend',
    entityType: 'capacityContract',
    entityId: before.id,
    participantId: before.participantId,
    before: termsOf(before),
    after: { ...termsOf(contract), source: input.source, sourceId: input.sourceId ?? null },
  })
  return { contract, amendment }
}
