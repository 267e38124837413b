import { FileItemsScreen, useTranslation } from '@yoryo/ui'

/** G10 ファイル項目一覧: the shared item-list screen (the delivery-period formats join later). */
export function FileItemsPage() {
  const { t } = useTranslation()
  return <FileItemsScreen functionCode="G10" title={t('functions.deliveryFileItems')} />
}
