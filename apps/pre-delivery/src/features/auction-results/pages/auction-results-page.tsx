import { TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { auctionResultSortFields, type AuctionResultItem } from '@yoryo/contracts'
import {
  FilterBar,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDateTime,
  formatNumber,
  readText,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { z } from 'zod'
import { AUCTION_RESULTS_PATH, auctionResultQueries } from '../api.ts'

const column = createColumnHelper<AuctionResultItem>()
const filterSchema = z.object({
  deliveryYear: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/),
})

/** 120 容量オークション結果管理: the auctions with a clearing run (operator) or published results. */
export function AuctionResultsPage() {
  const { t } = useTranslation()
  const state = useListState(auctionResultSortFields)
  const yearText = readText(state.params, 'deliveryYear')
  const deliveryYear = yearText ? Number(yearText) : undefined
  const list = useQuery(
    auctionResultQueries.list({
      deliveryYear,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('auctionResults.fields.code'),
        cell: (info) => (
          <Link to={`/auction-results/${info.row.original.id}`}>{info.getValue()}</Link>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('type', {
        id: 'type',
        header: t('auctionResults.fields.type'),
        cell: (info) => t(`auctionResults.type.${info.getValue()}`),
        meta: { widthClass: 'label' },
      }),
      column.accessor('deliveryYear', {
        header: t('auctionResults.fields.deliveryYear'),
        cell: (info) => t('auctionResults.fiscalYear', { year: info.getValue() }),
        meta: { widthClass: 'short' },
      }),
      column.accessor('state', {
        header: t('auctionResults.fields.state'),
        cell: (info) => t(`auctionResults.auctionState.${info.getValue()}`),
        meta: { widthClass: 'status' },
      }),
      column.accessor('nationalPrice', {
        id: 'nationalPrice',
        header: t('auctionResults.fields.nationalPrice'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('publishedAt', {
        header: t('auctionResults.fields.publishedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime' },
      }),
    ],
    [t],
  )
  return (
    <Page
      functionCode="120"
      title={t('functions.auctionResults')}
      description={t('auctionResults.description')}
    >
      <ListScreen
        state={state}
        result={list}
        title={t('auctionResults.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        emptyMessage={t('auctionResults.list.empty')}
        csv={{
          path: AUCTION_RESULTS_PATH,
          query: { deliveryYear },
          fileName: exportFileName('auction-results'),
        }}
        testId="auction-results-table"
        filters={
          <FilterBar
            schema={filterSchema}
            values={{ deliveryYear: yearText ?? '' }}
            onApply={(values) => state.update({ deliveryYear: values.deliveryYear || undefined })}
            onClear={() => state.clear(['deliveryYear'])}
            testId="auction-results-filters"
          >
            {(form) => (
              <TextInput
                label={t('auctionResults.list.deliveryYear')}
                w={160}
                maxLength={4}
                inputMode="numeric"
                {...form.register('deliveryYear')}
              />
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
