import { BulkImportsScreen, useTranslation } from '@yoryo/ui'

/**
 * G00 一括登録・変更: the delivery-period files (the TSO's and the operator's feeds G60–G95),
 * uploaded through the one pipeline, with the result history of the caller's organisation.
 */
export function DeliveryBulkImportsPage() {
  const { t } = useTranslation()
  return (
    <BulkImportsScreen
      functionCode="G00"
      app="delivery"
      title={t('functions.deliveryBulkImports')}
      description={t('feeds.bulk.description')}
      participantChoice={false}
    />
  )
}
