import { Rational } from './rational.ts'

/** The validated parameters of a demand curve (rules.md §3.2). Quantities are integer kW. */
export interface DemandCurveParams {
  priceCap: Rational
  netCone: Rational
  quantityAtCap: number
  targetQuantity: number
  quantityAtZero: number
}

/**
 * The demand curve: straight lines through (0, cap), (Q_cap, cap), (Q_target, NetCONE),
 * (Q_zero, 0), and 0 beyond Q_zero. All prices are exact rationals.
 *
 * Where a segment is vertical (Q_cap = Q_target or Q_target = Q_zero) the curve takes the value of
 * the segment to its left at the jump: D(q) = cap for q ≤ Q_cap, NetCONE at Q_target, 0 only for
 * q > Q_zero in that case.
 */
export class DemandCurve {
  readonly params: DemandCurveParams
  private readonly cap: Rational
  private readonly cone: Rational
  private readonly qCap: bigint
  private readonly qTarget: bigint
  private readonly qZero: bigint
  private readonly thresholds = new Map<number, number>()

  constructor(params: DemandCurveParams) {
    this.params = params
    this.cap = params.priceCap
    this.cone = params.netCone
    this.qCap = BigInt(params.quantityAtCap)
    this.qTarget = BigInt(params.targetQuantity)
    this.qZero = BigInt(params.quantityAtZero)
  }

  /** D(q): the price the curve gives at quantity q (integer kW ≥ 0). */
  priceAt(quantity: number): Rational {
    const q = BigInt(quantity)
    if (q <= this.qCap) return this.cap
    if (q <= this.qTarget) {
      // cap − (cap − NetCONE) × (q − Q_cap) / (Q_target − Q_cap)
      const drop = this.cap.sub(this.cone).mul(Rational.of(q - this.qCap, this.qTarget - this.qCap))
      return this.cap.sub(drop)
    }
    if (q <= this.qZero) {
      // NetCONE × (1 − (q − Q_target) / (Q_zero − Q_target))
      return this.cone.mul(Rational.of(this.qZero - q, this.qZero - this.qTarget))
    }
    return Rational.ZERO
  }

  /** Whether an integer price p reaches the curve at quantity q: p ≥ D(q), compared exactly. */
  reaches(price: number, quantity: number): boolean {
    return quantity >= this.minQuantityReachedBy(price)
  }

  /**
   * The least integer quantity q ≥ 0 with D(q) ≤ p, for an integer price p ≥ 0. A bid at price p
   * reaches the curve exactly when the cumulative quantity is at least this. Cached per price, so
   * the merit-order walk compares integers only.
   */
  minQuantityReachedBy(price: number): number {
    const cached = this.thresholds.get(price)
    if (cached !== undefined) return cached
    const q = this.computeMinQuantity(Rational.of(price))
    this.thresholds.set(price, q)
    return q
  }

  private computeMinQuantity(p: Rational): number {
    if (p.gte(this.cap)) return 0
    if (p.gte(this.cone)) {
      // On the sloped part between Q_cap and Q_target (cap > p ≥ NetCONE, so cap > NetCONE):
      // D(q) ≤ p ⇔ q − Q_cap ≥ (cap − p)(Q_target − Q_cap) / (cap − NetCONE), and q > Q_cap.
      const x = this.cap
        .sub(p)
        .mul(Rational.of(this.qTarget - this.qCap))
        .div(this.cap.sub(this.cone))
      return Number(this.qCap + max1(x.ceil()))
    }
    // p < NetCONE, so q > Q_target: D(q) ≤ p ⇔ q − Q_target ≥ (NetCONE − p)(Q_zero − Q_target) / NetCONE.
    const y = this.cone
      .sub(p)
      .mul(Rational.of(this.qZero - this.qTarget))
      .div(this.cone)
    return Number(this.qTarget + max1(y.ceil()))
  }
}

function max1(x: bigint): bigint {
  return x < 1n ? 1n : x
}
