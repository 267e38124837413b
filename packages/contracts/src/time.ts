/**
 * The one place for time in Yoryo: Japan Standard Time, fiscal years, months and 30-minute
 * slots. Every deadline, date and slot of the market is in JST (workflow.md, Deadlines), which
 * has a fixed offset of +09:00 and no daylight saving time, so plain arithmetic on the offset is
 * exact; no other module adds or subtracts the offset itself.
 *
 * Conventions: an *instant* is a `Date` (or an ISO timestamp with offset); a *date* is the ISO
 * calendar date `yyyy-MM-dd` of a JST day (what the API takes in queries); a *month* is
 * `yyyy-MM`; a *fiscal year* (年度) is the year its April falls in (FY2026 = 2026-04-01 …
 * 2027-03-31); a *slot* (コマ) is one of the 48 half hours of a JST day, 1 = 00:00–00:30,
 * 48 = 23:30–24:00. Screens and CSV files show dates as `yyyy/MM/dd` and times as
 * `yyyy/MM/dd HH:mm`.
 */

export const JST_TIME_ZONE = 'Asia/Tokyo'
export const JST_OFFSET = '+09:00'
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000
export const SLOT_MINUTES = 30
export const SLOTS_PER_DAY = 48

/** The fields of a JST wall-clock time; `month` is 1–12. */
export interface JstParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

type InstantLike = Date | string | number

function toInstant(value: InstantLike): Date | null {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The JST wall clock of an instant. */
export function jstParts(instant: Date): JstParts {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  }
}

/** The instant of a JST wall-clock time (fields out of range roll over, as `Date.UTC`). */
export function fromJstParts(parts: Partial<JstParts> & Pick<JstParts, 'year' | 'month'>): Date {
  return new Date(
    Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    ) - JST_OFFSET_MS,
  )
}

/** `2026/04/01 09:30` in JST; an empty string for a missing or invalid value. */
export function formatJstDateTime(value: InstantLike | null | undefined): string {
  if (value === null || value === undefined) return ''
  const instant = toInstant(value)
  if (!instant) return ''
  const p = jstParts(instant)
  return `${p.year}/${pad(p.month)}/${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * `2026/04/01` in JST; an empty string for a missing or invalid value. An ISO date
 * (`2026-04-01`) is taken as that JST day.
 */
export function formatJstDate(value: InstantLike | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' && isIsoDate(value)) return value.replaceAll('-', '/')
  const instant = toInstant(value)
  if (!instant) return ''
  const p = jstParts(instant)
  return `${p.year}/${pad(p.month)}/${pad(p.day)}`
}

/** Whether `value` is a real calendar date written `yyyy-MM-dd`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const check = new Date(Date.UTC(y, m - 1, d))
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d
}

/** The JST calendar date (`yyyy-MM-dd`) an instant falls on. */
export function jstDateOf(instant: Date): string {
  const p = jstParts(instant)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
}

/** Today in JST as `yyyy-MM-dd`. */
export function jstToday(now: Date = new Date()): string {
  return jstDateOf(now)
}

function dateFields(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`)
  return date.split('-').map(Number) as [number, number, number]
}

/** The instant a JST calendar day begins (00:00 JST). */
export function jstDayStart(date: string): Date {
  const [year, month, day] = dateFields(date)
  return fromJstParts({ year, month, day })
}

/** The instant a JST calendar day ends: the next day's 00:00 JST (exclusive bound). */
export function jstDayEnd(date: string): Date {
  return new Date(jstDayStart(date).getTime() + DAY_MS)
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = dateFields(date)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** `hour`:00 JST on the JST calendar day `days` after the day of `now`. */
export function jstAt(now: Date, days: number, hour: number): Date {
  return new Date(jstDayStart(addDays(jstDateOf(now), days)).getTime() + hour * 3_600_000)
}

// ---- fiscal years and months ----

/** The fiscal year (April–March, JST) of an instant or a JST date (`yyyy-MM-dd`). */
export function fiscalYearOf(value: Date | string): number {
  const [year, month] =
    typeof value === 'string' ? dateFields(value) : [jstParts(value).year, jstParts(value).month]
  return month >= 4 ? year : year - 1
}

/** The first day of a fiscal year: `2026` → `2026-04-01`. */
export function fiscalYearStart(fiscalYear: number): string {
  return `${pad(fiscalYear, 4)}-04-01`
}

/** The last day of a fiscal year: `2026` → `2027-03-31`. */
export function fiscalYearEnd(fiscalYear: number): string {
  return `${pad(fiscalYear + 1, 4)}-03-31`
}

/** The twelve months of a fiscal year, April first: `2026-04` … `2027-03`. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1
    return `${pad(i < 9 ? fiscalYear : fiscalYear + 1, 4)}-${pad(month)}`
  })
}

/** The month (`yyyy-MM`) of an instant in JST or of a JST date. */
export function monthOf(value: Date | string): string {
  if (typeof value !== 'string') return jstDateOf(value).slice(0, 7)
  dateFields(value)
  return value.slice(0, 7)
}

/** The number of days of a month (`yyyy-MM`). */
export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m, 0)).getUTCDate()
}

/** `2026年度` / `FY2026`. */
export function formatFiscalYear(fiscalYear: number, lang: 'ja' | 'en' = 'ja'): string {
  return lang === 'ja' ? `${fiscalYear}年度` : `FY${fiscalYear}`
}

// ---- 30-minute slots ----

/** The JST date and slot (1–48) an instant falls in. */
export function slotOf(instant: Date): { date: string; slot: number } {
  const p = jstParts(instant)
  return { date: jstDateOf(instant), slot: p.hour * 2 + Math.floor(p.minute / SLOT_MINUTES) + 1 }
}

function assertSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 1 || slot > SLOTS_PER_DAY) {
    throw new RangeError(`slot must be 1–${SLOTS_PER_DAY}: ${slot}`)
  }
}

/** The instant a slot of a JST day begins; its end is the next slot's start. */
export function slotStart(date: string, slot: number): Date {
  assertSlot(slot)
  return new Date(jstDayStart(date).getTime() + (slot - 1) * SLOT_MINUTES * 60_000)
}

/** The instant a slot ends (slot 48 ends at the next day's 00:00). */
export function slotEnd(date: string, slot: number): Date {
  return new Date(slotStart(date, slot).getTime() + SLOT_MINUTES * 60_000)
}

/** A slot's wall-clock range: `1` → `00:00–00:30`, `48` → `23:30–24:00`. */
export function slotTimeRange(slot: number): { start: string; end: string } {
  assertSlot(slot)
  const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  return { start: clock((slot - 1) * SLOT_MINUTES), end: clock(slot * SLOT_MINUTES) }
}

// ---- date input ----

/**
 * What a user types into a date field, as an ISO date; null when it is no real date. Accepts
 * `20261201`, `2026/12/01`, `2026/1/5`, `2026-12-01`, `2026.12.01` (full-width digits too).
 */
export function parseDateInput(text: string): string | null {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／－．]/g, (c) => ({ '／': '/', '－': '-', '．': '.' })[c] ?? c)
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(ascii)
  const separated = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(ascii)
  const match = compact ?? separated
  if (!match) return null
  const iso = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`
  return isIsoDate(iso) ? iso : null
}

/** An ISO date as a date field shows it: `2026-12-01` → `2026/12/01`; other text unchanged. */
export function formatDateInput(date: string | null | undefined): string {
  if (!date) return ''
  return isIsoDate(date) ? date.replaceAll('-', '/') : date
}
