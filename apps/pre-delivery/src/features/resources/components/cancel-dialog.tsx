import type { Application, ResourceDetail } from '@yoryo/contracts'
import { CancelApplicationDialog, useTranslation } from '@yoryo/ui'
import { useFileResourceApplication } from '../api.ts'

/** 廃止申込 of a resource: the reason, then the application is filed. */
export function ResourceCancelDialog({
  resource,
  opened,
  onClose,
  onFiled,
}: {
  resource: ResourceDetail
  opened: boolean
  onClose: () => void
  onFiled: (application: Application) => void
}) {
  const { t } = useTranslation()
  const file = useFileResourceApplication()
  return (
    <CancelApplicationDialog
      title={t('resources.cancelDialog.title')}
      description={t('resources.cancelDialog.description', {
        code: resource.code,
        name: resource.name,
      })}
      reasonLabel={t('resources.fields.reason')}
      submitLabel={t('resources.cancelDialog.submit')}
      testId="resource-cancel-form"
      opened={opened}
      onClose={onClose}
      file={(proposed) => file.mutateAsync({ kind: 'cancel', resource, proposed })}
      pending={file.isPending}
      error={file.error}
      onFiled={onFiled}
    />
  )
}
