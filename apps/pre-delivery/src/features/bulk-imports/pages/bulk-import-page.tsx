import { BulkImportScreen } from '@yoryo/ui'

/** 220 一括登録: one upload's result (followed while it runs) and its error file. */
export function BulkImportPage() {
  return <BulkImportScreen functionCode="220" />
}
