import { Badge } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { exemptSlotSortFields, type ExemptSlotRow } from '@yoryo/contracts'
import {
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { EXEMPT_SLOTS_PATH, assessmentQueries } from '../api.ts'
import { useRunSelection } from '../components/run-bar.tsx'
import { RunFilters, RunList, runFilters } from '../components/run-list.tsx'
import { slotTime } from '../slot-time.ts'
import { numericCell } from './assessment-results-page.tsx'

const column = createColumnHelper<ExemptSlotRow>()

/**
 * B90 アセスメント結果(稼働抑制) (`/operation-restraint`): the slots of the month's run in which
 * the TSO restrained a resource's output — exempt from requirements 2–4 (unplanned outage,
 * supply instruction, reserve-margin notice).
 */
export function ExemptSlotsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const seesOthers =
    session.user.role !== 'participantAdmin' && session.user.role !== 'participantUser'
  const run = useRunSelection()
  const state = useListState(exemptSlotSortFields)
  const filters = runFilters(state)
  const filterParams = { ...run.selection, resource: filters.resource || undefined }
  const list = useQuery({
    ...assessmentQueries.exempt({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
    enabled: run.selection !== undefined,
  })
  const columns = useMemo(
    () => [
      column.accessor('date', {
        header: t('assessment.fields.date'),
        cell: (info) => formatDate(info.getValue()),
        meta: { widthClass: 'date', tabular: true },
      }),
      column.display({
        id: 'time',
        header: t('assessment.fields.time'),
        cell: (info) => slotTime(info.row.original.slot),
        meta: { width: 104, tabular: true, nowrap: true },
      }),
      column.accessor('resourceCode', {
        header: t('assessment.fields.resource'),
        cell: (info) => (
          <span title={info.row.original.resourceName}>
            <span className="yoryo-code">{info.getValue()}</span> {info.row.original.resourceName}
          </span>
        ),
        meta: { widthClass: 'name' },
      }),
      ...(seesOthers
        ? [
            column.display({
              id: 'participantCode',
              header: t('assessment.fields.participant'),
              cell: (info) => (
                <span className="yoryo-code">{info.row.original.participantCode}</span>
              ),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('restrainedKw', {
        header: t('assessment.fields.restrainedKw'),
        cell: (info) => numericCell(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.display({
        id: 'exempt',
        header: t('assessment.restraint.treatment'),
        cell: () => (
          <Badge color="gray" variant="light" radius="sm">
            {t('assessment.restraint.exempt')}
          </Badge>
        ),
        meta: { widthClass: 'text' },
      }),
    ],
    [t, seesOthers],
  )

  return (
    <Page
      functionCode="B90"
      title={t('functions.operationRestraint')}
      description={t('assessment.restraint.description')}
    >
      <RunList
        run={run}
        state={state}
        list={list}
        title={t('assessment.restraint.tableLabel')}
        columns={columns}
        getRowId={(row) => `${row.resultId}-${row.date}-${row.slot}`}
        emptyMessage={t('assessment.restraint.empty')}
        csv={{
          path: EXEMPT_SLOTS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('exempt-slots'),
        }}
        testId="exempt-slot-list"
        filters={<RunFilters state={state} testId="exempt-slot-filters" />}
      />
    </Page>
  )
}
