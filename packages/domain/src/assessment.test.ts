import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assessMonth, type AssessmentInput } from './assessment.ts'
import { RulesValidationError } from './errors.ts'

const example = (): AssessmentInput =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'examples', 'assess-month.json'), 'utf8'),
  ) as AssessmentInput

/** The problem's message ID and path, or null when the input is valid. */
function problem(input: AssessmentInput): [string, (string | number)[]] | null {
  try {
    assessMonth(input)
    return null
  } catch (error) {
    if (error instanceof RulesValidationError) return [error.messageId, error.path]
    throw error
  }
}

describe('assessMonth (rules.md §5, rules-api.md assess-month)', () => {
  // U = 87,600,000 / 10,000 = 8,760 yen/kW-year: one kW short in one slot costs
  // 8,760 / 8,760 × 0.5 = 0.5 yen before the multiplier.
  it('the example month: each line from its slots, in order, with evidence', () => {
    expect(assessMonth(example())).toEqual({
      // 10 days × 10,000 kW / 10,000 kW
      outageDaysInMonth: 10,
      lines: [
        // 50 + 10 − 58 = 2 days beyond the allowance: 87,600,000 × 2 / 365
        { requirement: 'plannedOutage', amount: 480_000, evidence: [] },
        // 07-05 is covered by the plan; 07-15 slot 2 is restrained, 07-16 explained.
        {
          requirement: 'unplannedOutage',
          amount: 6_000,
          evidence: [{ date: '2030-07-15', slot: 1, kw: 4_000 }],
        },
        {
          requirement: 'supplyInstruction',
          amount: 1_500,
          evidence: [{ date: '2030-07-20', slot: 30, kw: 1_000 }],
        },
        {
          requirement: 'reserveNotice',
          amount: 750,
          evidence: [{ date: '2030-07-21', slot: 35, kw: 1_000 }],
        },
      ],
      subtotal: 488_250,
      waivedMonthly: 0,
      waivedAnnual: 0,
      total: 488_250,
    })
  })

  it('caps: the part above the monthly cap, then above what is left of the annual cap, is waived', () => {
    const monthly = assessMonth({
      ...example(),
      parameters: { ...example().parameters, monthlyCapShare: 0.001 },
    })
    // floor(87,600,000 × 0.001) = 87,600
    expect([monthly.subtotal, monthly.waivedMonthly, monthly.total]).toEqual([
      488_250, 400_650, 87_600,
    ])
    // Annual cap floor(87,600,000 × 1.1) = 96,360,000, of which 96,000,000 used before.
    const annual = assessMonth({ ...example(), penaltiesBefore: 96_000_000 })
    expect([annual.waivedMonthly, annual.waivedAnnual, annual.total]).toEqual([0, 128_250, 360_000])
    const spent = assessMonth({ ...example(), penaltiesBefore: 100_000_000 })
    expect([spent.waivedAnnual, spent.total]).toEqual([488_250, 0])
  })

  it('planned outage: only days beyond the allowance count, and only for stable and variableSingle', () => {
    const within = assessMonth({ ...example(), outageDaysBefore: 40 })
    expect(within.lines.map((l) => l.requirement)).not.toContain('plannedOutage')
    const over = assessMonth({ ...example(), outageDaysBefore: 70 })
    // All 10 days are beyond: 87,600,000 × 10 / 365 = 2,400,000
    expect(over.lines[0]).toEqual({ requirement: 'plannedOutage', amount: 2_400_000, evidence: [] })
    const aggregate = assessMonth({
      ...example(),
      resource: { ...example().resource, kind: 'variableAggregate' },
    })
    expect(aggregate.lines.map((l) => l.requirement)).toEqual([
      'supplyInstruction',
      'reserveNotice',
    ])
  })

  it('counts only the part of a plan inside the month, to 4 decimals for display', () => {
    const result = assessMonth({
      ...example(),
      resource: { kind: 'stable', contractKw: 3_000, annualAmount: 0 },
      outagePlans: [
        // 30 minutes in June, 30 minutes in July
        {
          startAt: '2030-06-30T23:30:00+09:00',
          endAt: '2030-07-01T00:30:00+09:00',
          reducedKw: 1_000,
        },
      ],
      slots: [],
    })
    // 1,000 / 3,000 / 48 = 0.00694…
    expect(result.outageDaysInMonth).toBe(0.0069)
    expect(result.lines).toEqual([])
  })

  it('dispatch orders: delivered counted up to instructed per slot, one line per month', () => {
    const six = (instructedKw: number, deliveredKw: number, from: number) =>
      Array.from({ length: 6 }, (_, i) => ({
        date: '2030-07-10',
        slot: from + i,
        instructedKw,
        deliveredKw,
      }))
    const result = assessMonth({
      ...example(),
      resource: { kind: 'dispatchOrder', contractKw: 5_000, annualAmount: 12_000_000 },
      outagePlans: [],
      slots: [],
      dispatchOrders: [
        { orderId: 'A', slots: six(5_000, 4_000, 1) },
        { orderId: 'B', slots: six(5_000, 6_000, 13) }, // over-delivery does not make up for A
        { orderId: 'C', slots: six(3_000, 1_000, 25).slice(0, 3) },
      ],
    })
    // A: 12,000,000 × 0.2 / 12 = 200,000; C: 12,000,000 × 2/3 / 12 = 666,666.67
    expect(result.lines).toEqual([
      {
        requirement: 'dispatchOrder',
        amount: 866_666,
        evidence: [
          { orderId: 'A', ratio: 0.8 },
          { orderId: 'C', ratio: 0.3333 },
        ],
      },
    ])
  })

  it('a supply instruction with nothing delivered counts the whole instruction', () => {
    const result = assessMonth({
      ...example(),
      outagePlans: [],
      slots: [{ date: '2030-07-02', slot: 48, instructedKw: 2_000 }],
    })
    expect(result.lines).toEqual([
      {
        requirement: 'supplyInstruction',
        amount: 3_000,
        evidence: [{ date: '2030-07-02', slot: 48, kw: 2_000 }],
      },
    ])
  })

  it('refuses invalid input with a message ID and the path', () => {
    const base = example()
    const slot = (s: object) => ({ ...base, slots: [{ date: '2030-07-01', slot: 1, ...s }] })
    expect(problem(slot({ date: '2030-08-01' }))).toEqual(['E-RULES-084', ['slots', 0, 'date']])
    expect(problem(slot({ date: '2030-07-32' }))).toEqual(['E-RULES-071', ['slots', 0, 'date']])
    expect(problem(slot({ slot: 49 }))).toEqual(['E-RULES-083', ['slots', 0, 'slot']])
    expect(problem(slot({ slot: 0 }))).toEqual(['E-RULES-083', ['slots', 0, 'slot']])
    expect(problem(slot({ availableKw: -1 }))).toEqual(['E-RULES-080', ['slots', 0, 'availableKw']])
    expect(
      problem({
        ...base,
        slots: [
          { date: '2030-07-01', slot: 1 },
          { date: '2030-07-01', slot: 1, availableKw: 1 },
        ],
      }),
    ).toEqual(['E-RULES-087', ['slots', 1]])
    const plan = (p: object) => ({
      ...base,
      outagePlans: [
        {
          startAt: '2030-07-01T00:00:00+09:00',
          endAt: '2030-07-02T00:00:00+09:00',
          reducedKw: 1,
          ...p,
        },
      ],
    })
    expect(problem(plan({ startAt: '2030-07-01T00:15:00+09:00' }))).toEqual([
      'E-RULES-085',
      ['outagePlans', 0, 'startAt'],
    ])
    expect(problem(plan({ endAt: '2030-07-01T00:00:00+09:00' }))).toEqual([
      'E-RULES-086',
      ['outagePlans', 0, 'endAt'],
    ])
    expect(problem(plan({ endAt: '2030-07-01' }))).toEqual([
      'E-RULES-023',
      ['outagePlans', 0, 'endAt'],
    ])
    expect(problem({ ...base, resource: { ...base.resource, contractKw: 0 } })).toEqual([
      'E-RULES-044',
      ['resource', 'contractKw'],
    ])
    expect(problem({ ...base, month: '2030-7' })).toEqual(['E-RULES-081', ['month']])
    expect(
      problem({
        ...base,
        dispatchOrders: [
          {
            orderId: 'x',
            slots: [{ date: '2030-06-30', slot: 48, instructedKw: 1, deliveredKw: 1 }],
          },
        ],
      }),
    ).toEqual(['E-RULES-084', ['dispatchOrders', 0, 'slots', 0, 'date']])
  })
})
