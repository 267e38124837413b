import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { isIsoDate, meteredSlotSortFields, type MeteredSlot } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  formatNumber,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { Suspense, lazy, useId, useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { deliveryDataPaths, deliveryDataQueries } from '../api.ts'
import { resourceLabel } from '../components/resource-select.tsx'

const MeteredDayChart = lazy(() =>
  import('../components/charts.tsx').then((m) => ({ default: m.MeteredDayChart })),
)

const column = createColumnHelper<MeteredSlot>()
const kw = (v: number | null) => (v === null ? '' : formatNumber(v))

/**
 * B60 a resource-day (`/metered-generation/:resourceId/:date`): the 48 slots as a chart of
 * average kW and as a table (kWh and kW = kWh × 2), exported as CSV.
 */
export function MeteredDayPage() {
  const { t } = useTranslation()
  const { resourceId = '', date = '' } = useParams()
  const chartTitleId = useId()
  const state = useListState(meteredSlotSortFields)
  const validDate = isIsoDate(date)
  const resource = useQuery(
    deliveryDataQueries.resource(deliveryDataPaths.meteredGeneration, resourceId),
  )
  const params = { resourceId, date }
  const list = useQuery({
    ...deliveryDataQueries.meteredSlots({
      ...params,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
    enabled: validDate,
  })
  // The chart always shows the day in slot order, whatever the table's sort.
  const chartSlots = useQuery({
    ...deliveryDataQueries.meteredSlots({ ...params, pageSize: 48 }),
    enabled: validDate,
  })
  const slots = chartSlots.data?.items ?? []
  const fed = slots.some((s) => s.kwh !== null)
  const total = slots.reduce((sum, s) => sum + (s.kwh ?? 0), 0)
  const columns = useMemo(
    () => [
      column.accessor('slot', {
        header: t('deliveryData.fields.slot'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'code', numeric: true },
      }),
      column.accessor('time', {
        header: t('deliveryData.fields.time'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'label', tabular: true },
      }),
      column.accessor('kwh', {
        header: t('deliveryData.metered.kwh'),
        cell: (info) => kw(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('averageKw', {
        header: t('deliveryData.metered.averageKw'),
        cell: (info) => kw(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t],
  )
  const month = date.slice(0, 7)
  return (
    <Page
      functionCode="B60"
      title={t('deliveryData.metered.dayTitle', { date: formatDate(date) })}
      description={resource.data ? resourceLabel(resource.data) : undefined}
    >
      <Stack gap="sm">
        <Anchor
          component={Link}
          to={`/metered-generation?resource=${encodeURIComponent(resourceId)}&month=${month}`}
          fz="sm"
          data-testid="delivery-back"
        >
          {t('deliveryData.back')}
        </Anchor>
        {resource.error ? <ApiErrorAlert error={resource.error} /> : null}
        <Paper
          withBorder
          p="md"
          className="yoryo-panel"
          component="section"
          aria-labelledby={chartTitleId}
        >
          <Title order={2} id={chartTitleId} className="yoryo-section-title" mb="xs">
            {t('deliveryData.metered.chart')}
          </Title>
          <Text fz="sm" mb="xs" data-testid="metered-day-total">
            {chartSlots.isPending
              ? '\u00a0'
              : fed
                ? t('deliveryData.metered.dayTotal', { value: formatNumber(total) })
                : t('deliveryData.metered.dayNotFed')}
          </Text>
          <div style={{ minHeight: 280 }}>
            {fed ? (
              <Suspense
                fallback={
                  <Text fz="sm" c="dimmed">
                    {t('deliveryData.metered.chartLoading')}
                  </Text>
                }
              >
                <MeteredDayChart slots={slots} />
              </Suspense>
            ) : null}
          </div>
          <Text fz="xs" c="dimmed">
            {t('deliveryData.metered.chartNote')}
          </Text>
        </Paper>
        <ListScreen
          state={state}
          result={list}
          title={t('deliveryData.metered.slotsTable')}
          columns={columns}
          getRowId={(row) => String(row.slot)}
          csv={{
            path: deliveryDataPaths.meteredSlots,
            query: params,
            fileName: exportFileName(`metered-generation-${date}`),
          }}
          testId="metered-slots"
        />
      </Stack>
    </Page>
  )
}
