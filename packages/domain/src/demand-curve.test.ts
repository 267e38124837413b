import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DemandCurve } from './demand-curve.ts'
import { Rational } from './rational.ts'

const curve = (cap: Rational, cone: number, qCap: number, qTarget: number, qZero: number) =>
  new DemandCurve({
    priceCap: cap,
    netCone: Rational.of(cone),
    quantityAtCap: qCap,
    targetQuantity: qTarget,
    quantityAtZero: qZero,
  })

describe('DemandCurve', () => {
  const d = curve(Rational.of(3001, 2), 1000, 10_000, 12_000, 16_000) // cap 1500.5

  it('gives the price at each part of the curve exactly', () => {
    expect(d.priceAt(0).toString()).toBe('1500.5')
    expect(d.priceAt(10_000).toString()).toBe('1500.5')
    expect(d.priceAt(10_001).toString()).toBe('1500.24975') // −500.5/2000 per kW
    expect(d.priceAt(11_000).toString()).toBe('1250.25')
    expect(d.priceAt(12_000).toString()).toBe('1000')
    expect(d.priceAt(12_003).toString()).toBe('999.25')
    expect(d.priceAt(16_000).toString()).toBe('0')
    expect(d.priceAt(20_000).toString()).toBe('0')
  })

  it('uses the published FY2024 parameters: 1.5 × 9,425 = 14,137.5, floor 14,137', () => {
    const fy2024 = curve(
      Rational.parseDecimal('14137.5'),
      9425,
      176_530_000,
      177_470_000,
      182_120_000,
    )
    expect(fy2024.priceAt(167_690_000).floor()).toBe(14137n)
    expect(fy2024.priceAt(177_470_000).toString()).toBe('9425')
  })

  it('takes the left value on vertical segments', () => {
    const steep = curve(Rational.of(1500), 1000, 10_000, 10_000, 10_000)
    expect(steep.priceAt(10_000).toString()).toBe('1500')
    expect(steep.priceAt(10_001).toString()).toBe('0')
    expect(steep.minQuantityReachedBy(0)).toBe(10_001)
    expect(steep.minQuantityReachedBy(1499)).toBe(10_001)
    expect(steep.minQuantityReachedBy(1500)).toBe(0)
  })

  it('finds the least quantity where a price reaches the curve', () => {
    expect(d.minQuantityReachedBy(1501)).toBe(0)
    expect(d.minQuantityReachedBy(1500)).toBe(10_002)
    expect(d.minQuantityReachedBy(1000)).toBe(12_000)
    expect(d.minQuantityReachedBy(999)).toBe(12_004)
    expect(d.minQuantityReachedBy(0)).toBe(16_000)
    expect(d.reaches(1000, 11_999)).toBe(false)
    expect(d.reaches(1000, 12_000)).toBe(true)
  })

  it('threshold agrees with D on random curves and prices', () => {
    const params = fc
      .record({
        capTwice: fc.integer({ min: 0, max: 40_000 }),
        coneShare: fc.integer({ min: 0, max: 100 }),
        qCap: fc.integer({ min: 1, max: 5000 }),
        dTarget: fc.integer({ min: 0, max: 3000 }),
        dZero: fc.integer({ min: 0, max: 3000 }),
      })
      .map(({ capTwice, coneShare, qCap, dTarget, dZero }) => {
        const cap = Rational.of(capTwice, 2)
        const cone = (Number(cap.floor()) * coneShare) / 100
        return curve(cap, Math.floor(cone), qCap, qCap + dTarget, qCap + dTarget + dZero)
      })
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 21_000 }), (c, price) => {
        const q = c.minQuantityReachedBy(price)
        const p = Rational.of(price)
        expect(c.priceAt(q).lte(p)).toBe(true)
        if (q > 0) expect(c.priceAt(q - 1).gt(p)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
