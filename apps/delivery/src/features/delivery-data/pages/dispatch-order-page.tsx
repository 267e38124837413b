import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { DispatchOrderDetail, DispatchOrderSlot } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  CsvExportMenu,
  DataTable,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  formatDateTime,
  formatNumber,
  useTranslation,
} from '@yoryo/ui'
import { Suspense, lazy, useId, useMemo, useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { deliveryDataPaths, deliveryDataQueries } from '../api.ts'
import { orderPeriod } from './dispatch-orders-page.tsx'

const DispatchOrderChart = lazy(() =>
  import('../components/charts.tsx').then((m) => ({ default: m.DispatchOrderChart })),
)

const column = createColumnHelper<DispatchOrderSlot>()

/**
 * C10 a dispatch order (`/dispatch-orders/:id`): the order, a chart of baseline against actual,
 * and per slot the baseline, the actual and the delivered kW (exported as CSV).
 */
export function DispatchOrderPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const order = useQuery(deliveryDataQueries.dispatchOrder(id))
  const month = order.data ? formatDateTime(order.data.startAt).slice(0, 7).replace('/', '-') : ''
  return (
    <Page
      functionCode="C10"
      title={
        order.data
          ? t('deliveryData.orders.detailTitle', { orderId: order.data.orderId })
          : t('functions.dispatchOrders')
      }
    >
      <Stack gap="sm">
        <Anchor
          component={Link}
          to={month ? `/dispatch-orders?month=${month}` : '/dispatch-orders'}
          fz="sm"
          data-testid="delivery-back"
        >
          {t('deliveryData.back')}
        </Anchor>
        {order.error ? <ApiErrorAlert error={order.error} /> : null}
        {order.isPending ? (
          <Paper withBorder p="md" className="yoryo-panel">
            <Skeleton h={14} mb={8} />
            <Skeleton h={14} w="60%" />
          </Paper>
        ) : null}
        {order.data ? <OrderView order={order.data} /> : null}
      </Stack>
    </Page>
  )
}

function OrderView({ order }: { order: DispatchOrderDetail }) {
  const { t } = useTranslation()
  const chartTitleId = useId()
  const tableTitleId = useId()
  const [exportError, setExportError] = useState<unknown>(null)
  const facts: [string, ReactNode][] = [
    [
      t('deliveryData.fields.resourceCode'),
      <span className="yoryo-code">{order.resourceCode}</span>,
    ],
    [t('deliveryData.fields.resourceName'), order.resourceName],
    [t('deliveryData.orders.period'), orderPeriod(order)],
    [t('deliveryData.orders.orderedAt'), formatDateTime(order.orderedAt)],
    [t('deliveryData.orders.instructedKw'), `${formatNumber(order.instructedKw)} kW`],
    [t('deliveryData.orders.averageDeliveredKw'), `${formatNumber(order.averageDeliveredKw)} kW`],
  ]
  const columns = useMemo(
    () => [
      column.accessor('index', {
        header: t('deliveryData.orders.index'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'code', numeric: true },
      }),
      column.accessor('date', {
        header: t('deliveryData.fields.date'),
        cell: (info) => formatDate(info.getValue()),
        meta: { widthClass: 'date', tabular: true },
      }),
      column.accessor('time', {
        header: t('deliveryData.fields.time'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'label', tabular: true },
      }),
      column.accessor('baselineKw', {
        header: t('deliveryData.orders.baselineKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('actualKw', {
        header: t('deliveryData.orders.actualKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('deliveredKw', {
        header: t('deliveryData.orders.deliveredKw'),
        cell: (info) => (
          <Text
            fz="sm"
            component="span"
            c={info.getValue() < order.instructedKw ? 'red.8' : undefined}
          >
            {formatNumber(info.getValue())}
          </Text>
        ),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, order.instructedKw],
  )
  return (
    <>
      <Paper withBorder p="md" className="yoryo-panel" data-testid="order-facts">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text fz="xs" c="dimmed">
                {label}
              </Text>
              <Text fz="sm">{value}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby={chartTitleId}
      >
        <Title order={2} id={chartTitleId} className="yoryo-section-title" mb="xs">
          {t('deliveryData.orders.chart')}
        </Title>
        <div style={{ minHeight: 280 }}>
          <Suspense
            fallback={
              <Text fz="sm" c="dimmed">
                {t('deliveryData.orders.chartLoading')}
              </Text>
            }
          >
            <DispatchOrderChart slots={order.slotValues} />
          </Suspense>
        </div>
      </Paper>
      {exportError ? (
        <ApiErrorAlert error={exportError} withCloseButton onClose={() => setExportError(null)} />
      ) : null}
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby={tableTitleId}
      >
        <Group justify="space-between" align="center" mb="sm">
          <Title order={2} id={tableTitleId} className="yoryo-section-title">
            {t('deliveryData.orders.slotsTable')}
          </Title>
          <CsvExportMenu
            path={deliveryDataPaths.dispatchOrderSlots(order.id)}
            query={{}}
            fileName={exportFileName(`dispatch-order-${order.orderId}`)}
            onStart={() => setExportError(null)}
            onError={setExportError}
          />
        </Group>
        <DataTable
          label={t('deliveryData.orders.slotsTable')}
          data={order.slotValues}
          columns={columns}
          getRowId={(row) => String(row.index)}
          testId="order-slots"
        />
        <Text fz="xs" c="dimmed" mt="xs">
          {t('deliveryData.orders.deliveredNote')}
        </Text>
      </Paper>
    </>
  )
}
