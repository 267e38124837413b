import { Alert, Group, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ExpectedCapacityWindow } from '@yoryo/contracts'
import { DeadlineCountdown, formatDateTime, useLanguage, useTranslation } from '@yoryo/ui'
import { expectedCapacityQueries } from '../api.ts'

/**
 * The expected capacity window (期待容量登録受付) the API holds — of a delivery year when given —
 * or undefined while it loads.
 */
export function useExpectedCapacityWindow(
  deliveryYear?: number,
): ExpectedCapacityWindow['window'] | undefined {
  const valid = deliveryYear !== undefined && deliveryYear >= 2020 && deliveryYear <= 2100
  return useQuery(expectedCapacityQueries.window(valid ? deliveryYear : undefined)).data?.window
}

/**
 * 期待容量登録受付: the window's title and dates with a countdown to its close (or opening);
 * outside it, why nothing can be filed (the API refuses with E-APP-004). With a delivery year:
 * that year's window (its own, else the one for any year).
 */
export function WindowBanner({ deliveryYear }: { deliveryYear?: number }) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const current = useExpectedCapacityWindow(deliveryYear)
  if (current === undefined) return null
  if (current === null) {
    return (
      <Alert color="gray" data-testid="ec-window" data-state="none">
        {t('expectedCapacity.window.none')}
      </Alert>
    )
  }
  const title = language === 'en' ? current.titleEn : current.titleJa
  const dates = {
    opensAt: formatDateTime(current.opensAt),
    closesAt: formatDateTime(current.closesAt),
  }
  return (
    <Alert
      color={current.state === 'open' ? 'blue' : 'orange'}
      data-testid="ec-window"
      data-state={current.state}
      title={title}
    >
      <Group gap="md" wrap="wrap">
        <Text fz="sm">{t(`expectedCapacity.window.${current.state}`, dates)}</Text>
        {current.state === 'closed' ? null : (
          <DeadlineCountdown
            closesAt={current.closesAt}
            opensAt={current.state === 'upcoming' ? current.opensAt : undefined}
          />
        )}
      </Group>
    </Alert>
  )
}
