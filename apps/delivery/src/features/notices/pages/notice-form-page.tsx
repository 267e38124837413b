import { Paper, Skeleton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Notice } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  noticeQueries,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useEffect, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { useChangeNotice, useCreateNotice } from '../api.ts'
import { NoticeForm } from '../components/notice-form.tsx'

/** After saving, leaves for the notice once the unsaved-changes guard is off. */
function useLeaveFor() {
  const navigate = useNavigate()
  const [saved, setSaved] = useState<{ notice: Notice; messageId: 'I-NTC-001' | 'I-NTC-002' }>()
  useEffect(() => {
    if (saved) {
      void navigate(
        `/notices/${saved.notice.id}`,
        noticeState({ id: saved.messageId, params: { noticeNo: saved.notice.noticeNo } }),
      )
    }
  }, [saved, navigate])
  return setSaved
}

/** A30 おしらせの登録 (`/notices/new`, operator). */
export function NoticeNewPage() {
  const { t } = useTranslation()
  const session = useSession()
  const create = useCreateNotice()
  const leave = useLeaveFor()
  return (
    <Page
      functionCode="A30"
      title={t('notices.form.newTitle')}
      description={t('notices.form.newDescription')}
      maxWidth={960}
    >
      {session.user.role === 'operator' ? (
        <NoticeForm
          notice={null}
          draftKey="notice-new"
          pending={create.isPending}
          error={create.error}
          submitLabel={t('notices.form.submit')}
          onSubmit={async (input) => {
            const notice = await create.mutateAsync(input)
            leave({ notice, messageId: 'I-NTC-001' })
          }}
        />
      ) : (
        <MessageAlert id="E-AUTH-005" />
      )}
    </Page>
  )
}

/** A30 おしらせの変更 (`/notices/:id/edit`, operator): until the notice is withdrawn. */
export function NoticeEditPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id = '' } = useParams()
  const notice = useQuery(noticeQueries.detail(id))
  const change = useChangeNotice(id)
  const leave = useLeaveFor()
  const operator = session.user.role === 'operator'
  return (
    <Page
      functionCode="A30"
      title={
        notice.data
          ? t('notices.form.editTitle', { noticeNo: notice.data.noticeNo })
          : t('functions.notices')
      }
      description={
        notice.data?.state === 'published' ? t('notices.form.editDescription') : undefined
      }
      maxWidth={960}
    >
      {!operator ? <MessageAlert id="E-AUTH-005" /> : null}
      {operator && notice.error ? <ApiErrorAlert error={notice.error} /> : null}
      {operator && notice.isPending ? (
        <Paper withBorder p="md" className="yoryo-panel">
          <Skeleton h={320} />
        </Paper>
      ) : null}
      {operator && notice.data?.state === 'withdrawn' ? <MessageAlert id="E-NTC-004" /> : null}
      {operator && notice.data && notice.data.state !== 'withdrawn' ? (
        <NoticeForm
          notice={notice.data}
          draftKey={`notice-${id}`}
          pending={change.isPending}
          error={change.error}
          submitLabel={t('notices.form.save')}
          onSubmit={async (input) => {
            const saved = await change.mutateAsync({
              ...input,
              version: (notice.data as Notice).version,
            })
            leave({ notice: saved, messageId: 'I-NTC-002' })
          }}
        />
      ) : null}
    </Page>
  )
}
