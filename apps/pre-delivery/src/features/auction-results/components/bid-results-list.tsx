import { Select, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { areas, bidReasons, bidResultSortFields, type OwnBidResult } from '@yoryo/contracts'
import {
  FilterBar,
  ListScreen,
  SearchIcon,
  createColumnHelper,
  exportFileName,
  formatNumber,
  readText,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { z } from 'zod'
import { auctionPath, auctionResultQueries } from '../api.ts'

const column = createColumnHelper<OwnBidResult>()
const filterSchema = z.object({
  q: z.string().trim().max(100),
  area: z.string(),
  reason: z.string(),
})

/**
 * The per-bid results with the sentence explaining each (list kit): every bid in the operator's
 * review, the participant's own bids after publication.
 */
export function BidResultsList({ auctionId, own }: { auctionId: string; own: boolean }) {
  const { t } = useTranslation()
  const state = useListState(bidResultSortFields)
  const q = readText(state.params, 'q') ?? ''
  const area = readText(state.params, 'area') ?? ''
  const reason = readText(state.params, 'reason') ?? ''
  const filters = { q: q || undefined, area: area || undefined, reason: reason || undefined }
  const list = useQuery(
    auctionResultQueries.bids(auctionId, {
      ...filters,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('resourceCode', {
        header: t('auctionResults.bids.resourceCode'),
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('resourceName', {
        header: t('auctionResults.bids.resourceName'),
        meta: { widthClass: 'name' },
      }),
      column.accessor('area', {
        header: t('auctionResults.bids.area'),
        cell: (info) => t(`auctionResults.area.${info.getValue()}`),
        meta: { widthClass: 'short' },
      }),
      column.accessor('kw', {
        header: t('auctionResults.bids.kw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('price', {
        header: t('auctionResults.bids.price'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('awardedKw', {
        header: t('auctionResults.bids.awardedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('areaPrice', {
        header: t('auctionResults.bids.areaPrice'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('reason', {
        header: t('auctionResults.bids.reason'),
        cell: (info) => t(`auctionResults.reason.${info.getValue()}`),
        meta: { widthClass: 'label' },
      }),
      // The explanation is a sentence or two: shown in full in a row under the bid.
      column.display({
        id: 'explanation',
        header: t('auctionResults.bids.explanation'),
        cell: (info) => {
          const open = info.row.getIsExpanded()
          const label = open ? t('auctionResults.bids.hide') : t('auctionResults.bids.show')
          return (
            <UnstyledButton
              className="yoryo-expand-button"
              onClick={info.row.getToggleExpandedHandler()}
              aria-expanded={open}
              aria-label={t('auctionResults.bids.toggle', {
                label,
                code: info.row.original.resourceCode,
              })}
              data-testid="explanation-toggle"
            >
              <span
                className="yoryo-expand-caret"
                data-open={open || undefined}
                aria-hidden="true"
              />
              {label}
            </UnstyledButton>
          )
        },
        meta: { widthClass: 'actions', nowrap: true },
      }),
    ],
    [t],
  )
  const choice = <V extends string>(values: readonly V[], label: (v: V) => string) => [
    { value: '', label: t('auctionResults.bids.all') },
    ...values.map((v) => ({ value: v, label: label(v) })),
  ]
  return (
    <ListScreen
      state={state}
      result={list}
      title={own ? t('auctionResults.bids.titleOwn') : t('auctionResults.bids.titleAll')}
      columns={columns}
      getRowId={(row) => row.bidId}
      renderExpanded={(row) => (
        <Text fz="sm" className="yoryo-phrase" data-testid="explanation">
          {row.explanation}
        </Text>
      )}
      emptyMessage={t('auctionResults.bids.empty')}
      csv={{
        path: `${auctionPath(auctionId)}/results/bids`,
        query: filters,
        fileName: exportFileName('bid-results'),
      }}
      testId="bid-results-table"
      filters={
        <FilterBar
          schema={filterSchema}
          values={{ q, area, reason }}
          onApply={(v) =>
            state.update({
              q: v.q || undefined,
              area: v.area || undefined,
              reason: v.reason || undefined,
            })
          }
          onClear={() => state.clear(['q', 'area', 'reason'])}
          testId="bid-results-filters"
        >
          {(form) => (
            <>
              <TextInput
                label={t('auctionResults.bids.search')}
                w={220}
                maxLength={100}
                type="search"
                leftSection={<SearchIcon size={14} />}
                {...form.register('q')}
              />
              <Select
                label={t('auctionResults.bids.area')}
                w={140}
                data={choice(areas, (v) => t(`auctionResults.area.${v}`))}
                value={form.watch('area')}
                onChange={(v) => form.setValue('area', v ?? '', { shouldDirty: true })}
                allowDeselect={false}
              />
              <Select
                label={t('auctionResults.bids.reason')}
                w={200}
                data={choice(bidReasons, (v) => t(`auctionResults.reason.${v}`))}
                value={form.watch('reason')}
                onChange={(v) => form.setValue('reason', v ?? '', { shouldDirty: true })}
                allowDeselect={false}
              />
            </>
          )}
        </FilterBar>
      }
    />
  )
}
