import { Anchor, Group, Paper, Stack, Table, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  bulkImportListQuerySchema,
  bulkImportSortFields,
  jobStateSchema,
  type AppId,
  type BulkImport,
} from '@yoryo/contracts'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { z } from 'zod'
import { createColumnHelper } from '../components/data-table.tsx'
import { Page } from '../components/page.tsx'
import { formatDateTime, formatNumber } from '../format/format.ts'
import { ChoiceFilter } from '../list/filter-fields.tsx'
import { FilterBar } from '../list/filter-bar.tsx'
import { ListScreen } from '../list/list-screen.tsx'
import { exportFileName, readChoice, readId, readText } from '../list/list-params.ts'
import { ParticipantFilter } from '../list/participant-select.tsx'
import { useListState } from '../list/use-list-state.ts'
import { ApiErrorAlert } from '../messages/message-text.tsx'
import { useSession } from '../session/session.ts'
import { BULK_IMPORTS_PATH, bulkKeys, bulkQueries, formatsOfApp } from './api.ts'
import { BulkImportResult, BulkStateBadge } from './bulk-import-result.tsx'
import { BulkUploadPanel, useFormatName } from './bulk-upload-panel.tsx'

const column = createColumnHelper<BulkImport>()

const filterSchema = bulkImportListQuerySchema.pick({ formatCode: true }).extend({
  formatCode: z.string(),
  state: z.union([z.literal(''), jobStateSchema]),
  participantId: z.string(),
})
type FilterValues = z.input<typeof filterSchema>
const FILTER_KEYS = ['formatCode', 'state', 'participantId'] as const

export interface BulkImportsScreenProps {
  /** 220 (pre-delivery formats) or G00 (delivery-period formats). */
  functionCode: '220' | 'G00'
  /** The SPA whose formats the screen uploads and lists. */
  app: AppId
  title: string
  description: string
  /**
   * Whether the operator chooses the participant a file is for (220). The delivery-period
   * feeds are not one participant's: the operator uploads them as itself (G00).
   */
  participantChoice?: boolean
}

/**
 * 一括登録 (220 / G00): upload a file of a format of the SPA (checked, then registered all or
 * nothing by a job, with its progress), and the result history of the caller's organisation
 * (the operator: of all). Shared by both SPAs.
 */
export function BulkImportsScreen({
  functionCode,
  app,
  title,
  description,
  participantChoice = true,
}: BulkImportsScreenProps) {
  const { t } = useTranslation()
  const session = useSession()
  const queryClient = useQueryClient()
  const formatName = useFormatName()
  const isOperator = session.user.role === 'operator'
  const formats = useQuery(bulkQueries.formats())
  const appFormats = useMemo(
    () => formatsOfApp(formats.data?.items ?? [], app),
    [formats.data, app],
  )
  const state = useListState(bulkImportSortFields)
  const filterParams = {
    formatCode: readText(state.params, 'formatCode', 10),
    state: readChoice(state.params, 'state', jobStateSchema.options),
    participantId: isOperator ? readId(state.params, 'participantId') : undefined,
  }
  const list = useQuery(
    bulkQueries.list({
      ...filterParams,
      app,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const nameOf = useMemo(() => {
    const byCode = new Map((formats.data?.items ?? []).map((f) => [f.code, f]))
    return (code: string) => {
      const f = byCode.get(code)
      return f ? formatName(f) : code
    }
  }, [formats.data, formatName])

  const columns = useMemo(
    () => [
      column.accessor('createdAt', {
        header: t('bulk.history.columns.createdAt'),
        cell: (info) => (
          <Anchor component={Link} to={info.row.original.id} fz="sm">
            {formatDateTime(info.getValue())}
          </Anchor>
        ),
        meta: { width: 136, nowrap: true, tabular: true },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('bulk.history.columns.participantCode'),
              meta: { width: 96, nowrap: true, mono: true },
            }),
          ]
        : []),
      column.accessor('format', {
        header: t('bulk.history.columns.format'),
        cell: (info) => nameOf(info.getValue()),
        meta: { breakAnywhere: true },
      }),
      column.accessor('mode', {
        header: t('bulk.history.columns.mode'),
        cell: (info) => t(`bulk.mode.${info.getValue()}`),
        meta: { width: 104, nowrap: true },
      }),
      column.accessor('fileName', {
        header: t('bulk.history.columns.fileName'),
        meta: { breakAnywhere: true, width: 180 },
      }),
      column.accessor('state', {
        header: t('bulk.history.columns.state'),
        cell: (info) => <BulkStateBadge state={info.getValue()} />,
        meta: { width: 88, nowrap: true },
      }),
      column.accessor('totalRows', {
        header: t('bulk.history.columns.totalRows'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 72, numeric: true },
      }),
      column.accessor('errorCount', {
        header: t('bulk.history.columns.errorCount'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 72, numeric: true },
      }),
      column.accessor('appliedCount', {
        header: t('bulk.history.columns.appliedCount'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 72, numeric: true },
      }),
    ],
    [t, isOperator, nameOf],
  )
  const filters: FilterValues = {
    formatCode: filterParams.formatCode ?? '',
    state: filterParams.state ?? '',
    participantId: filterParams.participantId ?? '',
  }

  return (
    <Page functionCode={functionCode} title={title} description={description}>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="bulk-upload-title">
          <Title order={2} id="bulk-upload-title" className="yoryo-section-title" fz="md" mb="sm">
            {t('bulk.upload.title')}
          </Title>
          <BulkUploadPanel
            app={app}
            participantChoice={participantChoice}
            onFinished={() => void queryClient.invalidateQueries({ queryKey: bulkKeys.imports() })}
          />
        </Paper>
        <ListScreen
          state={state}
          result={list}
          title={t('bulk.history.title')}
          columns={columns}
          getRowId={(row) => row.id}
          emptyMessage={t('bulk.history.empty')}
          csv={{
            path: BULK_IMPORTS_PATH,
            query: { ...filterParams, app },
            fileName: exportFileName('bulk-imports'),
          }}
          testId="bulk-history"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  formatCode: values.formatCode,
                  state: values.state,
                  participantId: values.participantId,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="bulk-filters"
            >
              {(form) => (
                <>
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('listKit.participant')}
                    />
                  ) : null}
                  <ChoiceFilter
                    control={form.control}
                    name="formatCode"
                    label={t('bulk.history.filters.format')}
                    w={320}
                    options={appFormats.map((f) => ({
                      value: f.code,
                      label: formatName(f),
                    }))}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="state"
                    label={t('bulk.history.filters.state')}
                    w={160}
                    options={jobStateSchema.options.map((s) => ({
                      value: s,
                      label: t(`bulk.state.${s}`),
                    }))}
                  />
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}

/** 一括登録 (220 / G00): one upload's result (followed while it runs) and its error file. */
export function BulkImportScreen({ functionCode }: { functionCode: '220' | 'G00' }) {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const formatName = useFormatName()
  const formats = useQuery(bulkQueries.formats())
  const imp = useQuery(bulkQueries.import(id))
  const format = formats.data?.items.find((f) => f.code === imp.data?.format)
  return (
    <Page
      functionCode={functionCode}
      title={t('bulk.detail.title')}
      actions={
        <Anchor component={Link} to=".." relative="path" fz="sm">
          {t('bulk.detail.back')}
        </Anchor>
      }
    >
      <Stack gap="md">
        {imp.error ? <ApiErrorAlert error={imp.error} /> : null}
        {imp.data ? (
          <Paper withBorder p="md">
            <Stack gap="md">
              <Table className="yoryo-definition" withRowBorders={false}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={160}>{t('bulk.upload.format')}</Table.Th>
                    <Table.Td>{format ? formatName(format) : imp.data.format}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.fileName')}</Table.Th>
                    <Table.Td>{imp.data.fileName}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.uploadedBy')}</Table.Th>
                    <Table.Td>{imp.data.createdBy}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.createdAt')}</Table.Th>
                    <Table.Td>{formatDateTime(imp.data.createdAt)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.finishedAt')}</Table.Th>
                    <Table.Td>{formatDateTime(imp.data.finishedAt)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Group>
                <BulkImportResult id={id} />
              </Group>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </Page>
  )
}
