import { Button, Group, Paper, Select, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { areas, reserveNoticeSortFields, type ReserveNoticeSlot } from '@yoryo/contracts'
import {
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  readChoice,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { useId, useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { deliveryDataPaths, deliveryDataQueries, readMonth } from '../api.ts'
import { MonthSelect } from '../components/month-select.tsx'
import { ResourceSelect } from '../components/resource-select.tsx'

const column = createColumnHelper<ReserveNoticeSlot>()

/** The columns every B80 table starts with: date, time, margin and notice kind. */
export function useNoticeColumns<T extends Omit<ReserveNoticeSlot, 'area'>>() {
  const { t } = useTranslation()
  return useMemo(() => {
    const c = createColumnHelper<T>()
    return [
      c.accessor((row) => row.date, {
        id: 'date',
        header: t('deliveryData.fields.date'),
        cell: (info) => formatDate(info.getValue()),
        meta: { widthClass: 'date', tabular: true },
      }),
      c.display({
        id: 'time',
        header: t('deliveryData.fields.time'),
        cell: (info) => info.row.original.time,
        meta: { widthClass: 'label', tabular: true },
      }),
      c.accessor((row) => row.marginPercent, {
        id: 'marginPercent',
        header: t('deliveryData.notices.marginPercent'),
        cell: (info) => info.getValue().toFixed(2),
        meta: { widthClass: 'short', numeric: true },
      }),
      c.display({
        id: 'noticeKind',
        header: t('deliveryData.notices.noticeKind'),
        cell: (info) => t(`deliveryData.noticeKind.${info.row.original.noticeKind}`),
        meta: { widthClass: 'short' },
      }),
    ]
  }, [t])
}

/**
 * B80 供給力提供通知 (`/reserve-notices`): the notice slots of a month in the areas of the caller's
 * resources (margin below 8 %); a resource opens its offers in those slots.
 */
export function ReserveNoticesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const state = useListState(reserveNoticeSortFields)
  const area = readChoice(state.params, 'area', areas) ?? ''
  const month = readMonth(state.params)
  const [resourceId, setResourceId] = useState('')
  const offersTitleId = useId()
  const params = { month, area: area || undefined }
  const list = useQuery(
    deliveryDataQueries.reserveNotices({
      ...params,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const common = useNoticeColumns<ReserveNoticeSlot>()
  const columns = useMemo(
    () => [
      ...common.slice(0, 2),
      column.accessor('area', {
        header: t('deliveryData.fields.area'),
        cell: (info) => t(`deliveryData.area.${info.getValue()}`),
        meta: { widthClass: 'short' },
      }),
      ...common.slice(2),
    ],
    [t, common],
  )
  return (
    <Page
      functionCode="B80"
      title={t('functions.reserveNotices')}
      description={t('deliveryData.notices.description')}
    >
      <Paper withBorder p="md" className="yoryo-panel" mb="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <MonthSelect value={month} onChange={(next) => state.update({ month: next })} />
          <Select
            label={t('deliveryData.fields.area')}
            data={[
              { value: '', label: t('deliveryData.notices.allAreas') },
              ...areas.map((a) => ({ value: a, label: t(`deliveryData.area.${a}`) })),
            ]}
            value={area}
            onChange={(next) => state.update({ area: next ?? '' })}
            allowDeselect={false}
            w={160}
            comboboxProps={{ withinPortal: true }}
            data-testid="notice-area"
          />
        </Group>
      </Paper>
      <ListScreen
        state={state}
        result={list}
        title={t('deliveryData.notices.table')}
        columns={columns}
        getRowId={(row) => `${row.area}-${row.date}-${row.slot}`}
        emptyMessage={t('deliveryData.notices.empty')}
        csv={{
          path: deliveryDataPaths.reserveNotices,
          query: params,
          fileName: exportFileName('reserve-notices'),
        }}
        testId="notice-slots"
      />
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        mt="sm"
        component="section"
        aria-labelledby={offersTitleId}
      >
        <Title order={2} id={offersTitleId} className="yoryo-section-title" mb="sm">
          {t('deliveryData.notices.offers')}
        </Title>
        <Group align="flex-end" gap="md" wrap="wrap">
          <ResourceSelect
            base={deliveryDataPaths.reserveNotices}
            value={resourceId}
            onChange={setResourceId}
          />
          <Button
            disabled={!resourceId}
            onClick={() =>
              void navigate(`/reserve-notices/${encodeURIComponent(resourceId)}?month=${month}`)
            }
            data-testid="notice-show-offers"
          >
            {t('deliveryData.notices.showOffers')}
          </Button>
        </Group>
      </Paper>
    </Page>
  )
}
