import { Alert, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import type { OutageAllowance, OutageAllowanceFigures } from '@yoryo/contracts'
import { MessageAlert } from '../messages/message-text.tsx'
import { formatNumber } from '../format/format.ts'
import { useTranslation } from 'react-i18next'

/** One bar: the year's equivalent days against the allowance (red beyond it). */
function Gauge({
  label,
  figures,
  allowanceDays,
  testId,
}: {
  label: string
  figures: OutageAllowanceFigures
  allowanceDays: number
  testId: string
}) {
  const { t } = useTranslation()
  const days = Number(figures.equivalentDays)
  const percent = allowanceDays > 0 ? Math.min(100, (days / allowanceDays) * 100) : 100
  return (
    <Stack gap={2} data-testid={testId} data-exceeds={figures.exceeds}>
      <Group justify="space-between" gap="xs">
        <Text fz="sm">{label}</Text>
        <Text fz="sm" fw={700} className="yoryo-figures" c={figures.exceeds ? 'red' : undefined}>
          {t('outagePlans.allowance.gauge', {
            days: figures.equivalentDays,
            allowance: formatNumber(allowanceDays),
          })}
        </Text>
      </Group>
      <Progress
        value={percent}
        color={figures.exceeds ? 'red' : percent >= 80 ? 'orange' : 'blue'}
        aria-label={label}
      />
    </Stack>
  )
}

/**
 * 停止計画の許容日数: the resource-year's equivalent outage days (rules.md §5.1) against the
 * allowance — the plans in force, with the applications under review and, while planning, with
 * the plan on the form — and the penalty coming when the allowance is exceeded (W-OUT-001).
 */
export function AllowancePanel({ allowance }: { allowance: OutageAllowance }) {
  const { t } = useTranslation()
  const warn = allowance.withPlan ?? allowance.withPending
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="op-allowance">
      <Stack gap="sm">
        <Title order={3} className="yoryo-section-title">
          {t('outagePlans.allowance.title')}
        </Title>
        <Text fz="xs" c="dimmed">
          {t('outagePlans.allowance.formula')}
        </Text>
        <Group gap="lg">
          <Text fz="sm" data-testid="op-allowance-resource">
            <span className="yoryo-code">{allowance.resource.code}</span> {allowance.resource.name}{' '}
            · {t('outagePlans.fiscalYear', { year: allowance.deliveryYear })}
          </Text>
          <Text fz="sm">
            {t('outagePlans.fields.contractKw')}:{' '}
            <span className="yoryo-figures">{formatNumber(allowance.contractKw)}</span>
          </Text>
          <Text fz="sm">
            {t('outagePlans.allowance.allowance')}:{' '}
            {t('outagePlans.days', { days: formatNumber(allowance.allowanceDays) })}
          </Text>
          {allowance.plan ? (
            <Text fz="sm" data-testid="op-plan-days">
              {t('outagePlans.allowance.thisPlan')}:{' '}
              <strong className="yoryo-figures">
                {t('outagePlans.days', { days: allowance.plan.equivalentDays })}
              </strong>
            </Text>
          ) : null}
        </Group>
        <Gauge
          label={t('outagePlans.allowance.approved')}
          figures={allowance.approved}
          allowanceDays={allowance.allowanceDays}
          testId="op-gauge-approved"
        />
        <Gauge
          label={t('outagePlans.allowance.withPending')}
          figures={allowance.withPending}
          allowanceDays={allowance.allowanceDays}
          testId="op-gauge-pending"
        />
        {allowance.withPlan ? (
          <Gauge
            label={t('outagePlans.allowance.withPlan')}
            figures={allowance.withPlan}
            allowanceDays={allowance.allowanceDays}
            testId="op-gauge-plan"
          />
        ) : null}
        {!allowance.applies ? (
          <Alert color="gray">{t('outagePlans.allowance.notApplicable')}</Alert>
        ) : warn.exceeds ? (
          <MessageAlert
            id="W-OUT-001"
            data-testid="op-allowance-warning"
            params={{
              deliveryYear: allowance.deliveryYear,
              days: warn.equivalentDays,
              allowance: allowance.allowanceDays,
              excess: warn.excessDays,
              penalty: formatNumber(warn.penaltyEstimate ?? 0),
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  )
}
