import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RulesValidationError } from './errors.ts'
import { computePreDeliveryPenalty, type PreDeliveryPenaltyInput } from './pre-delivery-penalty.ts'

const base: PreDeliveryPenaltyInput = {
  factorType: 'marketExit',
  areaPrice: 14_137,
  contractKw: 10_000,
  kw: 4_000,
  occurredOn: '2029-03-31',
  decisionDeadline: '2029-03-31',
  rateBeforeDeadline: 0.05,
  rateAfterDeadline: 0.1,
}

describe('computePreDeliveryPenalty (rules.md §6)', () => {
  it('a market exit on the deadline day pays 5 %: 14,137 × 4,000 × 0.05', () => {
    const r = computePreDeliveryPenalty(base)
    expect(r).toMatchObject({
      exitedKw: 4000,
      afterDeadline: false,
      rate: '0.05',
      grossAmount: 2_827_400,
      refundAmount: 0,
      netAmount: 2_827_400,
    })
    expect(r.lines.map((l) => l.item)).toEqual([
      'areaPrice',
      'contractKw',
      'exitedKw',
      'deadline',
      'rate',
      'grossAmount',
      'netAmount',
    ])
  })

  it('the day after the deadline pays 10 %', () => {
    const r = computePreDeliveryPenalty({ ...base, occurredOn: '2029-04-01' })
    expect(r).toMatchObject({ afterDeadline: true, rate: '0.1', grossAmount: 5_654_800 })
  })

  it('floors once, exactly (0.07 is not binary-exact)', () => {
    // 9,999 × 3 × 0.07 = 2,099.79 → 2,099
    const r = computePreDeliveryPenalty({
      ...base,
      areaPrice: 9_999,
      kw: 3,
      rateBeforeDeadline: 0.07,
    })
    expect(r.grossAmount).toBe(2_099)
  })

  it('an effectiveness-test shortfall is a partial exit of the shortfall kW', () => {
    const exit = computePreDeliveryPenalty({ ...base, kw: 1_234 })
    const shortfall = computePreDeliveryPenalty({
      ...base,
      factorType: 'effectivenessShortfall',
      kw: 1_234,
    })
    expect(shortfall.grossAmount).toBe(exit.grossAmount)
  })

  it('a missing site list is an exit of the whole contract kW (kW given is ignored)', () => {
    const r = computePreDeliveryPenalty({ ...base, factorType: 'siteListMissing', kw: 0 })
    expect(r.exitedKw).toBe(10_000)
    expect(r.grossAmount).toBe(7_068_500)
  })

  it('other takes the amount the operator gives', () => {
    const r = computePreDeliveryPenalty({ ...base, factorType: 'other', givenAmount: 123_456 })
    expect(r).toMatchObject({ rate: null, exitedKw: 0, grossAmount: 123_456, netAmount: 123_456 })
    expect(r.lines.map((l) => l.item)).toEqual(['givenAmount', 'grossAmount', 'netAmount'])
  })

  it('a refund keeps the gross amount and nets to 0', () => {
    const r = computePreDeliveryPenalty({ ...base, refunded: true })
    expect(r).toMatchObject({ grossAmount: 2_827_400, refundAmount: 2_827_400, netAmount: 0 })
    expect(r.lines.find((l) => l.item === 'refund')?.value).toBe('2827400')
  })

  const invalid: [string, unknown, string, (string | number)[]][] = [
    ['kW above the contract', { ...base, kw: 10_001 }, 'E-RULES-070', ['kw']],
    ['negative kW', { ...base, kw: -1 }, 'E-RULES-033', ['kw']],
    ['fractional price', { ...base, areaPrice: 1.5 }, 'E-RULES-033', ['areaPrice']],
    ['bad date', { ...base, occurredOn: '2029-02-30' }, 'E-RULES-071', ['occurredOn']],
    [
      'bad deadline',
      { ...base, decisionDeadline: '2029/03/31' },
      'E-RULES-071',
      ['decisionDeadline'],
    ],
    ['unknown type', { ...base, factorType: 'exit' }, 'E-RULES-072', ['factorType']],
    ['other without amount', { ...base, factorType: 'other' }, 'E-RULES-073', ['givenAmount']],
    ['amount for an exit', { ...base, givenAmount: 5 }, 'E-RULES-073', ['givenAmount']],
    ['rate above 1', { ...base, rateAfterDeadline: 1.5 }, 'E-RULES-040', ['rateAfterDeadline']],
    [
      'rate of 5 decimals',
      { ...base, rateBeforeDeadline: 0.05001 },
      'E-RULES-041',
      ['rateBeforeDeadline'],
    ],
    ['unknown field', { ...base, extra: 1 }, 'E-RULES-005', ['extra']],
    ['missing field', { ...base, kw: undefined }, 'E-RULES-006', ['kw']],
  ]
  it.each(invalid)('refuses %s', (_name, input, messageId, path) => {
    try {
      computePreDeliveryPenalty(input as PreDeliveryPenaltyInput)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RulesValidationError)
      expect((error as RulesValidationError).messageId).toBe(messageId)
      expect((error as RulesValidationError).path).toEqual(path)
    }
  })
})

describe('computePreDeliveryPenalty properties', () => {
  const rate4 = fc.integer({ min: 0, max: 10_000 }).map((r) => r / 10_000)
  const date = fc
    .integer({ min: 0, max: 3_650 })
    .map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))
  const input = fc
    .record({
      areaPrice: fc.integer({ min: 0, max: 100_000 }),
      contractKw: fc.integer({ min: 0, max: 10_000_000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      occurredOn: date,
      decisionDeadline: date,
      a: rate4,
      b: rate4,
    })
    .map((x): PreDeliveryPenaltyInput => ({
      factorType: 'marketExit',
      areaPrice: x.areaPrice,
      contractKw: x.contractKw,
      kw: Math.floor(x.contractKw * x.share),
      occurredOn: x.occurredOn,
      decisionDeadline: x.decisionDeadline,
      rateBeforeDeadline: Math.min(x.a, x.b),
      rateAfterDeadline: Math.max(x.a, x.b),
    }))

  it('equals floor(areaPrice × kW × rate) in integers', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = computePreDeliveryPenalty(i)
        const rate = r.afterDeadline ? i.rateAfterDeadline : i.rateBeforeDeadline
        const rate10k = BigInt(Math.round(rate * 10_000))
        expect(BigInt(r.grossAmount)).toBe((BigInt(i.areaPrice) * BigInt(i.kw) * rate10k) / 10_000n)
        expect(r.afterDeadline).toBe(i.occurredOn > i.decisionDeadline)
      }),
      { numRuns: 300 },
    )
  })

  it('is monotone in the exited kW', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1_000 }), (i, extra) => {
        const more = { ...i, contractKw: i.contractKw + extra, kw: i.kw + extra }
        expect(computePreDeliveryPenalty(more).grossAmount).toBeGreaterThanOrEqual(
          computePreDeliveryPenalty(i).grossAmount,
        )
      }),
      { numRuns: 300 },
    )
  })

  it('after the deadline costs at least as much as before (after-rate ≥ before-rate)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = computePreDeliveryPenalty({ ...i, occurredOn: i.decisionDeadline })
        const after = computePreDeliveryPenalty({ ...i, occurredOn: '2099-12-31' })
        expect(after.grossAmount).toBeGreaterThanOrEqual(before.grossAmount)
        expect(before.afterDeadline).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('a refund nets to 0 and keeps the gross amount', () => {
    fc.assert(
      fc.property(input, (i) => {
        const kept = computePreDeliveryPenalty(i)
        const refunded = computePreDeliveryPenalty({ ...i, refunded: true })
        expect(refunded.netAmount).toBe(0)
        expect(refunded.grossAmount).toBe(kept.grossAmount)
        expect(refunded.refundAmount).toBe(kept.grossAmount)
      }),
      { numRuns: 200 },
    )
  })

  it('a missing site list costs as much as exiting the whole contract kW, the most any exit costs', () => {
    fc.assert(
      fc.property(input, (i) => {
        const whole = computePreDeliveryPenalty({ ...i, factorType: 'siteListMissing' })
        const full = computePreDeliveryPenalty({ ...i, kw: i.contractKw })
        expect(whole.grossAmount).toBe(full.grossAmount)
        expect(computePreDeliveryPenalty(i).grossAmount).toBeLessThanOrEqual(whole.grossAmount)
      }),
      { numRuns: 200 },
    )
  })
})
