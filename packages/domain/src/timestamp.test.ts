import { describe, expect, it } from 'vitest'
import { compareInstants, parseInstant } from './timestamp.ts'

describe('parseInstant', () => {
  it('reads ISO 8601 with an offset, to the nanosecond', () => {
    const jst = parseInstant('2024-07-01T10:00:00+09:00')
    expect(jst).toEqual({ epochMs: Date.UTC(2024, 6, 1, 1, 0, 0), subMsNanos: 0 })
    expect(parseInstant('2024-07-01T01:00:00Z')).toEqual(jst)
    expect(parseInstant('2024-07-01T01:00Z')).toEqual(jst)
    expect(parseInstant('2024-06-30T20:00:00-05:00')).toEqual(jst)
    expect(parseInstant('2024-07-01T10:00:00+0900')).toEqual(jst)
    expect(parseInstant('2024-07-01t01:00:00z')).toEqual(jst)
    expect(parseInstant('2024-07-01T01:00:00.123456789Z')).toEqual({
      epochMs: Date.UTC(2024, 6, 1, 1, 0, 0, 123),
      subMsNanos: 456_789,
    })
    expect(parseInstant('2024-07-01T01:00:00,5Z')?.epochMs).toBe(Date.UTC(2024, 6, 1, 1, 0, 0, 500))
    expect(parseInstant('2024-02-29T00:00:00Z')?.epochMs).toBe(Date.UTC(2024, 1, 29))
    expect(parseInstant('1969-12-31T23:59:59Z')?.epochMs).toBe(-1000)
  })

  it.each([
    '2024-07-01T10:00:00',
    '2024-07-01 10:00:00Z',
    '2024-07-01',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-07-01T24:00:00Z',
    '2024-07-01T10:60:00Z',
    '2024-07-01T10:00:60Z',
    '2024-07-01T10:00:00.Z',
    '2024-07-01T10:00:00.1234567891Z',
    '2024-07-01T10:00:00+24:00',
    '2024-07-01T10:00:00+09:60',
    '2024-07-01T10:00:00+09:00x',
    '2024-07-01T10:00:00Zx',
    '2024-07-01T10:00:00+9',
    '2024/07/01T10:00:00Z',
    'x024-07-01T10:00:00Z',
    '',
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeNull()
  })

  it('orders instants below the millisecond', () => {
    const a = parseInstant('2024-07-01T01:00:00.0000001Z')
    const b = parseInstant('2024-07-01T01:00:00.0000002Z')
    if (a === null || b === null) throw new Error('parse failed')
    expect(compareInstants(a, b)).toBeLessThan(0)
    expect(compareInstants(b, a)).toBeGreaterThan(0)
    expect(compareInstants(a, a)).toBe(0)
  })
})
