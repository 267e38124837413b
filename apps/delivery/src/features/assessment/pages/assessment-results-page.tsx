import { Anchor, Checkbox, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { assessmentResultSortFields, type AssessmentResultSummary } from '@yoryo/contracts'
import {
  FilterBar,
  KeywordFilter,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatNumber,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Controller } from 'react-hook-form'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { ASSESSMENT_RESULTS_PATH, assessmentQueries } from '../api.ts'
import { RunBar, useRunSelection } from '../components/run-bar.tsx'

const column = createColumnHelper<AssessmentResultSummary>()
const FILTER_KEYS = ['resource', 'hasPenalty']
const filterSchema = z.object({
  resource: z.string().trim().max(100),
  hasPenalty: z.boolean(),
})

export const numericCell = (value: number, testId?: string) => (
  <Text fz="sm" ta="right" className="yoryo-numeric" data-testid={testId}>
    {formatNumber(value)}
  </Text>
)

/**
 * B40 アセスメント算定結果 (`/assessment-results`): the results of a month's run, one row per
 * resource (contract kW, A, the lines' subtotal, the waived parts, the total). The month and the
 * run (older versions too) are chosen above; the operator assesses the month again from there.
 * A row opens the result with its lines and evidence.
 */
export function AssessmentResultsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const run = useRunSelection()
  const state = useListState(assessmentResultSortFields)
  const filters = {
    resource: readText(state.params, 'resource') ?? '',
    hasPenalty: state.params.get('hasPenalty') === 'true',
  }
  const filterParams = {
    ...run.selection,
    resource: filters.resource || undefined,
    hasPenalty: filters.hasPenalty ? ('true' as const) : undefined,
  }
  const list = useQuery({
    ...assessmentQueries.results({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
    enabled: run.selection !== undefined,
  })
  const detailHref = (row: AssessmentResultSummary) => `/assessment-results/${row.id}`
  const columns = useMemo(
    () => [
      column.accessor('resourceCode', {
        header: t('assessment.fields.resource'),
        cell: (info) => (
          <span title={info.row.original.resourceName}>
            <Anchor
              component={Link}
              to={detailHref(info.row.original)}
              fz="sm"
              className="yoryo-code"
              tabIndex={-1}
            >
              {info.getValue()}
            </Anchor>{' '}
            {info.row.original.resourceName}
          </span>
        ),
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('assessment.fields.participant'),
              cell: (info) => (
                <span className="yoryo-code" title={info.row.original.participantName}>
                  {info.getValue()}
                </span>
              ),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('kind', {
        header: t('assessment.fields.kind'),
        cell: (info) => t(`resources.kind.${info.getValue()}`),
        meta: { width: 88 },
      }),
      column.accessor('contractKw', {
        header: t('assessment.fields.contractKw'),
        cell: (info) => numericCell(info.getValue()),
        meta: { width: 88, numeric: true },
      }),
      column.accessor('annualAmount', {
        header: t('assessment.fields.annualAmount'),
        cell: (info) => numericCell(info.getValue()),
        meta: { width: 104, numeric: true },
      }),
      column.accessor('subtotal', {
        header: t('assessment.fields.subtotal'),
        cell: (info) => numericCell(info.getValue()),
        meta: { width: 92, numeric: true },
      }),
      column.accessor('waivedMonthly', {
        header: t('assessment.fields.waivedMonthly'),
        cell: (info) => numericCell(info.getValue()),
        meta: { width: 92, numeric: true },
      }),
      column.accessor('waivedAnnual', {
        header: t('assessment.fields.waivedAnnual'),
        cell: (info) => numericCell(info.getValue()),
        meta: { width: 92, numeric: true },
      }),
      column.accessor('total', {
        header: t('assessment.fields.total'),
        cell: (info) => (
          <Text
            fz="sm"
            ta="right"
            fw={info.getValue() > 0 ? 700 : undefined}
            className="yoryo-numeric"
          >
            {formatNumber(info.getValue())}
          </Text>
        ),
        meta: { width: 100, numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="B40"
      title={t('functions.assessmentResults')}
      description={
        isOperator
          ? t('assessment.results.descriptionOperator')
          : t('assessment.results.description')
      }
    >
      <Stack gap="sm">
        <RunBar state={run} withRunButton />
        <ListScreen
          state={state}
          result={
            run.selection !== undefined
              ? list
              : {
                  data: run.runs.isPending ? undefined : { items: [], total: 0 },
                  error: null,
                  isPending: run.runs.isPending,
                }
          }
          title={t('assessment.results.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(detailHref(row))}
          emptyMessage={run.run ? t('assessment.results.empty') : t('assessment.results.noRun')}
          csv={
            run.selection
              ? {
                  path: ASSESSMENT_RESULTS_PATH,
                  query: { ...filterParams },
                  fileName: exportFileName('assessment-results'),
                }
              : undefined
          }
          testId="assessment-result-list"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  resource: values.resource,
                  hasPenalty: values.hasPenalty ? 'true' : '',
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="assessment-result-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    registration={form.register('resource')}
                    error={form.formState.errors.resource}
                    label={t('assessment.results.resource')}
                  />
                  <Group align="flex-end" h={60}>
                    <Controller
                      control={form.control}
                      name="hasPenalty"
                      render={({ field }) => (
                        <Checkbox
                          label={t('assessment.results.withPenalty')}
                          checked={field.value}
                          onChange={(e) => field.onChange(e.currentTarget.checked)}
                          mb={8}
                          data-testid="assessment-with-penalty"
                        />
                      )}
                    />
                  </Group>
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
