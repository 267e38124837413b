import {
  JST_OFFSET,
  JST_TIME_ZONE,
  formatJstDate,
  formatJstDateTime,
  fromJstParts,
  jstParts,
} from '@yoryo/contracts'

/** Every date and time in the SPAs is shown in Japan Standard Time (workflow.md, Deadlines). */
export const TIME_ZONE = JST_TIME_ZONE

/** `2026/04/01 09:30` in JST; an empty string for a missing or invalid value. */
export const formatDateTime = formatJstDateTime

/** `2026/04/01` in JST. */
export const formatDate = formatJstDate

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO timestamp as the value of `<input type="datetime-local">` in JST (`2026-04-01T09:30`). */
export function toJstInputValue(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const p = jstParts(date)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/** A JST `datetime-local` value (`2026-04-01T09:30`) as an ISO timestamp with offset `+09:00`. */
export function fromJstInputValue(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return null
  const [, y, mo, d, h, mi, s] = match
  const p = jstParts(
    fromJstParts({
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
    }),
  )
  if (p.month !== Number(mo) || p.day !== Number(d)) return null
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${JST_OFFSET}`
}

/** Milliseconds since the epoch of an ISO value, for sorting; JST offset handled by `Date`. */
export function timestampOf(value: string | null | undefined): number {
  if (!value) return Number.NEGATIVE_INFINITY
  const t = new Date(value).getTime()
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

const integerFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 })

/** Thousands separators: `1,234,567`. `fractionDigits` fixes the decimals (kWh: 3). */
export function formatNumber(value: number | null | undefined, fractionDigits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ''
  if (fractionDigits === undefined) return integerFormat.format(value)
  return new Intl.NumberFormat('ja-JP', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value)
}

export interface ByteSize {
  unit: 'b' | 'kb' | 'mb'
  value: string
}

/** A file size split into a unit key and a formatted value (the label comes from the catalogue). */
export function byteSize(bytes: number): ByteSize {
  if (bytes < 1024) return { unit: 'b', value: formatNumber(bytes) }
  if (bytes < 1024 * 1024) return { unit: 'kb', value: formatNumber(bytes / 1024, 1) }
  return { unit: 'mb', value: formatNumber(bytes / (1024 * 1024), 1) }
}

export interface Remaining {
  /** True when the deadline has passed. */
  past: boolean
  days: number
  hours: number
  minutes: number
  /** Total milliseconds left (negative when past). */
  ms: number
}

/** Time left until `deadline`, rounded down to whole minutes. */
export function remainingUntil(deadline: string | Date, now: Date = new Date()): Remaining {
  const target = deadline instanceof Date ? deadline : new Date(deadline)
  const ms = target.getTime() - now.getTime()
  if (!(ms > 0)) return { past: true, days: 0, hours: 0, minutes: 0, ms }
  const totalMinutes = Math.floor(ms / 60_000)
  return {
    past: false,
    days: Math.floor(totalMinutes / (60 * 24)),
    hours: Math.floor((totalMinutes % (60 * 24)) / 60),
    minutes: totalMinutes % 60,
    ms,
  }
}
