import { Anchor, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  monthSchema,
  settlementDocumentKinds,
  settlementDocumentSortFields,
  type SettlementDocumentKind,
  type SettlementDocumentRow,
} from '@yoryo/contracts'
import {
  FilterBar,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Controller } from 'react-hook-form'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { SETTLEMENT_DOCUMENTS_PATH, settlementQueries } from '../api.ts'
import { figure } from './contract-amounts-page.tsx'

const column = createColumnHelper<SettlementDocumentRow>()
const FILTER_KEYS = ['month', 'kind']
const filterSchema = z.object({
  month: z.union([z.literal(''), monthSchema]),
  kind: z.union([z.literal(''), z.enum(settlementDocumentKinds)]),
})

/**
 * F00 支払通知・請求 (`/settlement-documents`): the issued payment notices and invoices, per
 * month and participant, with the amounts they state. A row opens the document with its lines
 * and the PDF.
 */
export function SettlementDocumentsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(settlementDocumentSortFields)
  const kindParam = state.params.get('kind') ?? ''
  const filters = {
    month: readText(state.params, 'month') ?? '',
    kind: (settlementDocumentKinds as readonly string[]).includes(kindParam)
      ? (kindParam as SettlementDocumentKind)
      : ('' as const),
  }
  const filterParams = {
    month: filters.month || undefined,
    kind: filters.kind || undefined,
  }
  const list = useQuery(
    settlementQueries.documents({
      ...filterParams,
      sort: state.sort ?? '-documentNo',
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const detailHref = (row: SettlementDocumentRow) => `/settlement-documents/${row.id}`
  const columns = useMemo(
    () => [
      column.accessor('documentNo', {
        header: t('settlement.fields.documentNo'),
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
        meta: { width: 136 },
      }),
      column.accessor('kind', {
        header: t('settlement.fields.documentKind'),
        cell: (info) => t(`settlement.documentKind.${info.getValue()}`),
        meta: { width: 96 },
      }),
      column.accessor('month', {
        header: t('settlement.fields.month'),
        cell: (info) => <span className="yoryo-figures">{info.getValue()}</span>,
        enableSorting: false,
        meta: { width: 80 },
      }),
      ...(isOperator
        ? [
            column.accessor('participantCode', {
              header: t('settlement.fields.participant'),
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
      column.accessor('issuedOn', {
        header: t('settlement.fields.issuedOn'),
        cell: (info) => <span className="yoryo-figures">{formatDate(info.getValue())}</span>,
        meta: { width: 96 },
      }),
      column.accessor('lineCount', {
        header: t('settlement.fields.lineCount'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 64, numeric: true },
      }),
      column.accessor('subtotal', {
        header: t('settlement.fields.subtotal'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 112, numeric: true },
      }),
      column.accessor('tax', {
        header: t('settlement.fields.tax'),
        cell: (info) => figure(info.getValue()),
        meta: { width: 96, numeric: true },
      }),
      column.accessor('total', {
        header: t('settlement.fields.total'),
        cell: (info) => figure(info.getValue(), undefined, true),
        meta: { width: 112, numeric: true },
      }),
      // F10: whether the document is paid (due date and open amount: its detail, F10).
      column.accessor('paymentState', {
        header: t('payments.fields.itemState'),
        cell: (info) => (
          <>
            <Text fz="sm">{t(`payments.itemState.${info.getValue()}`)}</Text>
            {info.row.original.overdue ? (
              <Text fz="xs" fw={600} c="red.8">
                {t('payments.overdue')}
              </Text>
            ) : null}
          </>
        ),
        meta: { width: 120 },
      }),
    ],
    [t, isOperator],
  )
  return (
    <Page
      functionCode="F00"
      title={t('functions.settlementDocuments')}
      description={t('settlement.documents.description')}
    >
      <Stack gap="sm">
        <ListScreen
          state={state}
          result={list}
          title={t('settlement.documents.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(detailHref(row))}
          emptyMessage={t('settlement.documents.empty')}
          csv={{
            path: SETTLEMENT_DOCUMENTS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('settlement-documents'),
          }}
          testId="settlement-document-list"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) => state.update(values)}
              onClear={() => state.clear(FILTER_KEYS)}
              testId="settlement-document-filters"
            >
              {(form) => (
                <>
                  <TextInput
                    label={t('settlement.fields.month')}
                    placeholder="YYYY-MM"
                    w={120}
                    maxLength={7}
                    className="yoryo-figures"
                    {...form.register('month')}
                    error={form.formState.errors.month ? t('settlement.month.invalid') : undefined}
                  />
                  <Controller
                    control={form.control}
                    name="kind"
                    render={({ field }) => (
                      <Select
                        label={t('settlement.fields.documentKind')}
                        w={160}
                        clearable
                        data={settlementDocumentKinds.map((k) => ({
                          value: k,
                          label: t(`settlement.documentKind.${k}`),
                        }))}
                        value={field.value || null}
                        onChange={(v) => field.onChange(v ?? '')}
                      />
                    )}
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
