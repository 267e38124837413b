import { Anchor, NativeSelect, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { contractSortFields, contractStates, type Contract } from '@yoryo/contracts'
import {
  FilterBar,
  ListScreen,
  Page,
  SearchIcon,
  createColumnHelper,
  exportFileName,
  formatNumber,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { CONTRACTS_PATH, contractQueries, type ContractListParams } from '../api.ts'
import { ContractStateBadge } from '../components/contract-state-badge.tsx'

const column = createColumnHelper<Contract>()
const FILTER_KEYS = ['q', 'deliveryYear', 'state', 'participantCode']
const filterSchema = z.object({
  q: z.string().trim().max(100),
  deliveryYear: z.union([z.literal(''), z.string().regex(/^\d{4}$/)]),
  state: z.string(),
  participantCode: z.string().trim().max(10),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * 130 容量確保契約一覧 (`/contracts`): the contracts drafted from the published auctions — a
 * participant's own, every participant's for the operator — with their amounts and state.
 */
export function ContractsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const fieldErrorText = useFieldErrorText()
  const state = useListState(contractSortFields)
  const stateParam = state.params.get('state') ?? ''
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    deliveryYear: /^\d{4}$/.test(state.params.get('deliveryYear') ?? '')
      ? (state.params.get('deliveryYear') ?? '')
      : '',
    state: (contractStates as readonly string[]).includes(stateParam) ? stateParam : '',
    participantCode: isOperator ? (readText(state.params, 'participantCode') ?? '') : '',
  }
  const auctionId = state.params.get('auctionId') ?? undefined
  const filterParams: Omit<ContractListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    deliveryYear: filters.deliveryYear ? Number(filters.deliveryYear) : undefined,
    state: filters.state || undefined,
    participantCode: filters.participantCode || undefined,
    auctionId: auctionId && /^[0-9a-f-]{36}$/.test(auctionId) ? auctionId : undefined,
  }
  const list = useQuery(
    contractQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('contractNo', {
        header: t('contracts.fields.contractNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/contracts/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'id' },
      }),
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('contracts.fields.participantCode'),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('resourceCode', {
        header: t('contracts.fields.resourceCode'),
        meta: { widthClass: 'id' },
      }),
      column.accessor('resourceName', {
        header: t('contracts.fields.resourceName'),
        meta: { widthClass: 'name' },
      }),
      column.accessor('deliveryYear', {
        header: t('contracts.fields.deliveryYear'),
        cell: (info) => t('contracts.fiscalYear', { year: info.getValue() }),
        meta: { widthClass: 'short' },
      }),
      column.accessor('contractKw', {
        header: t('contracts.fields.contractKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('areaPrice', {
        header: t('contracts.fields.areaPrice'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('annualAmount', {
        header: t('contracts.fields.annualAmount'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('state', {
        header: t('contracts.fields.state'),
        cell: (info) => <ContractStateBadge state={info.getValue()} />,
        meta: { widthClass: 'status' },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="130"
      title={t('functions.contracts')}
      description={t('contracts.description')}
    >
      <ListScreen
        state={state}
        result={list}
        title={t('contracts.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/contracts/${row.id}`)}
        emptyMessage={t('contracts.list.empty')}
        csv={{
          path: CONTRACTS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('contracts'),
        }}
        testId="contract-list"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({
                q: values.q,
                deliveryYear: values.deliveryYear,
                state: values.state,
                participantCode: values.participantCode,
              })
            }
            onClear={() => state.clear([...FILTER_KEYS, 'auctionId'])}
            testId="contract-filters"
          >
            {(form) => (
              <>
                <TextInput
                  label={t('contracts.list.search')}
                  w={200}
                  maxLength={100}
                  type="search"
                  leftSection={<SearchIcon size={14} />}
                  {...form.register('q')}
                  error={fieldErrorText(form.formState.errors.q)}
                />
                <TextInput
                  label={t('contracts.list.deliveryYear')}
                  w={120}
                  maxLength={4}
                  inputMode="numeric"
                  {...form.register('deliveryYear')}
                  error={fieldErrorText(form.formState.errors.deliveryYear)}
                />
                <NativeSelect
                  label={t('contracts.list.state')}
                  w={150}
                  data={[
                    { value: '', label: t('contracts.list.all') },
                    ...contractStates.map((s) => ({ value: s, label: t(`contracts.state.${s}`) })),
                  ]}
                  {...form.register('state')}
                />
                {isOperator ? (
                  <TextInput
                    label={t('contracts.list.participantCode')}
                    w={130}
                    maxLength={10}
                    {...form.register('participantCode')}
                    error={fieldErrorText(form.formState.errors.participantCode)}
                  />
                ) : null}
              </>
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
