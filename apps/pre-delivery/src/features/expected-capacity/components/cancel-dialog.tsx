import type { Application, ExpectedCapacity } from '@yoryo/contracts'
import { CancelApplicationDialog, useTranslation } from '@yoryo/ui'
import { useFileExpectedCapacityApplication } from '../api.ts'

/** 廃止申込 of an expected capacity: the reason, then the application is filed. */
export function ExpectedCapacityCancelDialog({
  record,
  opened,
  onClose,
  onFiled,
}: {
  record: ExpectedCapacity
  opened: boolean
  onClose: () => void
  onFiled: (application: Application) => void
}) {
  const { t } = useTranslation()
  const file = useFileExpectedCapacityApplication()
  return (
    <CancelApplicationDialog
      title={t('expectedCapacity.cancel.title')}
      description={`${record.resource.code} ${record.resource.name} · ${t('expectedCapacity.fiscalYear', { year: record.deliveryYear })}`}
      reasonLabel={t('expectedCapacity.cancel.reason')}
      submitLabel={t('expectedCapacity.cancel.submit')}
      testId="ec-cancel-form"
      opened={opened}
      onClose={onClose}
      file={(proposed) => file.mutateAsync({ kind: 'cancel', record, proposed })}
      pending={file.isPending}
      error={file.error}
      onFiled={onFiled}
    />
  )
}
