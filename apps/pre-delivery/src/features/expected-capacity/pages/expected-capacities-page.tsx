import { Anchor, Badge, Button, Group, Stack, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { expectedCapacitySortFields, type ExpectedCapacity } from '@yoryo/contracts'
import {
  canEditGroup,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDateTime,
  formatNumber,
  KeywordFilter,
  ListScreen,
  Page,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { EXPECTED_CAPACITIES_PATH, expectedCapacityQueries, type ListParams } from '../api.ts'
import { WindowBanner } from '../components/window-banner.tsx'

const column = createColumnHelper<ExpectedCapacity>()
const FILTER_KEYS = ['q', 'deliveryYear']
const filterSchema = z.object({
  q: z.string().trim().max(100),
  deliveryYear: z.union([z.literal(''), z.string().regex(/^\d{4}$/)]),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * 070 期待容量一覧: the participant's expected capacities (the operator: every participant's),
 * with the window and its countdown; a row opens how it was computed.
 */
export function ExpectedCapacitiesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const fieldErrorText = useFieldErrorText()
  const state = useListState(expectedCapacitySortFields)
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    deliveryYear: /^\d{4}$/.test(state.params.get('deliveryYear') ?? '')
      ? (state.params.get('deliveryYear') ?? '')
      : '',
  }
  const filterParams: Omit<ListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    deliveryYear: filters.deliveryYear ? Number(filters.deliveryYear) : undefined,
  }
  const list = useQuery(
    expectedCapacityQueries.list({
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
        header: t('expectedCapacity.fields.resourceCode'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/expected-capacities/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { width: 120, nowrap: true },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('expectedCapacity.fields.participant'),
              meta: { width: 90, nowrap: true, mono: true },
            }),
          ]
        : []),
      column.accessor((row) => row.resource.name, {
        id: 'resourceName',
        header: t('expectedCapacity.fields.resourceName'),
      }),
      column.accessor((row) => t(`resources.kind.${row.resource.kind}`), {
        id: 'kind',
        header: t('expectedCapacity.fields.kind'),
        meta: { width: 170, nowrap: true },
      }),
      column.accessor((row) => t(`resources.area.${row.resource.area}`), {
        id: 'area',
        header: t('expectedCapacity.fields.area'),
        meta: { width: 80, nowrap: true },
      }),
      column.accessor('deliveryYear', {
        header: t('expectedCapacity.fields.deliveryYear'),
        cell: (info) => t('expectedCapacity.fiscalYear', { year: info.getValue() }),
        meta: { width: 110, nowrap: true },
      }),
      column.accessor('expectedKw', {
        header: t('expectedCapacity.fields.expectedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 130, numeric: true },
      }),
      column.accessor('changedExpectedKw', {
        header: t('expectedCapacity.fields.changedExpectedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 150, numeric: true },
      }),
      column.accessor('status', {
        header: t('expectedCapacity.fields.status'),
        cell: (info) => (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={info.getValue() === 'active' ? 'green' : 'gray'}
          >
            {t(`expectedCapacity.status.${info.getValue()}`)}
          </Badge>
        ),
        meta: { width: 80, nowrap: true },
      }),
      column.accessor('updatedAt', {
        header: t('expectedCapacity.fields.updatedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { width: 150, nowrap: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="070"
      title={t('functions.expectedCapacities')}
      description={
        isOperator ? t('expectedCapacity.operatorDescription') : t('expectedCapacity.description')
      }
      actions={
        <Group gap="xs">
          <Button component={Link} to="/factor-tables" variant="default">
            {t('functions.factorTables')}
          </Button>
          {canEditGroup(session, '070') && !isOperator ? (
            <Button component={Link} to="/expected-capacities/new" data-testid="ec-register">
              {t('expectedCapacity.register')}
            </Button>
          ) : null}
        </Group>
      }
    >
      <Stack gap="md">
        <WindowBanner />
        <ListScreen
          state={state}
          result={list}
          title={t('expectedCapacity.list.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(`/expected-capacities/${row.id}`)}
          emptyMessage={t('expectedCapacity.list.empty')}
          csv={{
            path: EXPECTED_CAPACITIES_PATH,
            query: { ...filterParams },
            fileName: exportFileName('expected-capacities'),
          }}
          testId="ec-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) => state.update({ q: values.q, deliveryYear: values.deliveryYear })}
              onClear={() => state.clear(FILTER_KEYS)}
              testId="ec-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    label={t('expectedCapacity.list.search')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <TextInput
                    label={t('expectedCapacity.list.deliveryYear')}
                    w={130}
                    maxLength={4}
                    inputMode="numeric"
                    {...form.register('deliveryYear')}
                    error={fieldErrorText(form.formState.errors.deliveryYear)}
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
