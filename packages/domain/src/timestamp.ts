/**
 * Exact ISO 8601 instants for the merit order's "earlier submission" rule. Date.parse would drop
 * digits below the millisecond and accept local times; this parser keeps nanoseconds and insists
 * on an offset so that every instant is unambiguous. It reads characters directly (no regular
 * expression) because it runs once per bid.
 *
 * Accepted: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM` (or `±HHMM`);
 * the fraction has 1–9 digits; `t`, `z` and `,` as the decimal sign are accepted as ISO allows.
 */

export interface Instant {
  /** Milliseconds since 1970-01-01T00:00:00Z (an integer). */
  epochMs: number
  /** Nanoseconds below the millisecond, 0..999,999. */
  subMsNanos: number
}

/** The value of the digits text[from..from+count), or -1 if any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48 // NaN past the end
    if (!(c >= 0 && c <= 9)) return -1
    value = value * 10 + c
  }
  return value
}

/** Parses `2024-07-01T10:00:00+09:00`, `2024-07-01T01:00:00.123456Z`, …; null if not valid. */
export function parseInstant(text: string): Instant | null {
  const length = text.length
  if (length < 17) return null
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  const hour = digits(text, 11, 2)
  const minute = digits(text, 14, 2)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null
  if (text[4] !== '-' || text[7] !== '-' || text[13] !== ':') return null
  const t = text[10]
  if (t !== 'T' && t !== 't') return null
  let pos = 16
  let second = 0
  let nanos = 0
  if (text[pos] === ':') {
    second = digits(text, pos + 1, 2)
    if (second < 0 || second > 59) return null
    pos += 3
    const sep = text[pos]
    if (sep === '.' || sep === ',') {
      pos++
      let count = 0
      while (pos < length && count < 10) {
        const c = text.charCodeAt(pos) - 48
        if (!(c >= 0 && c <= 9)) break
        nanos = nanos * 10 + c
        count++
        pos++
      }
      if (count === 0 || count > 9) return null
      for (let i = count; i < 9; i++) nanos *= 10
    }
  }
  let offsetMinutes: number
  const zone = text[pos]
  if (zone === 'Z' || zone === 'z') {
    if (pos + 1 !== length) return null
    offsetMinutes = 0
  } else if (zone === '+' || zone === '-') {
    const offsetHours = digits(text, pos + 1, 2)
    const colon = text[pos + 3] === ':'
    const offsetMins = digits(text, pos + (colon ? 4 : 3), 2)
    if (pos + (colon ? 6 : 5) !== length) return null
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return null
    offsetMinutes = (zone === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins)
  } else {
    return null
  }
  const days = daysFromCivil(year, month, day)
  const epochMs =
    ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 +
    second * 1000 +
    Math.floor(nanos / 1_000_000)
  return { epochMs, subMsNanos: nanos % 1_000_000 }
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const mp = (m + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
