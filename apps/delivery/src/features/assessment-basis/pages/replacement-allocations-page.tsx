import { Badge, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  allocationDirections,
  deliveryMonths,
  fiscalYearOf,
  replacementAllocationSortFields,
  type ReplacementAllocationRow,
  lastCompleteMonth,
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
  readChoice,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { z } from 'zod'
import {
  REPLACEMENT_ALLOCATIONS_PATH,
  assessmentBasisQueries,
  type AllocationListParams,
} from '../api.ts'

const column = createColumnHelper<ReplacementAllocationRow>()
const FILTER_KEYS = ['deliveryYear', 'month', 'direction', 'q', 'participantId']
const filterSchema = z.object({
  deliveryYear: z.string().regex(/^\d{4}$/),
  month: z.string(),
  direction: z.union([z.literal(''), z.enum(allocationDirections)]),
  q: z.string().trim().max(100),
  participantId: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * B20 差替配分供給力: per month of a delivery year, the kW of the participant's contracts that
 * replacement moved to another resource (out: assessed there) and the kW of other contracts
 * moved onto its resources (in), with the part of A that moves with them.
 */
export function ReplacementAllocationsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const fieldErrorText = useFieldErrorText()
  const state = useListState(replacementAllocationSortFields)
  const yearParam = state.params.get('deliveryYear') ?? ''
  const deliveryYear = /^\d{4}$/.test(yearParam)
    ? Number(yearParam)
    : fiscalYearOf(`${lastCompleteMonth()}-01`)
  const monthParam = readText(state.params, 'month', 7)
  const filterParams: Omit<AllocationListParams, 'page' | 'pageSize'> = {
    deliveryYear,
    month: monthParam && deliveryMonths(deliveryYear).includes(monthParam) ? monthParam : undefined,
    direction: isOperator ? undefined : readChoice(state.params, 'direction', allocationDirections),
    q: readText(state.params, 'q'),
    participantId: isOperator ? readText(state.params, 'participantId', 36) : undefined,
  }
  const filters: FilterValues = {
    deliveryYear: String(deliveryYear),
    month: filterParams.month ?? '',
    direction: (filterParams.direction as FilterValues['direction'] | undefined) ?? '',
    q: filterParams.q ?? '',
    participantId: filterParams.participantId ?? '',
  }
  const list = useQuery(
    assessmentBasisQueries.allocations({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('month', {
        header: t('assessmentBasis.fields.month'),
        cell: (info) => (
          <Text span fz="sm" className="yoryo-figures">
            {info.getValue().replace('-', '/')}
          </Text>
        ),
        meta: { widthClass: 'short' },
      }),
      ...(isOperator
        ? []
        : [
            column.accessor('direction', {
              header: t('assessmentBasis.fields.direction'),
              cell: (info) => (
                <Badge
                  size="sm"
                  radius="sm"
                  variant="light"
                  color={info.getValue() === 'out' ? 'orange' : 'blue'}
                >
                  {t(`assessmentBasis.direction.${info.getValue() ?? 'out'}`)}
                </Badge>
              ),
              meta: { widthClass: 'status' },
            }),
          ]),
      column.accessor('contractNo', {
        header: t('assessmentBasis.detail.contractNo'),
        cell: (info) => (
          <Text span fz="sm" className="yoryo-code">
            {info.getValue()}
          </Text>
        ),
        meta: { widthClass: 'id' },
      }),
      column.accessor((row) => row.fromResource.code, {
        id: 'fromResourceCode',
        header: t('assessmentBasis.fields.fromResource'),
        cell: (info) => (
          <Text span fz="sm">
            <span className="yoryo-code">{info.getValue()}</span>{' '}
            {info.row.original.fromResource.name}
          </Text>
        ),
        meta: { widthClass: 'name' },
      }),
      column.accessor((row) => row.toResource.code, {
        id: 'toResourceCode',
        header: t('assessmentBasis.fields.toResource'),
        cell: (info) => (
          <Text span fz="sm">
            <span className="yoryo-code">{info.getValue()}</span>{' '}
            {info.row.original.toResource.name}
          </Text>
        ),
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => `${row.fromParticipant.code} → ${row.toParticipant.code}`, {
              id: 'participants',
              header: t('assessmentBasis.fields.participant'),
              meta: { widthClass: 'label' },
            }),
          ]
        : []),
      column.accessor('kw', {
        header: t('assessmentBasis.fields.allocatedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('contractKw', {
        header: t('assessmentBasis.fields.contractKwOfContract'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('annualAmount', {
        header: t('assessmentBasis.fields.allocatedAmount'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="B20"
      title={t('functions.replacementAllocations')}
      description={t('assessmentBasis.allocations.description')}
    >
      <Stack gap="md">
        <ListScreen
          state={state}
          result={list}
          title={t('assessmentBasis.allocations.title', { year: deliveryYear })}
          columns={columns}
          getRowId={(row) => row.id}
          emptyMessage={t('assessmentBasis.allocations.empty')}
          csv={{
            path: REPLACEMENT_ALLOCATIONS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('replacement-allocations'),
          }}
          testId="b20-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  deliveryYear: values.deliveryYear,
                  month: values.month,
                  direction: values.direction,
                  q: values.q,
                  participantId: values.participantId,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="b20-filters"
            >
              {(form) => (
                <>
                  <TextInput
                    label={t('assessmentBasis.fields.deliveryYear')}
                    w={110}
                    maxLength={4}
                    inputMode="numeric"
                    {...form.register('deliveryYear')}
                    error={fieldErrorText(form.formState.errors.deliveryYear)}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="month"
                    label={t('assessmentBasis.fields.month')}
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
                      label={t('assessmentBasis.fields.participant')}
                      w={240}
                    />
                  ) : (
                    <ChoiceFilter
                      control={form.control}
                      name="direction"
                      label={t('assessmentBasis.fields.direction')}
                      w={150}
                      options={allocationDirections.map((d) => ({
                        value: d,
                        label: t(`assessmentBasis.direction.${d}`),
                      }))}
                    />
                  )}
                  <KeywordFilter
                    label={t('assessmentBasis.allocations.search')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
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
