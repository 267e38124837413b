import { describe, expect, it } from 'vitest'
import {
  byteSize,
  formatDate,
  formatDateTime,
  formatNumber,
  fromJstInputValue,
  remainingUntil,
  toJstInputValue,
} from './format.ts'

describe('JST formatting', () => {
  it('shows UTC instants in JST as YYYY/MM/DD HH:mm', () => {
    expect(formatDateTime('2026-03-31T15:00:00Z')).toBe('2026/04/01 00:00')
    expect(formatDateTime('2026-04-01T09:05:00+09:00')).toBe('2026/04/01 09:05')
    expect(formatDate('2026-03-31T15:00:00Z')).toBe('2026/04/01')
  })

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('not a date')).toBe('')
  })

  it('converts datetime-local values in JST both ways', () => {
    expect(fromJstInputValue('2026-05-01T18:30')).toBe('2026-05-01T18:30:00+09:00')
    expect(toJstInputValue('2026-05-01T09:30:00Z')).toBe('2026-05-01T18:30')
    expect(toJstInputValue(fromJstInputValue('2026-12-31T23:59'))).toBe('2026-12-31T23:59')
    expect(fromJstInputValue('2026-02-30T10:00')).toBeNull()
    expect(fromJstInputValue('')).toBeNull()
  })
})

describe('numbers', () => {
  it('uses thousands separators', () => {
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatNumber(1234.5, 3)).toBe('1,234.500')
    expect(formatNumber(null)).toBe('')
  })

  it('splits file sizes into a unit and a value', () => {
    expect(byteSize(512)).toEqual({ unit: 'b', value: '512' })
    expect(byteSize(2048)).toEqual({ unit: 'kb', value: '2.0' })
    expect(byteSize(10 * 1024 * 1024)).toEqual({ unit: 'mb', value: '10.0' })
  })
})

describe('remainingUntil', () => {
  const now = new Date('2026-04-01T00:00:00Z')
  it('counts days, hours and minutes', () => {
    const r = remainingUntil('2026-04-03T03:07:30Z', now)
    expect(r).toMatchObject({ past: false, days: 2, hours: 3, minutes: 7 })
  })
  it('marks past deadlines', () => {
    expect(remainingUntil('2026-03-31T23:59:00Z', now).past).toBe(true)
  })
})
