import { Anchor, Group, Paper, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { meteredDaySortFields, type MeteredDay } from '@yoryo/contracts'
import {
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  formatNumber,
  readId,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { deliveryDataPaths, deliveryDataQueries, readMonth } from '../api.ts'
import { MonthSelect } from '../components/month-select.tsx'
import { ResourceSelect } from '../components/resource-select.tsx'

const column = createColumnHelper<MeteredDay>()
const dayPath = (resourceId: string, date: string) =>
  `/metered-generation/${encodeURIComponent(resourceId)}/${date}`

/**
 * B60 発電量調整受電電力量 (`/metered-generation`): pick a resource (searched on the server) and
 * a month → the days with slots fed, daily total and peak; a day opens its 48 slots.
 */
export function MeteredGenerationPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const state = useListState(meteredDaySortFields)
  const resourceId = readId(state.params, 'resource') ?? ''
  const month = readMonth(state.params)
  const params = { resourceId, month }
  const list = useQuery({
    ...deliveryDataQueries.meteredDays({
      ...params,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
    enabled: !!resourceId,
  })
  const columns = useMemo(
    () => [
      column.accessor('date', {
        header: t('deliveryData.fields.date'),
        cell: (info) => (
          <Anchor component={Link} to={dayPath(resourceId, info.getValue())} fz="sm" tabIndex={-1}>
            {formatDate(info.getValue())}
          </Anchor>
        ),
        meta: { widthClass: 'date', tabular: true },
      }),
      column.accessor('slotsFed', {
        header: t('deliveryData.metered.slotsFed'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'short', numeric: true },
      }),
      column.accessor('totalKwh', {
        header: t('deliveryData.metered.totalKwh'),
        cell: (info) => {
          const v = info.getValue()
          return v === null ? (
            <Text fz="sm" c="dimmed" component="span">
              {t('deliveryData.metered.notFed')}
            </Text>
          ) : (
            formatNumber(v)
          )
        },
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('peakKw', {
        header: t('deliveryData.metered.peakKw'),
        cell: (info) => (info.getValue() === null ? '' : formatNumber(info.getValue())),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, resourceId],
  )
  return (
    <Page
      functionCode="B60"
      title={t('functions.meteredGeneration')}
      description={t('deliveryData.metered.description')}
    >
      <Paper withBorder p="md" className="yoryo-panel" mb="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <ResourceSelect
            base={deliveryDataPaths.meteredGeneration}
            value={resourceId}
            onChange={(id) => state.update({ resource: id })}
          />
          <MonthSelect value={month} onChange={(next) => state.update({ month: next })} />
        </Group>
      </Paper>
      {resourceId ? (
        <ListScreen
          state={state}
          result={list}
          title={t('deliveryData.metered.daysTable')}
          columns={columns}
          getRowId={(row) => row.date}
          onRowActivate={(row) => void navigate(dayPath(resourceId, row.date))}
          emptyMessage={t('deliveryData.metered.daysEmpty')}
          csv={{
            path: deliveryDataPaths.meteredGeneration,
            query: params,
            fileName: exportFileName('metered-generation'),
          }}
          testId="metered-days"
        />
      ) : (
        <Text fz="sm" c="dimmed" data-testid="delivery-choose">
          {t('deliveryData.chooseResource')}
        </Text>
      )}
    </Page>
  )
}
