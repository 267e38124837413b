import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Notice } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  NoticeCategoryBadge,
  NoticeStateBadge,
  Page,
  formatDateTime,
  noticeQueries,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useMarkNoticeRead, useWithdrawNotice } from '../api.ts'

/**
 * A30 おしらせ詳細 (`/notices/:id`): the body with its line breaks. Opening it sets the reader's
 * read mark (once). The operator sees the state, audience and read count, and changes or
 * withdraws it (with a confirmation).
 */
export function NoticeDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const notice = useQuery(noticeQueries.detail(id))
  const markRead = useMarkNoticeRead()
  const marked = useRef<string | null>(null)
  const unread = notice.data?.read === false
  const { mutate } = markRead
  useEffect(() => {
    if (unread && marked.current !== id) {
      marked.current = id
      mutate(id)
    }
  }, [unread, id, mutate])

  return (
    <Page functionCode="A30" title={notice.data?.title ?? t('functions.notices')} maxWidth={960}>
      <Stack gap="md">
        <Anchor component={Link} to="/notices" fz="sm" data-testid="notice-back">
          {t('notices.detail.back')}
        </Anchor>
        {notice.error ? <ApiErrorAlert error={notice.error} /> : null}
        {notice.isPending ? (
          <Paper withBorder p="md" className="yoryo-panel">
            <Skeleton h={16} w={240} mb="md" />
            <Skeleton h={14} mb={8} />
            <Skeleton h={14} mb={8} />
            <Skeleton h={14} w="60%" />
          </Paper>
        ) : null}
        {notice.data ? <NoticeView notice={notice.data} /> : null}
      </Stack>
    </Page>
  )
}

function NoticeView({ notice }: { notice: Notice }) {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  return (
    <>
      {isOperator && notice.state === 'withdrawn' ? (
        <Alert color="gray" variant="light" data-testid="notice-withdrawn">
          {t('notices.detail.withdrawn', { at: formatDateTime(notice.withdrawnAt) })}
        </Alert>
      ) : null}
      {isOperator && notice.state === 'draft' ? (
        <Alert color="gray" variant="light">
          {t('notices.detail.draft')}
        </Alert>
      ) : null}
      {isOperator && notice.state === 'scheduled' ? (
        <Alert color="yellow" variant="light">
          {t('notices.detail.scheduled', { at: formatDateTime(notice.publishAt) })}
        </Alert>
      ) : null}
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="article"
        data-testid="notice-detail"
      >
        <Group gap="sm" mb="md" wrap="wrap">
          <NoticeCategoryBadge category={notice.category} />
          <Text fz="sm" c="dimmed" data-testid="notice-publish-at">
            {formatDateTime(notice.publishAt)}
          </Text>
        </Group>
        <Text
          fz="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="notice-body"
        >
          {notice.body}
        </Text>
      </Paper>
      {isOperator ? <OperatorPanel notice={notice} /> : null}
    </>
  )
}

function OperatorPanel({ notice }: { notice: Notice }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const withdraw = useWithdrawNotice(notice.id)
  const [confirming, setConfirming] = useState(false)
  const rows: [string, ReactNode][] = [
    [t('notices.fields.noticeNo'), <span className="yoryo-code">{notice.noticeNo}</span>],
    [t('notices.fields.state'), <NoticeStateBadge state={notice.state} />],
    [
      t('notices.fields.audience'),
      notice.audience === 'all'
        ? t('notices.detail.allUsers')
        : notice.participants.map((p) => `${p.code}\u3000${p.name}`).join('、'),
    ],
    [
      t('notices.fields.readCount'),
      t('notices.detail.readCount', { count: notice.readCount ?? 0 }),
    ],
    [t('notices.fields.createdByName'), notice.createdByName],
  ]
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="notice-operator">
      <dl className="yoryo-dl">
        {rows.map(([label, value]) => (
          <div className="yoryo-dl-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {notice.state !== 'withdrawn' ? (
        <Group justify="flex-end" mt="md">
          <Button
            variant="default"
            component={Link}
            to={`/notices/${notice.id}/edit`}
            data-testid="notice-edit"
          >
            {t('notices.detail.edit')}
          </Button>
          <Button color="red" variant="light" onClick={() => setConfirming(true)}>
            {t('notices.detail.withdraw')}
          </Button>
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        title={t('notices.detail.withdrawTitle')}
        message={t('notices.detail.withdrawMessage', { title: notice.title })}
        confirmLabel={t('notices.detail.withdrawConfirm')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setConfirming(false)
          withdraw.reset()
        }}
        onConfirm={() =>
          withdraw.mutate(notice.version, {
            onSuccess: (done) => {
              setConfirming(false)
              void navigate(
                `/notices/${notice.id}`,
                noticeState({ id: 'I-NTC-003', params: { noticeNo: done.noticeNo } }),
              )
            },
          })
        }
      />
    </Paper>
  )
}
