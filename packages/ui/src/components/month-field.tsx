import { ActionIcon, Group, TextInput } from '@mantine/core'
import { jstToday, monthSchema } from '@yoryo/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** `YYYY-MM` shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The last month that has ended (JST). */
export function lastEndedMonth(): string {
  return shiftMonth(jstToday().slice(0, 7), -1)
}

/**
 * Month field of a screen about one month (B40, C00, B90, E10): ‹ YYYY-MM ›, typed (committed on
 * Enter or leaving the field) or stepped. Key it by the month (`key={month}`), so a month chosen
 * elsewhere resets the text.
 */
export function MonthField({
  month,
  onChange,
}: {
  month: string
  onChange: (month: string) => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(month)
  const valid = monthSchema.safeParse(text.trim()).success
  const commit = () => {
    if (valid && text.trim() !== month) onChange(text.trim())
  }
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('monthField.previous')}
        onClick={() => onChange(shiftMonth(month, -1))}
        data-testid="month-previous"
      >
        ‹
      </ActionIcon>
      <TextInput
        label={t('monthField.label')}
        value={text}
        w={110}
        maxLength={7}
        placeholder="YYYY-MM"
        className="yoryo-figures"
        error={valid ? undefined : t('monthField.invalid')}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
        data-testid="month-input"
      />
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('monthField.next')}
        onClick={() => onChange(shiftMonth(month, 1))}
        data-testid="month-next"
      >
        ›
      </ActionIcon>
    </Group>
  )
}
