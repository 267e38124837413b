/** Builders for tests: small clearing inputs with sensible defaults. Not part of the public API. */
import type { Area, BidInput, ClearingInput, DemandCurveInput, ResourceKind } from './types.ts'

/**
 * A curve that is easy to reason about: D(q) = 1500 up to 10,000 kW, falls by 1/4 yen per kW to
 * 1000 at 12,000 kW, by 1/4 yen per kW to 0 at 16,000 kW.
 */
export const SIMPLE_CURVE: DemandCurveInput = {
  priceCap: 1500,
  quantityAtCap: 10_000,
  netCone: 1000,
  targetQuantity: 12_000,
  quantityAtZero: 16_000,
}

let counter = 0

/** A bid with defaults: stable, in tokyo, submitted in order of creation. */
export function bid(
  bidId: string,
  kw: number,
  price: number,
  extra: Partial<BidInput> & { area?: Area; kind?: ResourceKind } = {},
): BidInput {
  counter++
  const seconds = String(counter % 60).padStart(2, '0')
  const minutes = String(Math.floor(counter / 60) % 60).padStart(2, '0')
  return {
    bidId,
    resourceCode: `R-${bidId}`,
    area: 'tokyo',
    kind: 'stable',
    kw,
    price,
    submittedAt: `2024-07-01T10:${minutes}:${seconds}+09:00`,
    ...extra,
  }
}

/** A link in both directions. */
export function link(a: Area, b: Area, limitKw: number, backKw = limitKw) {
  return [
    { from: a, to: b, limitKw },
    { from: b, to: a, limitKw: backKw },
  ]
}

export function clearingInput(
  partial: Partial<ClearingInput> & { bids: BidInput[] },
): ClearingInput {
  return {
    demandCurve: SIMPLE_CURVE,
    areas: [{ area: 'tokyo', requiredKw: 0 }],
    interconnections: [],
    adders: [],
    dispatchOrderCapKw: null,
    ...partial,
  }
}
