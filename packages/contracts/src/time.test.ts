import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysInMonth,
  fiscalYearEnd,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearStart,
  formatDateInput,
  formatJstDate,
  formatJstDateTime,
  fromJstParts,
  isIsoDate,
  jstAt,
  jstDateOf,
  jstDayEnd,
  jstDayStart,
  jstParts,
  monthOf,
  parseDateInput,
  slotEnd,
  slotOf,
  slotStart,
  slotTimeRange,
} from './time.ts'

/** Instants from 1970 to 2199, to the millisecond. */
const instant = fc.integer({ min: 0, max: Date.UTC(2199, 11, 31) }).map((ms) => new Date(ms))
/** Real calendar dates 1970-01-01 … 2199-12-31. */
const isoDate = instant.map((d) => d.toISOString().slice(0, 10))

describe('JST', () => {
  it('is UTC+9 all year (no daylight saving time)', () => {
    expect(formatJstDateTime('2026-01-15T00:00:00Z')).toBe('2026/01/15 09:00')
    expect(formatJstDateTime('2026-07-15T00:00:00Z')).toBe('2026/07/15 09:00')
    expect(formatJstDateTime('2026-03-31T15:00:00Z')).toBe('2026/04/01 00:00')
    expect(formatJstDateTime('2026-03-31T14:59:59Z')).toBe('2026/03/31 23:59')
    expect(formatJstDate('2026-03-31T15:00:00Z')).toBe('2026/04/01')
    expect(formatJstDate('2026-04-01')).toBe('2026/04/01')
  })

  it('formats nothing for a missing or invalid value', () => {
    expect(formatJstDateTime(null)).toBe('')
    expect(formatJstDateTime(undefined)).toBe('')
    expect(formatJstDateTime('soon')).toBe('')
    expect(formatJstDate('2026-02-30x')).toBe('')
  })

  it('round-trips every instant through its JST wall clock', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const p = jstParts(at)
        const back = fromJstParts(p)
        expect(back.getTime()).toBe(at.getTime() - at.getUTCMilliseconds())
      }),
    )
  })

  it('a JST day is exactly 24 h and contains its instants', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const date = jstDateOf(at)
        expect(jstDayStart(date).getTime()).toBeLessThanOrEqual(at.getTime())
        expect(jstDayEnd(date).getTime()).toBeGreaterThan(at.getTime())
        expect(jstDayEnd(date).getTime() - jstDayStart(date).getTime()).toBe(86_400_000)
        expect(jstDayEnd(date).getTime()).toBe(jstDayStart(addDays(date, 1)).getTime())
      }),
    )
  })

  it('jstDayStart of a date is that date again', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(jstDateOf(jstDayStart(date))).toBe(date)
      }),
    )
    expect(jstDayStart('2026-04-01').toISOString()).toBe('2026-03-31T15:00:00.000Z')
  })

  it('jstAt is an hour of a JST day relative to now', () => {
    const now = new Date('2026-12-01T20:00:00Z') // 2026-12-02 05:00 JST
    expect(jstAt(now, 0, 9).toISOString()).toBe('2026-12-02T00:00:00.000Z')
    expect(jstAt(now, -2, 17).toISOString()).toBe('2026-11-30T08:00:00.000Z')
  })

  it('knows real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2027-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-4-01')).toBe(false)
    expect(() => jstDayStart('2026-02-30')).toThrow(RangeError)
  })
})

describe('fiscal years', () => {
  it('run April to March in JST', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026)
    expect(fiscalYearOf('2026-03-31')).toBe(2025)
    expect(fiscalYearOf('2027-03-31')).toBe(2026)
    // 2026-03-31T15:00Z is already 1 April in Japan.
    expect(fiscalYearOf(new Date('2026-03-31T14:59:59.999Z'))).toBe(2025)
    expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026)
    expect(fiscalYearStart(2026)).toBe('2026-04-01')
    expect(fiscalYearEnd(2026)).toBe('2027-03-31')
  })

  it('hold every date between their first and last day', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const fy = fiscalYearOf(date)
        expect(fiscalYearStart(fy) <= date && date <= fiscalYearEnd(fy)).toBe(true)
        expect(fiscalYearOf(fiscalYearStart(fy))).toBe(fy)
        expect(fiscalYearOf(fiscalYearEnd(fy))).toBe(fy)
        expect(fiscalYearOf(addDays(fiscalYearEnd(fy), 1))).toBe(fy + 1)
        expect(fiscalYearMonths(fy)).toContain(monthOf(date))
      }),
    )
  })

  it('have twelve months, April first', () => {
    expect(fiscalYearMonths(2026)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ])
    expect(daysInMonth('2028-02')).toBe(29)
    expect(daysInMonth('2027-02')).toBe(28)
    expect(fiscalYearMonths(2027).reduce((n, m) => n + daysInMonth(m), 0)).toBe(366)
  })
})

describe('30-minute slots', () => {
  it('number the half hours of a JST day 1–48', () => {
    expect(slotOf(new Date('2026-03-31T15:00:00Z'))).toEqual({ date: '2026-04-01', slot: 1 })
    expect(slotOf(new Date('2026-03-31T15:29:59.999Z'))).toEqual({ date: '2026-04-01', slot: 1 })
    expect(slotOf(new Date('2026-03-31T15:30:00Z'))).toEqual({ date: '2026-04-01', slot: 2 })
    expect(slotOf(new Date('2026-04-01T14:59:59Z'))).toEqual({ date: '2026-04-01', slot: 48 })
    expect(slotStart('2026-04-01', 1).toISOString()).toBe('2026-03-31T15:00:00.000Z')
    expect(slotStart('2026-04-01', 48).toISOString()).toBe('2026-04-01T14:30:00.000Z')
    expect(slotEnd('2026-04-01', 48).toISOString()).toBe(jstDayStart('2026-04-02').toISOString())
    expect(slotTimeRange(1)).toEqual({ start: '00:00', end: '00:30' })
    expect(slotTimeRange(48)).toEqual({ start: '23:30', end: '24:00' })
  })

  it('refuse slots outside 1–48', () => {
    for (const slot of [0, 49, 1.5, -1]) {
      expect(() => slotStart('2026-04-01', slot)).toThrow(RangeError)
      expect(() => slotTimeRange(slot)).toThrow(RangeError)
    }
  })

  it('round-trip: an instant lies in the slot it falls in, and a slot starts in itself', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const { date, slot } = slotOf(at)
        expect(slot).toBeGreaterThanOrEqual(1)
        expect(slot).toBeLessThanOrEqual(48)
        expect(slotStart(date, slot).getTime()).toBeLessThanOrEqual(at.getTime())
        expect(slotEnd(date, slot).getTime()).toBeGreaterThan(at.getTime())
      }),
    )
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 48 }), (date, slot) => {
        expect(slotOf(slotStart(date, slot))).toEqual({ date, slot })
      }),
    )
  })
})

describe('date input', () => {
  it('accepts what people type', () => {
    expect(parseDateInput('20261201')).toBe('2026-12-01')
    expect(parseDateInput('2026/12/01')).toBe('2026-12-01')
    expect(parseDateInput('2026/1/5')).toBe('2026-01-05')
    expect(parseDateInput('2026-12-01')).toBe('2026-12-01')
    expect(parseDateInput(' ２０２６／１２／０１ ')).toBe('2026-12-01')
  })

  it('refuses what is no date', () => {
    for (const text of ['', '2026', '2026/02/30', '20261301', '12/01/2026', '2026/12/01x']) {
      expect(parseDateInput(text)).toBeNull()
    }
  })

  it('round-trips every date through its shown form', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(formatDateInput(date)).toBe(formatJstDate(date))
        expect(parseDateInput(formatDateInput(date))).toBe(date)
        expect(parseDateInput(date.replaceAll('-', ''))).toBe(date)
      }),
    )
  })
})
