import { Skeleton, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { OutagePlan, OutagePlanRegisterInput } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  canEditGroup,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useNavigate, useParams } from 'react-router'
import { outagePlanQueries, useFileOutagePlanApplication } from '../api.ts'
import { OutagePlanForm } from '../components/outage-plan-form.tsx'

/**
 * 180 容量停止計画の登録申込 (`/outage-plans/new`) and 変更申込 (`/outage-plans/:id/change`): the
 * plan with the allowance gauge as it is typed; 確認 lists it before the application is filed.
 */
export function OutagePlanFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id } = useParams()
  const record = useQuery({ ...outagePlanQueries.detail(id ?? ''), enabled: !!id })
  return (
    <Page
      functionCode="180"
      title={id ? t('outagePlans.form.changeTitle') : t('outagePlans.form.registerTitle')}
    >
      <Stack gap="md">
        {!canEditGroup(session, '180') ? (
          <MessageAlert id="E-AUTH-005" />
        ) : id && record.error ? (
          <ApiErrorAlert error={record.error} />
        ) : id && !record.data ? (
          <Skeleton h={320} />
        ) : (
          <FilingForm record={record.data ?? null} />
        )}
      </Stack>
    </Page>
  )
}

function FilingForm({ record }: { record: OutagePlan | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const file = useFileOutagePlanApplication()
  return (
    <OutagePlanForm
      record={record}
      busy={file.isPending}
      error={file.error}
      fileLabel={t('outagePlans.form.file')}
      onFile={async (proposed) => {
        file.reset()
        const application = record
          ? await file.mutateAsync({ kind: 'change', record, proposed })
          : await file.mutateAsync({
              kind: 'register',
              proposed: proposed as OutagePlanRegisterInput,
            })
        void navigate(
          `/applications/${application.id}`,
          noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
        )
      }}
    />
  )
}
