/** The release auction's clearing and amounts (rules.md §8), with properties (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clearRelease,
  releaseBilledAmounts,
  releaseGrantedAmount,
  type ReleaseOfferInput,
} from './release.ts'

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) }
const at = (s: number) => new Date(Date.UTC(2025, 2, 1, 0, 0, s)).toISOString()

describe('clearRelease', () => {
  it('releases by price descending, ties by first submission, the last one partly', () => {
    const result = clearRelease({
      targetKw: 9_500,
      offers: [
        { id: 'a', kw: 4_000, price: 3_000, submittedAt: at(5) },
        { id: 'b', kw: 5_000, price: 5_000, submittedAt: at(9) },
        { id: 'c', kw: 3_000, price: 3_000, submittedAt: at(1) },
        { id: 'd', kw: 2_000, price: 1_000, submittedAt: at(0) },
      ],
    })
    expect(result.offers.map((o) => [o.id, o.releasedKw])).toEqual([
      ['b', 5_000],
      ['c', 3_000],
      ['a', 1_500],
      ['d', 0],
    ])
    expect(result.releasedKw).toBe(9_500)
    expect(result.releasePrice).toBe(3_000)
  })

  it('short of the target: every offer released, the price the lowest offered', () => {
    const result = clearRelease({
      targetKw: 100_000,
      offers: [
        { id: 'a', kw: 4_000, price: 2_000, submittedAt: at(0) },
        { id: 'b', kw: 1_000, price: 0, submittedAt: at(1) },
      ],
    })
    expect(result.releasedKw).toBe(5_000)
    expect(result.releasePrice).toBe(0)
  })

  it('nothing to release: no price', () => {
    expect(clearRelease({ targetKw: 0, offers: [] })).toEqual({
      targetKw: 0,
      releasedKw: 0,
      releasePrice: null,
      offers: [],
    })
    const none = clearRelease({
      targetKw: 0,
      offers: [{ id: 'a', kw: 1_000, price: 10, submittedAt: at(0) }],
    })
    expect(none.releasePrice).toBeNull()
    expect(none.offers[0]?.releasedKw).toBe(0)
  })

  it('refuses a fractional kW, a negative price and a duplicate offer', () => {
    const o = { id: 'a', kw: 1_000, price: 10, submittedAt: at(0) }
    expect(() => clearRelease({ targetKw: 1.5, offers: [] })).toThrow(RangeError)
    expect(() => clearRelease({ targetKw: 1, offers: [{ ...o, price: -1 }] })).toThrow(RangeError)
    expect(() => clearRelease({ targetKw: 1, offers: [o, o] })).toThrow(RangeError)
  })

  const offers = fc
    .uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        kw: fc.integer({ min: 1_000, max: 20_000 }),
        price: fc.integer({ min: 0, max: 12 }).map((p) => p * 500),
        second: fc.integer({ min: 0, max: 5 }),
      }),
      { selector: (o) => o.id, maxLength: 30 },
    )
    .map((list) =>
      list.map(({ second, ...o }): ReleaseOfferInput => ({ ...o, submittedAt: at(second) })),
    )
  const target = fc.integer({ min: 0, max: 200_000 })

  it('Σ released ≤ target, each ≤ offered; the price is the lowest accepted', () => {
    fc.assert(
      fc.property(offers, target, (list, targetKw) => {
        const r = clearRelease({ targetKw, offers: list })
        const sum = r.offers.reduce((s, o) => s + o.releasedKw, 0)
        expect(sum).toBe(r.releasedKw)
        expect(sum).toBeLessThanOrEqual(targetKw)
        expect(sum).toBe(
          Math.min(
            targetKw,
            list.reduce((s, o) => s + o.kw, 0),
          ),
        )
        for (const o of r.offers) expect(o.releasedKw).toBeLessThanOrEqual(o.offeredKw)
        const accepted = r.offers.filter((o) => o.releasedKw > 0)
        expect(r.releasePrice).toBe(
          accepted.length ? Math.min(...accepted.map((o) => o.price)) : null,
        )
        // At most one offer is released partly, and it is the last accepted one
        const partial = r.offers.filter((o) => o.releasedKw > 0 && o.releasedKw < o.offeredKw)
        expect(partial.length).toBeLessThanOrEqual(1)
        if (partial[0]) expect(partial[0]).toBe(accepted[accepted.length - 1])
      }),
      RUNS,
    )
  })

  it('raising an offer’s price never releases less of it', () => {
    fc.assert(
      fc.property(
        offers,
        target,
        fc.nat(),
        fc.integer({ min: 1, max: 6_000 }),
        (list, t, i, up) => {
          if (!list.length) return
          const k = i % list.length
          const before = clearRelease({ targetKw: t, offers: list })
          const raised = list.map((o, j) => (j === k ? { ...o, price: o.price + up } : o))
          const after = clearRelease({ targetKw: t, offers: raised })
          const id = list[k]!.id
          const kw = (r: typeof before) => r.offers.find((o) => o.id === id)!.releasedKw
          expect(kw(after)).toBeGreaterThanOrEqual(kw(before))
        },
      ),
      RUNS,
    )
  })

  it('is deterministic: the same result whatever the input order', () => {
    fc.assert(
      fc.property(offers, target, (list, targetKw) => {
        const a = clearRelease({ targetKw, offers: list })
        const b = clearRelease({ targetKw, offers: [...list].reverse() })
        expect(b).toEqual(a)
        expect(clearRelease({ targetKw, offers: list })).toEqual(a)
      }),
      RUNS,
    )
  })
})

describe('release amounts', () => {
  it('bills floor(price × kW / 12) April–February and the remainder in March', () => {
    const months = releaseBilledAmounts(3_001, 4_001)
    expect(months.slice(0, 11)).toEqual(Array(11).fill(Math.floor((3_001 * 4_001) / 12)))
    expect(months.reduce((a, b) => a + b, 0)).toBe(3_001 * 4_001)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (p, kw) => {
          const m = releaseBilledAmounts(p, kw)
          expect(m).toHaveLength(12)
          expect(m.reduce((a, b) => a + b, 0)).toBe(p * kw)
          expect(m[11]! - m[0]!).toBeLessThan(12)
        },
      ),
      RUNS,
    )
  })

  it('grants floor(monthly amount × released kW / contract kW)', () => {
    expect(releaseGrantedAmount(833_333, 4_000, 10_000)).toBe(333_333)
    expect(releaseGrantedAmount(833_333, 0, 10_000)).toBe(0)
    expect(releaseGrantedAmount(833_333, 10_000, 10_000)).toBe(833_333)
  })
})
