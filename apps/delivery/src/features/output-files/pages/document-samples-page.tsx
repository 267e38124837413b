import { Button, Stack, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { AppId, DocumentSample } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  DownloadIcon,
  Page,
  createColumnHelper,
  downloadFile,
  useLanguage,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { documentSampleHref, outputFileQueries } from '../api.ts'

const column = createColumnHelper<DocumentSample>()
const APPS: AppId[] = ['delivery', 'preDelivery']

function SampleDownload({ sample }: { sample: DocumentSample }) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: () => downloadFile(documentSampleHref(sample.kind), `sample-${sample.kind}.pdf`),
  })
  return (
    <Button
      variant="default"
      size="compact-sm"
      leftSection={<DownloadIcon size={14} />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      aria-label={t('outputFiles.documents.downloadAs', { title: sample.title })}
      data-testid={`document-sample-${sample.kind}`}
    >
      {t('outputFiles.documents.download')}
    </Button>
  )
}

/**
 * K00 帳票サンプル: every document (帳票) as a sample made on demand from fictitious data,
 * numbered 見本 — the delivery-period documents first, then the pre-delivery ones.
 */
export function DocumentSamplesPage() {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const samples = useQuery(outputFileQueries.documentSamples())
  const columns = useMemo(
    () => [
      column.accessor('title', {
        header: t('outputFiles.documents.columns.title'),
        meta: { width: 300 },
      }),
      column.accessor((s) => `${s.functionGroup} ${s.group[language]}`, {
        id: 'group',
        header: t('outputFiles.documents.columns.group'),
        meta: { width: 260 },
      }),
      column.accessor((s) => s.prefix ?? t('outputFiles.documents.noPrefix'), {
        id: 'prefix',
        header: t('outputFiles.documents.columns.prefix'),
        meta: { width: 160, mono: true },
      }),
      column.display({
        id: 'download',
        header: t('outputFiles.documents.columns.download'),
        cell: (info) => <SampleDownload sample={info.row.original} />,
        meta: { width: 140, nowrap: true },
      }),
    ],
    [t, language],
  )
  return (
    <Page
      functionCode="K00"
      title={t('functions.documentSamples')}
      description={t('outputFiles.documents.description')}
    >
      {samples.error ? <ApiErrorAlert error={samples.error} /> : null}
      <Stack gap="lg">
        {APPS.map((app) => (
          <Stack key={app} gap="xs">
            <Title order={2} size="h4">
              {t(`outputFiles.documents.${app}Heading`)}
            </Title>
            <DataTable
              key={language}
              label={t('outputFiles.documents.tableLabel', {
                app: t(`outputFiles.documents.${app}Heading`),
              })}
              data={(samples.data?.items ?? []).filter((s) => s.app === app)}
              columns={columns}
              getRowId={(s) => s.kind}
              loading={samples.isPending}
              skeletonRows={app === 'delivery' ? 2 : 5}
              emptyMessage={
                app === 'delivery' ? t('outputFiles.documents.deliveryEmpty') : undefined
              }
              testId={`document-samples-${app}`}
            />
          </Stack>
        ))}
      </Stack>
    </Page>
  )
}
