import { Anchor, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { assessmentResultSortFields, type AssessmentResultSummary } from '@yoryo/contracts'
import {
  Page,
  createColumnHelper,
  exportFileName,
  formatNumber,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { ASSESSMENT_RESULTS_PATH, assessmentQueries } from '../api.ts'
import { useRunSelection } from '../components/run-bar.tsx'
import { RunFilters, RunList, runFilters } from '../components/run-list.tsx'

const column = createColumnHelper<AssessmentResultSummary>()

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
  const filters = runFilters(state, 'hasPenalty')
  const filterParams = {
    ...run.selection,
    resource: filters.resource || undefined,
    hasPenalty: filters.flag ? ('true' as const) : undefined,
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
      <RunList
        run={run}
        withRunButton
        state={state}
        list={list}
        title={t('assessment.results.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(detailHref(row))}
        emptyMessage={t('assessment.results.empty')}
        csv={{
          path: ASSESSMENT_RESULTS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('assessment-results'),
        }}
        testId="assessment-result-list"
        filters={
          <RunFilters
            state={state}
            flag={{
              param: 'hasPenalty',
              label: t('assessment.results.withPenalty'),
              testId: 'assessment-with-penalty',
            }}
            testId="assessment-result-filters"
          />
        }
      />
    </Page>
  )
}
