import type { Application, OutagePlan } from '@yoryo/contracts'
import { CancelApplicationDialog } from '../applications/cancel-dialog.tsx'
import { useTranslation } from 'react-i18next'
import { useFileOutagePlanApplication } from './api.ts'

/** 取消申込 of an outage plan: the reason, then the application is filed. */
export function OutagePlanCancelDialog({
  record,
  opened,
  onClose,
  onFiled,
}: {
  record: OutagePlan
  opened: boolean
  onClose: () => void
  onFiled: (application: Application) => void
}) {
  const { t } = useTranslation()
  const file = useFileOutagePlanApplication()
  return (
    <CancelApplicationDialog
      title={t('outagePlans.cancel.title')}
      description={t('outagePlans.cancel.description', { planNo: record.planNo })}
      reasonLabel={t('outagePlans.cancel.reason')}
      submitLabel={t('outagePlans.cancel.submit')}
      testId="op-cancel-form"
      opened={opened}
      onClose={onClose}
      file={(proposed) => file.mutateAsync({ kind: 'cancel', record, proposed })}
      pending={file.isPending}
      error={file.error}
      onFiled={onFiled}
    />
  )
}
