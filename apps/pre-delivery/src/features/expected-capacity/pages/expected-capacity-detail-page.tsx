import { Badge, Button, Group, Paper, Skeleton, Stack, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  ApiErrorAlert,
  Page,
  ValueRow,
  canEditGroup,
  formatDateTime,
  formatNumber,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { expectedCapacityQueries } from '../api.ts'
import { CalculationPanel } from '../components/calculation-panel.tsx'
import { ExpectedCapacityCancelDialog } from '../components/cancel-dialog.tsx'
import { WindowBanner } from '../components/window-banner.tsx'

/**
 * 070 期待容量の詳細 (`/expected-capacities/:id`): the values, how the expected capacity was
 * computed (factor table version included) and, after 841, how the changed one was.
 */
export function ExpectedCapacityDetailPage() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const [cancelling, setCancelling] = useState(false)
  const { id = '' } = useParams()
  const record = useQuery(expectedCapacityQueries.detail(id))
  const r = record.data
  const mayFile =
    session.user.role !== 'operator' && canEditGroup(session, '070') && r?.status === 'active'
  return (
    <Page
      functionCode="070"
      title={t('expectedCapacity.detail.title')}
      actions={
        mayFile ? (
          <Group gap="xs">
            <Button variant="default" color="red" onClick={() => setCancelling(true)}>
              {t('expectedCapacity.detail.cancel')}
            </Button>
            <Button
              component={Link}
              to={`/expected-capacities/${id}/change`}
              data-testid="ec-change"
            >
              {t('expectedCapacity.detail.change')}
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
          <WindowBanner deliveryYear={r.deliveryYear} />
          <Paper withBorder p="md" className="yoryo-panel" data-testid="ec-detail">
            <Stack gap="sm">
              <Group gap="sm">
                <Title order={2} className="yoryo-section-title">
                  {r.resource.code} {r.resource.name}
                </Title>
                <Badge variant="light" color={r.status === 'active' ? 'green' : 'gray'}>
                  {t(`expectedCapacity.status.${r.status}`)}
                </Badge>
              </Group>
              <dl className="yoryo-dl-table">
                <ValueRow
                  label={t('expectedCapacity.fields.participant')}
                  value={`${r.participant.code} ${r.participant.name}`}
                />
                <ValueRow
                  label={t('expectedCapacity.fields.deliveryYear')}
                  value={t('expectedCapacity.fiscalYear', { year: r.deliveryYear })}
                />
                <ValueRow
                  label={t('expectedCapacity.fields.expectedKw')}
                  value={`${formatNumber(r.expectedKw)} kW`}
                  testId="ec-record-kw"
                />
                <ValueRow
                  label={t('expectedCapacity.fields.changedExpectedKw')}
                  value={
                    r.changedExpectedKw === null ? '' : `${formatNumber(r.changedExpectedKw)} kW`
                  }
                  testId="ec-record-changed-kw"
                  emptyText="—"
                />
                <ValueRow label={t('expectedCapacity.fields.note')} value={r.note} emptyText="—" />
                <ValueRow
                  label={t('expectedCapacity.fields.updatedAt')}
                  value={formatDateTime(r.updatedAt)}
                />
              </dl>
            </Stack>
          </Paper>
          <CalculationPanel
            calculation={r.calculation}
            title={t('expectedCapacity.detail.calculation')}
          />
          <ExpectedCapacityCancelDialog
            record={r}
            opened={cancelling}
            onClose={() => setCancelling(false)}
            onFiled={(application) =>
              void navigate(
                `/applications/${application.id}`,
                noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
              )
            }
          />
          {r.changedCalculation ? (
            <CalculationPanel
              calculation={r.changedCalculation}
              title={t('expectedCapacity.detail.changedCalculation')}
              testId="ec-changed-calculation"
            />
          ) : null}
        </Stack>
      )}
    </Page>
  )
}
