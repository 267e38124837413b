import type { AuctionParameters } from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import type { ClearingInput } from '@yoryo/domain'
import { latestAchievementRate } from '../expected-capacity/public.ts'

/** The engine's parameters of an auction: its `parameters` without the deduction table. */
export function clearingParameters(parameters: AuctionParameters): Omit<ClearingInput, 'bids'> {
  return {
    demandCurve: { ...parameters.demandCurve },
    areas: parameters.areas.map((a) => ({ area: a.area, requiredKw: a.requiredKw })),
    interconnections: parameters.interconnections.map((l) => ({
      from: l.from,
      to: l.to,
      limitKw: l.limitKw,
    })),
    adders: parameters.adders.map((a) => ({ area: a.area, kw: a.kw, label: a.label })),
    dispatchOrderCapKw: parameters.dispatchOrderCapKw,
  }
}

/**
 * The input snapshot of a clearing (rules-api.md `ClearingInput`): the parameters in force and
 * every bid in force (not withdrawn) of a qualified resource, with the resource's area and kind,
 * the time its version in force was accepted and, for dispatch-order resources, the achievement
 * rate of the latest effectiveness test. Bids in bid-ID order, so the same data gives the same
 * snapshot.
 */
export async function clearingSnapshot(db: DbClient, auctionId: string): Promise<ClearingInput> {
  const auction = await db.auction.findUniqueOrThrow({ where: { id: auctionId } })
  const qualified = await db.auctionQualification.findMany({
    where: { auctionId, state: 'qualified' },
    select: { resourceId: true },
  })
  const bids = await db.bid.findMany({
    where: {
      auctionId,
      withdrawnAt: null,
      resourceId: { in: qualified.map((q) => q.resourceId) },
    },
    select: {
      id: true,
      kw: true,
      price: true,
      submittedAt: true,
      resource: { select: { id: true, code: true, area: true, kind: true } },
    },
    orderBy: { id: 'asc' },
  })
  const rates = new Map<string, number | null>()
  for (const bid of bids) {
    if (bid.resource.kind === 'dispatchOrder' && !rates.has(bid.resource.id)) {
      rates.set(bid.resource.id, await latestAchievementRate(db, bid.resource.id))
    }
  }
  return {
    ...clearingParameters(auction.parameters as unknown as AuctionParameters),
    bids: bids.map((bid) => {
      const rate = rates.get(bid.resource.id)
      return {
        bidId: bid.id,
        resourceCode: bid.resource.code,
        area: bid.resource.area,
        kind: bid.resource.kind,
        kw: bid.kw,
        price: bid.price,
        submittedAt: bid.submittedAt.toISOString(),
        ...(rate !== undefined && rate !== null ? { achievementRate: rate } : {}),
      }
    }),
  }
}
