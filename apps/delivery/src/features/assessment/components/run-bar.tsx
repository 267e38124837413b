import { Button, Group, Paper, Progress, Select, Skeleton, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { monthSchema, type AssessmentRun } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  BulkStateBadge,
  ConfirmDialog,
  MonthField,
  RunFailureText,
  MessageAlert,
  formatDateTime,
  formatNumber,
  lastEndedMonth,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { assessmentQueries, useStartAssessmentRun, type RunSelection } from '../api.ts'

/**
 * The month and run a screen of the assessment shows, from the URL (`month`, `run`): the month
 * defaults to the month of the latest run (else the last ended month); the run to the latest
 * succeeded run of the month. Lists read the `selection`: a succeeded run by its ID (undefined
 * while the month has none).
 */
export function useRunSelection() {
  const [params, setParams] = useSearchParams()
  const asked = params.get('month') ?? ''
  const latest = useQuery({ ...assessmentQueries.runs(undefined), enabled: asked === '' })
  const month = monthSchema.safeParse(asked).success
    ? asked
    : asked === '' && latest.isPending
      ? undefined
      : (latest.data?.items[0]?.month ?? lastEndedMonth())
  const runs = useQuery({ ...assessmentQueries.runs(month), enabled: month !== undefined })
  const runId = params.get('run') ?? undefined
  const items = runs.data?.items ?? []
  const run = items.find((r) => r.id === runId) ?? items.find((r) => r.current) ?? items[0]
  // The results shown: the chosen run once it has succeeded, else (while a new run is queued or
  // running, or after one failed) the month's current version; none before a first success.
  const shown = run?.state === 'succeeded' ? run : items.find((r) => r.current)
  const selection: RunSelection | undefined = shown ? { runId: shown.id } : undefined
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
  return { month, runs, run, selection, select }
}

export type RunSelectionState = ReturnType<typeof useRunSelection>

function RunInfo({ run }: { run: AssessmentRun }) {
  const { t } = useTranslation()
  const running = run.state === 'queued' || run.state === 'running'
  return (
    <Group gap="md" wrap="wrap" fz="sm" data-testid="run-info" data-state={run.state}>
      <BulkStateBadge state={run.state} />
      {running ? (
        <Group gap="xs" wrap="nowrap" w={220}>
          <Progress
            value={run.total ? (run.processed / run.total) * 100 : 5}
            animated
            w={120}
            aria-label={t('assessment.run.progress')}
          />
          <Text fz="sm" className="yoryo-numeric">
            {formatNumber(run.processed)} / {run.total === null ? '—' : formatNumber(run.total)}
          </Text>
        </Group>
      ) : null}
      <Text fz="sm">
        {t('assessment.run.startedAt')}: {formatDateTime(run.createdAt)}
      </Text>
      <Text fz="sm">
        {t('assessment.run.startedBy')}: {run.startedByName ?? t('assessment.run.schedule')}
      </Text>
      {run.state === 'succeeded' ? (
        <Text fz="sm">
          {t('assessment.run.resources')}: {formatNumber(run.resourceCount)}
        </Text>
      ) : null}
      {run.totalAmount !== null && run.state === 'succeeded' ? (
        <Text fz="sm">
          {t('assessment.run.totalAmount')}:{' '}
          {t('assessment.amountYen', { amount: formatNumber(run.totalAmount) })}
        </Text>
      ) : null}
      <RunFailureText failure={run.failure} error={run.error} />
    </Group>
  )
}

/**
 * The bar above every assessment screen: the month, its runs (versions; older ones selectable),
 * the chosen run's state, time and starter; on B40 the operator's button that assesses the
 * month again (a confirmation, then the run's progress while it runs).
 */
export function RunBar({
  state,
  withRunButton = false,
}: {
  state: RunSelectionState
  withRunButton?: boolean
}) {
  const { t } = useTranslation()
  const session = useSession()
  const start = useStartAssessmentRun()
  const [confirm, setConfirm] = useState(false)
  const [queued, setQueued] = useState<{ month: string; version: number } | null>(null)
  const { month, runs, run, select } = state
  const items = runs.data?.items ?? []
  const busy = items.some((r) => r.state === 'queued' || r.state === 'running')
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="run-bar">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          {month ? (
            <MonthField key={month} month={month} onChange={(next) => select({ month: next })} />
          ) : (
            <Skeleton h={36} w={190} />
          )}
          <Select
            label={t('assessment.run.version')}
            w={200}
            allowDeselect={false}
            disabled={items.length === 0}
            placeholder={runs.isPending ? '' : t('assessment.run.none')}
            data={items.map((r) => ({
              value: r.id,
              label: r.current
                ? t('assessment.run.versionCurrent', { version: r.version })
                : t('assessment.run.versionLabel', { version: r.version }),
            }))}
            value={run?.id ?? null}
            onChange={(value) => select({ run: value ?? undefined })}
            data-testid="run-version"
          />
          {run ? <RunInfo run={run} /> : null}
        </Group>
        {withRunButton && session.user.role === 'operator' && month ? (
          <Button
            onClick={() => setConfirm(true)}
            disabled={busy}
            loading={busy}
            data-testid="run-start"
          >
            {t('assessment.run.start')}
          </Button>
        ) : null}
      </Group>
      {runs.error ? <ApiErrorAlert error={runs.error} mt="sm" /> : null}
      {queued ? (
        <MessageAlert
          id="I-ASMT-053"
          params={queued}
          mt="sm"
          withCloseButton
          onClose={() => setQueued(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={confirm}
        title={t('assessment.run.confirmTitle')}
        message={t('assessment.run.confirmMessage', { month: month ?? '' })}
        confirmLabel={t('assessment.run.start')}
        danger={false}
        loading={start.isPending}
        error={start.error}
        onClose={() => {
          start.reset()
          setConfirm(false)
        }}
        onConfirm={() =>
          month &&
          start.mutate(month, {
            onSuccess: (created) => {
              setConfirm(false)
              setQueued({ month, version: created.version })
              select({ month, run: created.id })
            },
          })
        }
      />
    </Paper>
  )
}
