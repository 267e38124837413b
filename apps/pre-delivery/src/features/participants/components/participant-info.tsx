import { Badge, Button, Paper, Skeleton, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Participant } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  Page,
  formatDateTime,
  noticeState,
  useSession,
  useTranslation,
  canEditGroup,
  ProfileView,
  ValueRow,
} from '@yoryo/ui'
import { useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { participantQueries } from '../api.ts'
import { CancelApplicationDialog } from './cancel-application-dialog.tsx'
import { OpenApplications } from './open-applications.tsx'

/**
 * 030 事業者情報: every field of a participant in three groups, its open applications and — for
 * the participant's own users with the edit right — 変更申込 and 廃止申込. The operator reads it.
 */
export function ParticipantInfo({ id, before }: { id: string; before?: ReactNode }) {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const participant = useQuery(participantQueries.detail(id))
  const [cancelling, setCancelling] = useState(false)
  const own = session.participant.id === id && session.user.role !== 'operator'
  const data = participant.data
  const mayApply = own && canEditGroup(session, '030') && data?.status === 'active'

  return (
    <Page
      functionCode="030"
      title={own ? t('functions.participant') : t('participant.detailTitle')}
      description={own ? t('participant.description') : t('participant.operatorDescription')}
      actions={
        mayApply ? (
          <>
            <Button onClick={() => void navigate('/participant/change')}>
              {t('participant.changeApplication')}
            </Button>
            <Button variant="default" color="red" onClick={() => setCancelling(true)}>
              {t('participant.cancelApplication')}
            </Button>
          </>
        ) : undefined
      }
    >
      <Stack gap="md">
        {before}
        {participant.error ? <ApiErrorAlert error={participant.error} /> : null}
        <Paper withBorder p="md" className="yoryo-panel" data-testid="participant-info">
          {data ? (
            <ProfileView
              profile={data}
              testId="participant-profile"
              extra={{ basic: <IdentityRows participant={data} /> }}
            />
          ) : participant.isPending ? (
            <Stack gap="sm">
              <Skeleton h={20} w={120} />
              <Skeleton h={360} />
              <Skeleton h={20} w={120} />
              <Skeleton h={150} />
            </Stack>
          ) : null}
        </Paper>
        {data && data.kind === 'participant' ? (
          <OpenApplications participantCode={data.code} />
        ) : null}
      </Stack>
      {data ? (
        <CancelApplicationDialog
          participant={data}
          opened={cancelling}
          onClose={() => setCancelling(false)}
          onFiled={(application) =>
            void navigate(
              `/applications/${application.id}`,
              noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
            )
          }
        />
      ) : null}
    </Page>
  )
}

function IdentityRows({ participant }: { participant: Participant }) {
  const { t } = useTranslation()
  return (
    <>
      <ValueRow
        label={t('participant.fields.code')}
        value={participant.code}
        code
        testId="participant-code"
      />
      <ValueRow
        label={t('participant.fields.status')}
        value={
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={participant.status === 'active' ? 'green' : 'gray'}
          >
            {t(`participant.status.${participant.status}`)}
          </Badge>
        }
      />
      <ValueRow
        label={t('participant.fields.updatedAt')}
        value={<span className="yoryo-figures">{formatDateTime(participant.updatedAt)}</span>}
      />
    </>
  )
}
