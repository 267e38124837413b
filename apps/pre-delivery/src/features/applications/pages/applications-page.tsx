import { zodResolver } from '@hookform/resolvers/zod'
import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  applicationKindSchema,
  applicationListQuerySchema,
  applicationStateSchema,
  type ApplicationSummary,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  CsvExportMenu,
  DataTable,
  ListPager,
  Page,
  SearchIcon,
  createColumnHelper,
  formatDateTime,
  useFieldErrorText,
  useSession,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useEffect, useMemo, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { z } from 'zod'
import { APPLICATIONS_PATH, applicationQueries, type ApplicationListParams } from '../api.ts'
import { StateBadge } from '../components/state-badge.tsx'
import { APPLICATION_KINDS, APPLICATION_STATES, useEntityTypeLabel } from '../labels.ts'
import { jstToday, nextParams, readChoice, readDate, readPage, readText } from '../list-params.ts'

const column = createColumnHelper<ApplicationSummary>()

const STATE_FILTERS = ['queue', ...APPLICATION_STATES] as const
type StateFilter = (typeof STATE_FILTERS)[number]
const SORTS = { oldest: 'submittedAt', newest: '-submittedAt' } as const
type SortKey = keyof typeof SORTS

/** The filter form: the contract's list query, with empty choices for "all". */
const filterSchema = applicationListQuerySchema.pick({ participantCode: true }).extend({
  kind: z.union([z.literal(''), applicationKindSchema]),
  state: z.union([z.literal(''), z.literal('all'), applicationStateSchema, z.literal('queue')]),
  participantCode: z.string().trim().toUpperCase().max(10),
  from: z.union([z.literal(''), z.iso.date()]),
  to: z.union([z.literal(''), z.iso.date()]),
  sort: z.enum(['oldest', 'newest']),
})
type FilterSchema = typeof filterSchema
type FilterValues = z.input<FilterSchema>

/**
 * 030 申込一覧: the operator's review queue (waiting applications by default, oldest first) and
 * every application, a participant's own applications. Filters, page and order in the URL.
 */
export function ApplicationsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const entityLabel = useEntityTypeLabel()
  const fieldErrorText = useFieldErrorText()
  const isOperator = session.user.role === 'operator'
  const [searchParams, setSearchParams] = useSearchParams()
  const [exportError, setExportError] = useState<unknown>(null)

  // The operator starts with the review queue; `state=all` lists every state.
  const stateParam = searchParams.get('state')
  const state: StateFilter | undefined =
    stateParam === 'all'
      ? undefined
      : (readChoice(searchParams, 'state', STATE_FILTERS) ?? (isOperator ? 'queue' : undefined))
  const sortKey: SortKey =
    readChoice(searchParams, 'sort', ['oldest', 'newest'] as const) ?? 'oldest'
  const { page, pageSize } = readPage(searchParams)
  const params: ApplicationListParams = {
    page,
    pageSize,
    sort: SORTS[sortKey],
    kind: readChoice(searchParams, 'kind', APPLICATION_KINDS),
    state,
    participantCode: isOperator ? readText(searchParams, 'participantCode', 10) : undefined,
    from: readDate(searchParams, 'from'),
    to: readDate(searchParams, 'to'),
  }
  const list = useQuery(applicationQueries.list(params))

  const formValues: FilterValues = {
    kind: params.kind ?? '',
    state: state ?? (isOperator ? 'all' : ''),
    participantCode: params.participantCode ?? '',
    from: params.from ?? '',
    to: params.to ?? '',
    sort: sortKey,
  }
  const form = useForm<FilterValues, unknown, z.output<FilterSchema>>({
    resolver: zodResolver(filterSchema, { error: zodIssueToMessage }),
    defaultValues: formValues,
  })
  const { errors } = form.formState
  const formKey = JSON.stringify(formValues)
  const { reset } = form
  useEffect(() => {
    reset(JSON.parse(formKey) as FilterValues)
  }, [formKey, reset])

  const onSearch = form.handleSubmit((values) => {
    setSearchParams(
      nextParams(searchParams, {
        kind: values.kind,
        state: values.state === '' ? undefined : values.state,
        participantCode: values.participantCode,
        from: values.from,
        to: values.to,
        sort: values.sort === 'oldest' ? undefined : values.sort,
      }),
    )
  })

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
        meta: { width: 150, nowrap: true },
        enableSorting: false,
      }),
      column.accessor('kind', {
        header: t('applications.columns.kind'),
        cell: (info) => t(`applications.kind.${info.getValue()}`),
        meta: { width: 96, nowrap: true },
        enableSorting: false,
      }),
      column.accessor('entityType', {
        header: t('applications.columns.target'),
        cell: (info) => entityLabel(info.getValue()),
        meta: { width: 120, nowrap: true },
        enableSorting: false,
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
              meta: { width: 104, nowrap: true, mono: true },
              enableSorting: false,
            }),
          ]
        : []),
      column.accessor('applicantName', {
        header: t('applications.columns.applicant'),
        enableSorting: false,
      }),
      column.accessor('state', {
        header: t('applications.columns.state'),
        cell: (info) => <StateBadge state={info.getValue()} />,
        meta: { width: 112, nowrap: true },
        enableSorting: false,
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
        meta: { width: 136, nowrap: true, tabular: true },
        enableSorting: false,
      }),
      column.accessor('decidedAt', {
        header: t('applications.columns.decidedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { width: 136, nowrap: true, tabular: true },
        enableSorting: false,
      }),
    ],
    [t, entityLabel, isOperator],
  )

  const { page: _page, pageSize: _size, ...exportQuery } = params

  return (
    <Page
      functionCode="030"
      title={t('functions.applications')}
      description={
        isOperator ? t('applications.operatorDescription') : t('applications.description')
      }
      actions={
        <CsvExportMenu
          path={APPLICATIONS_PATH}
          query={exportQuery}
          fileName={`applications_${jstToday()}.csv`}
          onStart={() => setExportError(null)}
          onError={setExportError}
        />
      }
    >
      <Stack gap="sm">
        {exportError ? <ApiErrorAlert error={exportError} /> : null}
        <Paper
          withBorder
          p="sm"
          className="yoryo-panel"
          component="form"
          onSubmit={onSearch}
          noValidate
          aria-label={t('listTools.filters')}
          data-testid="application-filters"
        >
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Controller
              control={form.control}
              name="state"
              render={({ field }) => (
                <Select
                  label={t('applications.filters.state')}
                  w={isOperator ? 230 : 150}
                  allowDeselect={false}
                  data={[
                    { value: isOperator ? 'all' : '', label: t('common.all') },
                    ...(isOperator
                      ? [{ value: 'queue', label: t('applications.filters.queue') }]
                      : []),
                    ...APPLICATION_STATES.map((s) => ({
                      value: s,
                      label: t(`applications.state.${s}`),
                    })),
                  ]}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                />
              )}
            />
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <Select
                  label={t('applications.filters.kind')}
                  w={130}
                  allowDeselect={false}
                  data={[
                    { value: '', label: t('common.all') },
                    ...APPLICATION_KINDS.map((k) => ({
                      value: k,
                      label: t(`applications.kind.${k}`),
                    })),
                  ]}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                />
              )}
            />
            {isOperator ? (
              <TextInput
                label={t('applications.filters.participantCode')}
                placeholder={t('applications.filters.participantCodePlaceholder')}
                w={140}
                maxLength={10}
                spellCheck={false}
                autoComplete="off"
                classNames={{ input: 'yoryo-code' }}
                {...form.register('participantCode')}
                error={fieldErrorText(errors.participantCode)}
              />
            ) : null}
            <Group gap={6} align="flex-end" wrap="nowrap">
              <TextInput
                type="date"
                label={t('listTools.dateFrom', { label: t('applications.filters.submitted') })}
                w={160}
                className="yoryo-figures"
                {...form.register('from')}
                error={fieldErrorText(errors.from)}
              />
              <Text span pb={8} aria-hidden="true">
                {t('listTools.dateRangeSeparator')}
              </Text>
              <TextInput
                type="date"
                label={t('listTools.dateTo', { label: t('applications.filters.submitted') })}
                w={160}
                className="yoryo-figures"
                {...form.register('to')}
                error={fieldErrorText(errors.to)}
              />
            </Group>
            <Controller
              control={form.control}
              name="sort"
              render={({ field }) => (
                <Select
                  label={t('applications.filters.sort')}
                  w={180}
                  allowDeselect={false}
                  data={[
                    { value: 'oldest', label: t('applications.filters.oldest') },
                    { value: 'newest', label: t('applications.filters.newest') },
                  ]}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? 'oldest')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                />
              )}
            />
            <Group gap="xs" ml="auto">
              <Button type="submit" leftSection={<SearchIcon size={14} />}>
                {t('listTools.search')}
              </Button>
              <Button variant="default" onClick={() => setSearchParams(new URLSearchParams())}>
                {t('listTools.clear')}
              </Button>
            </Group>
          </Group>
        </Paper>
        {list.error ? <ApiErrorAlert error={list.error} /> : null}
        <DataTable
          label={t('applications.tableLabel')}
          data={list.data?.items}
          columns={columns}
          loading={list.isPending}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(`/applications/${row.id}`)}
          emptyMessage={t('applications.empty')}
          testId="application-table"
        />
        <ListPager
          page={page}
          pageSize={pageSize}
          total={list.data?.total}
          onPageChange={(next) => setSearchParams(nextParams(searchParams, { page: next }))}
          onPageSizeChange={(size) => setSearchParams(nextParams(searchParams, { size }))}
          testId="application-pager"
        />
      </Stack>
    </Page>
  )
}
