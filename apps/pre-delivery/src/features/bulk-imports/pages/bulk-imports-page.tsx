import { BulkImportsScreen, useTranslation } from '@yoryo/ui'

/**
 * 220 一括登録: upload a file of any pre-delivery format (checked, then registered all or
 * nothing by a job, with its progress), and the result history of the participant (the
 * operator: of all). The screen is shared with G00 (@yoryo/ui).
 */
export function BulkImportsPage() {
  const { t } = useTranslation()
  return (
    <BulkImportsScreen
      functionCode="220"
      app="preDelivery"
      title={t('functions.bulkImports')}
      description={t('bulk.description')}
    />
  )
}
