/** Validation of a ClearingInput into the engine's prepared form (rules.md §3, rules-api.md). */
import { z } from 'zod'
import { DemandCurve } from './demand-curve.ts'
import { RulesValidationError, showValue } from './errors.ts'
import type { InputPath } from './errors.ts'
import type { NetworkLink } from './max-flow.ts'
import { Rational } from './rational.ts'
import { parseInstant } from './timestamp.ts'
import { AREAS } from './types.ts'
import type { Area, ClearingInput, ResourceKind } from './types.ts'
import {
  isResourceKind,
  parseShape,
  requireArea,
  requireNonNegativeInteger,
  requireSafeTotal,
} from './validate.ts'

const clearingShape = z.strictObject({
  demandCurve: z.strictObject({
    priceCap: z.number(),
    quantityAtCap: z.number(),
    netCone: z.number(),
    targetQuantity: z.number(),
    quantityAtZero: z.number(),
  }),
  areas: z.array(z.strictObject({ area: z.string(), requiredKw: z.number() })),
  interconnections: z.array(
    z.strictObject({ from: z.string(), to: z.string(), limitKw: z.number() }),
  ),
  adders: z.array(z.strictObject({ area: z.string(), kw: z.number(), label: z.string() })),
  dispatchOrderCapKw: z.number().nullable(),
  // Bids are checked by hand (checkBidShape): the same rules, several times faster on 10⁵ bids.
  bids: z.array(z.unknown()),
})

interface RawBid {
  bidId: string
  resourceCode: string
  area: string
  kind: string
  kw: number
  price: number
  submittedAt: string
  achievementRate?: number
}

const BID_KEYS: ReadonlySet<string> = new Set([
  'bidId',
  'resourceCode',
  'area',
  'kind',
  'kw',
  'price',
  'submittedAt',
  'achievementRate',
])

function field(
  bid: Record<string, unknown>,
  key: string,
  type: 'string' | 'number',
  index: number,
  optional = false,
): void {
  const value = bid[key]
  if (typeof value === type && value !== '') return
  const path = ['bids', index, key]
  if (value === undefined) {
    if (optional) return
    throw new RulesValidationError('E-RULES-006', path)
  }
  if (typeof value !== type) throw new RulesValidationError('E-RULES-004', path, { expected: type })
  throw new RulesValidationError('E-RULES-007', path)
}

/** The shape of one bid, with the same messages as the zod checks elsewhere. */
function checkBidShape(raw: unknown, i: number): RawBid {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RulesValidationError('E-RULES-004', ['bids', i], { expected: 'object' })
  }
  const bid = raw as Record<string, unknown>
  field(bid, 'bidId', 'string', i)
  field(bid, 'resourceCode', 'string', i)
  field(bid, 'area', 'string', i)
  field(bid, 'kind', 'string', i)
  field(bid, 'kw', 'number', i)
  field(bid, 'price', 'number', i)
  field(bid, 'submittedAt', 'string', i)
  field(bid, 'achievementRate', 'number', i, true)
  for (const key in bid) {
    if (!BID_KEYS.has(key)) throw new RulesValidationError('E-RULES-005', ['bids', i, key])
  }
  return bid as unknown as RawBid
}

/** A bid after validation, with what the merit order needs precomputed. */
export interface PreparedBid {
  /** Position in the input. */
  index: number
  bidId: string
  resourceCode: string
  area: Area
  /** Index of the area among the areas taking part. */
  areaIndex: number
  kind: ResourceKind
  isDispatchOrder: boolean
  kw: number
  price: number
  submittedAt: string
  /** The submission instant: milliseconds since the epoch and nanoseconds below them. */
  epochMs: number
  subMsNanos: number
  /**
   * The achievement rate as given, or -1 when absent. Comparing two JSON numbers compares the
   * decimals they were written as exactly (shortest round-trip decimals keep the order).
   */
  achievementRate: number
}

export interface PreparedClearing {
  curve: DemandCurve
  /** The areas taking part, in area order. */
  areas: Area[]
  requiredKw: number[]
  /** Interconnections with a limit above 0, by area index, sorted by (from, to). */
  links: NetworkLink[]
  adderKw: number[]
  adderTotalKw: number
  dispatchOrderCapKw: number | null
  bids: PreparedBid[]
}

/** Validates a clearing input; throws RulesValidationError on the first problem. */
export function prepareClearing(input: ClearingInput): PreparedClearing {
  const data = parseShape(clearingShape, input)

  // Demand curve.
  const dc = data.demandCurve
  const capValue = dc.priceCap
  if (!Number.isFinite(capValue) || capValue < 0 || !Number.isSafeInteger(capValue * 2)) {
    throw new RulesValidationError('E-RULES-032', ['demandCurve', 'priceCap'], {
      value: showValue(capValue),
    })
  }
  requireNonNegativeInteger(dc.netCone, ['demandCurve', 'netCone'])
  requireNonNegativeInteger(dc.quantityAtCap, ['demandCurve', 'quantityAtCap'])
  requireNonNegativeInteger(dc.targetQuantity, ['demandCurve', 'targetQuantity'])
  requireNonNegativeInteger(dc.quantityAtZero, ['demandCurve', 'quantityAtZero'])
  if (dc.quantityAtCap <= 0) {
    throw new RulesValidationError('E-RULES-030', ['demandCurve', 'quantityAtCap'])
  }
  if (dc.targetQuantity < dc.quantityAtCap) {
    throw new RulesValidationError('E-RULES-030', ['demandCurve', 'targetQuantity'])
  }
  if (dc.quantityAtZero < dc.targetQuantity) {
    throw new RulesValidationError('E-RULES-030', ['demandCurve', 'quantityAtZero'])
  }
  // capValue × 2 is a safe integer, so the cap is exactly (2 × cap) / 2.
  const priceCap = Rational.of(capValue * 2, 2)
  const netCone = Rational.of(dc.netCone)
  if (priceCap.lt(netCone))
    throw new RulesValidationError('E-RULES-031', ['demandCurve', 'priceCap'])
  const maxBidPrice = Number(priceCap.floor())
  const curve = new DemandCurve({
    priceCap,
    netCone,
    quantityAtCap: dc.quantityAtCap,
    targetQuantity: dc.targetQuantity,
    quantityAtZero: dc.quantityAtZero,
  })

  // Areas taking part.
  const given = new Map<Area, number>()
  data.areas.forEach((a, i) => {
    const area = requireArea(a.area, ['areas', i, 'area'])
    if (given.has(area))
      throw new RulesValidationError('E-RULES-011', ['areas', i, 'area'], { value: area })
    given.set(area, requireNonNegativeInteger(a.requiredKw, ['areas', i, 'requiredKw']))
  })
  const areas = AREAS.filter((a) => given.has(a))
  const requiredKw = areas.map((a) => given.get(a) ?? 0)
  requireSafeTotal(
    requiredKw.reduce((sum, kw) => sum + BigInt(kw), 0n),
    ['areas'],
  )
  const areaIndex = new Map<string, number>(areas.map((a, i) => [a, i]))
  const takingPart = (value: string, path: InputPath): number => {
    const index = areaIndex.get(value)
    if (index !== undefined) return index
    requireArea(value, path)
    throw new RulesValidationError('E-RULES-012', path, { value })
  }

  // Interconnections.
  const seenLinks = new Set<string>()
  const links: NetworkLink[] = []
  data.interconnections.forEach((link, i) => {
    const from = takingPart(link.from, ['interconnections', i, 'from'])
    const to = takingPart(link.to, ['interconnections', i, 'to'])
    if (from === to) {
      throw new RulesValidationError('E-RULES-013', ['interconnections', i, 'to'], {
        value: link.to,
      })
    }
    const key = `${from}>${to}`
    if (seenLinks.has(key)) {
      throw new RulesValidationError('E-RULES-014', ['interconnections', i], {
        from: link.from,
        to: link.to,
      })
    }
    seenLinks.add(key)
    const limitKw = requireNonNegativeInteger(link.limitKw, ['interconnections', i, 'limitKw'])
    if (limitKw > 0) links.push({ from, to, limitKw })
  })
  links.sort((a, b) => a.from - b.from || a.to - b.to)

  // Adders.
  const adderKw = areas.map(() => 0)
  let adderTotal = 0n
  data.adders.forEach((adder, i) => {
    const index = takingPart(adder.area, ['adders', i, 'area'])
    const kw = requireNonNegativeInteger(adder.kw, ['adders', i, 'kw'])
    adderKw[index] = (adderKw[index] ?? 0) + kw
    adderTotal += BigInt(kw)
  })
  const adderTotalKw = requireSafeTotal(adderTotal, ['adders'])

  const dispatchOrderCapKw =
    data.dispatchOrderCapKw === null
      ? null
      : requireNonNegativeInteger(data.dispatchOrderCapKw, ['dispatchOrderCapKw'])

  // Bids. This loop runs 10⁵ times: no closures or paths are created unless there is a problem.
  const bidIds = new Set<string>()
  let bidTotal = 0
  const bids = data.bids.map((rawBid, i): PreparedBid => {
    const bid = checkBidShape(rawBid, i)
    if (bidIds.has(bid.bidId)) {
      throw new RulesValidationError('E-RULES-020', ['bids', i, 'bidId'], { value: bid.bidId })
    }
    bidIds.add(bid.bidId)
    const index = areaIndex.get(bid.area) ?? takingPart(bid.area, ['bids', i, 'area'])
    if (!isResourceKind(bid.kind)) {
      throw new RulesValidationError('E-RULES-026', ['bids', i, 'kind'], { value: bid.kind })
    }
    if (!Number.isSafeInteger(bid.kw) || bid.kw < 1000) {
      throw new RulesValidationError('E-RULES-021', ['bids', i, 'kw'], { value: showValue(bid.kw) })
    }
    if (!Number.isSafeInteger(bid.price) || bid.price < 0 || bid.price > maxBidPrice) {
      throw new RulesValidationError('E-RULES-022', ['bids', i, 'price'], {
        value: showValue(bid.price),
        max: maxBidPrice,
      })
    }
    const instant = parseInstant(bid.submittedAt)
    if (instant === null) {
      throw new RulesValidationError('E-RULES-023', ['bids', i, 'submittedAt'], {
        value: bid.submittedAt,
      })
    }
    const isDispatchOrder = bid.kind === 'dispatchOrder'
    let achievementRate = -1
    if (bid.achievementRate !== undefined) {
      if (!isDispatchOrder) {
        throw new RulesValidationError('E-RULES-025', ['bids', i, 'achievementRate'])
      }
      const rate = bid.achievementRate
      if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
        throw new RulesValidationError('E-RULES-024', ['bids', i, 'achievementRate'], {
          value: showValue(rate),
        })
      }
      achievementRate = rate === 0 ? 0 : rate // normalise -0
    }
    bidTotal += bid.kw
    return {
      index: i,
      bidId: bid.bidId,
      resourceCode: bid.resourceCode,
      area: areas[index] ?? 'hokkaido',
      areaIndex: index,
      kind: bid.kind,
      isDispatchOrder,
      kw: bid.kw,
      price: bid.price,
      submittedAt: bid.submittedAt,
      epochMs: instant.epochMs,
      subMsNanos: instant.subMsNanos,
      achievementRate,
    }
  })
  // Every running total of the clearing stays below this sum, so safe integers stay exact.
  requireSafeTotal(BigInt(bidTotal) + adderTotal, ['bids'])

  return {
    curve,
    areas,
    requiredKw,
    links,
    adderKw,
    adderTotalKw,
    dispatchOrderCapKw,
    bids,
  }
}
