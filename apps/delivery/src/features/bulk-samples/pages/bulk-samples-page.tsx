import { BulkSamplesScreen, useTranslation } from '@yoryo/ui'

/** K10 一括登録様式サンプル: the sample file of every bulk format. */
export function BulkSamplesPage() {
  const { t } = useTranslation()
  return <BulkSamplesScreen title={t('functions.bulkSamples')} />
}
