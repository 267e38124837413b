import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Link,
  isRouteErrorResponse,
  useNavigate,
  useRouteError,
  useSearchParams,
} from 'react-router'
import { isApiError } from '../api/api-error.ts'
import { useAppConfig } from '../app-config.tsx'
import { Page } from '../components/page.tsx'
import { MessageAlert } from '../messages/message-text.tsx'
import { StandaloneLayout } from '../shell/standalone-layout.tsx'

interface ErrorScreenProps {
  title: string
  messageId: string
  params?: Record<string, string | number>
  requestId?: string | null
  standalone?: boolean
  actions?: ReactNode
  testId: string
}

function ErrorScreen({
  title,
  messageId,
  params,
  requestId,
  standalone,
  actions,
  testId,
}: ErrorScreenProps) {
  const { commonFunctionCode } = useAppConfig()
  const content = (
    <Page functionCode={commonFunctionCode} title={title} maxWidth={720}>
      <div data-testid={testId}>
        <MessageAlert id={messageId} params={params} requestId={requestId} mb="md" />
        <Group gap="sm">{actions}</Group>
      </div>
    </Page>
  )
  return standalone ? <StandaloneLayout width={560}>{content}</StandaloneLayout> : content
}

function NavigationButtons({ standalone }: { standalone?: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      <Button component={Link} to="/" size="sm">
        {t('common.toPortal')}
      </Button>
      {standalone ? null : (
        <Button variant="default" size="sm" onClick={() => void navigate(-1)}>
          {t('common.back')}
        </Button>
      )}
    </>
  )
}

/** 404: the page or function does not exist (E-COMMON-006). */
export function NotFoundPage({ standalone }: { standalone?: boolean }) {
  const { t } = useTranslation()
  return (
    <ErrorScreen
      title={t('errors.notFoundTitle')}
      messageId="E-COMMON-006"
      standalone={standalone}
      actions={<NavigationButtons standalone={standalone} />}
      testId="error-404"
    />
  )
}

/** 403: the role may not use this screen (E-AUTH-005). */
export function ForbiddenPage({ standalone }: { standalone?: boolean }) {
  const { t } = useTranslation()
  return (
    <ErrorScreen
      title={t('errors.forbiddenTitle')}
      messageId="E-AUTH-005"
      standalone={standalone}
      actions={<NavigationButtons standalone={standalone} />}
      testId="error-403"
    />
  )
}

/**
 * 500: a system error with the request ID to quote (E-COMMON-003), or "cannot reach the server"
 * (E-COMMON-011). The request ID comes from the error, the prop, or `?requestId=`.
 */
export function ServerErrorPage({
  error,
  requestId,
  standalone,
  onRetry,
}: {
  error?: unknown
  requestId?: string | null
  standalone?: boolean
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const network = isApiError(error) && error.isNetworkError
  const id =
    requestId ?? (isApiError(error) ? error.requestId : null) ?? searchParams.get('requestId')
  return (
    <ErrorScreen
      title={network ? t('errors.networkTitle') : t('errors.serverTitle')}
      messageId={network ? 'E-COMMON-011' : 'E-COMMON-003'}
      params={id ? { requestId: id } : undefined}
      requestId={network ? null : id}
      standalone={standalone}
      actions={
        <>
          <Button
            size="sm"
            onClick={onRetry ?? (() => window.location.reload())}
            variant={onRetry ? 'filled' : 'default'}
          >
            {onRetry ? t('common.retry') : t('common.reload')}
          </Button>
          <NavigationButtons standalone={standalone} />
        </>
      }
      testId="error-500"
    />
  )
}

/** The router's error element: 404 / 403 / 500 by the kind of error thrown. */
export function RouteErrorPage({ standalone }: { standalone?: boolean }) {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404)
    return <NotFoundPage standalone={standalone} />
  if (isApiError(error) && error.status === 404) return <NotFoundPage standalone={standalone} />
  if (isApiError(error) && error.status === 403) return <ForbiddenPage standalone={standalone} />
  if (!isApiError(error)) console.error(error)
  return <ServerErrorPage error={error} standalone={standalone} />
}
