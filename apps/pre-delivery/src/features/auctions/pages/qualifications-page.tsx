import { useTranslation } from '@yoryo/ui'
import { AuctionsPage } from './auctions-page.tsx'

/** 100 参加資格 (`/qualifications`): choose the auction whose qualification to see. */
export function QualificationsPage() {
  const { t } = useTranslation()
  return (
    <AuctionsPage
      to={(id) => `/qualifications/${id}`}
      functionCode="100"
      title={t('functions.qualifications')}
      description={t('qualifications.chooseDescription')}
    />
  )
}
