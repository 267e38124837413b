import { Anchor, Button, NativeSelect, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { auctionSortFields, auctionStates, type AuctionSummary } from '@yoryo/contracts'
import {
  FilterBar,
  ListScreen,
  Page,
  SearchIcon,
  createColumnHelper,
  exportFileName,
  formatDateTime,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { AUCTIONS_PATH, auctionQueries, type AuctionListParams } from '../api.ts'
import { AuctionStateBadge, WindowText } from '../components/auction-bits.tsx'

const column = createColumnHelper<AuctionSummary>()
const FILTER_KEYS = ['q', 'deliveryYear', 'state']
const filterSchema = z.object({
  q: z.string().trim().max(20),
  deliveryYear: z.union([z.literal(''), z.string().regex(/^\d{4}$/)]),
  state: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * 120 オークション一覧 (`/auctions`): every auction with its state and windows (participants: not
 * drafts); the operator creates one from here. `to` is where a row leads (the qualification
 * screen lists the same auctions to choose from).
 */
export function AuctionsPage({
  to = (id: string) => `/auctions/${id}`,
  functionCode = '120',
  title,
  description,
}: {
  to?: (id: string) => string
  functionCode?: string
  title?: string
  description?: string
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const fieldErrorText = useFieldErrorText()
  const state = useListState(auctionSortFields)
  const stateParam = state.params.get('state') ?? ''
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    deliveryYear: /^\d{4}$/.test(state.params.get('deliveryYear') ?? '')
      ? (state.params.get('deliveryYear') ?? '')
      : '',
    state: (auctionStates as readonly string[]).includes(stateParam) ? stateParam : '',
  }
  const filterParams: Omit<AuctionListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    deliveryYear: filters.deliveryYear ? Number(filters.deliveryYear) : undefined,
    state: filters.state || undefined,
  }
  const list = useQuery(
    auctionQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('auctions.fields.code'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={to(info.row.original.id)}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('type', {
        header: t('auctions.fields.type'),
        cell: (info) => t(`auctions.type.${info.getValue()}`),
        meta: { widthClass: 'label' },
      }),
      column.accessor('subtype', {
        header: t('auctions.fields.subtype'),
        cell: (info) => t(`auctions.subtype.${info.getValue()}`),
        meta: { widthClass: 'label' },
      }),
      column.accessor('deliveryYear', {
        header: t('auctions.fields.deliveryYear'),
        cell: (info) => t('auctions.fiscalYear', { year: info.getValue() }),
        meta: { widthClass: 'short' },
      }),
      column.accessor('state', {
        header: t('auctions.fields.state'),
        cell: (info) => <AuctionStateBadge state={info.getValue()} />,
        meta: { widthClass: 'status' },
      }),
      column.display({
        id: 'biddingWindow',
        header: t('auctions.fields.biddingWindow'),
        cell: (info) => <WindowText window={info.row.original.windows?.bidding} />,
        meta: { widthClass: 'period' },
      }),
      column.accessor('updatedAt', {
        header: t('auctions.fields.updatedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime' },
      }),
    ],
    [t, to],
  )

  return (
    <Page
      functionCode={functionCode}
      title={title ?? t('functions.auctions')}
      description={description ?? t('auctions.description')}
      actions={
        isOperator && functionCode === '120' ? (
          <Button component={Link} to="/auctions/new" data-testid="auction-new">
            {t('auctions.create')}
          </Button>
        ) : null
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('auctions.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(to(row.id))}
        emptyMessage={t('auctions.list.empty')}
        csv={{
          path: AUCTIONS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('auctions'),
        }}
        testId="auction-list"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({
                q: values.q,
                deliveryYear: values.deliveryYear,
                state: values.state,
              })
            }
            onClear={() => state.clear(FILTER_KEYS)}
            testId="auction-filters"
          >
            {(form) => (
              <>
                <TextInput
                  label={t('auctions.list.search')}
                  w={180}
                  maxLength={20}
                  type="search"
                  leftSection={<SearchIcon size={14} />}
                  {...form.register('q')}
                  error={fieldErrorText(form.formState.errors.q)}
                />
                <TextInput
                  label={t('auctions.list.deliveryYear')}
                  w={130}
                  maxLength={4}
                  inputMode="numeric"
                  {...form.register('deliveryYear')}
                  error={fieldErrorText(form.formState.errors.deliveryYear)}
                />
                <NativeSelect
                  label={t('auctions.list.state')}
                  w={150}
                  data={[
                    { value: '', label: t('auctions.list.all') },
                    ...auctionStates
                      .filter((s) => isOperator || s !== 'draft')
                      .map((s) => ({ value: s, label: t(`auctions.state.${s}`) })),
                  ]}
                  {...form.register('state')}
                />
              </>
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
