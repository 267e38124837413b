/**
 * The amounts of the released kW (F30, rules.md §8), the one implementation the F30 list and the
 * settlement (E10) both use: per contract and month of a published release, the released kW in
 * force, 交付額 (granted: floor(monthly amount × released kW / contract kW), part of the
 * contract's monthly amount, kept though the kW carry no requirement) and 請求額 (billed:
 * floor(price × kW / 12) April–February, March the remainder).
 */
import { deliveryMonths, fiscalYearOf, type ReleaseAmount } from '@yoryo/contracts'
import { releaseBilledAmounts, releaseGrantedAmount } from '@yoryo/domain'
import type { DbClient, Prisma } from '@yoryo/db'

/** The release of one contract in one month: Σ over its published releases in force. */
export interface MonthRelease {
  releasedKw: number
  billedAmount: number
  /** The releases behind it (one per published release auction). */
  releases: { auctionId: string; releasedKw: number; price: number; billedAmount: number }[]
}

export type ReleaseFilter = {
  deliveryYear?: number | undefined
  month?: string | undefined
  participantId?: string | undefined
  contract?: string | undefined
  contractIds?: string[] | undefined
}

/** The published releases in force in `month` per contract (contracts without one: absent). */
export async function releasesInMonth(
  db: DbClient,
  month: string,
  contractIds?: string[],
): Promise<Map<string, MonthRelease>> {
  const rows = await db.contractRelease.findMany({
    where: {
      fromMonth: { lte: month },
      deliveryYear: fiscalYearOfMonth(month),
      ...(contractIds ? { contractId: { in: contractIds } } : {}),
    },
    orderBy: [{ contractId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  })
  const index = monthIndex(month)
  const out = new Map<string, MonthRelease>()
  for (const r of rows) {
    const billed = releaseBilledAmounts(r.price, r.releasedKw)[index]!
    const m = out.get(r.contractId) ?? { releasedKw: 0, billedAmount: 0, releases: [] }
    m.releasedKw += r.releasedKw
    m.billedAmount += billed
    m.releases.push({
      auctionId: r.auctionId,
      releasedKw: r.releasedKw,
      price: r.price,
      billedAmount: billed,
    })
    out.set(r.contractId, m)
  }
  return out
}

const fiscalYearOfMonth = (month: string) => fiscalYearOf(`${month}-01`)
/** April = 0 … March = 11. */
const monthIndex = (month: string) => deliveryMonths(fiscalYearOfMonth(month)).indexOf(month)

/** The F30 rows (one per published release and month) of the filter, unsorted. */
export async function releaseAmountRows(
  db: DbClient,
  filter: ReleaseFilter,
): Promise<ReleaseAmount[]> {
  const year = filter.month ? fiscalYearOfMonth(filter.month) : filter.deliveryYear
  if (filter.month && filter.deliveryYear && filter.deliveryYear !== year) return []
  const where: Prisma.ContractReleaseWhereInput = {
    ...(year ? { deliveryYear: year } : {}),
    ...(filter.contractIds ? { contractId: { in: filter.contractIds } } : {}),
  }
  const releases = await db.contractRelease.findMany({ where })
  if (!releases.length) return []
  const [contracts, auctions] = await Promise.all([
    db.contract.findMany({
      where: {
        id: { in: [...new Set(releases.map((r) => r.contractId))] },
        ...(filter.participantId ? { participantId: filter.participantId } : {}),
        ...(filter.contract
          ? { contractNo: { contains: filter.contract, mode: 'insensitive' as const } }
          : {}),
      },
      select: {
        id: true,
        contractNo: true,
        contractKw: true,
        monthlyAmounts: true,
        resource: { select: { code: true, name: true } },
        participant: { select: { id: true, code: true } },
      },
    }),
    db.auction.findMany({
      where: { id: { in: [...new Set(releases.map((r) => r.auctionId))] } },
      select: { id: true, code: true },
    }),
  ])
  const contractOf = new Map(contracts.map((c) => [c.id, c]))
  const codeOf = new Map(auctions.map((a) => [a.id, a.code]))
  const rows: ReleaseAmount[] = []
  for (const r of releases) {
    const c = contractOf.get(r.contractId)
    if (!c) continue
    const billed = releaseBilledAmounts(r.price, r.releasedKw)
    for (const [i, month] of deliveryMonths(r.deliveryYear).entries()) {
      if (month < r.fromMonth || (filter.month && month !== filter.month)) continue
      const monthlyAmount = (c.monthlyAmounts as number[])[i] ?? 0
      rows.push({
        id: `${r.id}:${month}`,
        month,
        deliveryYear: r.deliveryYear,
        auctionCode: codeOf.get(r.auctionId) ?? '',
        contractId: c.id,
        contractNo: c.contractNo,
        resourceCode: c.resource.code,
        resourceName: c.resource.name,
        participantId: c.participant.id,
        participantCode: c.participant.code,
        contractKw: c.contractKw,
        releasedKw: r.releasedKw,
        releasePrice: r.price,
        monthlyAmount,
        grantedAmount: releaseGrantedAmount(monthlyAmount, r.releasedKw, c.contractKw),
        billedAmount: billed[i]!,
      })
    }
  }
  return rows
}
