import { Anchor, Badge, Button, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  replacementSortFields,
  replacementStates,
  type Replacement,
  type ReplacementState,
} from '@yoryo/contracts'
import {
  canEditGroup,
  ChoiceFilter,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDateTime,
  formatNumber,
  KeywordFilter,
  ListScreen,
  Page,
  readChoice,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { REPLACEMENTS_PATH, replacementQueries, type ReplacementListParams } from '../api.ts'

const column = createColumnHelper<Replacement>()
const FILTER_KEYS = ['q', 'state', 'side']
const SIDES = ['given', 'received'] as const
const filterSchema = z.object({
  q: z.string().trim().max(100),
  state: z.string(),
  side: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

export const STATE_COLOR: Record<ReplacementState, string> = {
  pendingConsent: 'yellow',
  applied: 'blue',
  approved: 'green',
  rejected: 'red',
  declined: 'gray',
  withdrawn: 'gray',
}

/**
 * 160 電源等差替一覧: the participant's replacements given (its contracts) and received (its
 * resources); the operator sees all. A row opens the detail with the allocation by month.
 */
export function ReplacementsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(replacementSortFields)
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    state: readChoice(state.params, 'state', replacementStates) ?? '',
    side: readChoice(state.params, 'side', SIDES) ?? '',
  }
  const filterParams: Omit<ReplacementListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    state: filters.state || undefined,
    side: filters.side || undefined,
  }
  const list = useQuery(
    replacementQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('contractNo', {
        header: t('replacements.fields.contractNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/replacements/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('participantCode', {
        header: t('replacements.fields.participant'),
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('resourceCode', {
        header: t('replacements.fields.resourceCode'),
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('replacingParticipantCode', {
        header: t('replacements.fields.replacingParticipant'),
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('replacingResourceCode', {
        header: t('replacements.fields.replacingResourceCode'),
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('kw', {
        header: t('replacements.fields.kw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('fromMonth', {
        header: t('replacements.fields.period'),
        cell: (info) =>
          `${info.getValue().replace('-', '/')}～${info.row.original.toMonth.replace('-', '/')}`,
        meta: { widthClass: 'period' },
      }),
      column.accessor('state', {
        header: t('replacements.fields.state'),
        cell: (info) => (
          <Badge size="sm" radius="sm" variant="light" color={STATE_COLOR[info.getValue()]}>
            {t(`replacements.state.${info.getValue()}`)}
          </Badge>
        ),
        meta: { widthClass: 'status' },
      }),
      column.accessor('updatedAt', {
        header: t('replacements.fields.updatedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime' },
      }),
    ],
    [t],
  )

  return (
    <Page
      functionCode="160"
      title={t('functions.replacements')}
      description={
        isOperator ? t('replacements.operatorDescription') : t('replacements.description')
      }
      actions={
        !isOperator && canEditGroup(session, '160') ? (
          <Button component={Link} to="/replacements/new" data-testid="replacement-new">
            {t('replacements.file')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <ListScreen
          state={state}
          result={list}
          title={t('replacements.list.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(`/replacements/${row.id}`)}
          emptyMessage={t('replacements.list.empty')}
          csv={{
            path: REPLACEMENTS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('replacements'),
          }}
          testId="replacements-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({ q: values.q, state: values.state, side: values.side })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="replacements-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    label={t('replacements.list.search')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="state"
                    label={t('replacements.fields.state')}
                    w={160}
                    options={replacementStates.map((v) => ({
                      value: v,
                      label: t(`replacements.state.${v}`),
                    }))}
                  />
                  {isOperator ? null : (
                    <ChoiceFilter
                      control={form.control}
                      name="side"
                      label={t('replacements.list.side')}
                      w={220}
                      options={SIDES.map((v) => ({ value: v, label: t(`replacements.side.${v}`) }))}
                    />
                  )}
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
    </Page>
  )
}
