import { Button, Group, Paper, Progress, Select, Skeleton, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { monthSchema, type SettlementRun } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  BulkStateBadge,
  ConfirmDialog,
  MonthField,
  RunFailureText,
  formatDateTime,
  formatNumber,
  lastEndedMonth,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { settlementQueries, useIssueSettlementDocuments, useStartSettlementRun } from '../api.ts'

/**
 * The month and settlement run E10 shows, from the URL (`month`, `run`): the month defaults to
 * the month of the latest run (else the last ended month); the run to the month's current
 * (latest succeeded) version. `runId` is the succeeded run the list reads (undefined: none yet).
 */
export function useSettlementSelection() {
  const [params, setParams] = useSearchParams()
  const asked = params.get('month') ?? ''
  const latest = useQuery({ ...settlementQueries.runs(undefined), enabled: asked === '' })
  const month = monthSchema.safeParse(asked).success
    ? asked
    : asked === '' && latest.isPending
      ? undefined
      : (latest.data?.items[0]?.month ?? lastEndedMonth())
  const runs = useQuery({ ...settlementQueries.runs(month), enabled: month !== undefined })
  const items = runs.data?.items ?? []
  const runId = params.get('run') ?? undefined
  const run = items.find((r) => r.id === runId) ?? items.find((r) => r.current) ?? items[0]
  const shown = run?.state === 'succeeded' ? run : items.find((r) => r.current)
  const select = (next: { month?: string; run?: string }) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current)
        if (next.month !== undefined) out.set('month', next.month)
        if (next.run !== undefined) out.set('run', next.run)
        else out.delete('run')
        out.delete('page')
        return out
      },
      { replace: true },
    )
  return { month, runs, run, runId: shown?.id, select }
}

export type SettlementSelection = ReturnType<typeof useSettlementSelection>

function RunInfo({ run }: { run: SettlementRun }) {
  const { t } = useTranslation()
  const running = run.state === 'queued' || run.state === 'running'
  const yen = (amount: number) => t('settlement.amountYen', { amount: formatNumber(amount) })
  return (
    <Group gap="md" wrap="wrap" fz="sm" data-testid="settlement-run-info" data-state={run.state}>
      <BulkStateBadge state={run.state} />
      {running ? (
        <Group gap="xs" wrap="nowrap" w={220}>
          <Progress
            value={run.total ? (run.processed / run.total) * 100 : 5}
            animated
            w={120}
            aria-label={t('settlement.run.progress')}
          />
          <Text fz="sm" className="yoryo-numeric">
            {formatNumber(run.processed)} / {run.total === null ? '—' : formatNumber(run.total)}
          </Text>
        </Group>
      ) : null}
      <Text fz="sm">
        {t('settlement.run.startedAt')}: {formatDateTime(run.createdAt)}
      </Text>
      {run.assessmentVersion !== null ? (
        <Text fz="sm">
          {t('settlement.run.assessmentVersion', { version: run.assessmentVersion })}
        </Text>
      ) : null}
      {run.state === 'succeeded' ? (
        <Text fz="sm">
          {t('settlement.run.lines')}: {formatNumber(run.lineCount)}
        </Text>
      ) : null}
      {run.monthlyAmount !== null && run.penalty !== null && run.state === 'succeeded' ? (
        <Text fz="sm">
          {t('settlement.fields.monthlyAmount')}: {yen(run.monthlyAmount)} ·{' '}
          {t('settlement.fields.penalty')}: {yen(run.penalty)}
        </Text>
      ) : null}
      <Text fz="sm" data-testid="settlement-documents-state">
        {run.documentsIssuedAt
          ? t('settlement.run.issuedAt', { at: formatDateTime(run.documentsIssuedAt) })
          : t('settlement.run.notIssued')}
      </Text>
      <RunFailureText failure={run.failure} error={run.error} />
    </Group>
  )
}

/**
 * The bar above E10: the month, its settlement runs (versions), the chosen run's state and
 * progress; the operator's buttons that settle the month (again) and issue its documents (F00).
 */
export function SettlementBar({ state }: { state: SettlementSelection }) {
  const { t } = useTranslation()
  const session = useSession()
  const start = useStartSettlementRun()
  const issue = useIssueSettlementDocuments()
  const [confirm, setConfirm] = useState<'start' | 'issue' | null>(null)
  const { month, runs, run, select } = state
  const items = runs.data?.items ?? []
  const busy = items.some((r) => r.state === 'queued' || r.state === 'running')
  const issued = items.some((r) => r.documentsIssuedAt !== null)
  const current = items.find((r) => r.current)
  const operator = session.user.role === 'operator'
  const mutation = confirm === 'issue' ? issue : start
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="settlement-bar">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          {month ? (
            <MonthField key={month} month={month} onChange={(next) => select({ month: next })} />
          ) : (
            <Skeleton h={36} w={190} />
          )}
          <Select
            label={t('settlement.run.version')}
            w={200}
            allowDeselect={false}
            disabled={items.length === 0}
            placeholder={runs.isPending ? '' : t('settlement.run.none')}
            data={items.map((r) => ({
              value: r.id,
              label: r.current
                ? t('settlement.run.versionCurrent', { version: r.version })
                : t('settlement.run.versionLabel', { version: r.version }),
            }))}
            value={run?.id ?? null}
            onChange={(value) => select({ run: value ?? undefined })}
            data-testid="settlement-version"
          />
          {run ? <RunInfo run={run} /> : null}
        </Group>
        {operator && month ? (
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() => setConfirm('start')}
              disabled={busy || issued}
              loading={busy}
              data-testid="settlement-start"
            >
              {t('settlement.run.start')}
            </Button>
            <Button
              onClick={() => setConfirm('issue')}
              disabled={busy || issued || !current}
              data-testid="settlement-issue"
            >
              {t('settlement.run.issue')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {runs.error ? <ApiErrorAlert error={runs.error} mt="sm" /> : null}
      <ConfirmDialog
        opened={confirm !== null}
        title={
          confirm === 'issue' ? t('settlement.run.issueTitle') : t('settlement.run.confirmTitle')
        }
        message={
          confirm === 'issue'
            ? t('settlement.run.issueMessage', {
                month: month ?? '',
                version: current?.version ?? '',
              })
            : t('settlement.run.confirmMessage', { month: month ?? '' })
        }
        confirmLabel={confirm === 'issue' ? t('settlement.run.issue') : t('settlement.run.start')}
        danger={false}
        loading={mutation.isPending}
        error={mutation.error}
        onClose={() => {
          start.reset()
          issue.reset()
          setConfirm(null)
        }}
        onConfirm={() => {
          if (!month) return
          if (confirm === 'issue' && current) {
            issue.mutate(current.id, { onSuccess: () => setConfirm(null) })
          } else if (confirm === 'start') {
            start.mutate(month, {
              onSuccess: (created) => {
                setConfirm(null)
                select({ month, run: created.id })
              },
            })
          }
        }}
      />
    </Paper>
  )
}
