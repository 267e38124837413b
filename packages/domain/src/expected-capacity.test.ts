import { describe, expect, it } from 'vitest'
import { RulesValidationError } from './errors.ts'
import { computeExpectedCapacity } from './expected-capacity.ts'
import type { ExpectedCapacityInput } from './types.ts'

const ok = (expectedKw: number) => ({ expectedKw, eligible: true, messageId: null })
const no = (expectedKw: number, messageId: string) => ({ expectedKw, eligible: false, messageId })

describe('computeExpectedCapacity (rules.md §2)', () => {
  it('stable: sending-end capacity, truncated', () => {
    expect(
      computeExpectedCapacity({ kind: 'stable', installedKw: 100_000, houseLoadRatio: 0.0425 }),
    ).toEqual(ok(95_750))
    expect(
      computeExpectedCapacity({ kind: 'stable', installedKw: 12_345, houseLoadRatio: 0.0333 }),
    ).toEqual(ok(11_933))
    // 1000 × (1 − 0.199) is 800.9999999999999 in binary floating point; exactly 801.
    expect(
      computeExpectedCapacity({ kind: 'stable', installedKw: 1000, houseLoadRatio: 0.199 }),
    ).toEqual(no(801, 'E-RULES-060'))
    expect(
      computeExpectedCapacity({ kind: 'stable', installedKw: 1000, houseLoadRatio: 0 }),
    ).toEqual(ok(1000))
    expect(
      computeExpectedCapacity({ kind: 'stable', installedKw: 1000, houseLoadRatio: 0.0001 }),
    ).toEqual(no(999, 'E-RULES-060'))
  })

  it('stable storage counts only if it discharges for 3 hours', () => {
    const battery = { kind: 'stable', installedKw: 12_000, houseLoadRatio: 0.0825 } as const
    expect(computeExpectedCapacity({ ...battery, storageHours: 4 })).toEqual(ok(11_010))
    expect(computeExpectedCapacity({ ...battery, storageHours: 3 })).toEqual(ok(11_010))
    expect(computeExpectedCapacity({ ...battery, storageHours: 2.99 })).toEqual(
      no(11_010, 'E-RULES-061'),
    )
    // The storage rule is named even when the capacity is also too small.
    expect(computeExpectedCapacity({ ...battery, installedKw: 500, storageHours: 1 })).toEqual(
      no(458, 'E-RULES-061'),
    )
  })

  it('variableSingle: installed × adjustment factor, truncated', () => {
    expect(
      computeExpectedCapacity({
        kind: 'variableSingle',
        installedKw: 12_345,
        adjustmentFactor: 0.1234,
      }),
    ).toEqual(ok(1523))
    // 10000 × 0.57 is 5699.999999999999 in binary floating point.
    expect(
      computeExpectedCapacity({
        kind: 'variableSingle',
        installedKw: 10_000,
        adjustmentFactor: 0.57,
      }),
    ).toEqual(ok(5700))
    expect(
      computeExpectedCapacity({ kind: 'variableSingle', installedKw: 5000, adjustmentFactor: 0.1 }),
    ).toEqual(no(500, 'E-RULES-060'))
  })

  it('variableAggregate: members truncated one by one, every member below 1,000 kW', () => {
    const members = [
      { installedKw: 999, adjustmentFactor: 0.5 }, // 499.5 → 499
      { installedKw: 800, adjustmentFactor: 0.3333 }, // 266.64 → 266
    ]
    expect(computeExpectedCapacity({ kind: 'variableAggregate', members })).toEqual(
      no(765, 'E-RULES-060'),
    )
    const many = Array.from({ length: 5 }, () => ({ installedKw: 999, adjustmentFactor: 0.5 }))
    expect(computeExpectedCapacity({ kind: 'variableAggregate', members: many })).toEqual(ok(2495))
    expect(
      computeExpectedCapacity({
        kind: 'variableAggregate',
        members: [...many, { installedKw: 1000, adjustmentFactor: 0.5 }],
      }),
    ).toEqual(no(2995, 'E-RULES-062'))
  })

  it('dispatchOrder: offerable × dispatch-order factor, truncated', () => {
    expect(
      computeExpectedCapacity({
        kind: 'dispatchOrder',
        offerableKw: 5000,
        adjustmentFactor: 0.9123,
      }),
    ).toEqual(ok(4561))
    expect(
      computeExpectedCapacity({
        kind: 'dispatchOrder',
        offerableKw: 1000,
        adjustmentFactor: 0.9999,
      }),
    ).toEqual(no(999, 'E-RULES-060'))
  })

  const invalid: [string, unknown, string, (string | number)[]][] = [
    ['not an object', 42, 'E-RULES-004', []],
    ['missing kind', { installedKw: 1000 }, 'E-RULES-006', ['kind']],
    ['unknown kind', { kind: 'nuclear', installedKw: 1000 }, 'E-RULES-026', ['kind']],
    [
      'missing factor',
      { kind: 'variableSingle', installedKw: 1000 },
      'E-RULES-006',
      ['adjustmentFactor'],
    ],
    [
      'field of another kind',
      { kind: 'variableSingle', installedKw: 1000, adjustmentFactor: 0.5, houseLoadRatio: 0 },
      'E-RULES-005',
      ['houseLoadRatio'],
    ],
    [
      'negative kW',
      { kind: 'stable', installedKw: -1, houseLoadRatio: 0 },
      'E-RULES-033',
      ['installedKw'],
    ],
    [
      'fractional kW',
      { kind: 'dispatchOrder', offerableKw: 1000.5, adjustmentFactor: 0.5 },
      'E-RULES-033',
      ['offerableKw'],
    ],
    [
      'ratio above 1',
      { kind: 'stable', installedKw: 1000, houseLoadRatio: 1.5 },
      'E-RULES-040',
      ['houseLoadRatio'],
    ],
    [
      'negative factor',
      { kind: 'variableSingle', installedKw: 1000, adjustmentFactor: -0.1 },
      'E-RULES-040',
      ['adjustmentFactor'],
    ],
    [
      '5 decimals',
      { kind: 'variableSingle', installedKw: 1000, adjustmentFactor: 0.12345 },
      'E-RULES-041',
      ['adjustmentFactor'],
    ],
    [
      'negative storage hours',
      { kind: 'stable', installedKw: 1000, houseLoadRatio: 0, storageHours: -1 },
      'E-RULES-042',
      ['storageHours'],
    ],
    ['no members', { kind: 'variableAggregate', members: [] }, 'E-RULES-043', ['members']],
    [
      'bad member',
      {
        kind: 'variableAggregate',
        members: [
          { installedKw: 10, adjustmentFactor: 0.5 },
          { installedKw: 10, adjustmentFactor: 2 },
        ],
      },
      'E-RULES-040',
      ['members', 1, 'adjustmentFactor'],
    ],
    [
      'member total too large',
      {
        kind: 'variableAggregate',
        members: [
          { installedKw: Number.MAX_SAFE_INTEGER, adjustmentFactor: 1 },
          { installedKw: Number.MAX_SAFE_INTEGER, adjustmentFactor: 1 },
        ],
      },
      'E-RULES-034',
      ['members'],
    ],
  ]
  it.each(invalid)('rejects %s', (_name, input, messageId, path) => {
    expect(() => computeExpectedCapacity(input as ExpectedCapacityInput)).toThrow(
      RulesValidationError,
    )
    try {
      computeExpectedCapacity(input as ExpectedCapacityInput)
    } catch (error) {
      expect(error).toMatchObject({ messageId, path })
    }
  })
})
