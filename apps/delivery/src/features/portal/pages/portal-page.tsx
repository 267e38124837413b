import { Page, PortalTop, useSession, useTranslation } from '@yoryo/ui'

/** A20 ポータルトップ of the delivery period: login information, menu, windows, tasks. */
export function PortalPage() {
  const { t } = useTranslation()
  const session = useSession()
  return (
    <Page functionCode="A20" title={t('functions.portal')}>
      <PortalTop app="delivery" session={session} />
    </Page>
  )
}
