import { Text } from '@mantine/core'
import type { ApplicationEvent } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../format/format.ts'
import { useHistoryActionLabel } from './labels.ts'

/**
 * The history of an application, oldest first: what was done, by whom, when, the change of
 * state and the comment (the reason for a return stands out). Both sides see the same history.
 */
export function HistoryTimeline({
  events,
  testId,
}: {
  events: readonly ApplicationEvent[]
  testId?: string
}) {
  const { t } = useTranslation()
  const actionLabel = useHistoryActionLabel()
  if (events.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('applications.detail.historyEmpty')}
      </Text>
    )
  }
  return (
    <ol className="yoryo-history" data-testid={testId}>
      {events.map((event) => {
        const stateChanged = event.fromState !== null && event.fromState !== event.toState
        const emphasis = event.action === 'return' || event.action === 'reject'
        return (
          <li key={event.id} data-action={event.action} data-emphasis={emphasis || undefined}>
            <div className="yoryo-history-head">
              <Text span fw={700} fz="sm">
                {actionLabel(event.action)}
              </Text>
              {stateChanged && event.fromState ? (
                <Text span fz="xs" c="dimmed">
                  {t('applications.detail.stateChange', {
                    from: t(`applications.state.${event.fromState}`),
                    to: t(`applications.state.${event.toState}`),
                  })}
                </Text>
              ) : null}
              <Text span fz="xs" c="dimmed" className="yoryo-figures yoryo-history-at">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </Text>
            </div>
            <Text fz="xs" c="dimmed">
              {t('applications.detail.actor')}
              {t('common.labelSeparator')}
              {event.actorLabel === 'applicant'
                ? t('auditLog.applicant')
                : event.actorLabel === 'operator'
                  ? t('applications.detail.operatorActor')
                  : event.actorLabel}
            </Text>
            {event.comment ? (
              <Text fz="sm" className="yoryo-history-comment yoryo-prewrap">
                {event.comment}
              </Text>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
