import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { SessionUser } from '@yoryo/contracts'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { lastApiActivityAt, onApiActivity } from '../api/api-fetch.ts'
import { authKeys, authQueries } from '../api/queries.ts'
import { useNow } from '../components/deadline-countdown.tsx'
import { useLogout } from './session.ts'

/** The warning shows this long before the session ends. */
export const SESSION_WARNING_MS = 5 * 60_000
/** The API records activity at most every 30 s: the session may end this much earlier. */
const SERVER_TOUCH_SLACK_MS = 30_000

/**
 * When the session ends, as far as this tab knows, on this browser's clock: the idle timeout
 * runs from the API's last answer (every answer extends it; the span is what `idleExpiresAt`
 * of the session query left after the server's `now`), never past the absolute end. Both are
 * measured against the server's `now`, so a browser clock that is fast or slow changes nothing.
 */
export function sessionDeadline(
  session: SessionUser['session'],
  fetchedAt: number,
  lastActivity: number,
): { at: number; absolute: boolean } {
  const serverNow = Date.parse(session.now)
  const idleSpan = Date.parse(session.idleExpiresAt) - serverNow
  const absoluteAt = fetchedAt + (Date.parse(session.absoluteExpiresAt) - serverNow)
  const idleAt = Math.max(lastActivity - SERVER_TOUCH_SLACK_MS, fetchedAt) + idleSpan
  return idleAt < absoluteAt ? { at: idleAt, absolute: false } : { at: absoluteAt, absolute: true }
}

/**
 * Five minutes before the session ends, a dialog says so and offers to extend it (one request
 * to the API) or to log out; when the absolute end (12 h) is near, it can only be acknowledged.
 * Unsaved input survives the expiry anyway (`useFormDraft`). Part of the logged-in shell.
 */
export function SessionExpiryWarning() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const me = useQuery(authQueries.me())
  const logout = useLogout()
  const now = useNow(15_000).getTime()
  const [activity, setActivity] = useState(lastApiActivityAt)
  const [dismissedFor, setDismissedFor] = useState<number | null>(null)
  const [extending, setExtending] = useState(false)
  useEffect(() => onApiActivity(setActivity), [])

  if (!me.data || me.data.session.via !== 'session') return null
  const deadline = sessionDeadline(me.data.session, me.dataUpdatedAt, activity)
  const remaining = deadline.at - now
  const opened = remaining > 0 && remaining <= SESSION_WARNING_MS && dismissedFor !== deadline.at
  const minutes = Math.max(1, Math.ceil(remaining / 60_000))

  const extend = async () => {
    setExtending(true)
    try {
      await queryClient.refetchQueries({ queryKey: authKeys.me(), exact: true })
    } finally {
      setExtending(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => setDismissedFor(deadline.at)}
      title={<Text fw={700}>{t('sessionExpiry.title')}</Text>}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="session-expiry-warning"
    >
      <Stack gap="md">
        <Text fz="sm">
          {deadline.absolute
            ? t('sessionExpiry.absoluteMessage', { minutes })
            : t('sessionExpiry.idleMessage', { minutes })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('header.logout')}
          </Button>
          {deadline.absolute ? (
            <Button onClick={() => setDismissedFor(deadline.at)} data-autofocus>
              {t('sessionExpiry.acknowledge')}
            </Button>
          ) : (
            <Button onClick={() => void extend()} loading={extending} data-autofocus>
              {t('sessionExpiry.extend')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
