import { Alert, Group, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ExpectedCapacityWindow } from '@yoryo/contracts'
import { DeadlineCountdown, formatDateTime, useLanguage, useTranslation } from '@yoryo/ui'
import { expectedCapacityQueries } from '../api.ts'

/** The expected capacity window (期待容量登録受付) the API holds, or null while it loads. */
export function useExpectedCapacityWindow(): ExpectedCapacityWindow['window'] | undefined {
  return useQuery(expectedCapacityQueries.window()).data?.window
}

/**
 * 期待容量登録受付: the window's title and dates with a countdown to its close (or opening);
 * outside it, why nothing can be filed (the API refuses with E-APP-004).
 */
export function WindowBanner() {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const current = useExpectedCapacityWindow()
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
