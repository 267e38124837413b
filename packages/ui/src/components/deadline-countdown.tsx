import { Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime, remainingUntil, type Remaining } from '../format/format.ts'

/** The current time, updated every `intervalMs` (default 30 s). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs)
    return () => window.clearInterval(id)
  }, [intervalMs])
  return now
}

/** `2日 3時間` / `3時間 5分` / `45分`: the two largest non-zero units. */
export function useRemainingText(): (remaining: Remaining) => string {
  const { t } = useTranslation()
  return (r) => {
    if (r.days > 0) {
      const parts = [t('countdown.days', { count: r.days })]
      if (r.hours > 0) parts.push(t('countdown.hours', { count: r.hours }))
      return parts.join(' ')
    }
    if (r.hours > 0) {
      const parts = [t('countdown.hours', { count: r.hours })]
      if (r.minutes > 0) parts.push(t('countdown.minutes', { count: r.minutes }))
      return parts.join(' ')
    }
    if (r.minutes > 0) return t('countdown.minutes', { count: r.minutes })
    return t('countdown.underAMinute')
  }
}

export type Urgency = 'closed' | 'critical' | 'soon' | 'normal'

export function urgencyOf(remaining: Remaining): Urgency {
  if (remaining.past) return 'closed'
  if (remaining.ms < 24 * 60 * 60 * 1000) return 'critical'
  if (remaining.ms < 3 * 24 * 60 * 60 * 1000) return 'soon'
  return 'normal'
}

const URGENCY_COLOR: Record<Urgency, string> = {
  closed: 'dimmed',
  critical: 'red.9',
  soon: 'orange.9',
  normal: 'var(--mantine-color-text)',
}

export interface DeadlineCountdownProps {
  /** ISO timestamp of the deadline. */
  closesAt: string
  /** When set and still in the future, counts down to the opening instead. */
  opensAt?: string
}

/**
 * 残り 2日 3時間 (red under 24 h, orange under 72 h, 締切済み after), with the exact JST deadline
 * as a tooltip. Fixed width in tabular figures, so the line does not jump as it counts down.
 */
export function DeadlineCountdown({ closesAt, opensAt }: DeadlineCountdownProps) {
  const { t } = useTranslation()
  const now = useNow()
  const text = useRemainingText()
  const opening = opensAt ? remainingUntil(opensAt, now) : null
  if (opening && !opening.past) {
    return (
      <Text
        span
        fz="sm"
        className="yoryo-countdown"
        data-urgency="upcoming"
        title={formatDateTime(opensAt)}
      >
        {t('countdown.untilOpen', { value: text(opening) })}
      </Text>
    )
  }
  const remaining = remainingUntil(closesAt, now)
  const urgency = urgencyOf(remaining)
  return (
    <Text
      span
      fz="sm"
      fw={urgency === 'critical' ? 700 : undefined}
      c={URGENCY_COLOR[urgency]}
      className="yoryo-countdown"
      data-urgency={urgency}
      title={formatDateTime(closesAt)}
    >
      {remaining.past
        ? t('countdown.closed')
        : t('countdown.remaining', { value: text(remaining) })}
    </Text>
  )
}
