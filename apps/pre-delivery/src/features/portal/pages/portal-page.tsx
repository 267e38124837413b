import { Page, PortalTop, useSession, useTranslation } from '@yoryo/ui'

/** 010 ポータルトップ: login information, menu, windows with deadlines, pending tasks. */
export function PortalPage() {
  const { t } = useTranslation()
  const session = useSession()
  return (
    <Page functionCode="010" title={t('functions.portal')}>
      <PortalTop app="preDelivery" session={session} />
    </Page>
  )
}
