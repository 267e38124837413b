/**
 * The release auction (rules.md §8, F30): contract holders offer kW of their contracts back at a
 * price (yen/kW-year they agree to pay back); the operator clears the offers against the release
 * target. Pure functions, integers only.
 *
 * - `clearRelease`: offers by price descending (the holder willing to pay most is released
 *   first), ties by the earlier submission, then the offer ID; each accepted in full until Σ
 *   released kW reaches the target, the last one partly (whole kW). The release price is the
 *   lowest accepted price (uniform); no offer accepted: null.
 * - `releaseBilledAmounts`: 請求額 per month = floor(price × kW / 12) April–February, March the
 *   remainder, so the twelve months sum to price × kW exactly.
 * - `releaseGrantedAmount`: 交付額 = floor(monthly amount × released kW / contract kW).
 */

export interface ReleaseOfferInput {
  id: string
  /** kW offered (whole kW, ≥ 1). */
  kw: number
  /** yen/kW-year the holder agrees to pay back (integer ≥ 0). */
  price: number
  /** When the version in force was accepted (ISO timestamp): the tie-break. */
  submittedAt: string
}

export interface ReleaseClearingInput {
  /** The kW to release nationally (integer ≥ 0). */
  targetKw: number
  offers: ReleaseOfferInput[]
}

export interface ReleaseOfferResult {
  id: string
  /** 1 … n in the clearing order. */
  rank: number
  offeredKw: number
  price: number
  /** kW released (0 … offered kW). */
  releasedKw: number
}

export interface ReleaseClearingResult {
  targetKw: number
  /** Σ released kW (≤ target). */
  releasedKw: number
  /** The lowest accepted price (yen/kW-year); null when nothing was released. */
  releasePrice: number | null
  /** Every offer in the clearing order. */
  offers: ReleaseOfferResult[]
}

/** Version of the algorithm stored with each clearing (a re-run must give the same result). */
export const RELEASE_CLEARING_VERSION = 'release-1'

function requireWhole(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be an integer ≥ ${min} (got ${value})`)
  }
}

/** The clearing order: price descending, earlier submission, offer ID. */
export function compareReleaseOrder(a: ReleaseOfferInput, b: ReleaseOfferInput): number {
  if (a.price !== b.price) return b.price - a.price
  const ta = Date.parse(a.submittedAt)
  const tb = Date.parse(b.submittedAt)
  if (ta !== tb) return ta - tb
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Clears a release auction (see the file comment). Deterministic; the input is not changed. */
export function clearRelease(input: ReleaseClearingInput): ReleaseClearingResult {
  requireWhole(input.targetKw, 'targetKw', 0)
  const seen = new Set<string>()
  for (const o of input.offers) {
    requireWhole(o.kw, `offer ${o.id} kw`, 1)
    requireWhole(o.price, `offer ${o.id} price`, 0)
    if (Number.isNaN(Date.parse(o.submittedAt))) {
      throw new RangeError(`offer ${o.id}: submittedAt is not a timestamp`)
    }
    if (seen.has(o.id)) throw new RangeError(`offer ${o.id} appears twice`)
    seen.add(o.id)
  }
  const ordered = [...input.offers].sort(compareReleaseOrder)
  let left = input.targetKw
  let releasePrice: number | null = null
  const offers = ordered.map((o, i) => {
    const releasedKw = Math.min(o.kw, left)
    left -= releasedKw
    if (releasedKw > 0) releasePrice = o.price
    return { id: o.id, rank: i + 1, offeredKw: o.kw, price: o.price, releasedKw }
  })
  return {
    targetKw: input.targetKw,
    releasedKw: input.targetKw - left,
    releasePrice,
    offers,
  }
}

/**
 * 請求額 of the twelve months (April … March) for `kw` released at `price` yen/kW-year:
 * floor(price × kW / 12) April–February, March the remainder (Σ = price × kW exactly).
 */
export function releaseBilledAmounts(price: number, kw: number): number[] {
  requireWhole(price, 'price', 0)
  requireWhole(kw, 'kw', 0)
  const annual = BigInt(price) * BigInt(kw)
  const month = annual / 12n
  const march = annual - month * 11n
  return [...Array.from({ length: 11 }, () => Number(month)), Number(march)]
}

/** 交付額 of a month: floor(monthly amount × released kW / contract kW) (0 without contract kW). */
export function releaseGrantedAmount(
  monthlyAmount: number,
  releasedKw: number,
  contractKw: number,
): number {
  if (contractKw <= 0 || releasedKw <= 0) return 0
  return Number((BigInt(monthlyAmount) * BigInt(releasedKw)) / BigInt(contractKw))
}
