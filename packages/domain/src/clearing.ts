/**
 * Auction clearing (rules.md §3): merit order, national clearing against the demand curve,
 * market splitting by maximum flow, and block additions.
 *
 * Cost: sorting the bids is O(n log n); everything after it is linear in the bids. The demand
 * curve is compared through one exact threshold per distinct price (cached), and block additions
 * update the supply of one area and re-maximise a flow on at most 11 nodes from the previous flow,
 * only when the kW added since the last check could have closed the block's shortfall.
 */
import { prepareClearing } from './clearing-input.ts'
import type { PreparedBid, PreparedClearing } from './clearing-input.ts'
import { AreaNetwork } from './max-flow.ts'
import { Rational } from './rational.ts'
import { ALGORITHM_VERSION } from './types.ts'
import type {
  Area,
  AreaResult,
  BidReason,
  BidResult,
  BlockResult,
  ClearingInput,
  ClearingResult,
  ResourceKind,
} from './types.ts'

// ---------------------------------------------------------------------------------------------
// Explanation types

/** Which case of rules.md §3.4 set the national price. */
export type IntersectionCase = 'step' | 'verticalJump' | 'supplyShort' | 'noBids'

export interface MeritOrderEntry {
  /** 1-based position in the merit order. */
  rank: number
  bidId: string
  resourceCode: string
  area: Area
  kind: ResourceKind
  kw: number
  price: number
  submittedAt: string
  achievementRate: number | null
  /** Q_k: the cumulative quantity after this bid in the national walk (adders included); null
   * for bids the walk skipped (dispatch-order cap) or did not reach. */
  cumulativeKw: number | null
  /** D(Q_k) exactly (e.g. `14137.5`, or `n/d` when the decimal does not terminate). */
  curvePrice: string | null
  reason: BidReason
}

export interface IntersectionExplanation {
  case: IntersectionCase
  /** The clearing bid k* (the first bid with price ≥ D(Q_k)); null when supply is short. */
  bidId: string | null
  rank: number | null
  bidPrice: number | null
  /** Q_{k*-1} (or Q_total when supply is short). */
  quantityBeforeKw: number
  /** Q_{k*}; null when supply is short. */
  quantityAfterKw: number | null
  curvePriceBefore: string
  curvePriceAfter: string | null
  nationalPrice: number
}

export interface MaxFlowAreaReport {
  area: Area
  supplyKw: number
  requiredKw: number
  /** Flow source → area. */
  usedSupplyKw: number
  /** Flow area → sink. */
  servedKw: number
  shortfallKw: number
  /** Reachable from the source in the residual graph (served). */
  reachable: boolean
  blockId: string | null
}

export interface MaxFlowReport {
  totalFlowKw: number
  totalRequiredKw: number
  areas: MaxFlowAreaReport[]
  /** Net flow over each interconnection with a limit above 0. */
  interconnections: { from: Area; to: Area; limitKw: number; flowKw: number }[]
}

export interface BlockAdditionStep {
  /** 1-based position among all block additions. */
  step: number
  blockId: string
  bidId: string
  resourceCode: string
  area: Area
  kw: number
  price: number
  /** The block's shortfall after this addition. */
  shortfallAfterKw: number
}

export interface BlockExplanation {
  blockId: string
  areas: Area[]
  shortfallBeforeKw: number
  shortfallAfterKw: number
  addedKw: number
  price: number
  /** The last bid added, which set the block's price; null when none was added. */
  priceSetByBidId: string | null
  adequate: boolean
  /** Dispatch-order bids of the block passed over because of the cap. */
  skippedForDispatchOrderCap: string[]
}

export interface ClearingExplanation {
  algorithmVersion: string
  result: ClearingResult
  demandCurve: {
    priceCap: string
    netCone: string
    quantityAtCap: number
    targetQuantity: number
    quantityAtZero: number
  }
  adderTotalKw: number
  dispatchOrder: { capKw: number | null; awardedKw: number }
  meritOrder: MeritOrderEntry[]
  intersection: IntersectionExplanation
  maxFlow: { afterNational: MaxFlowReport; afterBlockAdditions: MaxFlowReport }
  blocks: BlockExplanation[]
  blockAdditions: BlockAdditionStep[]
}

// ---------------------------------------------------------------------------------------------
// Public functions

/** Clears an auction (rules.md §3). Throws RulesValidationError on invalid input. */
export function clearAuction(input: ClearingInput): ClearingResult {
  return runClearing(prepareClearing(input), { explain: false }).result
}

/**
 * Clears an auction and explains the result: the merit order, the intersection with the demand
 * curve (bid and case of §3.4), the maximum flow per area before and after the block additions,
 * and the block additions in order. `result` is exactly what clearAuction returns.
 */
export function explainClearing(input: ClearingInput): ClearingExplanation {
  const run = runClearing(prepareClearing(input), { explain: true })
  if (run.explanation === null) throw new Error('explanation missing')
  return run.explanation
}

// ---------------------------------------------------------------------------------------------
// The algorithm

export interface ClearingOptions {
  explain: boolean
  /**
   * Re-maximise the flow after every block addition instead of only when the shortfall could
   * have closed. Gives the same result; used by tests and by explanations.
   */
  recomputeEveryAddition?: boolean
}

export interface ClearingRun {
  result: ClearingResult
  explanation: ClearingExplanation | null
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Merit order (rules.md §3.3): price ascending; at equal price other kinds before dispatch-order
 * bids; dispatch-order bids by achievement rate descending (a bid without a rate after those with
 * one); then earlier submission, resource code, bid ID.
 */
export function compareMeritOrder(a: PreparedBid, b: PreparedBid): number {
  if (a.price !== b.price) return a.price - b.price
  if (a.isDispatchOrder !== b.isDispatchOrder) return a.isDispatchOrder ? 1 : -1
  if (a.achievementRate !== b.achievementRate) return a.achievementRate > b.achievementRate ? -1 : 1
  return (
    a.epochMs - b.epochMs ||
    a.subMsNanos - b.subMsNanos ||
    compareStrings(a.resourceCode, b.resourceCode) ||
    compareStrings(a.bidId, b.bidId)
  )
}

/**
 * The bids in merit order. Sorting indexes on keys held in typed arrays (price and kind, rate,
 * submission millisecond) is markedly faster than comparing the objects; ties on those keys fall
 * back to compareMeritOrder, so the order is exactly the same.
 */
export function sortMeritOrder(bids: readonly PreparedBid[]): PreparedBid[] {
  const n = bids.length
  const priceKind = new Float64Array(n)
  const rate = new Float64Array(n)
  const time = new Float64Array(n)
  const indexes = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const bid = bids[i] as PreparedBid
    // price ≤ 2^52, so 2 × price + 1 is an exact integer.
    priceKind[i] = bid.price * 2 + (bid.isDispatchOrder ? 1 : 0)
    rate[i] = -bid.achievementRate
    time[i] = bid.epochMs
    indexes[i] = i
  }
  indexes.sort(
    (a, b) =>
      (priceKind[a] as number) - (priceKind[b] as number) ||
      (rate[a] as number) - (rate[b] as number) ||
      (time[a] as number) - (time[b] as number) ||
      compareMeritOrder(bids[a] as PreparedBid, bids[b] as PreparedBid),
  )
  return indexes.map((i) => bids[i] as PreparedBid)
}

interface Block {
  blockId: string
  /** Area indexes, in area order. */
  members: number[]
}

export function runClearing(prep: PreparedClearing, options: ClearingOptions): ClearingRun {
  const { curve, areas, bids } = prep
  const explain = options.explain
  const recomputeEvery = options.recomputeEveryAddition ?? explain
  const capKw = prep.dispatchOrderCapKw
  const n = bids.length
  const order = sortMeritOrder(bids)

  const awarded = new Uint8Array(n)
  const reasons: BidReason[] = new Array<BidReason>(n).fill('notAwarded')
  const supplyKw = prep.adderKw.slice()
  const awardedKw = areas.map(() => 0)
  let dispatchOrderKw = 0
  const cumulative: (number | null)[] | null = explain
    ? new Array<number | null>(n).fill(null)
    : null

  const fitsCap = (bid: PreparedBid): boolean =>
    !bid.isDispatchOrder || capKw === null || dispatchOrderKw + bid.kw <= capKw
  const award = (bid: PreparedBid, reason: BidReason): void => {
    awarded[bid.index] = 1
    reasons[bid.index] = reason
    supplyKw[bid.areaIndex] = (supplyKw[bid.areaIndex] ?? 0) + bid.kw
    awardedKw[bid.areaIndex] = (awardedKw[bid.areaIndex] ?? 0) + bid.kw
    if (bid.isDispatchOrder) dispatchOrderKw += bid.kw
  }

  // National clearing (§3.4): walk the merit order until a bid reaches the curve.
  let quantity = prep.adderTotalKw
  let crossing = -1
  for (let k = 0; k < n; k++) {
    const bid = order[k] as PreparedBid
    if (!fitsCap(bid)) {
      reasons[bid.index] = 'dispatchOrderCap'
      continue
    }
    const after = quantity + bid.kw
    if (cumulative !== null) cumulative[bid.index] = after
    if (after >= curve.minQuantityReachedBy(bid.price)) {
      crossing = k
      break
    }
    award(bid, 'national')
    quantity = after
  }
  const quantityBefore = quantity
  const curveBefore = curve.priceAt(quantityBefore)
  let nationalPrice: number
  let intersectionCase: IntersectionCase
  const crossingBid = crossing >= 0 ? (order[crossing] as PreparedBid) : null
  if (crossingBid !== null) {
    if (Rational.of(crossingBid.price).lte(curveBefore)) {
      // On the bid's step: it sets the price and wins in full.
      intersectionCase = 'step'
      nationalPrice = crossingBid.price
      award(crossingBid, 'national')
      quantity += crossingBid.kw
    } else {
      // On the vertical jump at Q_{k*-1}.
      intersectionCase = 'verticalJump'
      nationalPrice = Number(curveBefore.floor())
    }
  } else {
    intersectionCase = n === 0 ? 'noBids' : 'supplyShort'
    nationalPrice = Number(curveBefore.floor())
  }
  const nationalAwardedKw = quantity - prep.adderTotalKw

  // Market splitting (§3.5): maximum flow, served areas, shortage blocks.
  const network = new AreaNetwork(supplyKw, prep.requiredKw, prep.links)
  const blocks = findShortageBlocks(prep, network)
  const blockOfArea = areas.map(() => -1)
  blocks.forEach((block, b) => {
    for (const a of block.members) blockOfArea[a] = b
  })
  const afterNational = explain ? flowReport(prep, network, supplyKw, blocks) : null

  // Candidates of each block: its areas' bids not yet awarded, in merit order.
  const candidates: PreparedBid[][] = blocks.map(() => [])
  if (blocks.length > 0) {
    for (const bid of order) {
      const b = blockOfArea[bid.areaIndex] ?? -1
      if (b >= 0 && awarded[bid.index] === 0) candidates[b]?.push(bid)
    }
  }

  const shortfallOf = (block: Block): number => {
    let short = 0
    for (const a of block.members) short += (prep.requiredKw[a] ?? 0) - network.servedKw(a)
    return short
  }

  const blockResults: BlockResult[] = []
  const blockExplanations: BlockExplanation[] = []
  const steps: BlockAdditionStep[] = []
  blocks.forEach((block, b) => {
    const before = shortfallOf(block)
    let shortfall = before
    let addedSinceCheck = 0
    let addedKw = 0
    let lastBid: PreparedBid | null = null
    const skipped: string[] = []
    for (const bid of candidates[b] ?? []) {
      if (shortfall === 0) break
      if (!fitsCap(bid)) {
        reasons[bid.index] = 'dispatchOrderCap'
        skipped.push(bid.bidId)
        continue
      }
      award(bid, 'blockAddition')
      network.addSupply(bid.areaIndex, bid.kw)
      addedKw += bid.kw
      addedSinceCheck += bid.kw
      lastBid = bid
      // The shortfall falls by at most the kW added, so it cannot have closed before
      // addedSinceCheck reaches it: only then is the flow re-maximised.
      if (recomputeEvery || addedSinceCheck >= shortfall) {
        shortfall = shortfallOf(block)
        addedSinceCheck = 0
      }
      if (explain) {
        steps.push({
          step: steps.length + 1,
          blockId: block.blockId,
          bidId: bid.bidId,
          resourceCode: bid.resourceCode,
          area: bid.area,
          kw: bid.kw,
          price: bid.price,
          shortfallAfterKw: shortfall,
        })
      }
    }
    if (addedSinceCheck > 0) shortfall = shortfallOf(block)
    const price = lastBid === null ? nationalPrice : lastBid.price
    blockResults.push({
      blockId: block.blockId,
      areas: block.members.map((a) => areas[a] as Area),
      addedKw,
      price,
      adequate: shortfall === 0,
    })
    if (explain) {
      blockExplanations.push({
        blockId: block.blockId,
        areas: block.members.map((a) => areas[a] as Area),
        shortfallBeforeKw: before,
        shortfallAfterKw: shortfall,
        addedKw,
        price,
        priceSetByBidId: lastBid === null ? null : lastBid.bidId,
        adequate: shortfall === 0,
        skippedForDispatchOrderCap: skipped,
      })
    }
  })

  // Prices and the result.
  const areaPrice = areas.map((_, a) => {
    const b = blockOfArea[a] ?? -1
    return b >= 0 ? (blockResults[b]?.price ?? nationalPrice) : nationalPrice
  })
  const areaResults: AreaResult[] = areas.map((area, a) => {
    const b = blockOfArea[a] ?? -1
    return {
      area,
      price: areaPrice[a] ?? nationalPrice,
      awardedKw: awardedKw[a] ?? 0,
      supplyKw: supplyKw[a] ?? 0,
      requiredKw: prep.requiredKw[a] ?? 0,
      blockId: b >= 0 ? (blocks[b]?.blockId ?? null) : null,
    }
  })
  // A dispatch-order bid left out is `dispatchOrderCap` when it would not fit under the cap
  // beside the final awards, whether or not the walk reached it; so removing a bid that was not
  // awarded never changes another bid's result (the final awards do not depend on it).
  for (const bid of bids) {
    if (awarded[bid.index] === 1 || !bid.isDispatchOrder) continue
    reasons[bid.index] =
      capKw !== null && dispatchOrderKw + bid.kw > capKw ? 'dispatchOrderCap' : 'notAwarded'
  }
  let totalAwardedKw = 0
  for (const kw of awardedKw) totalAwardedKw += kw
  const bidResults: BidResult[] = bids.map((bid) => {
    const won = awarded[bid.index] === 1
    return {
      bidId: bid.bidId,
      awarded: won,
      awardedKw: won ? bid.kw : 0,
      price: won ? (areaPrice[bid.areaIndex] ?? nationalPrice) : null,
      reason: reasons[bid.index] ?? 'notAwarded',
    }
  })
  const result: ClearingResult = {
    nationalPrice,
    nationalAwardedKw,
    totalAwardedKw,
    areas: areaResults,
    blocks: blockResults,
    bids: bidResults,
  }
  if (!explain || cumulative === null || afterNational === null)
    return { result, explanation: null }

  const rankOf = new Map<number, number>()
  const meritOrder: MeritOrderEntry[] = order.map((bid, k) => {
    rankOf.set(bid.index, k + 1)
    const q = cumulative[bid.index] ?? null
    return {
      rank: k + 1,
      bidId: bid.bidId,
      resourceCode: bid.resourceCode,
      area: bid.area,
      kind: bid.kind,
      kw: bid.kw,
      price: bid.price,
      submittedAt: bid.submittedAt,
      achievementRate: bid.achievementRate < 0 ? null : bid.achievementRate,
      cumulativeKw: q,
      curvePrice: q === null ? null : curve.priceAt(q).toString(),
      reason: reasons[bid.index] ?? 'notAwarded',
    }
  })
  const intersection: IntersectionExplanation = {
    case: intersectionCase,
    bidId: crossingBid?.bidId ?? null,
    rank: crossingBid === null ? null : (rankOf.get(crossingBid.index) ?? null),
    bidPrice: crossingBid?.price ?? null,
    quantityBeforeKw: quantityBefore,
    quantityAfterKw: crossingBid === null ? null : quantityBefore + crossingBid.kw,
    curvePriceBefore: curveBefore.toString(),
    curvePriceAfter:
      crossingBid === null ? null : curve.priceAt(quantityBefore + crossingBid.kw).toString(),
    nationalPrice,
  }
  const params = curve.params
  const explanation: ClearingExplanation = {
    algorithmVersion: ALGORITHM_VERSION,
    result,
    demandCurve: {
      priceCap: params.priceCap.toString(),
      netCone: params.netCone.toString(),
      quantityAtCap: params.quantityAtCap,
      targetQuantity: params.targetQuantity,
      quantityAtZero: params.quantityAtZero,
    },
    adderTotalKw: prep.adderTotalKw,
    dispatchOrder: { capKw, awardedKw: dispatchOrderKw },
    meritOrder,
    intersection,
    maxFlow: {
      afterNational,
      afterBlockAdditions: flowReport(prep, network, supplyKw, blocks),
    },
    blocks: blockExplanations,
    blockAdditions: steps,
  }
  return { result, explanation }
}

/**
 * Shortage blocks (§3.5 step 2): areas not reachable from the source in the residual graph,
 * grouped into connected components by interconnections with a limit above 0 (either
 * direction); a component whose served requirement is below its requirement is a block.
 * Blocks come in the order of their first area.
 */
function findShortageBlocks(prep: PreparedClearing, network: AreaNetwork): Block[] {
  const size = prep.areas.length
  const reachable = network.reachableFromSource()
  const neighbours: number[][] = prep.areas.map(() => [])
  for (const link of prep.links) {
    neighbours[link.from]?.push(link.to)
    neighbours[link.to]?.push(link.from)
  }
  const component = new Array<number>(size).fill(-1)
  const blocks: Block[] = []
  for (let start = 0; start < size; start++) {
    if (reachable[start] === true || component[start] !== -1) continue
    const members: number[] = []
    const stack = [start]
    component[start] = start
    while (stack.length > 0) {
      const a = stack.pop() as number
      members.push(a)
      for (const b of neighbours[a] ?? []) {
        if (reachable[b] !== true && component[b] === -1) {
          component[b] = start
          stack.push(b)
        }
      }
    }
    members.sort((x, y) => x - y)
    let required = 0
    let served = 0
    for (const a of members) {
      required += prep.requiredKw[a] ?? 0
      served += network.servedKw(a)
    }
    if (served < required) {
      blocks.push({ blockId: members.map((a) => prep.areas[a]).join('+'), members })
    }
  }
  return blocks
}

function flowReport(
  prep: PreparedClearing,
  network: AreaNetwork,
  supplyKw: readonly number[],
  blocks: readonly Block[],
): MaxFlowReport {
  const reachable = network.reachableFromSource()
  const blockIdOf = new Map<number, string>()
  for (const block of blocks) for (const a of block.members) blockIdOf.set(a, block.blockId)
  let totalRequiredKw = 0
  const areas = prep.areas.map((area, a): MaxFlowAreaReport => {
    const requiredKw = prep.requiredKw[a] ?? 0
    const servedKw = network.servedKw(a)
    totalRequiredKw += requiredKw
    return {
      area,
      supplyKw: supplyKw[a] ?? 0,
      requiredKw,
      usedSupplyKw: network.usedSupplyKw(a),
      servedKw,
      shortfallKw: requiredKw - servedKw,
      reachable: reachable[a] === true,
      blockId: blockIdOf.get(a) ?? null,
    }
  })
  return {
    totalFlowKw: network.totalFlow(),
    totalRequiredKw,
    areas,
    interconnections: prep.links.map((link) => ({
      from: prep.areas[link.from] as Area,
      to: prep.areas[link.to] as Area,
      limitKw: link.limitKw,
      flowKw: network.linkFlowKw(link.from, link.to),
    })),
  }
}
