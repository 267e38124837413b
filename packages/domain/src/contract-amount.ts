/** Capacity contract amounts (rules.md §4). */
import { z } from 'zod'
import { Rational } from './rational.ts'
import type { ContractAmountInput, ContractAmountResult } from './types.ts'
import {
  parseShape,
  requireNonNegativeInteger,
  requireRate4,
  requireSafeTotal,
} from './validate.ts'

/** Consumption tax rate used when the input gives none [design]. */
export const DEFAULT_TAX_RATE = Rational.of(10, 100)

const shape = z.strictObject({
  areaPrice: z.number(),
  contractKw: z.number(),
  deductionRate: z.number(),
  taxRate: z.number().optional(),
})

/**
 * The annual contract amount after the transitional deduction, its twelve monthly amounts
 * (April … February floor(A / 12), March the remainder) and the consumption tax on the annual
 * total. Exact: integer and decimal arithmetic only. Throws RulesValidationError on invalid input.
 */
export function computeContractAmount(input: ContractAmountInput): ContractAmountResult {
  const data = parseShape(shape, input)
  const areaPrice = requireNonNegativeInteger(data.areaPrice, ['areaPrice'])
  const contractKw = requireNonNegativeInteger(data.contractKw, ['contractKw'])
  const deductionRate = requireRate4(data.deductionRate, ['deductionRate'])
  const taxRate =
    data.taxRate === undefined ? DEFAULT_TAX_RATE : requireRate4(data.taxRate, ['taxRate'])

  const annual = Rational.of(BigInt(areaPrice) * BigInt(contractKw))
    .mul(Rational.ONE.sub(deductionRate))
    .floor()
  const annualAmount = requireSafeTotal(annual, ['contractKw'])
  const month = annual / 12n
  const march = annual - month * 11n
  const monthly = [...Array.from({ length: 11 }, () => Number(month)), Number(march)]
  const annualTax = Number(Rational.of(annual).mul(taxRate).floor())
  return { annualAmount, monthly, annualTax }
}
