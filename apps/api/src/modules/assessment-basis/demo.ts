/**
 * Demo delivery year (`pnpm start`, once): the contracts a realistic month is assessed on. A main
 * auction for the delivery year of the last complete month (held four years earlier, published)
 * and a contract in delivery (`active`) for every resource of P00001 and P00002, at the area
 * prices of reference-data.md (main 2022 → FY2026; other years reuse them). The feeds, outage
 * plans and the assessment of that month are seeded on top of these by their own modules.
 */
import { fiscalYearOf, jstDateOf, type Area } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import { createAuction, createContract } from '@yoryo/db/factories'
import { computeContractAmount } from '@yoryo/domain'

/** Area prices of the main auction held in 2022 for delivery year 2026 (reference-data.md). */
const AREA_PRICES: Record<Area, number> = {
  hokkaido: 8_749,
  tohoku: 5_833,
  tokyo: 5_834,
  chubu: 5_832,
  hokuriku: 5_832,
  kansai: 5_832,
  chugoku: 5_832,
  shikoku: 5_832,
  kyushu: 8_748,
}

/** The last complete JST month before `now` (`YYYY-MM`): the demo's assessed month. */
export function demoAssessmentMonth(now: Date = new Date()): string {
  const [y, m] = jstDateOf(now).split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export interface DemoDeliveryYear {
  month: string
  deliveryYear: number
  auctionId: string
  contractIds: string[]
}

export async function seedDemoDeliveryYear(
  db: Db,
  now: Date = new Date(),
): Promise<DemoDeliveryYear> {
  const month = demoAssessmentMonth(now)
  const deliveryYear = fiscalYearOf(`${month}-01`)
  const heldAt = new Date(Date.UTC(deliveryYear - 4, 6, 1))
  const resources = await db.resource.findMany({
    where: { participant: { code: { in: ['P00001', 'P00002'] } }, status: 'active' },
    include: { expectedCapacities: { orderBy: { deliveryYear: 'desc' }, take: 1 } },
    orderBy: { code: 'asc' },
  })
  return db.$transaction(async (tx) => {
    const auction = await createAuction(tx, {
      deliveryYear,
      state: 'published',
      bidding: { opensAt: heldAt, closesAt: new Date(heldAt.getTime() + 7 * 86_400_000) },
      now: heldAt,
    })
    const contractIds: string[] = []
    for (const resource of resources) {
      const expected = resource.expectedCapacities[0]
      const contractKw = Math.max(
        1_000,
        expected?.changedExpectedKw ?? expected?.expectedKw ?? 5_000,
      )
      const areaPrice = AREA_PRICES[resource.area]
      const amounts = computeContractAmount({ areaPrice, contractKw, deductionRate: 0 })
      const contract = await createContract(tx, {
        resource,
        auctionId: auction.id,
        contractKw,
        areaPrice,
        annualAmount: amounts.annualAmount,
        monthlyAmounts: amounts.monthly,
        state: 'active',
      })
      contractIds.push(contract.id)
    }
    return { month, deliveryYear, auctionId: auction.id, contractIds }
  })
}
