import { Anchor, Group, Paper } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { dispatchOrderSortFields, type DispatchOrderSummary } from '@yoryo/contracts'
import {
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDateTime,
  formatNumber,
  readId,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { deliveryDataPaths, deliveryDataQueries, readMonth } from '../api.ts'
import { MonthSelect } from '../components/month-select.tsx'
import { ResourceSelect } from '../components/resource-select.tsx'

const column = createColumnHelper<DispatchOrderSummary>()

/** `2026/11/17 17:00–20:00` (an order within one day) or both full times. */
export function orderPeriod(order: Pick<DispatchOrderSummary, 'startAt' | 'endAt'>): string {
  const start = formatDateTime(order.startAt)
  const end = formatDateTime(order.endAt)
  const endTime = end.slice(11)
  const sameDay =
    start.slice(0, 10) === end.slice(0, 10) ||
    (endTime === '00:00' &&
      new Date(order.endAt).getTime() - new Date(order.startAt).getTime() <= 86_400_000)
  return sameDay ? `${start}–${endTime === '00:00' ? '24:00' : endTime}` : `${start}–${end}`
}

/**
 * C10 発動指令アセスメントデータ (`/dispatch-orders`): the dispatch orders of a month to the
 * caller's dispatch-order resources; an order opens its baselines and actuals.
 */
export function DispatchOrdersPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const ownOnly = session.user.role !== 'operator' && session.user.role !== 'tso'
  const state = useListState(dispatchOrderSortFields)
  const resourceId = readId(state.params, 'resource') ?? ''
  const month = readMonth(state.params)
  const params = { month, resourceId: resourceId || undefined }
  const list = useQuery(
    deliveryDataQueries.dispatchOrders({
      ...params,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('orderId', {
        header: t('deliveryData.orders.orderId'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/dispatch-orders/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'id' },
      }),
      column.accessor('startAt', {
        header: t('deliveryData.orders.period'),
        cell: (info) => orderPeriod(info.row.original),
        meta: { widthClass: 'period', tabular: true },
      }),
      column.accessor('resourceCode', {
        header: t('deliveryData.fields.resourceCode'),
        cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
        meta: { widthClass: 'id' },
      }),
      column.accessor('resourceName', {
        header: t('deliveryData.fields.resourceName'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'name' },
      }),
      ...(ownOnly
        ? []
        : [
            column.accessor('participantCode', {
              header: t('deliveryData.fields.participantCode'),
              cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
              meta: { widthClass: 'code' },
            }),
          ]),
      column.accessor('orderedAt', {
        header: t('deliveryData.orders.orderedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime', tabular: true },
      }),
      column.accessor('slots', {
        header: t('deliveryData.orders.slots'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'code', numeric: true },
      }),
      column.accessor('instructedKw', {
        header: t('deliveryData.orders.instructedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('averageDeliveredKw', {
        header: t('deliveryData.orders.averageDeliveredKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, ownOnly],
  )
  return (
    <Page
      functionCode="C10"
      title={t('functions.dispatchOrders')}
      description={t('deliveryData.orders.description')}
    >
      <Paper withBorder p="md" className="yoryo-panel" mb="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <ResourceSelect
            base={deliveryDataPaths.dispatchOrders}
            value={resourceId}
            onChange={(id) => state.update({ resource: id })}
            kind="dispatchOrder"
            withAll
          />
          <MonthSelect value={month} onChange={(next) => state.update({ month: next })} />
        </Group>
      </Paper>
      <ListScreen
        state={state}
        result={list}
        title={t('deliveryData.orders.table')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/dispatch-orders/${row.id}`)}
        emptyMessage={t('deliveryData.orders.empty')}
        csv={{
          path: deliveryDataPaths.dispatchOrders,
          query: params,
          fileName: exportFileName('dispatch-orders'),
        }}
        testId="dispatch-orders"
      />
    </Page>
  )
}
