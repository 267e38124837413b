import { Button, Group, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { maintenanceQueries } from '../api/queries.ts'
import { useAppConfig } from '../app-config.tsx'
import { Page } from '../components/page.tsx'
import { formatDateTime } from '../format/format.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { MessageAlert } from '../messages/message-text.tsx'
import type { MaintenanceRouteState } from '../session/api-error-redirects.tsx'
import { safeNextPath } from '../session/session.ts'
import { StandaloneLayout } from '../shell/standalone-layout.tsx'

/**
 * The maintenance screen (010 / A20): the operator's notice in the current language and the
 * planned end in JST. Checks again every minute; once maintenance is over the user can resume.
 */
export function MaintenancePage() {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const { commonFunctionCode } = useAppConfig()
  const navigate = useNavigate()
  const location = useLocation()
  const from = safeNextPath((location.state as MaintenanceRouteState | null)?.from ?? null)
  const status = useQuery({
    ...maintenanceQueries.status(),
    refetchInterval: 60_000,
    throwOnError: false,
  })
  const maintenance = status.data
  const active = maintenance?.active ?? true
  const notice = maintenance
    ? (language === 'en' ? maintenance.messageEn : maintenance.messageJa) ||
      maintenance.messageJa ||
      maintenance.messageEn
    : ''
  const endsAt = maintenance?.endsAt
    ? t('maintenanceScreen.endsAt', { value: formatDateTime(maintenance.endsAt) })
    : ''

  return (
    <StandaloneLayout width={600}>
      <Page
        functionCode={commonFunctionCode}
        title={active ? t('maintenanceScreen.title') : t('maintenanceScreen.endedTitle')}
      >
        <Stack gap="md" mih={180} data-testid="maintenance-screen">
          {status.isPending ? (
            <>
              <Skeleton h={64} />
              <Skeleton h={40} />
            </>
          ) : active ? (
            <>
              <MessageAlert id="E-COMMON-005" params={{ endsAt }} />
              {notice ? (
                <Text fz="sm" className="yoryo-prewrap" data-testid="maintenance-message">
                  {notice}
                </Text>
              ) : null}
              <Text fz="sm" c="dimmed" data-testid="maintenance-ends-at">
                {maintenance?.endsAt ? endsAt : t('maintenanceScreen.endsAtUnknown')}
              </Text>
            </>
          ) : (
            <MessageAlert id="I-SYSTEM-002" />
          )}
          <Group gap="sm">
            {active ? (
              <Button
                variant="default"
                size="sm"
                onClick={() => void status.refetch()}
                loading={status.isFetching}
              >
                {t('maintenanceScreen.checkAgain')}
              </Button>
            ) : (
              <Button size="sm" onClick={() => void navigate(from, { replace: true })}>
                {t('maintenanceScreen.resume')}
              </Button>
            )}
          </Group>
        </Stack>
      </Page>
    </StandaloneLayout>
  )
}
