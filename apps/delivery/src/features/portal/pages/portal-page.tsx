import { Stack } from '@mantine/core'
import { Page, PortalTop, useSession, useTranslation } from '@yoryo/ui'
import { UnreadNoticesPanel } from '../components/unread-notices-panel.tsx'

/**
 * A20 ポータルトップ of the delivery period: the unread notices (A30; not for the operator, who
 * is no recipient), then login information, menu, windows and tasks.
 */
export function PortalPage() {
  const { t } = useTranslation()
  const session = useSession()
  return (
    <Page functionCode="A20" title={t('functions.portal')}>
      <Stack gap="md">
        {session.user.role === 'operator' ? null : <UnreadNoticesPanel />}
        <PortalTop app="delivery" session={session} />
      </Stack>
    </Page>
  )
}
