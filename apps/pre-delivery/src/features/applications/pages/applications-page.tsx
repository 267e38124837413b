import { Anchor, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  applicationKindSchema,
  applicationListQuerySchema,
  applicationSortFields,
  applicationStateSchema,
  type ApplicationSummary,
} from '@yoryo/contracts'
import {
  APPLICATION_KINDS,
  APPLICATION_STATES,
  type ApplicationListParams,
  applicationQueries,
  APPLICATIONS_PATH,
  ChoiceFilter,
  createColumnHelper,
  DateRangeFilter,
  exportFileName,
  FilterBar,
  formatDateTime,
  ListScreen,
  Page,
  ParticipantFilter,
  readChoice,
  readDate,
  readText,
  StateBadge,
  useEntityTypeLabel,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'

const column = createColumnHelper<ApplicationSummary>()

const STATE_FILTERS = ['queue', ...APPLICATION_STATES] as const
type StateFilter = (typeof STATE_FILTERS)[number]
const FILTER_KEYS = ['receiptNo', 'state', 'kind', 'participantCode', 'from', 'to'] as const

/** The filter form: the contract's list query, with empty choices for "all". */
const filterSchema = applicationListQuerySchema.pick({ participantCode: true }).extend({
  receiptNo: z.string().trim().toUpperCase().max(20),
  kind: z.union([z.literal(''), applicationKindSchema]),
  state: z.union([z.literal(''), z.literal('all'), applicationStateSchema, z.literal('queue')]),
  participantCode: z.string(),
  from: z.union([z.literal(''), z.iso.date()]),
  to: z.union([z.literal(''), z.iso.date()]),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * 030 申込一覧: the operator's review queue (waiting applications by default, oldest first) and
 * every application, a participant's own applications. Filters, page and order in the URL;
 * every column sorts; CSV of the same filter and order.
 */
export function ApplicationsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const entityLabel = useEntityTypeLabel()
  const fieldErrorText = useFieldErrorText()
  const isOperator = session.user.role === 'operator'
  const state = useListState(applicationSortFields)

  // The operator starts with the review queue; `state=all` lists every state.
  const stateFilter: StateFilter | undefined =
    state.params.get('state') === 'all'
      ? undefined
      : (readChoice(state.params, 'state', STATE_FILTERS) ?? (isOperator ? 'queue' : undefined))
  const filterParams: Omit<ApplicationListParams, 'page' | 'pageSize'> = {
    receiptNo: readText(state.params, 'receiptNo', 20),
    kind: readChoice(state.params, 'kind', APPLICATION_KINDS),
    state: stateFilter,
    participantCode: isOperator ? readText(state.params, 'participantCode', 10) : undefined,
    from: readDate(state.params, 'from'),
    to: readDate(state.params, 'to'),
  }
  const list = useQuery(
    applicationQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )

  const filters: FilterValues = {
    receiptNo: filterParams.receiptNo ?? '',
    kind: filterParams.kind ?? '',
    state: stateFilter ?? (isOperator ? 'all' : ''),
    participantCode: filterParams.participantCode ?? '',
    from: filterParams.from ?? '',
    to: filterParams.to ?? '',
  }

  const columns = useMemo(
    () => [
      column.accessor('receiptNo', {
        header: t('applications.columns.receiptNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/applications/${info.row.original.id}`}
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
        header: t('applications.columns.kind'),
        cell: (info) => t(`applications.kind.${info.getValue()}`),
        meta: { widthClass: 'short' },
      }),
      column.accessor('entityType', {
        header: t('applications.columns.target'),
        cell: (info) => entityLabel(info.getValue()),
        meta: { widthClass: 'short' },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant?.code ?? '', {
              id: 'participantCode',
              header: t('applications.columns.participantCode'),
              cell: (info) =>
                info.getValue() || (
                  <Text span fz="xs" c="dimmed">
                    {t('applications.newParticipant')}
                  </Text>
                ),
              meta: { widthClass: 'code', mono: true },
            }),
          ]
        : []),
      column.accessor('applicantName', {
        header: t('applications.columns.applicant'),
        meta: { widthClass: 'name' },
      }),
      column.accessor('state', {
        header: t('applications.columns.state'),
        cell: (info) => <StateBadge state={info.getValue()} />,
        meta: { widthClass: 'status' },
      }),
      column.accessor('submittedAt', {
        header: t('applications.columns.submittedAt'),
        cell: (info) =>
          info.getValue() ? (
            formatDateTime(info.getValue())
          ) : (
            <Text span fz="xs" c="dimmed">
              {t('applications.notSubmitted')}
            </Text>
          ),
        meta: { widthClass: 'datetime', tabular: true },
      }),
      column.accessor('decidedAt', {
        header: t('applications.columns.decidedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime', tabular: true },
      }),
    ],
    [t, entityLabel, isOperator],
  )

  return (
    <Page
      functionCode="030"
      title={t('functions.applications')}
      description={
        isOperator ? t('applications.operatorDescription') : t('applications.description')
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('applications.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/applications/${row.id}`)}
        emptyMessage={t('applications.empty')}
        csv={{
          path: APPLICATIONS_PATH,
          query: { ...filterParams, sort: state.sort },
          fileName: exportFileName('applications'),
        }}
        testId="application-table"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({
                receiptNo: values.receiptNo,
                kind: values.kind,
                state: values.state,
                participantCode: values.participantCode,
                from: values.from,
                to: values.to,
              })
            }
            onClear={() => state.clear(FILTER_KEYS)}
            testId="application-filters"
          >
            {(form) => (
              <>
                <TextInput
                  label={t('applications.filters.receiptNo')}
                  placeholder={t('applications.filters.receiptNoPlaceholder')}
                  w={180}
                  maxLength={20}
                  spellCheck={false}
                  autoComplete="off"
                  classNames={{ input: 'yoryo-code' }}
                  {...form.register('receiptNo')}
                  error={fieldErrorText(form.formState.errors.receiptNo)}
                />
                <ChoiceFilter
                  control={form.control}
                  name="state"
                  label={t('applications.filters.state')}
                  w={isOperator ? 230 : 150}
                  all={{ value: isOperator ? 'all' : '', label: t('common.all') }}
                  options={[
                    ...(isOperator
                      ? [{ value: 'queue', label: t('applications.filters.queue') }]
                      : []),
                    ...APPLICATION_STATES.map((s) => ({
                      value: s,
                      label: t(`applications.state.${s}`),
                    })),
                  ]}
                />
                <ChoiceFilter
                  control={form.control}
                  name="kind"
                  label={t('applications.filters.kind')}
                  w={130}
                  options={APPLICATION_KINDS.map((k) => ({
                    value: k,
                    label: t(`applications.kind.${k}`),
                  }))}
                />
                {isOperator ? (
                  <ParticipantFilter
                    control={form.control}
                    name="participantCode"
                    label={t('applications.filters.participantCode')}
                    valueKey="code"
                    w={240}
                  />
                ) : null}
                <DateRangeFilter
                  control={form.control}
                  from="from"
                  to="to"
                  label={t('applications.filters.submitted')}
                  errors={form.formState.errors}
                />
              </>
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
