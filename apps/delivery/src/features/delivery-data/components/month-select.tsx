import { Select } from '@mantine/core'
import { useTranslation } from '@yoryo/ui'
import { monthChoices } from '../api.ts'

/** `2026-11` → `2026年11月` / `November 2026`. */
export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`))
}

/** The month a delivery-data screen shows (the current JST month and the 23 before it). */
export function MonthSelect({
  value,
  onChange,
}: {
  value: string
  onChange: (month: string) => void
}) {
  const { t, i18n } = useTranslation()
  const data = monthChoices().map((month) => ({
    value: month,
    label: formatMonth(month, i18n.language),
  }))
  return (
    <Select
      label={t('deliveryData.month')}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      w={168}
      comboboxProps={{ withinPortal: true }}
      data-testid="delivery-month"
    />
  )
}
