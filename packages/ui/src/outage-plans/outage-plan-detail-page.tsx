import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ApiErrorAlert } from '../messages/message-text.tsx'
import { HistoryTimeline } from '../applications/history-timeline.tsx'
import { Page } from '../components/page.tsx'
import { StateBadge } from '../applications/state-badge.tsx'
import { ValueRow } from '../participants/profile-view.tsx'
import { canEditGroup } from '../applications/permissions.ts'
import { formatDateTime, formatNumber } from '../format/format.ts'
import { noticeState } from '../components/flash-notice.tsx'
import { useApplicationTitle } from '../applications/labels.ts'
import { useSession } from '../session/session.ts'
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { outagePlanQueries } from './api.ts'
import { AllowancePanel } from './allowance-panel.tsx'
import { OutagePlanCancelDialog } from './cancel-dialog.tsx'
import { afterFilingPath, ApplicationLink, useOutagePlanFunction } from './function.tsx'
import { OutageWindowBanner } from './window-banner.tsx'

/**
 * 180 / B00 容量停止計画の詳細 (`/outage-plans/:id`): the plan, its resource-year against the allowance,
 * and its history (the applications that registered, changed or cancelled it).
 */
export function OutagePlanDetailPage() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const fn = useOutagePlanFunction()
  const applicationTitle = useApplicationTitle()
  const [cancelling, setCancelling] = useState(false)
  const { id = '' } = useParams()
  const record = useQuery(outagePlanQueries.detail(id))
  const r = record.data
  const allowance = useQuery({
    ...outagePlanQueries.allowance({
      resourceId: r?.resource.id ?? '',
      deliveryYear: r?.deliveryYear ?? 0,
    }),
    enabled: !!r,
  })
  const mayFile =
    session.user.role !== 'operator' && canEditGroup(session, fn.code) && r?.state === 'active'
  return (
    <Page
      functionCode={fn.code}
      title={r ? t('outagePlans.detail.title', { planNo: r.planNo }) : t(`functions.${fn.key}`)}
      actions={
        mayFile ? (
          <Group gap="xs">
            <Button
              variant="default"
              color="red"
              onClick={() => setCancelling(true)}
              data-testid="op-cancel"
            >
              {t('outagePlans.detail.cancel')}
            </Button>
            <Button component={Link} to={`/outage-plans/${id}/change`} data-testid="op-change">
              {t('outagePlans.detail.change')}
            </Button>
          </Group>
        ) : null
      }
    >
      {record.error ? <ApiErrorAlert error={record.error} /> : null}
      {!r ? (
        record.isPending ? (
          <Skeleton h={320} />
        ) : null
      ) : (
        <Stack gap="md">
          <OutageWindowBanner deliveryYear={r.deliveryYear} />
          <Paper withBorder p="md" className="yoryo-panel" data-testid="op-detail">
            <Stack gap="sm">
              <Group gap="sm">
                <Title order={2} className="yoryo-section-title">
                  {t('outagePlans.detail.values')}
                </Title>
                <Badge variant="light" color={r.state === 'active' ? 'green' : 'gray'}>
                  {t(`outagePlans.state.${r.state}`)}
                </Badge>
              </Group>
              <dl className="yoryo-dl-table">
                <ValueRow label={t('outagePlans.fields.planNo')} value={r.planNo} />
                <ValueRow
                  label={t('outagePlans.fields.participant')}
                  value={`${r.participant.code} ${r.participant.name}`}
                />
                <ValueRow
                  label={t('outagePlans.fields.resource')}
                  value={`${r.resource.code} ${r.resource.name}`}
                />
                <ValueRow label={t('outagePlans.fields.contractNo')} value={r.contractNo} />
                <ValueRow
                  label={t('outagePlans.fields.deliveryYear')}
                  value={t('outagePlans.fiscalYear', { year: r.deliveryYear })}
                />
                <ValueRow
                  label={t('outagePlans.fields.startAt')}
                  value={formatDateTime(r.startAt)}
                />
                <ValueRow label={t('outagePlans.fields.endAt')} value={formatDateTime(r.endAt)} />
                <ValueRow
                  label={t('outagePlans.fields.reducedKw')}
                  value={`${formatNumber(r.reducedKw)} kW / ${formatNumber(r.contractKw)} kW`}
                  testId="op-detail-kw"
                />
                <ValueRow
                  label={t('outagePlans.fields.reason')}
                  value={t(`outagePlans.reason.${r.reason}`)}
                />
                <ValueRow
                  label={t('outagePlans.fields.equivalentDays')}
                  value={t('outagePlans.days', { days: r.equivalentDays })}
                />
                <ValueRow label={t('outagePlans.fields.note')} value={r.note} emptyText="—" />
                <ValueRow
                  label={t('outagePlans.fields.updatedAt')}
                  value={formatDateTime(r.updatedAt)}
                />
              </dl>
            </Stack>
          </Paper>
          {allowance.data ? <AllowancePanel allowance={allowance.data} /> : null}
          <Paper withBorder p="md" className="yoryo-panel">
            <Title order={2} className="yoryo-section-title" mb="xs">
              {t('outagePlans.detail.history')}
            </Title>
            {r.applications.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('outagePlans.detail.noHistory')}
              </Text>
            ) : (
              <Stack gap="md" data-testid="op-history">
                {r.applications.map((a) => (
                  <section key={a.id} aria-label={a.receiptNo}>
                    <Group gap="sm" mb={4}>
                      <ApplicationLink fn={fn} applicationId={a.id}>
                        {a.receiptNo}
                      </ApplicationLink>
                      <Text fz="sm" fw={700}>
                        {applicationTitle(a)}
                      </Text>
                      <StateBadge state={a.state} />
                    </Group>
                    <HistoryTimeline events={a.events} />
                  </section>
                ))}
              </Stack>
            )}
          </Paper>
          <OutagePlanCancelDialog
            record={r}
            opened={cancelling}
            onClose={() => setCancelling(false)}
            onFiled={(application) =>
              void navigate(
                afterFilingPath(fn, application.id),
                noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
              )
            }
          />
        </Stack>
      )}
    </Page>
  )
}
