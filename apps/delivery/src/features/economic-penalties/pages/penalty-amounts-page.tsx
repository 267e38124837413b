import { Anchor, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  fiscalYearOf,
  jstToday,
  penaltyAmountSortFields,
  type PenaltyAmount,
} from '@yoryo/contracts'
import {
  FilterBar,
  ListScreen,
  Page,
  ParticipantFilter,
  createColumnHelper,
  exportFileName,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { PENALTY_AMOUNTS_PATH, economicPenaltyQueries } from '../api.ts'
import { NumberCell } from '../format.tsx'

const column = createColumnHelper<PenaltyAmount>()
const FILTER_KEYS = ['deliveryYear', 'resourceCode', 'participantId']
const filterSchema = z.object({
  deliveryYear: z.string().regex(/^\d{4}$/),
  resourceCode: z.string().trim().max(50),
  participantId: z.string(),
})

/** The delivery year shown when none is asked for: the current one (JST). */
export function currentDeliveryYear(): number {
  return fiscalYearOf(jstToday())
}

/**
 * D20 経済的ペナルティ額 (`/penalty-amounts`): the penalty amounts of a delivery year, one row
 * per resource and month — subtotal, the monthly cap and what it waived, the annual cap and what
 * it waived, the total and the year to date. A row opens the resource's year; the month opens
 * the month's penalty targets (D00).
 */
export function PenaltyAmountsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(penaltyAmountSortFields)
  const yearParam = state.params.get('deliveryYear') ?? ''
  const deliveryYear = /^\d{4}$/.test(yearParam) ? Number(yearParam) : currentDeliveryYear()
  const filterParams = {
    deliveryYear,
    resourceCode: readText(state.params, 'resourceCode', 50),
    participantId: isOperator ? readText(state.params, 'participantId', 36) : undefined,
  }
  const filters = {
    deliveryYear: String(deliveryYear),
    resourceCode: filterParams.resourceCode ?? '',
    participantId: filterParams.participantId ?? '',
  }
  const list = useQuery(
    economicPenaltyQueries.amounts({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('month', {
        header: t('economicPenalties.fields.month'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/penalty-targets/${info.row.original.resultId}`}
            fz="sm"
            className="yoryo-figures"
            tabIndex={-1}
          >
            {info.getValue().replace('-', '/')}
          </Anchor>
        ),
        meta: { width: 80 },
      }),
      column.accessor('resourceCode', {
        header: t('economicPenalties.fields.resource'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/penalty-amounts/${info.row.original.resourceId}?deliveryYear=${info.row.original.deliveryYear}`}
            fz="sm"
            tabIndex={-1}
            title={info.row.original.resourceName}
          >
            <span className="yoryo-code">{info.getValue()}</span> {info.row.original.resourceName}
          </Anchor>
        ),
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('economicPenalties.fields.participant'),
              cell: (info) => (
                <span className="yoryo-code" title={info.row.original.participantName}>
                  {info.getValue()}
                </span>
              ),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('subtotal', {
        header: t('economicPenalties.fields.subtotal'),
        cell: (info) => <NumberCell value={info.getValue()} />,
        meta: { width: 104, numeric: true },
      }),
      column.accessor('monthlyCap', {
        header: t('economicPenalties.fields.monthlyCap'),
        cell: (info) => <NumberCell value={info.getValue()} />,
        meta: { width: 104, numeric: true },
      }),
      column.accessor('waivedMonthly', {
        header: t('economicPenalties.fields.waivedMonthly'),
        cell: (info) => <NumberCell value={info.getValue()} waived={info.getValue() > 0} />,
        meta: { width: 104, numeric: true },
      }),
      column.accessor('annualCap', {
        header: t('economicPenalties.fields.annualCap'),
        cell: (info) => <NumberCell value={info.getValue()} />,
        meta: { width: 104, numeric: true },
      }),
      column.accessor('waivedAnnual', {
        header: t('economicPenalties.fields.waivedAnnual'),
        cell: (info) => <NumberCell value={info.getValue()} waived={info.getValue() > 0} />,
        meta: { width: 104, numeric: true },
      }),
      column.accessor('total', {
        header: t('economicPenalties.fields.total'),
        cell: (info) => (
          <Text span fz="sm" fw={700} ta="right" display="block" className="yoryo-numeric">
            {info.getValue().toLocaleString('ja-JP')}
          </Text>
        ),
        meta: { width: 104, numeric: true },
      }),
      column.accessor('yearToDate', {
        header: t('economicPenalties.fields.yearToDate'),
        cell: (info) => <NumberCell value={info.getValue()} />,
        meta: { width: 104, numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="D20"
      title={t('functions.penaltyAmounts')}
      description={t('economicPenalties.amounts.description')}
    >
      <Stack gap="md">
        <ListScreen
          state={state}
          result={list}
          title={t('economicPenalties.amounts.tableLabel')}
          columns={columns}
          getRowId={(row) => row.resultId}
          onRowActivate={(row) =>
            void navigate(`/penalty-amounts/${row.resourceId}?deliveryYear=${row.deliveryYear}`)
          }
          emptyMessage={t('economicPenalties.amounts.empty')}
          csv={{
            path: PENALTY_AMOUNTS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('penalty-amounts'),
          }}
          testId="penalty-amount-list"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  deliveryYear: values.deliveryYear,
                  resourceCode: values.resourceCode,
                  participantId: values.participantId,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="penalty-amount-filters"
            >
              {(form) => (
                <>
                  <TextInput
                    label={t('economicPenalties.fields.deliveryYear')}
                    w={110}
                    maxLength={4}
                    inputMode="numeric"
                    {...form.register('deliveryYear')}
                    error={
                      form.formState.errors.deliveryYear
                        ? t('economicPenalties.amounts.yearInvalid')
                        : undefined
                    }
                  />
                  <TextInput
                    label={t('economicPenalties.fields.resourceCode')}
                    w={180}
                    maxLength={50}
                    {...form.register('resourceCode')}
                  />
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('economicPenalties.fields.participant')}
                      w={240}
                    />
                  ) : null}
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
