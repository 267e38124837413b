import { describe, expect, it } from 'vitest'
import {
  deliveryMonthIndex,
  settleMonth,
  settlementDocumentsOf,
  shareByLargestRemainder,
  UnsettledPenaltyError,
  type SettlementContract,
} from './compute.ts'

const party = (id: string) => ({ id, code: id.toUpperCase(), name: `name ${id}` })

const contract = (
  no: string,
  resource: string,
  monthlyAmount: number,
  contractKw = 1_000,
  participant = 'p1',
): SettlementContract => ({
  contractId: `c-${no}`,
  contractNo: no,
  contractKw,
  monthlyAmount,
  participant: party(participant),
  resource: party(resource),
})

describe('[E10] settlement computation', () => {
  it('maps months to the April … March index', () => {
    expect(['2026-04', '2026-12', '2027-01', '2027-03'].map(deliveryMonthIndex)).toEqual([
      0, 8, 9, 11,
    ])
  })

  it('shares a total by largest remainder, ties by contract number, summing exactly', () => {
    expect(
      shareByLargestRemainder(100, [
        { weight: 1, order: 'b' },
        { weight: 1, order: 'a' },
        { weight: 1, order: 'c' },
      ]),
    ).toEqual([33, 34, 33])
    expect(
      shareByLargestRemainder(10, [
        { weight: 3, order: 'a' },
        { weight: 7, order: 'b' },
      ]),
    ).toEqual([3, 7])
    expect(
      shareByLargestRemainder(5, [
        { weight: 0, order: 'a' },
        { weight: 0, order: 'b' },
      ]),
    ).toEqual([3, 2])
    // Amounts beyond 2^53 when multiplied: exact in bigint.
    const big = shareByLargestRemainder(9_999_999_999, [
      { weight: 8_333_333_333, order: 'a' },
      { weight: 8_333_333_334, order: 'b' },
    ])
    expect(big[0]! + big[1]!).toBe(9_999_999_999)
    for (let n = 0; n < 200; n++) {
      const total = (n * 7919) % 100_003
      const items = Array.from({ length: 1 + (n % 6) }, (_, i) => ({
        weight: ((n + 1) * (i + 3) * 104_729) % 1_000_000,
        order: String(i).padStart(3, '0'),
      }))
      expect(shareByLargestRemainder(total, items).reduce((a, b) => a + b, 0)).toBe(total)
    }
  })

  it('shares a resource penalty among its contracts in proportion to their monthly amounts', () => {
    const lines = settleMonth({
      contracts: [
        contract('C-2', 'r1', 2_000_000),
        contract('C-1', 'r1', 1_000_000),
        contract('C-3', 'r2', 500),
      ],
      allocations: [],
      results: [
        { id: 'a1', resourceId: 'r1', total: 1_000 },
        { id: 'a2', resourceId: 'r2', total: 0 },
      ],
    })
    expect(
      lines.map((l) => [l.contractNo, l.amount, l.penalty, l.net, l.assessmentResultId]),
    ).toEqual([
      ['C-1', 1_000_000, 333, 999_667, 'a1'],
      ['C-2', 2_000_000, 667, 1_999_333, 'a1'],
      ['C-3', 500, 0, 500, 'a2'],
    ])
  })

  it('moves the money with the kW to the replacing resource and keeps the month’s sum', () => {
    const lines = settleMonth({
      contracts: [contract('C-1', 'r1', 1_000_001, 3_000)],
      allocations: [
        { contractId: 'c-C-1', kw: 1_000, resource: party('r9'), participant: party('p2') },
      ],
      results: [
        { id: 'a1', resourceId: 'r1', total: 10 },
        { id: 'a9', resourceId: 'r9', total: 7 },
      ],
    })
    expect(
      lines.map((l) => [
        l.kind,
        l.participant.id,
        l.resource.id,
        l.monthlyAmount,
        l.replacementKw,
        l.replacementAmount,
        l.amount,
        l.penalty,
        l.net,
      ]),
    ).toEqual([
      ['contract', 'p1', 'r1', 1_000_001, -1_000, -333_333, 666_668, 10, 666_658],
      ['replacement', 'p2', 'r9', 0, 1_000, 333_333, 333_333, 7, 333_326],
    ])
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(1_000_001)
    expect(lines[0]!.moves).toEqual([{ resourceCode: 'R9', kw: -1_000, amount: -333_333 }])
    expect(lines[1]!.moves).toEqual([{ resourceCode: 'R1', kw: 1_000, amount: 333_333 }])
  })

  it('refuses a penalty at a resource without a line', () => {
    expect(() =>
      settleMonth({
        contracts: [],
        allocations: [],
        results: [{ id: 'a', resourceId: 'r', total: 5 }],
      }),
    ).toThrow(UnsettledPenaltyError)
  })

  it('taxes each document’s total (10 %, rounded down); a negative net makes an invoice', () => {
    expect(settlementDocumentsOf('p', [1_000, 9])).toEqual([
      {
        kind: 'paymentNotice',
        participantId: 'p',
        subtotal: 1_009,
        base: 1_009,
        tax: 100,
        total: 1_109,
      },
    ])
    expect(settlementDocumentsOf('p', [100, -219])).toEqual([
      { kind: 'paymentNotice', participantId: 'p', subtotal: -119, base: 0, tax: 0, total: 0 },
      { kind: 'invoice', participantId: 'p', subtotal: -119, base: 119, tax: 11, total: 130 },
    ])
  })
})
