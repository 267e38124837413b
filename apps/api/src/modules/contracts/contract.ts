/**
 * The capacity contract (130) as the API returns it, shared by every module that shows contracts
 * (contracts, replacements, outage plans, penalty factors).
 */
import type { Contract as ContractOut } from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { type Contract } from '@yoryo/db'

/** What `toContract` needs loaded with the row. */
export const contractInclude = {
  participant: { select: { code: true, name: true } },
  resource: { select: { code: true, name: true } },
  auction: { select: { code: true } },
} satisfies Prisma.ContractInclude

export type ContractRow = Contract & {
  participant: { code: string; name: string }
  resource: { code: string; name: string }
  auction: { code: string }
}

export function toContract(row: ContractRow): ContractOut {
  return {
    id: row.id,
    contractNo: row.contractNo,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    resourceCode: row.resource.code,
    resourceName: row.resource.name,
    auctionId: row.auctionId,
    auctionCode: row.auction.code,
    deliveryYear: row.deliveryYear,
    contractKw: row.contractKw,
    awardedKw: row.awardedKw,
    areaPrice: row.areaPrice,
    deductionRate: Number(row.deductionRate.toString()),
    annualAmount: Number(row.annualAmount),
    monthlyAmounts: row.monthlyAmounts as number[],
    state: row.state,
    correctionReason: row.correctionReason,
    correctionAnswer: row.correctionAnswer,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    terminatedAt: row.terminatedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
