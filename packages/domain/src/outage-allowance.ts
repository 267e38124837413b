/**
 * Planned outages against the annual allowance (rules.md §5 item 1, 180 容量停止計画).
 *
 * Equivalent outage days of a resource's delivery year = Σ(reduced kW × outage days) / contract kW
 * over its plans; the days beyond the allowance (default 58) cost U × contract kW × excess / 365,
 * with U = A / contract kW, i.e. A × excess / 365 (A: the annual contract amount after deduction,
 * yen, rounded down). Everything is exact (rationals); only the shown texts are rounded.
 */
import { Rational } from './rational.ts'

/** The allowance of planned outage days per delivery year unless the year sets another. */
export const DEFAULT_OUTAGE_ALLOWANCE_DAYS = 58

const MINUTES_PER_DAY = 24 * 60

/** One planned outage: the kW it takes out and for how long (whole minutes). */
export interface OutageSpan {
  reducedKw: number
  minutes: number
}

export interface OutageAllowanceInput {
  /** 契約容量 (kW) of the resource in the delivery year, ≥ 1. */
  contractKw: number
  /** The allowance in days (≥ 0). */
  allowanceDays: number
  /** The annual contract amount (yen, after deduction); without it no penalty is estimated. */
  annualAmount?: number | undefined
  plans: readonly OutageSpan[]
}

export interface OutageAllowanceResult {
  /** Σ(kW × days) / contract kW, exactly (`num/den` or an integer). */
  equivalentDaysExact: string
  /** The same rounded half up to 2 decimals, e.g. `12.50`. */
  equivalentDays: string
  allowanceDays: number
  /** Days beyond the allowance (0 when within), 2 decimals half up. */
  excessDays: string
  exceeds: boolean
  /** A × excess / 365, rounded down to the yen; null without the annual amount. */
  penaltyEstimate: number | null
}

/** The kW × days of one outage (exact). */
function kwDays(span: OutageSpan): Rational {
  return Rational.of(BigInt(span.reducedKw) * BigInt(span.minutes), MINUTES_PER_DAY)
}

function requirePositiveInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer ≥ 1: ${value}`)
  }
}

/** Rounds a non-negative rational half up to 2 decimals, as text. */
function text2(value: Rational): string {
  const scaled = value.mul(Rational.of(100n)).add(Rational.of(1n, 2n)).floor()
  return `${scaled / 100n}.${(scaled % 100n).toString().padStart(2, '0')}`
}

/** The equivalent days one plan adds: reduced kW × days / contract kW (exact). */
export function equivalentOutageDays(span: OutageSpan, contractKw: number): Rational {
  requirePositiveInteger(contractKw, 'contractKw')
  requirePositiveInteger(span.reducedKw, 'reducedKw')
  requirePositiveInteger(span.minutes, 'minutes')
  return kwDays(span).div(Rational.of(contractKw))
}

/** The year's equivalent outage days against the allowance, and the penalty the excess costs. */
export function computeOutageAllowance(input: OutageAllowanceInput): OutageAllowanceResult {
  requirePositiveInteger(input.contractKw, 'contractKw')
  if (!Number.isFinite(input.allowanceDays) || input.allowanceDays < 0) {
    throw new RangeError(`allowanceDays must be ≥ 0: ${input.allowanceDays}`)
  }
  let total = Rational.ZERO
  for (const plan of input.plans) total = total.add(equivalentOutageDays(plan, input.contractKw))
  const allowance = Rational.fromNumber(input.allowanceDays)
  const excess = total.gt(allowance) ? total.sub(allowance) : Rational.ZERO
  const penalty =
    input.annualAmount === undefined
      ? null
      : Number(Rational.of(BigInt(input.annualAmount)).mul(excess).div(Rational.of(365n)).floor())
  return {
    equivalentDaysExact: total.toString(),
    equivalentDays: text2(total),
    allowanceDays: input.allowanceDays,
    excessDays: text2(excess),
    exceeds: excess.sign() > 0,
    penaltyEstimate: penalty,
  }
}

/** A half-open interval [start, end) of epoch milliseconds taking `kw` out. */
export interface KwInterval {
  start: number
  end: number
  kw: number
}

/**
 * The highest sum of kW out at any one moment over the intervals, counted only inside
 * [within.start, within.end) when given (the overlap check of a new or changed plan).
 */
export function peakConcurrentKw(
  intervals: readonly KwInterval[],
  within?: { start: number; end: number },
): number {
  const events: [number, number][] = []
  for (const i of intervals) {
    const start = within ? Math.max(i.start, within.start) : i.start
    const end = within ? Math.min(i.end, within.end) : i.end
    if (end <= start) continue
    events.push([start, i.kw], [end, -i.kw])
  }
  // Ends before starts at the same instant: [a, b) and [b, c) do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let current = 0
  let peak = 0
  for (const [, delta] of events) {
    current += delta
    if (current > peak) peak = current
  }
  return peak
}
