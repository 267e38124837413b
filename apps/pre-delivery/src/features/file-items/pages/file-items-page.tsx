import { FileItemsScreen, useTranslation } from '@yoryo/ui'

/** 500 ファイル項目一覧: the shared item-list screen for the pre-delivery formats. */
export function FileItemsPage() {
  const { t } = useTranslation()
  return <FileItemsScreen functionCode="500" title={t('functions.fileItems')} />
}
