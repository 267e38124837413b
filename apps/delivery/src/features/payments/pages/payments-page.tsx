import { Anchor, Button, Checkbox, Group, Stack, Tabs, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  monthSchema,
  paymentDirections,
  paymentItemSortFields,
  paymentItemStates,
  paymentSortFields,
  paymentStates,
  settlementDocumentKinds,
  type Payment,
  type PaymentItem,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  DateRangeFilter,
  FilterBar,
  ListScreen,
  Page,
  ParticipantFilter,
  createColumnHelper,
  exportFileName,
  readChoice,
  readDate,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Controller } from 'react-hook-form'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { z } from 'zod'
import { ItemStateBadge, PaymentStateBadge, yenFigure } from '../components.tsx'
import { PAYMENTS_PATH, PAYMENT_ITEMS_PATH, paymentQueries } from '../api.ts'

const VIEWS = ['items', 'payments'] as const
type View = (typeof VIEWS)[number]

/**
 * F10 入出金結果 (`/payments`): two tabs — 未決済一覧, each payment notice and invoice with its
 * due date, paid and open amounts and whether it is overdue; 入出金一覧, the payments recorded
 * (by hand or from a bank statement, G96) with what is matched. The operator records payments
 * and imports statements from here.
 */
export function PaymentsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const view: View = readChoice(params, 'view', VIEWS) ?? 'items'
  return (
    <Page
      functionCode="F10"
      title={t('functions.payments')}
      description={t('payments.description')}
    >
      <Stack gap="sm">
        {isOperator ? (
          <Group gap="xs" justify="flex-end">
            <Button variant="default" component={Link} to="/bulk-imports">
              {t('payments.list.upload')}
            </Button>
            <Button component={Link} to="/payments/new" data-testid="payment-new">
              {t('payments.list.record')}
            </Button>
          </Group>
        ) : null}
        <Tabs
          value={view}
          onChange={(next) => setParams(next === 'payments' ? { view: 'payments' } : {})}
          keepMounted={false}
        >
          <Tabs.List mb="sm">
            <Tabs.Tab value="items" data-testid="tab-items">
              {t('payments.tabs.items')}
            </Tabs.Tab>
            <Tabs.Tab value="payments" data-testid="tab-payments">
              {t('payments.tabs.payments')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="items">
            <ItemsList isOperator={isOperator} />
          </Tabs.Panel>
          <Tabs.Panel value="payments">
            <PaymentsList isOperator={isOperator} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Page>
  )
}

const itemColumn = createColumnHelper<PaymentItem>()
const ITEM_FILTERS = ['month', 'kind', 'state', 'overdue', 'participantId']
const itemFilterSchema = z.object({
  month: z.union([z.literal(''), monthSchema]),
  kind: z.string(),
  state: z.string(),
  overdue: z.boolean(),
  participantId: z.string(),
})

function ItemsList({ isOperator }: { isOperator: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const state = useListState(paymentItemSortFields)
  const filters = {
    month: readText(state.params, 'month') ?? '',
    kind: readChoice(state.params, 'kind', settlementDocumentKinds) ?? ('' as const),
    state: readChoice(state.params, 'state', paymentItemStates) ?? ('' as const),
    overdue: state.params.get('overdue') === 'true',
    participantId: readText(state.params, 'participantId') ?? '',
  }
  const filterParams = {
    month: filters.month || undefined,
    kind: filters.kind || undefined,
    state: filters.state || undefined,
    overdue: filters.overdue ? ('true' as const) : undefined,
    participantId: (isOperator && filters.participantId) || undefined,
  }
  const list = useQuery(
    paymentQueries.items({
      ...filterParams,
      sort: state.sort ?? '-documentNo',
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const href = (row: PaymentItem) => `/settlement-documents/${row.id}`
  const columns = useMemo(
    () => [
      itemColumn.accessor('documentNo', {
        header: t('payments.fields.documentNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={href(info.row.original)}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { width: 124 },
      }),
      itemColumn.accessor('kind', {
        header: t('payments.fields.kind'),
        cell: (info) => t(`payments.documentKind.${info.getValue()}`),
        meta: { width: 100 },
      }),
      itemColumn.accessor('month', {
        header: t('payments.fields.month'),
        cell: (info) => <span className="yoryo-figures">{info.getValue()}</span>,
        meta: { width: 80 },
      }),
      ...(isOperator
        ? [
            itemColumn.accessor('participantCode', {
              header: t('payments.fields.participant'),
              cell: (info) => (
                <span title={info.row.original.participantName}>
                  <span className="yoryo-code">{info.getValue()}</span>{' '}
                  {info.row.original.participantName}
                </span>
              ),
              meta: { widthClass: 'name' },
            }),
          ]
        : []),
      itemColumn.accessor('dueDate', {
        header: t('payments.fields.dueDate'),
        cell: (info) => (
          <span
            className="yoryo-figures"
            style={
              info.row.original.overdue
                ? { color: 'var(--mantine-color-red-8)', fontWeight: 600 }
                : undefined
            }
          >
            {info.getValue()}
          </span>
        ),
        meta: { width: 96 },
      }),
      itemColumn.accessor('total', {
        header: t('payments.fields.total'),
        cell: (info) => yenFigure(info.getValue()),
        meta: { width: 104, numeric: true },
      }),
      itemColumn.accessor('paid', {
        header: t('payments.fields.paid'),
        cell: (info) => yenFigure(info.getValue()),
        meta: { width: 104, numeric: true },
      }),
      itemColumn.accessor('openAmount', {
        header: t('payments.fields.openAmount'),
        cell: (info) => yenFigure(info.getValue(), info.getValue() > 0),
        meta: { width: 104, numeric: true },
      }),
      itemColumn.accessor('paymentState', {
        header: t('payments.fields.itemState'),
        cell: (info) => <ItemStateBadge item={info.row.original} />,
        meta: { width: 136 },
      }),
    ],
    [t, isOperator],
  )
  return (
    <ListScreen
      state={state}
      result={list}
      title={t('payments.items.tableLabel')}
      columns={columns}
      getRowId={(row) => row.id}
      onRowActivate={(row) => void navigate(href(row))}
      rowClassName={(row) => (row.overdue ? 'yoryo-row-warning' : undefined)}
      emptyMessage={t('payments.items.empty')}
      csv={{
        path: PAYMENT_ITEMS_PATH,
        query: { ...filterParams },
        fileName: exportFileName('payment-items'),
      }}
      testId="payment-item-list"
      filters={
        <FilterBar
          schema={itemFilterSchema}
          values={filters}
          onApply={(values) => state.update({ ...values, overdue: values.overdue ? 'true' : '' })}
          onClear={() => state.clear(ITEM_FILTERS)}
          testId="payment-item-filters"
        >
          {(form) => (
            <>
              <TextInput
                label={t('payments.fields.month')}
                placeholder="YYYY-MM"
                w={120}
                maxLength={7}
                className="yoryo-figures"
                {...form.register('month')}
              />
              <ChoiceFilter
                control={form.control}
                name="kind"
                label={t('payments.fields.kind')}
                w={140}
                options={settlementDocumentKinds.map((k) => ({
                  value: k,
                  label: t(`payments.documentKind.${k}`),
                }))}
              />
              <ChoiceFilter
                control={form.control}
                name="state"
                label={t('payments.fields.itemState')}
                w={140}
                options={paymentItemStates.map((s) => ({
                  value: s,
                  label: t(`payments.itemState.${s}`),
                }))}
              />
              {isOperator ? (
                <ParticipantFilter
                  control={form.control}
                  name="participantId"
                  label={t('payments.fields.participant')}
                  w={240}
                />
              ) : null}
              <Controller
                control={form.control}
                name="overdue"
                render={({ field }) => (
                  <Checkbox
                    label={t('payments.items.overdueOnly')}
                    checked={field.value}
                    onChange={(e) => field.onChange(e.currentTarget.checked)}
                    mt={26}
                    data-testid="overdue-only"
                  />
                )}
              />
            </>
          )}
        </FilterBar>
      }
    />
  )
}

const paymentColumn = createColumnHelper<Payment>()
const PAYMENT_FILTERS = ['direction', 'state', 'participantId', 'from', 'to']
const paymentFilterSchema = z.object({
  direction: z.string(),
  state: z.string(),
  participantId: z.string(),
  from: z.string(),
  to: z.string(),
})

function PaymentsList({ isOperator }: { isOperator: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const state = useListState(paymentSortFields)
  const filters = {
    direction: readChoice(state.params, 'direction', paymentDirections) ?? ('' as const),
    state: readChoice(state.params, 'state', paymentStates) ?? ('' as const),
    participantId: readText(state.params, 'participantId') ?? '',
    from: readDate(state.params, 'from') ?? '',
    to: readDate(state.params, 'to') ?? '',
  }
  const filterParams = {
    direction: filters.direction || undefined,
    state: filters.state || undefined,
    participantId: (isOperator && filters.participantId) || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  }
  const list = useQuery(
    paymentQueries.list({
      ...filterParams,
      sort: state.sort ?? '-valueDate',
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const href = (row: Payment) => `/payments/${row.id}`
  const columns = useMemo(
    () => [
      paymentColumn.accessor('valueDate', {
        header: t('payments.fields.valueDate'),
        cell: (info) => <span className="yoryo-figures">{info.getValue()}</span>,
        meta: { width: 96 },
      }),
      paymentColumn.accessor('direction', {
        header: t('payments.fields.direction'),
        cell: (info) => t(`payments.direction.${info.getValue()}`),
        meta: { width: 72 },
      }),
      ...(isOperator
        ? [
            paymentColumn.accessor('participantCode', {
              header: t('payments.fields.participant'),
              cell: (info) => (
                <span title={info.row.original.participantName}>
                  <span className="yoryo-code">{info.getValue()}</span>{' '}
                  {info.row.original.participantName}
                </span>
              ),
              meta: { widthClass: 'name' },
            }),
          ]
        : []),
      paymentColumn.accessor('bankReference', {
        header: t('payments.fields.bankReference'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={href(info.row.original)}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { width: 168 },
      }),
      paymentColumn.accessor('counterpartyName', {
        header: t('payments.fields.counterpartyName'),
        meta: { widthClass: 'name' },
      }),
      paymentColumn.accessor('amount', {
        header: t('payments.fields.amount'),
        cell: (info) => yenFigure(info.getValue()),
        meta: { width: 104, numeric: true },
      }),
      paymentColumn.accessor('unallocated', {
        header: t('payments.fields.unallocated'),
        cell: (info) => yenFigure(info.getValue(), info.getValue() > 0),
        meta: { width: 96, numeric: true },
      }),
      paymentColumn.accessor('state', {
        header: t('payments.fields.paymentState'),
        cell: (info) => <PaymentStateBadge state={info.getValue()} />,
        meta: { width: 80 },
      }),
      paymentColumn.accessor('source', {
        header: t('payments.fields.source'),
        cell: (info) => t(`payments.source.${info.getValue()}`),
        meta: { width: 96 },
      }),
    ],
    [t, isOperator],
  )
  return (
    <ListScreen
      state={state}
      result={list}
      title={t('payments.list.tableLabel')}
      columns={columns}
      getRowId={(row) => row.id}
      onRowActivate={(row) => void navigate(href(row))}
      emptyMessage={t('payments.list.empty')}
      csv={{
        path: PAYMENTS_PATH,
        query: { ...filterParams },
        fileName: exportFileName('payments'),
      }}
      testId="payment-list"
      filters={
        <FilterBar
          schema={paymentFilterSchema}
          values={filters}
          onApply={(values) => state.update({ ...values, view: 'payments' })}
          onClear={() => state.clear(PAYMENT_FILTERS)}
          testId="payment-filters"
        >
          {(form) => (
            <>
              <ChoiceFilter
                control={form.control}
                name="direction"
                label={t('payments.fields.direction')}
                w={120}
                options={paymentDirections.map((d) => ({
                  value: d,
                  label: t(`payments.direction.${d}`),
                }))}
              />
              <ChoiceFilter
                control={form.control}
                name="state"
                label={t('payments.fields.paymentState')}
                w={120}
                options={paymentStates.map((s) => ({ value: s, label: t(`payments.state.${s}`) }))}
              />
              {isOperator ? (
                <ParticipantFilter
                  control={form.control}
                  name="participantId"
                  label={t('payments.fields.participant')}
                  w={240}
                />
              ) : null}
              <DateRangeFilter
                control={form.control}
                from="from"
                to="to"
                label={t('payments.fields.valueDate')}
              />
            </>
          )}
        </FilterBar>
      }
    />
  )
}
