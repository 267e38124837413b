import { Skeleton, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { OutagePlan, OutagePlanRegisterInput } from '@yoryo/contracts'
import { ApiErrorAlert, MessageAlert } from '../messages/message-text.tsx'
import { Page } from '../components/page.tsx'
import { canEditGroup } from '../applications/permissions.ts'
import { noticeState } from '../components/flash-notice.tsx'
import { useSession } from '../session/session.ts'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { outagePlanQueries, useFileOutagePlanApplication } from './api.ts'
import { afterFilingPath, useOutagePlanFunction } from './function.tsx'
import { OutagePlanForm } from './outage-plan-form.tsx'

/**
 * 180 / B00 容量停止計画の登録申込 (`/outage-plans/new`) and 変更申込 (`/outage-plans/:id/change`): the
 * plan with the allowance gauge as it is typed; 確認 lists it before the application is filed.
 */
export function OutagePlanFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id } = useParams()
  const fn = useOutagePlanFunction()
  const record = useQuery({ ...outagePlanQueries.detail(id ?? ''), enabled: !!id })
  return (
    <Page
      functionCode={fn.code}
      title={id ? t('outagePlans.form.changeTitle') : t('outagePlans.form.registerTitle')}
    >
      <Stack gap="md">
        {!canEditGroup(session, fn.code) ? (
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
  const fn = useOutagePlanFunction()
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
          afterFilingPath(fn, application.id),
          noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
        )
      }}
    />
  )
}
