import { Anchor, Paper, Stack, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  bulkImportListQuerySchema,
  bulkImportSortFields,
  jobStateSchema,
  type BulkImport,
} from '@yoryo/contracts'
import {
  BULK_IMPORTS_PATH,
  bulkKeys,
  bulkQueries,
  BulkStateBadge,
  BulkUploadPanel,
  ChoiceFilter,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDateTime,
  formatNumber,
  ListScreen,
  Page,
  ParticipantFilter,
  readChoice,
  readId,
  readText,
  useFormatName,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { z } from 'zod'

const column = createColumnHelper<BulkImport>()

const filterSchema = bulkImportListQuerySchema.pick({ formatCode: true }).extend({
  formatCode: z.string(),
  state: z.union([z.literal(''), jobStateSchema]),
  participantId: z.string(),
})
type FilterValues = z.input<typeof filterSchema>
const FILTER_KEYS = ['formatCode', 'state', 'participantId'] as const

/**
 * 220 一括登録: upload a file of any format (checked, then registered all or nothing by a job,
 * with its progress), and the result history of the participant (the operator: of all).
 */
export function BulkImportsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const queryClient = useQueryClient()
  const formatName = useFormatName()
  const isOperator = session.user.role === 'operator'
  const formats = useQuery(bulkQueries.formats())
  const state = useListState(bulkImportSortFields)
  const filterParams = {
    formatCode: readText(state.params, 'formatCode', 10),
    state: readChoice(state.params, 'state', jobStateSchema.options),
    participantId: isOperator ? readId(state.params, 'participantId') : undefined,
  }
  const list = useQuery(
    bulkQueries.list({
      ...filterParams,
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
    <Page functionCode="220" title={t('functions.bulkImports')} description={t('bulk.description')}>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="bulk-upload-title">
          <Title order={2} id="bulk-upload-title" className="yoryo-section-title" fz="md" mb="sm">
            {t('bulk.upload.title')}
          </Title>
          <BulkUploadPanel
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
            query: { ...filterParams },
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
                    options={(formats.data?.items ?? []).map((f) => ({
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
