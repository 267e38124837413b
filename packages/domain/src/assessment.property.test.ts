/** Properties of the monthly assessment on random months (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessMonth, type AssessmentInput, type AssessmentSlot } from './assessment.ts'

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) }
const SLOT_MS = 30 * 60_000
/** 2030-07-01 00:00 JST, and the slots of the month around it (June's last day to August's first). */
const JULY = Date.UTC(2030, 6, 1) - 9 * 3_600_000
const iso = (g: number) => new Date(JULY + g * SLOT_MS).toISOString()
const dateOf = (day: number) => `2030-07-${String(day).padStart(2, '0')}`

const slotArb: fc.Arbitrary<AssessmentSlot> = fc.record(
  {
    date: fc.integer({ min: 1, max: 31 }).map(dateOf),
    slot: fc.integer({ min: 1, max: 48 }),
    availableKw: fc.integer({ min: 0, max: 12_000 }),
    instructedKw: fc.integer({ min: 0, max: 10_000 }),
    deliveredKw: fc.integer({ min: 0, max: 10_000 }),
    reserveNotice: fc.boolean(),
    offeredKw: fc.integer({ min: 0, max: 10_000 }),
    restrained: fc.boolean(),
    explanationAccepted: fc.boolean(),
  },
  { requiredKeys: ['date', 'slot'] },
)

const planArb = fc
  .record({
    start: fc.integer({ min: -96, max: 31 * 48 }),
    length: fc.integer({ min: 1, max: 20 * 48 }),
    reducedKw: fc.integer({ min: 1, max: 10_000 }),
  })
  .map((p) => ({ startAt: iso(p.start), endAt: iso(p.start + p.length), reducedKw: p.reducedKw }))

const inputArb: fc.Arbitrary<AssessmentInput> = fc.record({
  month: fc.constant('2030-07'),
  resource: fc.record({
    kind: fc.constantFrom(
      'stable',
      'variableSingle',
      'variableAggregate',
      'dispatchOrder' as const,
    ),
    contractKw: fc.integer({ min: 1_000, max: 10_000 }),
    annualAmount: fc.integer({ min: 0, max: 200_000_000 }),
  }),
  parameters: fc.record({
    outageAllowanceDays: fc.integer({ min: 0, max: 60 }),
    multipliers: fc.constant({ unplannedOutage: 3, supplyInstruction: 3, reserveNotice: 1.5 }),
    expectedOrdersPerYear: fc.integer({ min: 1, max: 24 }),
    monthlyCapShare: fc.constantFrom(0.183, 0.01, 1),
    annualCapShare: fc.constantFrom(1.1, 0.05),
  }),
  outageDaysBefore: fc.integer({ min: 0, max: 80 }),
  penaltiesBefore: fc.integer({ min: 0, max: 250_000_000 }),
  outagePlans: fc.array(planArb, { maxLength: 4 }),
  slots: fc.uniqueArray(slotArb, { maxLength: 40, selector: (s) => `${s.date} ${s.slot}` }),
  dispatchOrders: fc.array(
    fc.record({
      orderId: fc.uuid(),
      slots: fc.array(
        fc.record({
          date: fc.integer({ min: 1, max: 31 }).map(dateOf),
          slot: fc.integer({ min: 1, max: 48 }),
          instructedKw: fc.integer({ min: 0, max: 5_000 }),
          deliveredKw: fc.integer({ min: 0, max: 6_000 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
    { maxLength: 3 },
  ),
})

describe('assessMonth properties', () => {
  it('adding a restrained slot never raises the amount', () => {
    fc.assert(
      fc.property(inputArb, slotArb, (input, extra) => {
        const taken = new Set(input.slots.map((s) => `${s.date} ${s.slot}`))
        fc.pre(!taken.has(`${extra.date} ${extra.slot}`))
        const before = assessMonth(input)
        const after = assessMonth({
          ...input,
          slots: [...input.slots, { ...extra, restrained: true }],
        })
        expect(after.subtotal).toBeLessThanOrEqual(before.subtotal)
        expect(after.total).toBeLessThanOrEqual(before.total)
      }),
      RUNS,
    )
  })

  it('the total never exceeds either cap, and the parts add up', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = assessMonth(input)
        const a = input.resource.annualAmount
        const p = input.parameters
        // The shares have ≤ 4 decimals: scaled integers keep the caps exact here too.
        const monthlyCap = Math.floor((a * Math.round(p.monthlyCapShare * 10_000)) / 10_000)
        const annualCap = Math.floor((a * Math.round(p.annualCapShare * 10_000)) / 10_000)
        expect(r.total).toBeLessThanOrEqual(monthlyCap)
        expect(r.total).toBeLessThanOrEqual(Math.max(0, annualCap - input.penaltiesBefore))
        expect(r.total).toBe(r.subtotal - r.waivedMonthly - r.waivedAnnual)
        expect(r.subtotal).toBe(r.lines.reduce((s, l) => s + l.amount, 0))
        for (const value of [r.total, r.waivedMonthly, r.waivedAnnual]) {
          expect(value).toBeGreaterThanOrEqual(0)
        }
        for (const line of r.lines) expect(line.amount).toBeGreaterThan(0)
      }),
      RUNS,
    )
  })

  it('splitting an outage plan in two changes nothing', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, cutAt) => {
        const plan = input.outagePlans[0]
        fc.pre(plan !== undefined)
        const start = (Date.parse(plan.startAt) - JULY) / SLOT_MS
        const end = (Date.parse(plan.endAt) - JULY) / SLOT_MS
        fc.pre(end - start >= 2)
        const cut = start + 1 + (cutAt % (end - start - 1))
        const split = [
          { ...plan, endAt: iso(cut) },
          { ...plan, startAt: iso(cut) },
          ...input.outagePlans.slice(1),
        ]
        expect(assessMonth({ ...input, outagePlans: split })).toEqual(assessMonth(input))
      }),
      RUNS,
    )
  })

  it('the order of slots and plans does not matter', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = {
          ...input,
          slots: [...input.slots].reverse(),
          outagePlans: [...input.outagePlans].reverse(),
        }
        expect(assessMonth(reversed)).toEqual(assessMonth(input))
      }),
      RUNS,
    )
  })
})
