import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { reserveOfferSortFields, type ReserveOfferSlot } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatNumber,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { deliveryDataPaths, deliveryDataQueries, readMonth } from '../api.ts'
import { MonthSelect } from '../components/month-select.tsx'
import { resourceLabel } from '../components/resource-select.tsx'
import { useNoticeColumns } from './reserve-notices-page.tsx'

const column = createColumnHelper<ReserveOfferSlot>()

/**
 * B80 a resource's offers (`/reserve-notices/:resourceId`): in every notice slot of its area in
 * the month, the contract kW, the kW offered and the kW not offered (contract − offered, ≥ 0).
 */
export function ReserveOffersPage() {
  const { t } = useTranslation()
  const { resourceId = '' } = useParams()
  const state = useListState(reserveOfferSortFields)
  const month = readMonth(state.params)
  const resource = useQuery(
    deliveryDataQueries.resource(deliveryDataPaths.reserveNotices, resourceId),
  )
  const params = { month, resourceId }
  const list = useQuery(
    deliveryDataQueries.reserveOffers({
      ...params,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const common = useNoticeColumns<ReserveOfferSlot>()
  const columns = useMemo(
    () => [
      ...common,
      column.accessor('contractKw', {
        header: t('deliveryData.notices.contractKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('offeredKw', {
        header: t('deliveryData.notices.offeredKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('unofferedKw', {
        header: t('deliveryData.notices.unofferedKw'),
        cell: (info) => (
          <Text
            fz="sm"
            component="span"
            c={info.getValue() > 0 ? 'red.8' : undefined}
            fw={info.getValue() > 0 ? 600 : undefined}
          >
            {formatNumber(info.getValue())}
          </Text>
        ),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, common],
  )
  return (
    <Page
      functionCode="B80"
      title={t('deliveryData.notices.offersTitle', { code: resource.data?.code ?? '' })}
      description={resource.data ? resourceLabel(resource.data) : undefined}
    >
      <Stack gap="sm">
        <Anchor
          component={Link}
          to={`/reserve-notices?month=${month}`}
          fz="sm"
          data-testid="delivery-back"
        >
          {t('deliveryData.back')}
        </Anchor>
        {resource.error ? <ApiErrorAlert error={resource.error} /> : null}
        <Paper withBorder p="md" className="yoryo-panel">
          <Group align="flex-end" gap="md" wrap="wrap">
            <MonthSelect value={month} onChange={(next) => state.update({ month: next })} />
            {resource.data ? (
              <Text fz="sm" mb={8}>
                {t('deliveryData.fields.area')}: {t(`deliveryData.area.${resource.data.area}`)}
              </Text>
            ) : null}
          </Group>
        </Paper>
        <ListScreen
          state={state}
          result={list}
          title={t('deliveryData.notices.offersTable')}
          columns={columns}
          getRowId={(row) => `${row.date}-${row.slot}`}
          emptyMessage={t('deliveryData.notices.offersEmpty')}
          csv={{
            path: deliveryDataPaths.reserveOffers,
            query: params,
            fileName: exportFileName(`reserve-offers-${resource.data?.code ?? 'resource'}`),
          }}
          testId="offer-slots"
        />
      </Stack>
    </Page>
  )
}
