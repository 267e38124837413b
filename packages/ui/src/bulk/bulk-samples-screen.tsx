import { Button, Group } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { BulkFormat } from '@yoryo/contracts'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { downloadFile } from '../api/download.ts'
import { DataTable, createColumnHelper } from '../components/data-table.tsx'
import { DownloadIcon } from '../components/icons.tsx'
import { Page } from '../components/page.tsx'
import { ApiErrorAlert } from '../messages/message-text.tsx'
import { bulkQueries, sampleHref } from './api.ts'

const column = createColumnHelper<BulkFormat>()

function SampleDownloads({ format }: { format: BulkFormat }) {
  const { t, i18n } = useTranslation()
  const download = useMutation({
    mutationFn: (encoding: 'shift_jis' | 'utf-8') =>
      downloadFile(sampleHref(format.code, encoding), `sample-${format.code}.csv`),
  })
  const name = i18n.language === 'en' ? format.en : format.ja
  const options = [
    { encoding: 'shift_jis' as const, label: t('bulk.samples.shiftJis') },
    { encoding: 'utf-8' as const, label: t('bulk.samples.utf8') },
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
          aria-label={t('bulk.samples.downloadAs', { name, encoding: o.label })}
          data-testid={`sample-${format.code}-${o.encoding}`}
        >
          {o.label}
        </Button>
      ))}
    </Group>
  )
}

/**
 * 一括登録様式サンプル (K10): every bulk format with its sample file — the header row and an
 * example row that imports as it is — in Shift_JIS (Excel) or UTF-8.
 */
export function BulkSamplesScreen({ title }: { title: string }) {
  const { t, i18n } = useTranslation()
  const formats = useQuery(bulkQueries.formats())
  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('bulk.samples.columns.code'),
        meta: { width: 72, nowrap: true, mono: true },
      }),
      column.accessor((f) => (i18n.language === 'en' ? f.en : f.ja), {
        id: 'name',
        header: t('bulk.samples.columns.name'),
      }),
      column.accessor((f) => (i18n.language === 'en' ? f.function.en : f.function.ja), {
        id: 'function',
        header: t('bulk.samples.columns.function'),
        meta: { width: 220 },
      }),
      column.display({
        id: 'download',
        header: t('bulk.samples.columns.download'),
        cell: (info) => <SampleDownloads format={info.row.original} />,
        meta: { width: 220, nowrap: true },
      }),
    ],
    [t, i18n.language],
  )
  return (
    <Page functionCode="K10" title={title} description={t('bulk.samples.description')}>
      {formats.error ? <ApiErrorAlert error={formats.error} /> : null}
      <DataTable
        label={t('bulk.samples.tableLabel')}
        data={formats.data?.items ?? []}
        columns={columns}
        getRowId={(row) => row.code}
        loading={formats.isPending}
        testId="bulk-samples-table"
      />
    </Page>
  )
}
