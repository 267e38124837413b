import { Alert, Group, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { DeadlineCountdown } from '../components/deadline-countdown.tsx'
import { formatDateTime } from '../format/format.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { useTranslation } from 'react-i18next'
import { outagePlanQueries } from './api.ts'

const validYear = (year: number) => Number.isInteger(year) && year >= 2020 && year <= 2100

/**
 * 容量停止計画提出受付 of a delivery year: the window's title and dates with a countdown to its
 * close (or opening); outside it, why nothing can be filed (the API refuses with E-APP-004).
 */
export function OutageWindowBanner({ deliveryYear }: { deliveryYear: number }) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const query = useQuery({
    ...outagePlanQueries.window(deliveryYear),
    enabled: validYear(deliveryYear),
  })
  const current = query.data?.window
  if (current === undefined) return null
  if (current === null) {
    return (
      <Alert color="gray" data-testid="op-window" data-state="none">
        {t('outagePlans.window.none')}
      </Alert>
    )
  }
  const dates = {
    opensAt: formatDateTime(current.opensAt),
    closesAt: formatDateTime(current.closesAt),
  }
  return (
    <Alert
      color={current.state === 'open' ? 'blue' : 'orange'}
      data-testid="op-window"
      data-state={current.state}
      title={language === 'en' ? current.titleEn : current.titleJa}
    >
      <Group gap="md" wrap="wrap">
        <Text fz="sm">{t(`outagePlans.window.${current.state}`, dates)}</Text>
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
