/** Achievement rate of an effectiveness test of a dispatch-order resource (records.md, 824). */
import { RulesValidationError, showValue } from './errors.ts'
import { Rational } from './rational.ts'
import { requireNonNegativeInteger } from './validate.ts'

/** An effectiveness test lasts 3 hours: six 30-minute slots. */
export const EFFECTIVENESS_TEST_SLOTS = 6
/** The rate is kept with this many decimals (rounded half up). */
export const ACHIEVEMENT_RATE_DECIMALS = 3

export interface AchievementRateInput {
  /** 指令容量 (kW), an integer ≥ 1. */
  instructedKw: number
  /** 実績 (kW) of the six slots, integers ≥ 0. */
  deliveredKw: readonly number[]
}

export interface AchievementRateResult {
  /** average delivered / instructed, rounded half up to 3 decimals, e.g. `0.983` or `1.05`. */
  achievementRate: number
  /** The same as a decimal text with exactly 3 decimals (`0.983`, `1.050`). */
  achievementRateText: string
  /** The exact ratio before rounding, as `num/den` or a terminating decimal. */
  exact: string
}

/** Rounds a non-negative rational half up to `decimals` places; returns the scaled integer. */
function roundHalfUpScaled(value: Rational, decimals: number): bigint {
  const scaled = value.mul(Rational.of(10n ** BigInt(decimals)))
  return scaled.add(Rational.of(1n, 2n)).floor()
}

/**
 * 達成率 = (Σ delivered / 6) / instructed, computed exactly and rounded half up to 3 decimals
 * [design: the rounding]. Delivered kW above the instruction count in full (the literal formula
 * of records.md). Throws RulesValidationError on invalid input.
 */
export function computeAchievementRate(input: AchievementRateInput): AchievementRateResult {
  const instructed = input.instructedKw
  if (!Number.isSafeInteger(instructed) || instructed < 1) {
    throw new RulesValidationError('E-RULES-044', ['instructedKw'], {
      value: showValue(instructed),
    })
  }
  if (input.deliveredKw.length !== EFFECTIVENESS_TEST_SLOTS) {
    throw new RulesValidationError('E-RULES-045', ['deliveredKw'], {
      count: EFFECTIVENESS_TEST_SLOTS,
      value: input.deliveredKw.length,
    })
  }
  let total = 0n
  for (const [i, kw] of input.deliveredKw.entries()) {
    total += BigInt(requireNonNegativeInteger(kw, ['deliveredKw', i]))
  }
  const exact = Rational.of(total, BigInt(EFFECTIVENESS_TEST_SLOTS) * BigInt(instructed))
  const scaled = roundHalfUpScaled(exact, ACHIEVEMENT_RATE_DECIMALS)
  const unit = 10n ** BigInt(ACHIEVEMENT_RATE_DECIMALS)
  const text = `${scaled / unit}.${(scaled % unit).toString().padStart(ACHIEVEMENT_RATE_DECIMALS, '0')}`
  return { achievementRate: Number(text), achievementRateText: text, exact: exact.toString() }
}
