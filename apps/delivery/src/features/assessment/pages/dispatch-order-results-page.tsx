import { Anchor, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { dispatchOrderResultSortFields, type DispatchOrderResult } from '@yoryo/contracts'
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
import { Link, useNavigate } from 'react-router'
import { DISPATCH_ORDER_RESULTS_PATH, assessmentQueries } from '../api.ts'
import { useRunSelection } from '../components/run-bar.tsx'
import { RunFilters, RunList, runFilters } from '../components/run-list.tsx'
import { slotTime } from '../slot-time.ts'
import { numericCell } from './assessment-results-page.tsx'

const column = createColumnHelper<DispatchOrderResult>()

/**
 * C00 アセスメント算定結果(発動指令) (`/dispatch-order-results`): every dispatch order of the
 * month's run — its slots, the instructed and delivered kW, the ratio and the amount. The order
 * ID opens the order (C10: baseline and actual per slot); the row the resource's result (B40)
 * with the dispatch-order line.
 */
export function DispatchOrderResultsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const run = useRunSelection()
  const state = useListState(dispatchOrderResultSortFields)
  const filters = runFilters(state, 'shortfall')
  const filterParams = {
    ...run.selection,
    resource: filters.resource || undefined,
    shortfall: filters.flag ? ('true' as const) : undefined,
  }
  const list = useQuery({
    ...assessmentQueries.orders({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
    enabled: run.selection !== undefined,
  })
  const columns = useMemo(
    () => [
      column.accessor('startAt', {
        header: t('assessment.fields.orderedSlots'),
        cell: (info) => {
          const row = info.row.original
          const last = row.firstSlot + row.slotCount - 1
          return (
            <span className="yoryo-numeric">
              {formatDate(row.date)} {slotTime(row.firstSlot).split('–')[0]}–
              {slotTime(Math.min(last, 48)).split('–')[1]}
            </span>
          )
        },
        meta: { width: 180, tabular: true, nowrap: true },
      }),
      column.accessor('orderId', {
        header: t('assessment.fields.orderId'),
        cell: (info) => {
          const stored = info.row.original.dispatchOrderId
          return stored ? (
            <Anchor
              component={Link}
              to={`/dispatch-orders/${stored}`}
              fz="sm"
              className="yoryo-code"
              data-testid="order-detail-link"
            >
              {info.getValue()}
            </Anchor>
          ) : (
            <span className="yoryo-code">{info.getValue()}</span>
          )
        },
        // Order IDs come from the feed and run longer than receipt numbers: shown whole.
        meta: { width: 184, nowrap: true },
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
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('assessment.fields.participant'),
              cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.display({
        id: 'slotCount',
        header: t('assessment.fields.slots'),
        cell: (info) => numericCell(info.row.original.slotCount),
        meta: { width: 64, numeric: true },
      }),
      column.accessor('instructedKw', {
        header: t('assessment.fields.instructedKw'),
        cell: (info) => numericCell(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('deliveredKw', {
        header: t('assessment.fields.deliveredKw'),
        cell: (info) => numericCell(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('ratio', {
        header: t('assessment.fields.ratio'),
        cell: (info) => (
          <Text
            fz="sm"
            ta="right"
            className="yoryo-numeric"
            c={info.getValue() < 1 ? 'red.8' : undefined}
          >
            {(info.getValue() * 100).toLocaleString('ja-JP', {
              minimumFractionDigits: 2,
              maximumFractionDigits: 2,
            })}
            %
          </Text>
        ),
        meta: { width: 88, numeric: true },
      }),
      column.accessor('amount', {
        header: t('assessment.fields.amount'),
        cell: (info) => numericCell(info.getValue(), 'order-amount'),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="C00"
      title={t('functions.dispatchOrderResults')}
      description={t('assessment.orders.description')}
    >
      <RunList
        run={run}
        state={state}
        list={list}
        title={t('assessment.orders.tableLabel')}
        columns={columns}
        getRowId={(row) => `${row.resultId}-${row.orderId}`}
        onRowActivate={(row) => void navigate(`/assessment-results/${row.resultId}`)}
        emptyMessage={t('assessment.orders.empty')}
        csv={{
          path: DISPATCH_ORDER_RESULTS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('dispatch-order-results'),
        }}
        testId="dispatch-order-result-list"
        filters={
          <RunFilters
            state={state}
            flag={{ param: 'shortfall', label: t('assessment.orders.shortfallOnly') }}
            testId="dispatch-order-result-filters"
          />
        }
      />
    </Page>
  )
}
