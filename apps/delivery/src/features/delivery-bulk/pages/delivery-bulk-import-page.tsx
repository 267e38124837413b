import { BulkImportScreen } from '@yoryo/ui'

/** G00 一括登録・変更: one upload's result (followed while it runs) and its error file. */
export function DeliveryBulkImportPage() {
  return <BulkImportScreen functionCode="G00" />
}
