import { Anchor, Group, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  deliveryMonths,
  fiscalYearOf,
  lastCompleteMonth,
  releaseAmountSortFields,
  type ReleaseAmount,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatNumber,
  KeywordFilter,
  ListScreen,
  Page,
  ParticipantFilter,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { z } from 'zod'
import { RELEASE_AMOUNTS_PATH, releaseQueries, type ReleaseAmountParams } from '../api.ts'

const column = createColumnHelper<ReleaseAmount>()
const FILTER_KEYS = ['deliveryYear', 'month', 'participantId', 'contract']
const filterSchema = z.object({
  deliveryYear: z.string().regex(/^\d{4}$/),
  month: z.string(),
  participantId: z.string(),
  contract: z.string().trim().max(50),
})
type FilterValues = z.input<typeof filterSchema>

const figure = (value: number, testId?: string) => (
  <Text fz="sm" ta="right" className="yoryo-numeric" data-testid={testId}>
    {formatNumber(value)}
  </Text>
)

/**
 * F30 容量確保契約金リリースオークション交付額・請求額 (`/release-amounts`): per contract and month
 * of a published release, the released kW, the release price, 交付額 (kept for the released kW)
 * and 請求額 (billed to the holder). The offers are on `/release-amounts/offers`.
 */
export function ReleaseAmountsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const fieldErrorText = useFieldErrorText()
  const state = useListState(releaseAmountSortFields)
  const yearParam = state.params.get('deliveryYear') ?? ''
  const deliveryYear = /^\d{4}$/.test(yearParam)
    ? Number(yearParam)
    : fiscalYearOf(`${lastCompleteMonth()}-01`)
  const monthParam = readText(state.params, 'month', 7)
  const filterParams: Omit<ReleaseAmountParams, 'page' | 'pageSize'> = {
    deliveryYear,
    month: monthParam && deliveryMonths(deliveryYear).includes(monthParam) ? monthParam : undefined,
    participantId: isOperator ? readText(state.params, 'participantId', 36) : undefined,
    contract: readText(state.params, 'contract'),
  }
  const filters: FilterValues = {
    deliveryYear: String(deliveryYear),
    month: filterParams.month ?? '',
    participantId: filterParams.participantId ?? '',
    contract: filterParams.contract ?? '',
  }
  const list = useQuery(
    releaseQueries.amounts({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('month', {
        header: t('releaseAmounts.fields.month'),
        cell: (info) => (
          <Text span fz="sm" className="yoryo-figures">
            {info.getValue().replace('-', '/')}
          </Text>
        ),
        meta: { widthClass: 'short' },
      }),
      column.accessor('contractNo', {
        header: t('releaseAmounts.fields.contractNo'),
        cell: (info) => (
          <Text span fz="sm" className="yoryo-code">
            {info.getValue()}
          </Text>
        ),
        meta: { width: 124 },
      }),
      column.accessor('resourceCode', {
        header: t('releaseAmounts.fields.resource'),
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
              header: t('releaseAmounts.fields.participant'),
              cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('releasedKw', {
        header: t('releaseAmounts.fields.releasedKw'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 112, numeric: true },
      }),
      column.accessor('releasePrice', {
        header: t('releaseAmounts.fields.releasePrice'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 124, numeric: true },
      }),
      column.accessor('grantedAmount', {
        header: t('releaseAmounts.fields.grantedAmount'),
        cell: (info) => figure(info.getValue(), 'release-granted'),
        meta: { width: 120, numeric: true },
      }),
      column.accessor('billedAmount', {
        header: t('releaseAmounts.fields.billedAmount'),
        cell: (info) => figure(info.getValue(), 'release-billed'),
        meta: { width: 120, numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="F30"
      title={t('functions.releaseAmounts')}
      description={t('releaseAmounts.description')}
    >
      <Stack gap="sm">
        <Group justify="flex-end">
          <Anchor component={Link} to="/release-amounts/offers" fz="sm" data-testid="to-offers">
            {t('releaseAmounts.toOffers')}
          </Anchor>
        </Group>
        <ListScreen
          state={state}
          result={list}
          title={t('releaseAmounts.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          emptyMessage={t('releaseAmounts.empty')}
          csv={{
            path: RELEASE_AMOUNTS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('release-amounts'),
          }}
          testId="release-amount-list"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  deliveryYear: values.deliveryYear,
                  month: values.month,
                  participantId: values.participantId,
                  contract: values.contract,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="release-amount-filters"
            >
              {(form) => (
                <>
                  <TextInput
                    label={t('releaseAmounts.fields.deliveryYear')}
                    w={110}
                    maxLength={4}
                    inputMode="numeric"
                    {...form.register('deliveryYear')}
                    error={fieldErrorText(form.formState.errors.deliveryYear)}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="month"
                    label={t('releaseAmounts.fields.month')}
                    w={130}
                    options={deliveryMonths(deliveryYear).map((m) => ({
                      value: m,
                      label: m.replace('-', '/'),
                    }))}
                  />
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('releaseAmounts.fields.participant')}
                      w={240}
                    />
                  ) : null}
                  <KeywordFilter
                    registration={form.register('contract')}
                    error={form.formState.errors.contract}
                    label={t('releaseAmounts.fields.contractNo')}
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
