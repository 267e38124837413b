import { Anchor, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { contractAmountSortFields, type ContractAmount } from '@yoryo/contracts'
import {
  FilterBar,
  KeywordFilter,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatNumber,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { CONTRACT_AMOUNTS_PATH, settlementQueries } from '../api.ts'
import { SettlementBar, useSettlementSelection } from '../components/settlement-bar.tsx'

const column = createColumnHelper<ContractAmount>()
const FILTER_KEYS = ['resource', 'contract']
const filterSchema = z.object({
  resource: z.string().trim().max(100),
  contract: z.string().trim().max(50),
})

/** A right-aligned yen / kW figure with thousands separators (negative with a minus sign). */
export const figure = (value: number, testId?: string, strong = false) => (
  <Text
    fz="sm"
    ta="right"
    fw={strong ? 700 : undefined}
    c={value < 0 ? 'red.8' : undefined}
    className="yoryo-numeric"
    data-testid={testId}
  >
    {value < 0 ? `−${formatNumber(-value)}` : formatNumber(value)}
  </Text>
)

/**
 * E10 容量確保契約金額算定結果 (`/contract-amounts`): the lines of a month's settlement run, one
 * per contract and resource — the monthly amount, what replacement moved, the penalty share and
 * the net. The operator settles the month and issues its documents from the bar above.
 */
export function ContractAmountsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const run = useSettlementSelection()
  const state = useListState(contractAmountSortFields)
  const filters = {
    resource: readText(state.params, 'resource') ?? '',
    contract: readText(state.params, 'contract') ?? '',
  }
  const filterParams = {
    runId: run.runId,
    resource: filters.resource || undefined,
    contract: filters.contract || undefined,
  }
  const list = useQuery({
    ...settlementQueries.lines({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
    enabled: run.runId !== undefined,
  })
  const detailHref = (row: ContractAmount) => `/contract-amounts/${row.id}`
  const columns = useMemo(
    () => [
      column.accessor('contractNo', {
        header: t('settlement.fields.contractNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={detailHref(info.row.original)}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { width: 124 },
      }),
      column.accessor('kind', {
        header: t('settlement.fields.kind'),
        cell: (info) => t(`settlement.lineKind.${info.getValue()}`),
        meta: { width: 64 },
      }),
      column.accessor('resourceCode', {
        header: t('settlement.fields.resource'),
        cell: (info) => (
          <span title={info.row.original.resourceName}>
            <span className="yoryo-code">{info.getValue()}</span> {info.row.original.resourceName}
          </span>
        ),
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('settlement.fields.participant'),
              cell: (info) => (
                <span className="yoryo-code" title={info.row.original.participantName}>
                  {info.getValue()}
                </span>
              ),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('contractKw', {
        header: t('settlement.fields.contractKw'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 88, numeric: true },
      }),
      column.accessor('monthlyAmount', {
        header: t('settlement.fields.monthlyAmount'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 112, numeric: true },
      }),
      column.accessor('replacementAmount', {
        header: t('settlement.fields.replacementAmount'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 104, numeric: true },
      }),
      column.accessor('penalty', {
        header: t('settlement.fields.penalty'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 100, numeric: true },
      }),
      column.accessor('net', {
        header: t('settlement.fields.net'),
        cell: (info) => figure(info.getValue(), undefined, true),
        meta: { width: 112, numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="E10"
      title={t('functions.contractAmounts')}
      description={
        isOperator ? t('settlement.lines.descriptionOperator') : t('settlement.lines.description')
      }
    >
      <Stack gap="sm">
        <SettlementBar state={run} />
        <ListScreen
          state={state}
          result={
            run.runId !== undefined
              ? list
              : {
                  data: run.runs.isPending ? undefined : { items: [], total: 0 },
                  error: null,
                  isPending: run.runs.isPending,
                }
          }
          title={t('settlement.lines.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(detailHref(row))}
          emptyMessage={run.runId ? t('settlement.lines.empty') : t('settlement.lines.noRun')}
          csv={
            run.runId
              ? {
                  path: CONTRACT_AMOUNTS_PATH,
                  query: { ...filterParams },
                  fileName: exportFileName('contract-amounts'),
                }
              : undefined
          }
          testId="contract-amount-list"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) => state.update(values)}
              onClear={() => state.clear(FILTER_KEYS)}
              testId="contract-amount-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    registration={form.register('contract')}
                    error={form.formState.errors.contract}
                    label={t('settlement.fields.contractNo')}
                  />
                  <KeywordFilter
                    registration={form.register('resource')}
                    error={form.formState.errors.resource}
                    label={t('settlement.lines.resource')}
                  />
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
