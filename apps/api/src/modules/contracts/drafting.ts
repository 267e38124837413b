/**
 * Drafting (130, rules.md §4): when an auction's clearing run is published, one contract per
 * awarded bid (awarded kW > 0) in state `draft`, in the publication's transaction.
 *
 * - contract kW = awarded kW; area price = the price of the bid's area in the run's result;
 * - deduction rate (経過措置) from the auction's `deductionTable` by the resource's commissioning
 *   fiscal year: `commissionedOn` `YYYY-MM` belongs to the fiscal year starting in April
 *   (`2011-03` → FY2010). The row that applies is the one with the smallest `commissionedUpTo`
 *   ≥ that fiscal year; a row with `commissionedUpTo: null` applies to every year no other row
 *   covers; none → 0;
 * - amounts from `computeContractAmount` (exact, the months sum to the year);
 * - numbers `C<year>-<6 digits>` from the series `contract:<year>`, taken as one block.
 *
 * Re-publishing the run already published leaves the contracts alone. Publishing another run
 * replaces the contracts as long as none was confirmed (every contract is `draft` or
 * `correctionRequested`); after that it is refused with 409 `E-CON-002`.
 */
import { formatContractNo, type AuctionParameters } from '@yoryo/contracts'
import { reserveNumbers, type Auction, type DbClient, type Prisma } from '@yoryo/db'
import { computeContractAmount, type ClearingInput, type ClearingResult } from '@yoryo/domain'
import { auditMany, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { amendContract } from './amend.ts'

/** The fiscal year (April–March) of a `YYYY-MM` commissioning month. */
export function commissioningFiscalYear(commissionedOn: string): number {
  const [year, month] = commissionedOn.split('-').map(Number) as [number, number]
  return month >= 4 ? year : year - 1
}

/** The deduction rate of a resource commissioned in `commissionedOn` (see the module comment). */
export function deductionRateOf(
  table: AuctionParameters['deductionTable'],
  commissionedOn: string,
): number {
  const fy = commissioningFiscalYear(commissionedOn)
  const bounded = table
    .filter((r): r is { commissionedUpTo: number; rate: number } => r.commissionedUpTo !== null)
    .filter((r) => fy <= r.commissionedUpTo)
    .sort((a, b) => a.commissionedUpTo - b.commissionedUpTo)
  if (bounded[0]) return bounded[0].rate
  return table.find((r) => r.commissionedUpTo === null)?.rate ?? 0
}

const UNCONFIRMED = ['draft', 'correctionRequested'] as const

/**
 * Drafts the contracts of a published run (in the publication's transaction). `previousRunId`
 * is the run published before (null at the first publication).
 */
export async function draftContracts(
  tx: DbClient,
  actor: Actor,
  auction: Auction,
  run: { id: string; input: unknown; result: unknown },
  previousRunId: string | null,
): Promise<number> {
  const existing = await tx.contract.count({ where: { auctionId: auction.id } })
  if (existing > 0) {
    if (previousRunId === run.id) return 0
    const concluded = await tx.contract.count({
      where: { auctionId: auction.id, state: { notIn: [...UNCONFIRMED] } },
    })
    if (concluded > 0) throw new AppError('E-CON-002', 409)
    const discarded = await tx.contract.findMany({
      where: { auctionId: auction.id },
      select: { id: true, contractNo: true, participantId: true },
    })
    await tx.contract.deleteMany({ where: { auctionId: auction.id } })
    await auditMany(
      tx,
      actor,
      discarded.map((c) => ({
        action: 'contract.discardDrafts',
        entityType: 'capacityContract',
        entityId: c.id,
        participantId: c.participantId,
        before: { contractNo: c.contractNo },
        after: { replacedByRun: run.id },
      })),
    )
  }

  const input = run.input as ClearingInput
  const result = run.result as ClearingResult
  const areaPrice = new Map(result.areas.map((a) => [a.area, a.price]))
  const bidArea = new Map(input.bids.map((b) => [b.bidId, b.area]))
  const awarded = result.bids.filter((b) => b.awardedKw > 0)
  if (!awarded.length) return 0
  const bids = await tx.bid.findMany({
    where: { id: { in: awarded.map((b) => b.bidId) } },
    select: {
      id: true,
      participantId: true,
      resourceId: true,
      resource: { select: { commissionedOn: true } },
    },
  })
  const bidById = new Map(bids.map((b) => [b.id, b]))
  const table = (auction.parameters as unknown as AuctionParameters).deductionTable ?? []
  const year = auction.deliveryYear
  const first = await reserveNumbers(tx, `contract:${year}`, awarded.length)
  const rows: Prisma.ContractCreateManyInput[] = awarded.map((award, i) => {
    const bid = bidById.get(award.bidId)
    if (!bid) throw new Error(`awarded bid ${award.bidId} not found`)
    const area = bidArea.get(award.bidId)
    const price = (area && areaPrice.get(area)) ?? result.nationalPrice
    const deductionRate = deductionRateOf(table, bid.resource.commissionedOn)
    const amounts = computeContractAmount({
      areaPrice: price,
      contractKw: award.awardedKw,
      deductionRate,
    })
    return {
      contractNo: formatContractNo(year, first + i),
      participantId: bid.participantId,
      resourceId: bid.resourceId,
      auctionId: auction.id,
      bidId: bid.id,
      deliveryYear: year,
      contractKw: award.awardedKw,
      awardedKw: award.awardedKw,
      areaPrice: price,
      deductionRate,
      annualAmount: BigInt(amounts.annualAmount),
      monthlyAmounts: amounts.monthly,
      state: 'draft',
    }
  })
  const created = await tx.contract.createManyAndReturn({
    data: rows,
    select: { id: true, contractNo: true, participantId: true, contractKw: true },
  })
  await auditMany(
    tx,
    actor,
    created.map((c) => ({
      action: 'contract.draft',
      entityType: 'capacityContract',
      entityId: c.id,
      participantId: c.participantId,
      after: { contractNo: c.contractNo, contractKw: c.contractKw, clearingId: run.id },
    })),
  )
  return created.length
}

/**
 * The changed expected capacity after the auction (841), approved: when it is below the contract
 * kW of the resource's contracts of that delivery year (all together), the contracts are amended
 * down to it (source `expectedCapacityChange`, change contract issued) — the latest contract first.
 * Returns the amended contracts' IDs.
 */
export async function amendContractsToExpectedCapacity(
  tx: DbClient,
  actor: Actor,
  input: { resourceId: string; deliveryYear: number; expectedKw: number; sourceId?: string },
): Promise<string[]> {
  const contracts = await tx.contract.findMany({
    where: {
      resourceId: input.resourceId,
      deliveryYear: input.deliveryYear,
      state: { not: 'terminated' },
      contractKw: { gt: 0 },
    },
    orderBy: { contractNo: 'desc' },
  })
  let excess = contracts.reduce((sum, c) => sum + c.contractKw, 0) - input.expectedKw
  const amended: string[] = []
  for (const c of contracts) {
    if (excess <= 0) break
    const cut = Math.min(excess, c.contractKw)
    await amendContract(tx, actor, {
      contractId: c.id,
      source: 'expectedCapacityChange',
      sourceId: input.sourceId,
      reason: `変更後の期待容量 ${input.expectedKw.toLocaleString('ja-JP')} kW`,
      contractKw: c.contractKw - cut,
    })
    excess -= cut
    amended.push(c.id)
  }
  return amended
}
