import { Text } from '@mantine/core'
import { slotTimeRange } from '@yoryo/contracts'
import { formatNumber } from '@yoryo/ui'

/** A 30-minute slot as the assessment screens show it: `00:00–00:30` (JST). */
export function slotTime(slot: number): string {
  const { start, end } = slotTimeRange(slot)
  return `${start}–${end}`
}

/** A right-aligned number with thousands separators; null as an empty cell. */
export function NumberCell({
  value,
  waived,
  testId,
}: {
  value: number | null
  waived?: boolean
  testId?: string
}) {
  return (
    <Text
      span
      fz="sm"
      ta="right"
      display="block"
      className="yoryo-numeric"
      c={waived ? 'orange.9' : undefined}
      fw={waived ? 700 : undefined}
      data-testid={testId}
    >
      {value === null ? '' : formatNumber(value)}
    </Text>
  )
}

/** A ratio (0..1) as a percentage with two decimals. */
export function percent(value: number, digits = 2): string {
  return `${(value * 100).toLocaleString('ja-JP', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })}%`
}
