/**
 * Pre-delivery penalties (rules.md §6, function 190): the amount of a penalty factor.
 *
 * - Market exit (市場退出): areaPrice × rate × exited kW, the rate being `rateBeforeDeadline`
 *   (default 5 % [pub]) when the exit occurred on or before the deadline for the
 *   additional-auction decision of the delivery year, `rateAfterDeadline` (default 10 % [design])
 *   after it.
 * - Effectiveness-test shortfall (824): a partial exit of the shortfall kW, same formula.
 * - Missing site list: an exit of the whole contract kW, same formula.
 * - Other: the amount the operator gives (no formula).
 * - Refund: when the additional auction of the delivery year is not held the amount is refunded
 *   in full [pub]: the gross amount stays, the net becomes 0.
 *
 * Exact: integers and rationals only, one floor (of the product). The parameters are inputs, never
 * literals here: the API reads them from the delivery year's penalty parameters (data the operator
 * edits).
 */
import { z } from 'zod'
import { RulesValidationError, showValue } from './errors.ts'
import { Rational } from './rational.ts'
import {
  parseShape,
  requireNonNegativeInteger,
  requireRate4,
  requireSafeTotal,
} from './validate.ts'

export const PENALTY_FACTOR_TYPES = [
  'marketExit',
  'effectivenessShortfall',
  'siteListMissing',
  'other',
] as const
export type PenaltyFactorType = (typeof PENALTY_FACTOR_TYPES)[number]

/** The default parameters (rules.md §6): 5 % before the deadline [pub], 10 % after [design]. */
export const DEFAULT_EXIT_RATE_BEFORE_DEADLINE = 0.05
export const DEFAULT_EXIT_RATE_AFTER_DEADLINE = 0.1

export interface PreDeliveryPenaltyInput {
  factorType: PenaltyFactorType
  /** エリアプライス of the contract (円/kW/年), an integer ≥ 0. */
  areaPrice: number
  /** The contract kW in force before the event, an integer ≥ 0. */
  contractKw: number
  /**
   * The kW concerned: exited kW (marketExit) or shortfall kW (effectivenessShortfall), ≤
   * contractKw. Ignored for siteListMissing (the whole contract kW exits) and other.
   */
  kw: number
  /** 発生日, a JST date `YYYY-MM-DD`: compared with the deadline (on the deadline: before). */
  occurredOn: string
  /** The deadline for the additional-auction decision of the delivery year, `YYYY-MM-DD`. */
  decisionDeadline: string
  /** Rates (0–1, at most 4 decimals). */
  rateBeforeDeadline: number
  rateAfterDeadline: number
  /** The amount (yen) the operator gives for `other` (required there, refused elsewhere). */
  givenAmount?: number
  /** True when the additional auction of the delivery year is not held: full refund. */
  refunded?: boolean
}

/** One line of the calculation as the detail screen and the notice show it. */
export interface PenaltyCalculationLine {
  item:
    | 'areaPrice'
    | 'contractKw'
    | 'exitedKw'
    | 'deadline'
    | 'rate'
    | 'givenAmount'
    | 'grossAmount'
    | 'refund'
    | 'netAmount'
  /** The value as text (integers plain, the rate as a decimal, dates as given). */
  value: string
}

export interface PreDeliveryPenaltyResult {
  /** The kW the formula multiplies (0 for other). */
  exitedKw: number
  /** Whether the exit occurred after the deadline (false for other). */
  afterDeadline: boolean
  /** The rate applied as a decimal text (`0.05`), null for other. */
  rate: string | null
  /** floor(areaPrice × rate × exitedKw), or the given amount for other. */
  grossAmount: number
  /** The refunded amount: the gross amount when refunded, else 0. */
  refundAmount: number
  /** grossAmount − refundAmount. */
  netAmount: number
  lines: PenaltyCalculationLine[]
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function requireDate(value: string, path: string[]): string {
  const parsed = DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new RulesValidationError('E-RULES-071', path, { value: showValue(value) })
  }
  return value
}

const shape = z.strictObject({
  factorType: z.string(),
  areaPrice: z.number(),
  contractKw: z.number(),
  kw: z.number(),
  occurredOn: z.string(),
  decisionDeadline: z.string(),
  rateBeforeDeadline: z.number(),
  rateAfterDeadline: z.number(),
  givenAmount: z.number().optional(),
  refunded: z.boolean().optional(),
})

/**
 * The amount of one pre-delivery penalty factor (rules.md §6), with its calculation lines.
 * Throws RulesValidationError on invalid input: a kW above the contract kW (E-RULES-070), a date
 * that is not `YYYY-MM-DD` (E-RULES-071), an unknown factor type (E-RULES-072), a given amount
 * missing for `other` or given for another type (E-RULES-073).
 */
export function computePreDeliveryPenalty(
  input: PreDeliveryPenaltyInput,
): PreDeliveryPenaltyResult {
  const data = parseShape(shape, input)
  if (!(PENALTY_FACTOR_TYPES as readonly string[]).includes(data.factorType)) {
    throw new RulesValidationError('E-RULES-072', ['factorType'], { value: data.factorType })
  }
  const factorType = data.factorType as PenaltyFactorType
  const areaPrice = requireNonNegativeInteger(data.areaPrice, ['areaPrice'])
  const contractKw = requireNonNegativeInteger(data.contractKw, ['contractKw'])
  const kw = requireNonNegativeInteger(data.kw, ['kw'])
  const occurredOn = requireDate(data.occurredOn, ['occurredOn'])
  const deadline = requireDate(data.decisionDeadline, ['decisionDeadline'])
  const before = requireRate4(data.rateBeforeDeadline, ['rateBeforeDeadline'])
  const after = requireRate4(data.rateAfterDeadline, ['rateAfterDeadline'])
  const refunded = data.refunded ?? false

  if (factorType === 'other') {
    if (data.givenAmount === undefined) {
      throw new RulesValidationError('E-RULES-073', ['givenAmount'])
    }
    const given = requireNonNegativeInteger(data.givenAmount, ['givenAmount'])
    return finish({ exitedKw: 0, afterDeadline: false, rate: null, gross: given, refunded }, [
      { item: 'givenAmount', value: String(given) },
    ])
  }
  if (data.givenAmount !== undefined) {
    throw new RulesValidationError('E-RULES-073', ['givenAmount'])
  }
  if (factorType !== 'siteListMissing' && kw > contractKw) {
    throw new RulesValidationError('E-RULES-070', ['kw'], { value: kw, contractKw })
  }
  const exitedKw = factorType === 'siteListMissing' ? contractKw : kw
  // ISO dates compare as strings; the deadline day itself counts as before the deadline.
  const afterDeadline = occurredOn > deadline
  const rate = afterDeadline ? after : before
  const gross = requireSafeTotal(
    Rational.of(BigInt(areaPrice) * BigInt(exitedKw))
      .mul(rate)
      .floor(),
    ['kw'],
  )
  return finish({ exitedKw, afterDeadline, rate: rate.toString(), gross, refunded }, [
    { item: 'areaPrice', value: String(areaPrice) },
    { item: 'contractKw', value: String(contractKw) },
    { item: 'exitedKw', value: String(exitedKw) },
    { item: 'deadline', value: deadline },
    { item: 'rate', value: rate.toString() },
  ])
}

function finish(
  r: {
    exitedKw: number
    afterDeadline: boolean
    rate: string | null
    gross: number
    refunded: boolean
  },
  lines: PenaltyCalculationLine[],
): PreDeliveryPenaltyResult {
  const refundAmount = r.refunded ? r.gross : 0
  const netAmount = r.gross - refundAmount
  return {
    exitedKw: r.exitedKw,
    afterDeadline: r.afterDeadline,
    rate: r.rate,
    grossAmount: r.gross,
    refundAmount,
    netAmount,
    lines: [
      ...lines,
      { item: 'grossAmount', value: String(r.gross) },
      ...(r.refunded ? [{ item: 'refund' as const, value: String(refundAmount) }] : []),
      { item: 'netAmount', value: String(netAmount) },
    ],
  }
}
