import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Succession } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  Page,
  formatDateTime,
  formatNumber,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { successionQueries, useReview, useSuccessionAction } from '../api.ts'
import { SuccessionStateBadge } from './successions-page.tsx'

/**
 * G50 申込の詳細 (`/successions/:id`): what moves (resources, their contracts and the months that
 * go to the receiver) or ends; the receiver's administrator consents or declines; the applicant
 * withdraws while consent is pending; the operator reviews (start, approve, return, reject), each
 * with a confirmation.
 */
export function SuccessionDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const succession = useQuery(successionQueries.detail(id))
  const s = succession.data
  return (
    <Page
      functionCode="G50"
      title={s ? t('successions.detail.title', { no: s.successionNo }) : t('functions.successions')}
      maxWidth={1100}
    >
      <Stack gap="md">
        <Anchor component={Link} to="/successions" fz="sm" data-testid="succession-back">
          {t('successions.detail.back')}
        </Anchor>
        {succession.error ? <ApiErrorAlert error={succession.error} /> : null}
        {succession.isPending ? <Skeleton h={240} /> : null}
        {s ? <SuccessionView succession={s} /> : null}
      </Stack>
    </Page>
  )
}

function SuccessionView({ succession: s }: { succession: Succession }) {
  const { t } = useTranslation()
  const party = (code: string | null, name: string | null) =>
    code ? (
      <>
        <span className="yoryo-code">{code}</span> {name}
      </>
    ) : (
      '—'
    )
  const rows: [string, ReactNode][] = [
    [t('successions.columns.successionNo'), <span className="yoryo-code">{s.successionNo}</span>],
    [
      t('successions.columns.receiptNo'),
      <span className="yoryo-code">{s.applicationReceiptNo ?? '—'}</span>,
    ],
    [t('successions.fields.kind'), t(`successions.kind.${s.kind}`)],
    [t('successions.columns.state'), <SuccessionStateBadge state={s.state} />],
    [t('successions.columns.from'), party(s.participantCode, s.participantName)],
    [t('successions.columns.to'), party(s.toParticipantCode, s.toParticipantName)],
    [
      t('successions.fields.effectiveMonth'),
      <span className="yoryo-figures">{s.effectiveMonth}</span>,
    ],
    [t('successions.fields.reason'), <span style={{ whiteSpace: 'pre-wrap' }}>{s.reason}</span>],
  ]
  if (s.consentedAt) {
    rows.push([
      t('successions.fields.consentedBy'),
      <>
        <span className="yoryo-figures">{formatDateTime(s.consentedAt)}</span>{' '}
        {s.consentedByName ?? ''}
      </>,
    ])
  }
  if (s.declineReason) rows.push([t('successions.fields.declineReason'), s.declineReason])
  if (s.applicationState) {
    rows.push([
      t('successions.fields.applicationState'),
      t(`applications.state.${s.applicationState as 'submitted'}`),
    ])
  }
  if (s.effectedAt) {
    rows.push([
      t('successions.fields.effectedAt'),
      <span className="yoryo-figures">{formatDateTime(s.effectedAt)}</span>,
    ])
  }
  return (
    <>
      {s.state === 'pendingConsent' ? (
        <Alert color="yellow" variant="light" data-testid="succession-waiting">
          {t('successions.detail.waitingConsent')}
        </Alert>
      ) : null}
      {s.state === 'approved' && !s.effectedAt ? (
        <Alert color="blue" variant="light">
          {t('successions.detail.pending')}
        </Alert>
      ) : null}
      <Paper withBorder p="md" className="yoryo-panel" data-testid="succession-detail">
        <Title order={2} className="yoryo-section-title" mb="sm">
          {t('successions.detail.summary')}
        </Title>
        <dl className="yoryo-dl">
          {rows.map(([label, value]) => (
            <div className="yoryo-dl-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Paper>
      <Moves succession={s} />
      <Actions succession={s} />
    </>
  )
}

function Moves({ succession: s }: { succession: Succession }) {
  const { t } = useTranslation()
  const contracts = s.resources.flatMap((r) => r.contracts.map((c) => ({ r, c })))
  return (
    <section aria-labelledby="succession-moves">
      <Stack gap="xs">
        <Title order={2} id="succession-moves" className="yoryo-section-title">
          {s.kind === 'exit' ? t('successions.detail.ends') : t('successions.detail.moves')}
        </Title>
        {s.kind === 'merger' ? <Text fz="sm">{t('successions.detail.mergerNote')}</Text> : null}
        {s.kind === 'exit' ? <Text fz="sm">{t('successions.detail.exitNote')}</Text> : null}
        {s.resources.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('successions.detail.noMoves')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder striped fz="sm" data-testid="succession-moves">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('successions.fields.resourceCode')}</Table.Th>
                  <Table.Th>{t('successions.fields.resourceName')}</Table.Th>
                  <Table.Th>{t('successions.fields.contractNo')}</Table.Th>
                  <Table.Th ta="right">{t('successions.fields.deliveryYear')}</Table.Th>
                  <Table.Th ta="right">{t('successions.fields.contractKw')}</Table.Th>
                  <Table.Th>{t('successions.fields.months')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.resources
                  .filter((r) => r.contracts.length === 0)
                  .map((r) => (
                    <Table.Tr key={r.resourceId}>
                      <Table.Td className="yoryo-code">{r.resourceCode}</Table.Td>
                      <Table.Td>{r.resourceName}</Table.Td>
                      <Table.Td>—</Table.Td>
                      <Table.Td />
                      <Table.Td />
                      <Table.Td />
                    </Table.Tr>
                  ))}
                {contracts.map(({ r, c }) => (
                  <Table.Tr key={c.contractId}>
                    <Table.Td className="yoryo-code">{r.resourceCode}</Table.Td>
                    <Table.Td>{r.resourceName}</Table.Td>
                    <Table.Td className="yoryo-code">{c.contractNo}</Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {c.deliveryYear}
                    </Table.Td>
                    <Table.Td ta="right" className="yoryo-numeric">
                      {formatNumber(c.contractKw)}
                    </Table.Td>
                    <Table.Td className="yoryo-figures">
                      {c.months.length
                        ? `${c.months[0]} – ${c.months[c.months.length - 1]} (${c.months.length})`
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </section>
  )
}

type Pending =
  | { kind: 'confirm'; action: 'consent' | 'withdraw' | 'approve' | 'startReview' }
  | { kind: 'comment'; action: 'decline' | 'return' | 'reject' }
  | null

function Actions({ succession: s }: { succession: Succession }) {
  const { t } = useTranslation()
  const session = useSession()
  const act = useSuccessionAction(s.id)
  const review = useReview()
  const [pending, setPending] = useState<Pending>(null)
  const [comment, setComment] = useState('')
  const isOperator = session.user.role === 'operator'
  const isReceiverAdmin =
    session.user.role === 'participantAdmin' && session.participant.id === s.toParticipantId
  const isApplicant = session.participant.id === s.participantId
  const busy = act.isPending || review.isPending
  const error = act.error ?? review.error
  const close = () => {
    setPending(null)
    setComment('')
    act.reset()
    review.reset()
  }
  const run = (action: string, reason?: string) => {
    const done = { onSuccess: close }
    if (action === 'consent' || action === 'withdraw' || action === 'decline') {
      act.mutate({ action, version: s.version, ...(reason ? { reason } : {}) }, done)
    } else if (s.applicationId) {
      review.mutate(
        {
          applicationId: s.applicationId,
          action: action as 'startReview' | 'approve' | 'return' | 'reject',
          ...(reason ? { comment: reason } : {}),
        },
        done,
      )
    }
  }
  const buttons: ReactNode[] = []
  if (s.state === 'pendingConsent' && isReceiverAdmin) {
    buttons.push(
      <Button
        key="decline"
        variant="default"
        onClick={() => setPending({ kind: 'comment', action: 'decline' })}
        data-testid="succession-decline"
      >
        {t('successions.detail.decline')}
      </Button>,
      <Button
        key="consent"
        onClick={() => setPending({ kind: 'confirm', action: 'consent' })}
        data-testid="succession-consent"
      >
        {t('successions.detail.consent')}
      </Button>,
    )
  }
  if (s.state === 'pendingConsent' && isApplicant) {
    buttons.push(
      <Button
        key="withdraw"
        color="red"
        variant="light"
        onClick={() => setPending({ kind: 'confirm', action: 'withdraw' })}
        data-testid="succession-withdraw"
      >
        {t('successions.detail.withdraw')}
      </Button>,
    )
  }
  if (isOperator && s.state === 'applied' && s.applicationState === 'submitted') {
    buttons.push(
      <Button
        key="start"
        onClick={() => setPending({ kind: 'confirm', action: 'startReview' })}
        data-testid="succession-start-review"
      >
        {t('successions.detail.startReview')}
      </Button>,
    )
  }
  if (isOperator && s.state === 'applied' && s.applicationState === 'inReview') {
    buttons.push(
      <Button
        key="reject"
        color="red"
        variant="light"
        onClick={() => setPending({ kind: 'comment', action: 'reject' })}
        data-testid="succession-reject"
      >
        {t('successions.detail.reject')}
      </Button>,
      <Button
        key="return"
        variant="default"
        onClick={() => setPending({ kind: 'comment', action: 'return' })}
        data-testid="succession-return"
      >
        {t('successions.detail.return')}
      </Button>,
      <Button
        key="approve"
        onClick={() => setPending({ kind: 'confirm', action: 'approve' })}
        data-testid="succession-approve"
      >
        {t('successions.detail.approve')}
      </Button>,
    )
  }
  if (!buttons.length) return null
  const confirmMessage = {
    consent: t('successions.detail.consentConfirm'),
    withdraw: t('successions.detail.withdrawConfirm'),
    approve: t('successions.detail.approveConfirm'),
    startReview: t('successions.detail.startReview'),
  }
  return (
    <>
      <Group justify="flex-end" data-testid="succession-actions">
        {buttons}
      </Group>
      <ConfirmDialog
        opened={pending?.kind === 'confirm'}
        title={pending ? t(`successions.detail.${pending.action}`) : ''}
        message={pending?.kind === 'confirm' ? confirmMessage[pending.action] : ''}
        confirmLabel={pending ? t(`successions.detail.${pending.action}`) : ''}
        loading={busy}
        error={error}
        danger={pending?.action === 'withdraw'}
        onClose={close}
        onConfirm={() => pending && run(pending.action)}
      />
      <Modal
        opened={pending?.kind === 'comment'}
        onClose={busy ? () => undefined : close}
        title={
          pending?.action === 'decline'
            ? t('successions.detail.declineTitle')
            : t('successions.detail.commentTitle')
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          {error ? <ApiErrorAlert error={error} /> : null}
          <Textarea
            label={t('successions.detail.commentTitle')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={1000}
            required
            data-autofocus
            data-testid="succession-comment"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              color={pending?.action === 'return' ? undefined : 'red'}
              loading={busy}
              disabled={comment.trim() === ''}
              onClick={() => pending && run(pending.action, comment.trim())}
              data-testid="succession-comment-submit"
            >
              {pending ? t(`successions.detail.${pending.action}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
