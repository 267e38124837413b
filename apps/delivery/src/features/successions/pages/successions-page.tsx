import { Anchor, Badge, Button } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  successionKinds,
  successionSortFields,
  successionStates,
  type Succession,
  type SuccessionState,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  FilterBar,
  KeywordFilter,
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDateTime,
  readChoice,
  readText,
  useSession,
  useListState,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { SUCCESSIONS_PATH, successionQueries, type SuccessionParams } from '../api.ts'

const column = createColumnHelper<Succession>()
const FILTER_KEYS = ['q', 'kind', 'state']
const filterSchema = z.object({
  q: z.string().trim().max(100),
  kind: z.string(),
  state: z.string(),
})

const STATE_COLORS: Record<SuccessionState, string> = {
  pendingConsent: 'yellow',
  applied: 'blue',
  approved: 'green',
  rejected: 'red',
  declined: 'gray',
  withdrawn: 'gray',
}

export function SuccessionStateBadge({ state }: { state: SuccessionState }) {
  const { t } = useTranslation()
  return (
    <Badge color={STATE_COLORS[state]} variant="light" radius="sm" data-state={state}>
      {t(`successions.state.${state}`)}
    </Badge>
  )
}

/**
 * G50 電源承継・事業者統合・市場退出の一覧 (`/successions`): participants see theirs as
 * applicant or receiver, the operator all; list kit with CSV.
 */
export function SuccessionsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(successionSortFields)
  const filters = {
    q: readText(state.params, 'q') ?? '',
    kind: readChoice(state.params, 'kind', successionKinds) ?? '',
    state: readChoice(state.params, 'state', successionStates) ?? '',
  }
  const filterParams: Omit<SuccessionParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    kind: filters.kind || undefined,
    state: filters.state || undefined,
  }
  const list = useQuery(
    successionQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('applicationReceiptNo', {
        header: t('successions.columns.receiptNo'),
        cell: (info) => <span className="yoryo-code">{info.getValue() ?? '—'}</span>,
        enableSorting: false,
        meta: { widthClass: 'id' },
      }),
      column.accessor('successionNo', {
        header: t('successions.columns.successionNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/successions/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'id' },
      }),
      column.accessor('kind', {
        header: t('successions.columns.kind'),
        cell: (info) => t(`successions.kind.${info.getValue()}`),
        meta: { widthClass: 'short' },
      }),
      column.accessor('participantCode', {
        header: t('successions.columns.from'),
        cell: (info) => (
          <span className="yoryo-code" title={info.row.original.participantName}>
            {info.getValue()}
          </span>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('toParticipantCode', {
        header: t('successions.columns.to'),
        cell: (info) => (
          <span className="yoryo-code" title={info.row.original.toParticipantName ?? ''}>
            {info.getValue() ?? '—'}
          </span>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('effectiveMonth', {
        header: t('successions.columns.effectiveMonth'),
        cell: (info) => <span className="yoryo-figures">{info.getValue()}</span>,
        meta: { widthClass: 'date', tabular: true },
      }),
      column.accessor('state', {
        header: t('successions.columns.state'),
        cell: (info) => <SuccessionStateBadge state={info.getValue()} />,
        meta: { widthClass: 'label' },
      }),
      column.accessor('updatedAt', {
        header: t('successions.columns.updatedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime', tabular: true },
      }),
    ],
    [t],
  )

  return (
    <Page
      functionCode="G50"
      title={t('functions.successions')}
      actions={
        isOperator ? null : (
          <Button component={Link} to="/successions/new" data-testid="succession-new">
            {t('successions.list.new')}
          </Button>
        )
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('successions.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/successions/${row.id}`)}
        emptyMessage={t('successions.list.empty')}
        csv={{
          path: SUCCESSIONS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('successions'),
        }}
        testId="succession-list"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({ q: values.q, kind: values.kind, state: values.state })
            }
            onClear={() => state.clear(FILTER_KEYS)}
            testId="succession-filters"
          >
            {(form) => (
              <>
                <KeywordFilter
                  registration={form.register('q')}
                  error={form.formState.errors.q}
                  label={t('successions.list.search')}
                />
                <ChoiceFilter
                  control={form.control}
                  name="kind"
                  label={t('successions.columns.kind')}
                  options={successionKinds.map((k) => ({
                    value: k,
                    label: t(`successions.kind.${k}`),
                  }))}
                />
                <ChoiceFilter
                  control={form.control}
                  name="state"
                  label={t('successions.columns.state')}
                  options={successionStates.map((s) => ({
                    value: s,
                    label: t(`successions.state.${s}`),
                  }))}
                />
              </>
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
