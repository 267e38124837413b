import { Skeleton, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
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
import type { ExpectedCapacity, ExpectedCapacityRegisterInput } from '@yoryo/contracts'
import { expectedCapacityQueries, useFileExpectedCapacityApplication } from '../api.ts'
import { ExpectedCapacityForm } from '../components/expected-capacity-form.tsx'

/**
 * 070 期待容量の登録申込 (`/expected-capacities/new`) and 変更申込 (`/expected-capacities/:id/change`,
 * with 841 the change after the auction): the participant chooses; the result is computed live
 * by the API (never typed) and shown with how; 確認 lists it before the application is filed.
 */
export function ExpectedCapacityFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id } = useParams()
  const record = useQuery({ ...expectedCapacityQueries.detail(id ?? ''), enabled: !!id })
  const title = id
    ? t('expectedCapacity.form.changeTitle')
    : t('expectedCapacity.form.registerTitle')
  return (
    <Page
      functionCode="070"
      title={title}
      description={
        id
          ? t('expectedCapacity.form.changeDescription')
          : t('expectedCapacity.form.registerDescription')
      }
    >
      <Stack gap="md">
        {!canEditGroup(session, '070') ? (
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

/** The form filing a new application, then showing it. */
function FilingForm({ record }: { record: ExpectedCapacity | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const file = useFileExpectedCapacityApplication()
  return (
    <ExpectedCapacityForm
      record={record}
      busy={file.isPending}
      error={file.error}
      fileLabel={t('expectedCapacity.form.submit')}
      onFile={async (proposed) => {
        file.reset()
        const application = record
          ? await file.mutateAsync({ kind: 'change', record, proposed })
          : await file.mutateAsync({
              kind: 'register',
              proposed: proposed as ExpectedCapacityRegisterInput,
            })
        void navigate(
          `/applications/${application.id}`,
          noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
        )
      }}
    />
  )
}
