import { Button, Group, Text } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { CsvSample } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  DownloadIcon,
  Page,
  createColumnHelper,
  csvExportHref,
  downloadFile,
  useLanguage,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { outputFileQueries } from '../api.ts'

const column = createColumnHelper<CsvSample>()
type Encoding = 'shift_jis' | 'utf-8'

/** The list's own CSV export (no filter: every row the caller may see), in either encoding. */
function SampleDownloads({ sample, name }: { sample: CsvSample; name: string }) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: (encoding: Encoding) =>
      downloadFile(csvExportHref(sample.apiPath, {}, encoding), sample.fileName),
  })
  if (sample.needsQuery) {
    return (
      <Text size="xs" c="dimmed">
        {t('outputFiles.csv.fromScreen')}
      </Text>
    )
  }
  const options = [
    { encoding: 'shift_jis' as const, label: t('listTools.shiftJis') },
    { encoding: 'utf-8' as const, label: t('listTools.utf8') },
  ]
  return (
    <Group gap="xs" wrap="nowrap">
      {options.map((o) => (
        <Button
          key={o.encoding}
          variant="default"
          size="compact-sm"
          leftSection={<DownloadIcon size={14} />}
          loading={download.isPending && download.variables === o.encoding}
          onClick={() => download.mutate(o.encoding)}
          aria-label={t('outputFiles.csv.downloadAs', { name, encoding: o.label })}
          data-testid={`csv-sample-${sample.operationId}-${sample.functionKey}-${o.encoding}`}
        >
          {o.label}
        </Button>
      ))}
    </Group>
  )
}

/**
 * K21 CSV出力サンプル: the CSV header of every list screen the caller may use and, for the lists
 * that need no record or filter, the list's own export as the sample file.
 */
export function CsvSamplesPage() {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const samples = useQuery(outputFileQueries.csvSamples())
  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('outputFiles.csv.columns.code'),
        // A width class puts the table on the width plan: at 390 px it scrolls, never squeezes.
        meta: { widthClass: 'code', nowrap: true, mono: true },
      }),
      column.accessor((s) => s.screen[language], {
        id: 'screen',
        header: t('outputFiles.csv.columns.screen'),
        meta: { width: 180 },
      }),
      column.accessor('fileName', {
        header: t('outputFiles.csv.columns.fileName'),
        meta: { width: 190, mono: true },
      }),
      column.accessor((s) => s.columns.map((c) => c[language]).join(','), {
        id: 'header',
        header: t('outputFiles.csv.columns.header'),
        cell: (info) => (
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {info.getValue()}
          </Text>
        ),
        meta: { width: 280 },
        enableSorting: false,
      }),
      column.display({
        id: 'download',
        header: t('outputFiles.csv.columns.download'),
        cell: (info) => (
          <SampleDownloads sample={info.row.original} name={info.row.original.screen[language]} />
        ),
        meta: { width: 180, nowrap: true },
      }),
    ],
    [t, language],
  )
  return (
    <Page
      functionCode="K21"
      title={t('functions.csvSamples')}
      description={t('outputFiles.csv.description')}
    >
      {samples.error ? <ApiErrorAlert error={samples.error} /> : null}
      <DataTable
        key={language}
        label={t('outputFiles.csv.tableLabel')}
        data={samples.data?.items ?? []}
        columns={columns}
        getRowId={(s) => `${s.operationId}:${s.functionKey}`}
        loading={samples.isPending}
        emptyMessage={t('outputFiles.csv.empty')}
        testId="csv-samples-table"
      />
    </Page>
  )
}
