import { Alert, Text, type AlertProps } from '@mantine/core'
import type { Severity } from '@yoryo/contracts'
import { useCallback, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/api-error.ts'
import { ErrorIcon, InfoIcon, WarningIcon } from '../components/icons.tsx'
import { useLanguage } from '../i18n/i18n.ts'
import { decodeMessageRef, resolveMessage, severityOf, type MessageRef } from './message-ref.ts'

/** Formats catalogue messages in the current language. */
export function useMessageFormatter(): (ref: MessageRef) => string {
  const [language] = useLanguage()
  return useCallback((ref: MessageRef) => resolveMessage(ref, language), [language])
}

/** The message ID in small, muted text, e.g. `E-AUTH-001`. */
export function MessageId({ id }: { id: string }) {
  return (
    <Text span className="yoryo-message-id" data-message-id={id} ff="monospace" fz="xs">
      {id}
    </Text>
  )
}

export interface MessageTextProps extends MessageRef {
  /** Hide the ID (only where the ID is already shown next to it). */
  withoutId?: boolean
}

/** A catalogue message in the current language followed by its ID. */
export function MessageText({ withoutId, ...ref }: MessageTextProps) {
  const format = useMessageFormatter()
  return (
    <>
      {format(ref)}
      {withoutId ? null : (
        <>
          {' '}
          <MessageId id={ref.id} />
        </>
      )}
    </>
  )
}

/**
 * Why a job's run failed (B40, E10): its catalogue message with the ID for a known failure, else
 * the technical text (an unexpected error). Nothing when it did not fail.
 */
export function RunFailureText({
  failure,
  error,
}: {
  failure: { messageId: string; params: Record<string, string | number> } | null
  error: string | null
}) {
  if (!failure && !error) return null
  return (
    <Text fz="sm" c="red" data-testid="run-failure">
      {failure ? <MessageText id={failure.messageId} params={failure.params} /> : error}
    </Text>
  )
}

export const SEVERITY_COLOR: Record<Severity, string> = {
  info: 'navy',
  warning: 'orange',
  error: 'red',
}

export function SeverityIcon({ severity, size = 18 }: { severity: Severity; size?: number }) {
  if (severity === 'error') return <ErrorIcon size={size} />
  if (severity === 'warning') return <WarningIcon size={size} />
  return <InfoIcon size={size} />
}

export interface MessageAlertProps
  extends MessageRef, Omit<AlertProps, 'title' | 'color' | 'children' | 'id'> {
  /** Extra content under the message (e.g. a list of problems, a button). */
  children?: ReactNode
  requestId?: string | null
}

/**
 * A catalogue message as an alert, coloured by severity, always with its ID. Errors are announced
 * at once (`role="alert"`), notices politely (`role="status"`).
 */
export function MessageAlert({
  id,
  params,
  text,
  children,
  requestId,
  ...alertProps
}: MessageAlertProps) {
  const { t } = useTranslation()
  const severity = severityOf(id)
  return (
    <Alert
      variant="light"
      color={SEVERITY_COLOR[severity]}
      icon={<SeverityIcon severity={severity} />}
      role={severity === 'error' ? 'alert' : 'status'}
      data-severity={severity}
      closeButtonLabel={t('common.dismiss')}
      {...alertProps}
    >
      <Text fz="sm" c="var(--mantine-color-text)" className="yoryo-phrase">
        <MessageText id={id} params={params} text={text} />
      </Text>
      {requestId ? (
        <Text fz="xs" c="dimmed" mt={4}>
          {t('common.requestId')}
          {t('common.labelSeparator')}
          <span data-testid="request-id" className="yoryo-code">
            {requestId}
          </span>
        </Text>
      ) : null}
      {children}
    </Alert>
  )
}

/** Shows any error: an `ApiError` by its message ID (with the request ID for 5xx), else E-COMMON-003. */
export function ApiErrorAlert({
  error,
  ...alertProps
}: { error: unknown } & Omit<MessageAlertProps, 'id' | 'params' | 'text' | 'requestId'>) {
  if (!error) return null
  if (isApiError(error)) {
    const params = error.requestId ? { requestId: error.requestId } : undefined
    return (
      <MessageAlert
        id={error.messageId}
        params={params}
        text={error.problem?.detail}
        requestId={
          error.status >= 500 || error.messageId === 'E-COMMON-003' ? error.requestId : null
        }
        {...alertProps}
      />
    )
  }
  return <MessageAlert id="E-COMMON-003" {...alertProps} />
}

/**
 * For a react-hook-form field error: the catalogue message with its ID (server or client side),
 * or the raw text. Pass the result to a Mantine input's `error` prop.
 */
export function useFieldErrorText(): (error: { message?: string } | undefined) => ReactNode {
  const format = useMessageFormatter()
  return useCallback(
    (error) => {
      if (!error?.message) return undefined
      const ref = decodeMessageRef(error.message)
      if (!ref) return error.message
      return (
        <>
          {format(ref)} <MessageId id={ref.id} />
        </>
      )
    },
    [format],
  )
}
