import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOutageAllowance,
  DEFAULT_OUTAGE_ALLOWANCE_DAYS,
  equivalentOutageDays,
  peakConcurrentKw,
  type OutageSpan,
} from './outage-allowance.ts'

const DAY = 24 * 60

describe('computeOutageAllowance (rules.md §5.1)', () => {
  it('Σ(kW × days) / contract kW against the 58-day default', () => {
    // 10 days at full capacity + 20 days at half capacity = 20 equivalent days.
    const result = computeOutageAllowance({
      contractKw: 10_000,
      allowanceDays: DEFAULT_OUTAGE_ALLOWANCE_DAYS,
      annualAmount: 100_000_000,
      plans: [
        { reducedKw: 10_000, minutes: 10 * DAY },
        { reducedKw: 5_000, minutes: 20 * DAY },
      ],
    })
    expect(result).toEqual({
      equivalentDaysExact: '20',
      equivalentDays: '20.00',
      allowanceDays: 58,
      excessDays: '0.00',
      exceeds: false,
      penaltyEstimate: 0,
    })
  })

  it('the excess costs A × excess / 365, rounded down to the yen', () => {
    // 60 days at full capacity: 2 days over; 100,000,000 × 2 / 365 = 547,945.2… → 547,945.
    const result = computeOutageAllowance({
      contractKw: 3_000,
      allowanceDays: 58,
      annualAmount: 100_000_000,
      plans: [{ reducedKw: 3_000, minutes: 60 * DAY }],
    })
    expect(result.exceeds).toBe(true)
    expect(result.excessDays).toBe('2.00')
    expect(result.penaltyEstimate).toBe(547_945)
  })

  it('is exact for thirds and half-hours (no floating point)', () => {
    // 1 kW of 3 kW for 30 minutes: 1/3 × 1/48 day = 1/144.
    const result = computeOutageAllowance({
      contractKw: 3,
      allowanceDays: 58,
      plans: [{ reducedKw: 1, minutes: 30 }],
    })
    expect(result.equivalentDaysExact).toBe('1/144')
    expect(result.equivalentDays).toBe('0.01')
    expect(result.penaltyEstimate).toBeNull()
    expect(equivalentOutageDays({ reducedKw: 1, minutes: 30 }, 3).toString()).toBe('1/144')
  })

  it('refuses a contract kW or a plan that is not a positive integer', () => {
    expect(() => computeOutageAllowance({ contractKw: 0, allowanceDays: 58, plans: [] })).toThrow(
      RangeError,
    )
    expect(() =>
      computeOutageAllowance({
        contractKw: 10,
        allowanceDays: 58,
        plans: [{ reducedKw: 1.5, minutes: 30 }],
      }),
    ).toThrow(RangeError)
  })

  const span = fc.record({
    reducedKw: fc.integer({ min: 1, max: 100_000 }),
    minutes: fc.integer({ min: 1, max: 8_000 }).map((n) => n * 30),
  })

  it('splitting a plan in two changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(span, { maxLength: 10 }),
        span,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (contractKw, others, plan, at) => {
          const cut = Math.max(1, Math.min(plan.minutes - 1, Math.round(plan.minutes * at)))
          fc.pre(plan.minutes >= 2)
          const whole = computeOutageAllowance({
            contractKw,
            allowanceDays: 58,
            annualAmount: 1_000_000_000,
            plans: [...others, plan],
          })
          const split: OutageSpan[] = [
            ...others,
            { reducedKw: plan.reducedKw, minutes: cut },
            { reducedKw: plan.reducedKw, minutes: plan.minutes - cut },
          ]
          expect(
            computeOutageAllowance({
              contractKw,
              allowanceDays: 58,
              annualAmount: 1_000_000_000,
              plans: split,
            }),
          ).toEqual(whole)
        },
      ),
    )
  })

  it('the order of the plans does not matter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(span, { maxLength: 12 }),
        fc.integer(),
        (contractKw, plans, seed) => {
          const shuffled = [...plans]
          let s = seed
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1_103_515_245 + 12_345) & 0x7fffffff
            const j = s % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j] as OutageSpan, shuffled[i] as OutageSpan]
          }
          const input = { contractKw, allowanceDays: 58, annualAmount: 123_456_789 }
          expect(computeOutageAllowance({ ...input, plans: shuffled })).toEqual(
            computeOutageAllowance({ ...input, plans }),
          )
        },
      ),
    )
  })
})

describe('peakConcurrentKw', () => {
  it('adds overlapping intervals; touching ones do not overlap', () => {
    const intervals = [
      { start: 0, end: 10, kw: 5 },
      { start: 5, end: 15, kw: 3 },
      { start: 10, end: 20, kw: 4 },
    ]
    expect(peakConcurrentKw(intervals)).toBe(8)
    expect(
      peakConcurrentKw([
        { start: 0, end: 10, kw: 5 },
        { start: 10, end: 20, kw: 5 },
      ]),
    ).toBe(5)
    // Counted only inside the window: 3 + 4 at 10–15.
    expect(peakConcurrentKw(intervals, { start: 10, end: 20 })).toBe(7)
    expect(peakConcurrentKw([])).toBe(0)
  })
})
