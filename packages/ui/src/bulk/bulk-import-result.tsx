import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { BulkImport } from '@yoryo/contracts'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { downloadFile } from '../api/download.ts'
import { DownloadIcon } from '../components/icons.tsx'
import { formatNumber } from '../format/format.ts'
import { ApiErrorAlert, MessageAlert } from '../messages/message-text.tsx'
import { bulkQueries, errorFileHref, isRunning } from './api.ts'

const STATE_COLOR: Record<BulkImport['state'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
}

/** The state of an import as a badge. */
export function BulkStateBadge({ state }: { state: BulkImport['state'] }) {
  const { t } = useTranslation()
  return (
    <Badge
      size="sm"
      radius="sm"
      variant={isRunning(state) ? 'light' : 'filled'}
      color={STATE_COLOR[state]}
      miw={56}
      data-state={state}
    >
      {t(`bulk.state.${state}`)}
    </Badge>
  )
}

/** Downloads the error file of an import (Shift_JIS, CRLF: opens in Excel). */
export function ErrorFileButton({ imp }: { imp: BulkImport }) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: () =>
      downloadFile(errorFileHref(imp.id), `errors-${imp.format}-${imp.id.slice(0, 8)}.csv`),
  })
  return (
    <Button
      variant="default"
      leftSection={<DownloadIcon size={14} />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      data-testid="bulk-error-file"
    >
      {t('bulk.result.errorFile')}
    </Button>
  )
}

/**
 * The result of an upload, followed while its job runs: a progress bar fed by `processedRows`
 * (checking, then registering), then the outcome with the error file of a failed file.
 */
export function BulkImportResult({
  id,
  onFinished,
}: {
  id: string
  onFinished?: (imp: BulkImport) => void
}) {
  const { t } = useTranslation()
  const query = useQuery(bulkQueries.import(id))
  const finished = useRef(false)
  useEffect(() => {
    const data = query.data
    if (!data || isRunning(data.state) || finished.current) return
    finished.current = true
    onFinished?.(data)
  }, [query.data, onFinished])
  if (query.error) return <ApiErrorAlert error={query.error} />
  const imp = query.data
  if (!imp) return null
  const total = imp.totalRows ?? 0
  const running = isRunning(imp.state)
  const percent = !running ? 100 : total ? Math.round((imp.processedRows / total) * 100) : 0
  return (
    <Stack gap="sm" data-testid="bulk-result" data-state={imp.state}>
      <Group gap="xs">
        <BulkStateBadge state={imp.state} />
        <Text fz="sm">{t(`bulk.mode.${imp.mode}`)}</Text>
        <Text fz="sm" c="dimmed" className="yoryo-code">
          {imp.fileName}
        </Text>
      </Group>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fz="sm">
            {imp.state === 'queued'
              ? t('bulk.result.queued')
              : running
                ? t(`bulk.result.${imp.phase}`)
                : t(imp.phase === 'apply' ? 'bulk.result.registered' : 'bulk.result.checked')}
          </Text>
          {imp.totalRows !== null ? (
            <Text fz="sm" className="yoryo-tabular">
              {t('bulk.result.progress', {
                processed: formatNumber(running ? imp.processedRows : total),
                total: formatNumber(total),
              })}
            </Text>
          ) : null}
        </Group>
        <Progress
          value={percent}
          animated={running}
          color={imp.state === 'failed' ? 'red' : undefined}
          aria-label={t('bulk.result.progressLabel')}
          data-testid="bulk-progress"
          data-processed={imp.processedRows}
        />
      </Stack>
      {imp.state === 'succeeded' ? (
        <MessageAlert
          id={imp.mode === 'apply' ? 'I-BULK-003' : 'I-BULK-002'}
          params={{ count: imp.mode === 'apply' ? imp.appliedCount : (imp.totalRows ?? 0) }}
        />
      ) : null}
      {imp.state === 'failed' ? (
        <MessageAlert
          id={imp.errorCount ? 'E-BULK-001' : 'E-BULK-006'}
          params={{ count: imp.errorCount }}
        >
          {imp.errorCount ? (
            <Group mt="xs">
              <ErrorFileButton imp={imp} />
            </Group>
          ) : null}
        </MessageAlert>
      ) : null}
    </Stack>
  )
}
