/**
 * The monthly assessment of one resource (rules.md §5, rules-api.md `assess-month`): the
 * penalty lines of a month from its 30-minute slots, outage plans and dispatch orders, with the
 * monthly and annual caps. Exact: every amount is a rational until it is floored to whole yen,
 * once per line; the caps apply to the sum of the lines.
 */
import { z } from 'zod'
import { RulesValidationError, showValue } from './errors.ts'
import type { InputPath } from './errors.ts'
import { Rational, decimalPlaces } from './rational.ts'
import { parseInstant } from './timestamp.ts'
import type { ResourceKind } from './types.ts'
import {
  isResourceKind,
  parseShape,
  requireNonNegativeInteger,
  requireSafeTotal,
} from './validate.ts'

export interface AssessmentParameters {
  /** Planned-outage allowance of the delivery year in equivalent days (default 58). */
  outageAllowanceDays: number
  /** Multipliers of lines 2–4 (defaults 3, 3, 1.5). */
  multipliers: { unplannedOutage: number; supplyInstruction: number; reserveNotice: number }
  /** Dispatch orders expected per year (default 12). */
  expectedOrdersPerYear: number
  /** Monthly cap as a share of the annual amount (default 0.183). */
  monthlyCapShare: number
  /** Annual cap as a share of the annual amount (default 1.1). */
  annualCapShare: number
}

export interface AssessmentSlot {
  /** JST date `YYYY-MM-DD`. */
  date: string
  /** 1..48: slot k covers (k − 1) × 30 min after 00:00 JST. */
  slot: number
  availableKw?: number
  instructedKw?: number
  deliveredKw?: number
  reserveNotice?: boolean
  offeredKw?: number
  restrained?: boolean
  explanationAccepted?: boolean
}

export interface AssessmentInput {
  /** `YYYY-MM`. */
  month: string
  resource: { kind: ResourceKind; contractKw: number; annualAmount: number }
  parameters: AssessmentParameters
  /** Equivalent outage days of the delivery year before this month (≤ 4 decimals). */
  outageDaysBefore: number
  /** Yen of penalties (after caps) of the delivery year before this month. */
  penaltiesBefore: number
  outagePlans: { startAt: string; endAt: string; reducedKw: number }[]
  slots: AssessmentSlot[]
  dispatchOrders: {
    orderId: string
    slots: { date: string; slot: number; instructedKw: number; deliveredKw: number }[]
  }[]
}

export const ASSESSMENT_REQUIREMENTS = [
  'plannedOutage',
  'unplannedOutage',
  'supplyInstruction',
  'reserveNotice',
  'dispatchOrder',
] as const
export type AssessmentRequirement = (typeof ASSESSMENT_REQUIREMENTS)[number]

export type SlotEvidence = { date: string; slot: number; kw: number }
export type OrderEvidence = { orderId: string; ratio: number }

export interface AssessmentLine {
  requirement: AssessmentRequirement
  /** Whole yen: the floor of the line's exact total. */
  amount: number
  evidence: SlotEvidence[] | OrderEvidence[]
}

export interface AssessmentResult {
  /** Exact equivalent outage days in the month, rounded half-up to 4 decimals (display only). */
  outageDaysInMonth: number
  /** Only lines with amount > 0, in the order of `ASSESSMENT_REQUIREMENTS`. */
  lines: AssessmentLine[]
  subtotal: number
  /** The part above floor(annualAmount × monthlyCapShare). */
  waivedMonthly: number
  /** The further part above floor(annualAmount × annualCapShare) − penaltiesBefore. */
  waivedAnnual: number
  total: number
}

const SLOT_MS = 30 * 60_000
const JST_OFFSET_MS = 9 * 3_600_000
const SLOTS_PER_DAY = 48n
const HOURS_PER_YEAR = 8_760n
const DAYS_PER_YEAR = 365n

const kw = z.number()
const slotShape = z.strictObject({
  date: z.string(),
  slot: z.number(),
  availableKw: kw.optional(),
  instructedKw: kw.optional(),
  deliveredKw: kw.optional(),
  reserveNotice: z.boolean().optional(),
  offeredKw: kw.optional(),
  restrained: z.boolean().optional(),
  explanationAccepted: z.boolean().optional(),
})
const shape = z.strictObject({
  month: z.string(),
  resource: z.strictObject({ kind: z.string(), contractKw: z.number(), annualAmount: z.number() }),
  parameters: z.strictObject({
    outageAllowanceDays: z.number(),
    multipliers: z.strictObject({
      unplannedOutage: z.number(),
      supplyInstruction: z.number(),
      reserveNotice: z.number(),
    }),
    expectedOrdersPerYear: z.number(),
    monthlyCapShare: z.number(),
    annualCapShare: z.number(),
  }),
  outageDaysBefore: z.number(),
  penaltiesBefore: z.number(),
  outagePlans: z.array(
    z.strictObject({ startAt: z.string(), endAt: z.string(), reducedKw: z.number() }),
  ),
  slots: z.array(slotShape),
  dispatchOrders: z.array(
    z.strictObject({
      orderId: z.string().min(1),
      slots: z.array(
        z.strictObject({
          date: z.string(),
          slot: z.number(),
          instructedKw: kw,
          deliveredKw: kw,
        }),
      ),
    }),
  ),
})

/** A kW, day count, multiplier or share: a number ≥ 0 with at most 4 decimals (E-RULES-080). */
function requireQuantity(value: number, path: InputPath): Rational {
  if (!Number.isFinite(value) || value < 0 || decimalPlaces(value) > 4) {
    throw new RulesValidationError('E-RULES-080', path, { value: showValue(value) })
  }
  return Rational.fromNumber(value)
}

/** A whole number ≥ 1 (E-RULES-044). */
function requirePositiveInteger(value: number, path: InputPath): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RulesValidationError('E-RULES-044', path, { value: showValue(value) })
  }
  return value
}

/** The month's first slot (global: 30-minute steps since the epoch) and the next month's. */
function monthSlots(month: string): { first: number; end: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
  if (!m) throw new RulesValidationError('E-RULES-081', ['month'], { value: month })
  const year = Number(m[1])
  const mon = Number(m[2])
  const start = Date.UTC(year, mon - 1, 1) - JST_OFFSET_MS
  const end = Date.UTC(year, mon, 1) - JST_OFFSET_MS
  return { first: start / SLOT_MS, end: end / SLOT_MS }
}

/** The global slot of a JST date and slot number, checked to lie in the month. */
function globalSlot(
  date: string,
  slot: number,
  month: { first: number; end: number; text: string },
  path: InputPath,
): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const y = Number(m?.[1])
  const mo = Number(m?.[2])
  const d = Number(m?.[3])
  const utc = Date.UTC(y, mo - 1, d)
  const valid =
    m !== null && new Date(utc).getUTCMonth() === mo - 1 && new Date(utc).getUTCDate() === d
  if (!valid) throw new RulesValidationError('E-RULES-071', [...path, 'date'], { value: date })
  if (!Number.isInteger(slot) || slot < 1 || slot > 48) {
    throw new RulesValidationError('E-RULES-083', [...path, 'slot'], { value: showValue(slot) })
  }
  const g = (utc - JST_OFFSET_MS) / SLOT_MS + slot - 1
  if (g < month.first || g >= month.end) {
    throw new RulesValidationError('E-RULES-084', [...path, 'date'], {
      value: date,
      month: month.text,
    })
  }
  return g
}

/** A plan's start or end: ISO 8601 with an offset, on a 30-minute boundary; its global slot. */
function planBoundary(text: string, path: InputPath): number {
  const instant = parseInstant(text)
  if (instant === null) throw new RulesValidationError('E-RULES-023', path, { value: text })
  if (instant.subMsNanos !== 0 || instant.epochMs % SLOT_MS !== 0) {
    throw new RulesValidationError('E-RULES-085', path, { value: text })
  }
  return instant.epochMs / SLOT_MS
}

/** Half-up to 4 decimals, as a number (display values). */
function round4(r: Rational): number {
  const scaled = r.mul(Rational.of(10_000)).add(Rational.of(1, 2)).floor()
  return Number(Rational.of(scaled, 10_000n).toString())
}

/** An exact value with a terminating decimal expansion (kW from ≤ 4-decimal inputs) as a number. */
function toNumber(r: Rational): number {
  return Number(r.toString())
}

const max0 = (r: Rational) => (r.sign() > 0 ? r : Rational.ZERO)
const min = (a: Rational, b: Rational) => (a.lt(b) ? a : b)

/**
 * Assesses one resource for one month. Throws RulesValidationError on invalid input: a slot
 * outside the month, a slot not 1..48, a negative kW, plans off the 30-minute grid or ending
 * before they start, contractKw < 1.
 */
export function assessMonth(input: AssessmentInput): AssessmentResult {
  const data = parseShape(shape, input)
  const { first, end } = monthSlots(data.month)
  const month = { first, end, text: data.month }
  const kind = data.resource.kind
  if (!isResourceKind(kind)) {
    throw new RulesValidationError('E-RULES-026', ['resource', 'kind'], { value: kind })
  }
  const contractKw = Rational.of(
    requirePositiveInteger(data.resource.contractKw, ['resource', 'contractKw']),
  )
  const annual = Rational.of(
    requireNonNegativeInteger(data.resource.annualAmount, ['resource', 'annualAmount']),
  )
  const p = data.parameters
  const allowance = requireQuantity(p.outageAllowanceDays, ['parameters', 'outageAllowanceDays'])
  const multipliers = {
    unplannedOutage: requireQuantity(p.multipliers.unplannedOutage, [
      'parameters',
      'multipliers',
      'unplannedOutage',
    ]),
    supplyInstruction: requireQuantity(p.multipliers.supplyInstruction, [
      'parameters',
      'multipliers',
      'supplyInstruction',
    ]),
    reserveNotice: requireQuantity(p.multipliers.reserveNotice, [
      'parameters',
      'multipliers',
      'reserveNotice',
    ]),
  }
  const expectedOrders = Rational.of(
    requirePositiveInteger(p.expectedOrdersPerYear, ['parameters', 'expectedOrdersPerYear']),
  )
  const monthlyCapShare = requireQuantity(p.monthlyCapShare, ['parameters', 'monthlyCapShare'])
  const annualCapShare = requireQuantity(p.annualCapShare, ['parameters', 'annualCapShare'])
  const daysBefore = requireQuantity(data.outageDaysBefore, ['outageDaysBefore'])
  const penaltiesBefore = requireNonNegativeInteger(data.penaltiesBefore, ['penaltiesBefore'])

  const plans = data.outagePlans.map((plan, i) => {
    const start = planBoundary(plan.startAt, ['outagePlans', i, 'startAt'])
    const stop = planBoundary(plan.endAt, ['outagePlans', i, 'endAt'])
    if (stop <= start) {
      throw new RulesValidationError('E-RULES-086', ['outagePlans', i, 'endAt'], {
        value: plan.endAt,
      })
    }
    return {
      start,
      end: stop,
      reducedKw: requireQuantity(plan.reducedKw, ['outagePlans', i, 'reducedKw']),
    }
  })
  const plannedAt = (g: number) =>
    plans.reduce(
      (sum, plan) => (plan.start <= g && g < plan.end ? sum.add(plan.reducedKw) : sum),
      Rational.ZERO,
    )

  const seen = new Set<number>()
  const slots = data.slots
    .map((s, i) => {
      const path: InputPath = ['slots', i]
      const g = globalSlot(s.date, s.slot, month, path)
      if (seen.has(g)) {
        throw new RulesValidationError('E-RULES-087', path, { value: `${s.date} ${s.slot}` })
      }
      seen.add(g)
      const q = (v: number | undefined, key: string) =>
        v === undefined ? undefined : requireQuantity(v, [...path, key])
      return {
        g,
        date: s.date,
        slot: s.slot,
        available: q(s.availableKw, 'availableKw'),
        instructed: q(s.instructedKw, 'instructedKw'),
        delivered: q(s.deliveredKw, 'deliveredKw'),
        offered: q(s.offeredKw, 'offeredKw'),
        reserveNotice: s.reserveNotice === true,
        restrained: s.restrained === true,
        accepted: s.explanationAccepted === true,
      }
    })
    .sort((a, b) => a.g - b.g)

  const orders = data.dispatchOrders.map((order, i) => ({
    orderId: order.orderId,
    slots: order.slots.map((s, j) => {
      const path: InputPath = ['dispatchOrders', i, 'slots', j]
      globalSlot(s.date, s.slot, month, path)
      return {
        instructed: requireQuantity(s.instructedKw, [...path, 'instructedKw']),
        delivered: requireQuantity(s.deliveredKw, [...path, 'deliveredKw']),
      }
    }),
  }))

  // Equivalent outage days of the month: the plans' slots inside the month.
  let slotKw = Rational.ZERO
  for (const plan of plans) {
    const inside = Math.min(plan.end, end) - Math.max(plan.start, first)
    if (inside > 0) slotKw = slotKw.add(plan.reducedKw.mul(Rational.of(inside)))
  }
  const daysInMonth = slotKw.div(contractKw).div(Rational.of(SLOTS_PER_DAY))

  const unit =
    contractKw.sign() > 0
      ? annual.div(contractKw).div(Rational.of(HOURS_PER_YEAR)).mul(Rational.of(1, 2))
      : Rational.ZERO
  const lines: AssessmentLine[] = []
  const addLine = (
    requirement: AssessmentRequirement,
    exact: Rational,
    evidence: SlotEvidence[] | OrderEvidence[],
  ) => {
    const amount = requireSafeTotal(exact.floor(), [requirement])
    if (amount > 0) lines.push({ requirement, amount, evidence })
  }

  // 1. Planned outages beyond the allowance (stable, variableSingle).
  if (kind === 'stable' || kind === 'variableSingle') {
    const excess = max0(daysBefore.add(daysInMonth).sub(allowance)).sub(
      max0(daysBefore.sub(allowance)),
    )
    addLine('plannedOutage', annual.mul(excess).div(Rational.of(DAYS_PER_YEAR)), [])
  }

  // 2. Unplanned outage (stable): output below the contract kW not covered by a plan.
  if (kind === 'stable') {
    let total = Rational.ZERO
    const evidence: SlotEvidence[] = []
    for (const s of slots) {
      if (s.available === undefined || s.restrained || s.accepted) continue
      const shortfall = contractKw.sub(plannedAt(s.g)).sub(s.available)
      if (shortfall.sign() <= 0) continue
      total = total.add(shortfall.mul(unit).mul(multipliers.unplannedOutage))
      evidence.push({ date: s.date, slot: s.slot, kw: toNumber(shortfall) })
    }
    addLine('unplannedOutage', total, evidence)
  }

  // 3. Supply instructions not delivered.
  {
    let total = Rational.ZERO
    const evidence: SlotEvidence[] = []
    for (const s of slots) {
      if (s.instructed === undefined || s.restrained) continue
      const shortfall = max0(s.instructed.sub(s.delivered ?? Rational.ZERO))
      if (shortfall.sign() <= 0) continue
      total = total.add(shortfall.mul(unit).mul(multipliers.supplyInstruction))
      evidence.push({ date: s.date, slot: s.slot, kw: toNumber(shortfall) })
    }
    addLine('supplyInstruction', total, evidence)
  }

  // 4. Reserve-margin notices: available capacity not offered.
  {
    let total = Rational.ZERO
    const evidence: SlotEvidence[] = []
    for (const s of slots) {
      if (!s.reserveNotice || s.restrained) continue
      const unoffered = max0(
        (s.available ?? contractKw).sub(plannedAt(s.g)).sub(s.offered ?? Rational.ZERO),
      )
      if (unoffered.sign() <= 0) continue
      total = total.add(unoffered.mul(unit).mul(multipliers.reserveNotice))
      evidence.push({ date: s.date, slot: s.slot, kw: toNumber(unoffered) })
    }
    addLine('reserveNotice', total, evidence)
  }

  // 5. Dispatch orders delivered short (dispatchOrder).
  if (kind === 'dispatchOrder') {
    let total = Rational.ZERO
    const evidence: OrderEvidence[] = []
    for (const order of orders) {
      let instructed = Rational.ZERO
      let delivered = Rational.ZERO
      for (const s of order.slots) {
        instructed = instructed.add(s.instructed)
        delivered = delivered.add(min(s.delivered, s.instructed))
      }
      if (instructed.sign() <= 0) continue
      const ratio = delivered.div(instructed)
      if (ratio.gte(Rational.ONE)) continue
      total = total.add(annual.mul(Rational.ONE.sub(ratio)).div(expectedOrders))
      evidence.push({ orderId: order.orderId, ratio: round4(ratio) })
    }
    addLine('dispatchOrder', total, evidence)
  }

  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0)
  const monthlyCap = requireSafeTotal(annual.mul(monthlyCapShare).floor(), ['monthlyCapShare'])
  const annualCap = requireSafeTotal(annual.mul(annualCapShare).floor(), ['annualCapShare'])
  const waivedMonthly = Math.max(0, subtotal - monthlyCap)
  const waivedAnnual = Math.max(
    0,
    subtotal - waivedMonthly - Math.max(0, annualCap - penaltiesBefore),
  )
  return {
    outageDaysInMonth: round4(daysInMonth),
    lines,
    subtotal,
    waivedMonthly,
    waivedAnnual,
    total: subtotal - waivedMonthly - waivedAnnual,
  }
}
