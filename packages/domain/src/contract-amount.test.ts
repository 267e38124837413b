import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeContractAmount } from './contract-amount.ts'
import { RulesValidationError } from './errors.ts'
import type { ContractAmountInput } from './types.ts'

describe('computeContractAmount (rules.md §4)', () => {
  it('applies the transitional deduction exactly (14,137 × 1,000,000 × 0.58)', () => {
    // 14137 * 1e6 * (1 - 0.42) is 8199460000.000001 and 14137 * 1e6 * 0.58 is 8199459999.999999
    // in binary floating point; the amount is exactly 8,199,460,000.
    const result = computeContractAmount({
      areaPrice: 14_137,
      contractKw: 1_000_000,
      deductionRate: 0.42,
    })
    expect(result.annualAmount).toBe(8_199_460_000)
    expect(result.monthly).toEqual([...Array.from({ length: 11 }, () => 683_288_333), 683_288_337])
    expect(result.annualTax).toBe(819_946_000)
  })

  it('truncates the annual amount and gives March the remainder', () => {
    const result = computeContractAmount({ areaPrice: 1, contractKw: 1001, deductionRate: 0.0001 })
    expect(result.annualAmount).toBe(1000) // 1000.8999 → 1000
    expect(result.monthly).toEqual([...Array.from({ length: 11 }, () => 83), 87])
    expect(result.annualTax).toBe(100)
  })

  it('no deduction, a given tax rate, and zero amounts', () => {
    expect(
      computeContractAmount({ areaPrice: 9425, contractKw: 1234, deductionRate: 0, taxRate: 0.08 }),
    ).toEqual({
      annualAmount: 11_630_450,
      monthly: [...Array.from({ length: 11 }, () => 969_204), 11_630_450 - 969_204 * 11],
      annualTax: 930_436,
    })
    expect(computeContractAmount({ areaPrice: 0, contractKw: 1000, deductionRate: 1 })).toEqual({
      annualAmount: 0,
      monthly: Array.from({ length: 12 }, () => 0),
      annualTax: 0,
    })
  })

  it('twelve months always sum to the annual amount (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (areaPrice, contractKw, rate4) => {
          const result = computeContractAmount({
            areaPrice,
            contractKw,
            deductionRate: rate4 / 10_000,
          })
          expect(result.monthly).toHaveLength(12)
          expect(result.monthly.reduce((a, b) => a + b, 0)).toBe(result.annualAmount)
          const [first] = result.monthly
          const march = result.monthly[11] ?? 0
          expect(result.monthly.slice(0, 11).every((m) => m === first)).toBe(true)
          expect(march - (first ?? 0)).toBeGreaterThanOrEqual(0)
          expect(march - (first ?? 0)).toBeLessThan(12)
          // A = floor(price × kW × (10000 − r) / 10000), in integers.
          const exact = (BigInt(areaPrice) * BigInt(contractKw) * BigInt(10_000 - rate4)) / 10_000n
          expect(BigInt(result.annualAmount)).toBe(exact)
          expect(BigInt(result.annualTax)).toBe(exact / 10n)
        },
      ),
      { numRuns: 300 },
    )
  })

  const invalid: [string, unknown, string, (string | number)[]][] = [
    ['not an object', 'x', 'E-RULES-004', []],
    ['missing price', { contractKw: 1000, deductionRate: 0 }, 'E-RULES-006', ['areaPrice']],
    [
      'fractional price',
      { areaPrice: 1.5, contractKw: 1000, deductionRate: 0 },
      'E-RULES-033',
      ['areaPrice'],
    ],
    [
      'negative kW',
      { areaPrice: 1, contractKw: -1, deductionRate: 0 },
      'E-RULES-033',
      ['contractKw'],
    ],
    [
      'rate above 1',
      { areaPrice: 1, contractKw: 1, deductionRate: 1.01 },
      'E-RULES-040',
      ['deductionRate'],
    ],
    [
      'rate with 5 decimals',
      { areaPrice: 1, contractKw: 1, deductionRate: 0.42001 },
      'E-RULES-041',
      ['deductionRate'],
    ],
    [
      'tax with 5 decimals',
      { areaPrice: 1, contractKw: 1, deductionRate: 0, taxRate: 0.10001 },
      'E-RULES-041',
      ['taxRate'],
    ],
    [
      'unknown field',
      { areaPrice: 1, contractKw: 1, deductionRate: 0, months: 12 },
      'E-RULES-005',
      ['months'],
    ],
    [
      'too large',
      { areaPrice: 1e9, contractKw: 1e9, deductionRate: 0 },
      'E-RULES-034',
      ['contractKw'],
    ],
  ]
  it.each(invalid)('rejects %s', (_name, input, messageId, path) => {
    let caught: unknown
    try {
      computeContractAmount(input as ContractAmountInput)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(RulesValidationError)
    expect(caught).toMatchObject({ messageId, path })
  })
})
