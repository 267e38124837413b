import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Skeleton,
  Stack,
  Table,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Replacement } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  formatDateTime,
  formatNumber,
  Page,
  useSession,
  useTranslation,
  ValueRow,
} from '@yoryo/ui'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { replacementQueries, useReplacementAction } from '../api.ts'
import { STATE_COLOR } from './replacements-page.tsx'

type Action = 'consent' | 'decline' | 'withdraw'

function period(r: Replacement): string {
  return `${r.fromMonth.replace('-', '/')}～${r.toMonth.replace('-', '/')}`
}

/**
 * 160 電源等差替 detail: the terms, the allocation by month (the contract's kW on its own
 * resource and on the replacing one), consent or decline for the replacing participant,
 * withdrawal for the contract holder while waiting, and the link to the application under review.
 */
export function ReplacementDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const session = useSession()
  const query = useQuery(replacementQueries.detail(id))
  const action = useReplacementAction()
  const [pending, setPending] = useState<Action | null>(null)
  const [reason, setReason] = useState('')
  const [done, setDone] = useState<Action | null>(null)
  const r = query.data
  if (query.error) return <ApiErrorAlert error={query.error} />
  if (!r) return <Skeleton h={320} />
  const isOperator = session.user.role === 'operator'
  const own = session.participant.code
  const counterparty = !isOperator && r.replacingParticipantCode === own
  const holder = !isOperator && r.participantCode === own
  const waiting = r.state === 'pendingConsent'
  return (
    <Page
      functionCode="160"
      title={t('replacements.detail.title', { contractNo: r.contractNo })}
      actions={
        <Group gap="xs">
          {r.applicationId && (holder || isOperator) ? (
            <Button
              component={Link}
              to={`/applications/${r.applicationId}`}
              variant="default"
              data-testid="replacement-application"
            >
              {t('replacements.detail.openApplication')}
            </Button>
          ) : null}
          {waiting && holder ? (
            <Button variant="default" color="red" onClick={() => setPending('withdraw')}>
              {t('replacements.detail.withdraw')}
            </Button>
          ) : null}
        </Group>
      }
    >
      <Stack gap="lg">
        {done ? (
          <Alert color="green" data-testid="replacement-notice">
            {t(
              done === 'consent'
                ? 'replacements.detail.consented'
                : done === 'decline'
                  ? 'replacements.detail.declined'
                  : 'replacements.detail.withdrawn',
            )}
          </Alert>
        ) : null}
        {waiting && counterparty ? (
          <Alert color="yellow" title={t('replacements.state.pendingConsent')}>
            <Stack gap="xs">
              {t('replacements.detail.consentNeeded')}
              <Group gap="xs">
                <Button onClick={() => setPending('consent')} data-testid="replacement-consent">
                  {t('replacements.detail.consent')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => setPending('decline')}
                  data-testid="replacement-decline"
                >
                  {t('replacements.detail.decline')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : waiting && holder ? (
          <Alert color="yellow">{t('replacements.detail.waitingConsent')}</Alert>
        ) : null}
        <section aria-labelledby="replacement-summary">
          <Title order={2} id="replacement-summary" className="yoryo-section-title" mb="xs">
            {t('replacements.detail.summary')}
          </Title>
          <dl className="yoryo-dl-table" data-testid="replacement-summary">
            <ValueRow
              label={t('replacements.fields.state')}
              value={
                <Badge
                  size="sm"
                  radius="sm"
                  variant="light"
                  color={STATE_COLOR[r.state]}
                  data-testid="replacement-state"
                >
                  {t(`replacements.state.${r.state}`)}
                </Badge>
              }
            />
            <ValueRow label={t('replacements.fields.contractNo')} value={r.contractNo} code />
            <ValueRow
              label={t('replacements.fields.contractKw')}
              value={formatNumber(r.contractKw)}
            />
            <ValueRow
              label={t('replacements.fields.participant')}
              value={`${r.participantCode} ${r.participantName}`}
            />
            <ValueRow
              label={t('replacements.fields.resourceCode')}
              value={`${r.resourceCode} ${r.resourceName}`}
            />
            <ValueRow
              label={t('replacements.fields.replacingParticipant')}
              value={`${r.replacingParticipantCode} ${r.replacingParticipantName}`}
            />
            <ValueRow
              label={t('replacements.fields.replacingResourceCode')}
              value={`${r.replacingResourceCode} ${r.replacingResourceName}`}
            />
            <ValueRow label={t('replacements.fields.area')} value={t(`resources.area.${r.area}`)} />
            <ValueRow label={t('replacements.fields.kw')} value={formatNumber(r.kw)} />
            <ValueRow label={t('replacements.fields.period')} value={period(r)} />
            <ValueRow label={t('replacements.fields.reason')} value={r.reason} />
            {r.consentedAt ? (
              <ValueRow
                label={t('replacements.fields.consentedAt')}
                value={t('replacements.detail.consentedBy', {
                  at: formatDateTime(r.consentedAt),
                  name: r.consentedByName ?? '',
                })}
              />
            ) : null}
            {r.declineReason ? (
              <ValueRow label={t('replacements.fields.declineReason')} value={r.declineReason} />
            ) : null}
            {r.applicationId && r.applicationReceiptNo ? (
              <ValueRow
                label={t('replacements.fields.application')}
                value={
                  holder || isOperator ? (
                    <Anchor component={Link} to={`/applications/${r.applicationId}`} fz="sm">
                      {r.applicationReceiptNo}
                    </Anchor>
                  ) : (
                    r.applicationReceiptNo
                  )
                }
                code
              />
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="replacement-allocation">
          <Title order={2} id="replacement-allocation" className="yoryo-section-title" mb="xs">
            {t('replacements.detail.allocation')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table
              striped
              withTableBorder
              aria-label={t('replacements.detail.allocationLabel')}
              data-testid="replacement-allocation"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('replacements.detail.month')}</Table.Th>
                  <Table.Th ta="right">
                    {t('replacements.detail.originalKw')} {r.resourceCode}
                  </Table.Th>
                  <Table.Th ta="right">
                    {t('replacements.detail.replacingKw')} {r.replacingResourceCode}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{m.month.replace('-', '/')}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.originalKw)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.replacingKw)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      </Stack>
      <ConfirmDialog
        opened={pending !== null}
        title={
          pending === 'consent'
            ? t('replacements.detail.consent')
            : pending === 'decline'
              ? t('replacements.detail.decline')
              : t('replacements.detail.withdraw')
        }
        message={
          pending === 'decline' ? (
            <Textarea
              label={t('replacements.detail.declineReason')}
              value={reason}
              maxLength={1000}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="replacement-decline-reason"
            />
          ) : pending === 'consent' ? (
            t('replacements.detail.consentConfirm')
          ) : (
            t('replacements.detail.withdrawConfirm')
          )
        }
        confirmLabel={
          pending === 'consent'
            ? t('replacements.detail.consent')
            : pending === 'decline'
              ? t('replacements.detail.decline')
              : t('replacements.detail.withdraw')
        }
        danger={pending !== 'consent'}
        loading={action.isPending}
        error={action.error}
        onClose={() => {
          setPending(null)
          action.reset()
        }}
        onConfirm={() => {
          if (!pending) return
          const which = pending
          action.mutate(
            { replacement: r, action: which, reason },
            {
              onSuccess: () => {
                setPending(null)
                setDone(which)
                void query.refetch()
              },
            },
          )
        }}
      />
    </Page>
  )
}
