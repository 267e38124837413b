import { Stack, Table, Text, UnstyledButton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  assessmentBasisSortFields,
  fiscalYearOf,
  resourceKinds,
  type AssessmentBasisRow,
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
  useLanguage,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { z } from 'zod'
import {
  ASSESSMENT_BASIS_PATH,
  assessmentBasisQueries,
  monthChoices,
  type BasisListParams,
} from '../api.ts'
import { ParameterSetPanel } from '../components/parameter-set-panel.tsx'

const column = createColumnHelper<AssessmentBasisRow>()
const FILTER_KEYS = ['month', 'q', 'kind', 'participantId']
const filterSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  q: z.string().trim().max(100),
  kind: z.union([z.literal(''), z.enum(resourceKinds)]),
  participantId: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * B10 アセスメント算定諸元: for a month of a delivery year, the parameters of the year and, per
 * resource, what the assessment scales by — contract kW and A after replacement, U = A / kW, the
 * caps in yen — with the contracts and allocations behind the kW (a row opens them).
 */
export function AssessmentParametersPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const [language] = useLanguage()
  // ja: 2026年4月; en: 2026-04.
  const monthLabel = (m: string) =>
    t('assessmentBasis.monthLabel', {
      year: m.slice(0, 4),
      month: language === 'en' ? m.slice(5) : String(Number(m.slice(5))),
    })
  const state = useListState(assessmentBasisSortFields)
  const monthParam = state.params.get('month') ?? ''
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : lastCompleteMonth()
  const deliveryYear = fiscalYearOf(`${month}-01`)
  const filterParams: Omit<BasisListParams, 'page' | 'pageSize'> = {
    month,
    q: readText(state.params, 'q'),
    kind: readChoice(state.params, 'kind', resourceKinds),
    participantId: isOperator ? readText(state.params, 'participantId', 36) : undefined,
  }
  const filters: FilterValues = {
    month,
    q: filterParams.q ?? '',
    kind: (filterParams.kind as FilterValues['kind'] | undefined) ?? '',
    participantId: filterParams.participantId ?? '',
  }
  const list = useQuery(
    assessmentBasisQueries.basis({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor((row) => row.resource.code, {
        id: 'resourceCode',
        header: t('assessmentBasis.fields.resourceCode'),
        cell: (info) => {
          const open = info.row.getIsExpanded()
          return (
            <UnstyledButton
              className="yoryo-expand-button"
              onClick={info.row.getToggleExpandedHandler()}
              aria-expanded={open}
              aria-label={t('assessmentBasis.list.toggle', { code: info.getValue() })}
              data-testid="abas-toggle"
            >
              <span
                className="yoryo-expand-caret"
                data-open={open || undefined}
                aria-hidden="true"
              />
              <span className="yoryo-code">{info.getValue()}</span>
            </UnstyledButton>
          )
        },
        meta: { widthClass: 'id', nowrap: true },
      }),
      column.accessor((row) => row.resource.name, {
        id: 'resourceName',
        header: t('assessmentBasis.fields.resourceName'),
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('assessmentBasis.fields.participant'),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('contractKw', {
        header: t('assessmentBasis.fields.contractKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('annualAmount', {
        header: t('assessmentBasis.fields.annualAmount'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('unitPrice', {
        header: t('assessmentBasis.fields.unitPrice'),
        cell: (info) => formatNumber(Number(info.getValue()), 2),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('monthlyCap', {
        header: t('assessmentBasis.fields.monthlyCap'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('annualCap', {
        header: t('assessmentBasis.fields.annualCap'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.display({
        id: 'replacement',
        header: t('assessmentBasis.fields.replacement'),
        cell: (info) => {
          const r = info.row.original
          const out = r.allocationsOut.reduce((s, a) => s + a.kw, 0)
          const into = r.allocationsIn.reduce((s, a) => s + a.kw, 0)
          if (!out && !into) return null
          return (
            <Text span fz="sm" className="yoryo-figures" data-testid="abas-moved">
              {[out ? `−${formatNumber(out)} kW` : null, into ? `+${formatNumber(into)} kW` : null]
                .filter(Boolean)
                .join(' / ')}
            </Text>
          )
        },
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="B10"
      title={t('functions.assessmentParameters')}
      description={t('assessmentBasis.description')}
    >
      <Stack gap="md">
        <ParameterSetPanel deliveryYear={deliveryYear} />
        <ListScreen
          state={state}
          result={list}
          title={t('assessmentBasis.list.title', { month: monthLabel(month) })}
          columns={columns}
          getRowId={(row) => row.resource.id}
          renderExpanded={(row) => <BasisDetail row={row} />}
          emptyMessage={t('assessmentBasis.list.empty')}
          csv={{
            path: ASSESSMENT_BASIS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('assessment-basis'),
          }}
          testId="abas-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  month: values.month,
                  q: values.q,
                  kind: values.kind,
                  participantId: values.participantId,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="abas-filters"
            >
              {(form) => (
                <>
                  <ChoiceFilter
                    control={form.control}
                    name="month"
                    label={t('assessmentBasis.fields.month')}
                    w={150}
                    options={monthChoices(month).map((m) => ({
                      value: m,
                      label: monthLabel(m),
                    }))}
                  />
                  <KeywordFilter
                    label={t('assessmentBasis.list.search')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="kind"
                    label={t('assessmentBasis.fields.kind')}
                    w={170}
                    options={resourceKinds.map((k) => ({
                      value: k,
                      label: t(`assessmentBasis.kind.${k}`),
                    }))}
                  />
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('assessmentBasis.fields.participant')}
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

/** The contracts and allocations behind a resource's kW and A in the month. */
function BasisDetail({ row }: { row: AssessmentBasisRow }) {
  const { t } = useTranslation()
  const lines = [
    ...row.contracts.map((c) => ({
      key: `c-${c.contractNo}`,
      what: t('assessmentBasis.detail.contract'),
      contractNo: c.contractNo,
      other: '',
      kw: c.contractKw,
      amount: c.annualAmount,
    })),
    ...row.allocationsOut.map((a) => ({
      key: `o-${a.contractNo}-${a.resourceCode}`,
      what: t('assessmentBasis.detail.out'),
      contractNo: a.contractNo,
      other: a.resourceCode,
      kw: -a.kw,
      amount: -a.annualAmount,
    })),
    ...row.allocationsIn.map((a) => ({
      key: `i-${a.contractNo}-${a.resourceCode}`,
      what: t('assessmentBasis.detail.in'),
      contractNo: a.contractNo,
      other: a.resourceCode,
      kw: a.kw,
      amount: a.annualAmount,
    })),
  ]
  return (
    <Table
      withTableBorder
      fz="sm"
      className="yoryo-figures"
      data-testid="abas-detail"
      aria-label={t('assessmentBasis.detail.title', { code: row.resource.code })}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('assessmentBasis.detail.what')}</Table.Th>
          <Table.Th>{t('assessmentBasis.detail.contractNo')}</Table.Th>
          <Table.Th>{t('assessmentBasis.detail.other')}</Table.Th>
          <Table.Th ta="right">{t('assessmentBasis.fields.contractKw')}</Table.Th>
          <Table.Th ta="right">{t('assessmentBasis.fields.annualAmount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.key}>
            <Table.Td>{l.what}</Table.Td>
            <Table.Td className="yoryo-code">{l.contractNo}</Table.Td>
            <Table.Td className="yoryo-code">{l.other}</Table.Td>
            <Table.Td ta="right">{formatNumber(l.kw)}</Table.Td>
            <Table.Td ta="right">{formatNumber(l.amount)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td colSpan={3}>{t('assessmentBasis.detail.total')}</Table.Td>
          <Table.Td ta="right">{formatNumber(row.contractKw)}</Table.Td>
          <Table.Td ta="right">{formatNumber(row.annualAmount)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}
