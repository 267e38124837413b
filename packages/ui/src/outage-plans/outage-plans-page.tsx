import { Anchor, Badge, Button, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { outagePlanSortFields, outagePlanStates, type OutagePlan } from '@yoryo/contracts'
import { canEditGroup } from '../applications/permissions.ts'
import { ChoiceFilter, KeywordFilter } from '../list/filter-fields.tsx'
import { createColumnHelper } from '../components/data-table.tsx'
import { DateRangeFilter, FilterBar } from '../list/filter-bar.tsx'
import { exportFileName, readChoice, readDate, readText } from '../list/list-params.ts'
import { formatDateTime, formatNumber } from '../format/format.ts'
import { ListScreen } from '../list/list-screen.tsx'
import { Page } from '../components/page.tsx'
import { ParticipantFilter } from '../list/participant-select.tsx'
import { useFieldErrorText } from '../messages/message-text.tsx'
import { useListState } from '../list/use-list-state.ts'
import { useSession } from '../session/session.ts'
import { useTranslation } from 'react-i18next'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { OUTAGE_PLANS_PATH, outagePlanQueries, type ListParams } from './api.ts'
import { useOutagePlanFunction } from './function.tsx'
import { OutageWindowBanner } from './window-banner.tsx'

const column = createColumnHelper<OutagePlan>()
const FILTER_KEYS = ['q', 'deliveryYear', 'state', 'from', 'to', 'participantId', 'resourceId']
const filterSchema = z.object({
  q: z.string().trim().max(100),
  deliveryYear: z.union([z.literal(''), z.string().regex(/^\d{4}$/)]),
  state: z.union([z.literal(''), z.enum(outagePlanStates)]),
  from: z.union([z.literal(''), z.iso.date()]),
  to: z.union([z.literal(''), z.iso.date()]),
  participantId: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * 180 / B00 容量停止計画一覧: the participant's outage plans (the operator: every participant's) with
 * each resource-year's equivalent outage days against the allowance, and the submission window
 * of the year shown; a row opens the plan with its history.
 */
export function OutagePlansPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const fn = useOutagePlanFunction()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const fieldErrorText = useFieldErrorText()
  const state = useListState(outagePlanSortFields)
  const yearParam = state.params.get('deliveryYear') ?? ''
  const filterParams: Omit<ListParams, 'page' | 'pageSize'> = {
    q: readText(state.params, 'q'),
    deliveryYear: /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined,
    state: readChoice(state.params, 'state', outagePlanStates),
    from: readDate(state.params, 'from'),
    to: readDate(state.params, 'to'),
    participantId: isOperator ? readText(state.params, 'participantId', 36) : undefined,
    resourceId: readText(state.params, 'resourceId', 36),
  }
  const filters: FilterValues = {
    q: filterParams.q ?? '',
    deliveryYear: filterParams.deliveryYear ? String(filterParams.deliveryYear) : '',
    state: (filterParams.state as FilterValues['state'] | undefined) ?? '',
    from: filterParams.from ?? '',
    to: filterParams.to ?? '',
    participantId: filterParams.participantId ?? '',
  }
  const list = useQuery(
    outagePlanQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('planNo', {
        header: t('outagePlans.fields.planNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/outage-plans/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'id' },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participant.code, {
              id: 'participantCode',
              header: t('outagePlans.fields.participant'),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor((row) => row.resource.code, {
        id: 'resourceCode',
        header: t('outagePlans.fields.resourceCode'),
        meta: { widthClass: 'id' },
      }),
      column.accessor((row) => row.resource.name, {
        id: 'resourceName',
        header: t('outagePlans.fields.resourceName'),
        meta: { widthClass: 'name' },
      }),
      column.accessor('startAt', {
        header: t('outagePlans.list.period'),
        cell: (info) => (
          <Text span fz="sm" className="yoryo-figures">
            {formatDateTime(info.getValue())} 〜
            <br />
            {formatDateTime(info.row.original.endAt)}
          </Text>
        ),
        meta: { widthClass: 'datetime' },
      }),
      column.accessor('reducedKw', {
        header: t('outagePlans.fields.reducedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('yearEquivalentDays', {
        id: 'yearDays',
        header: t('outagePlans.fields.yearDays'),
        cell: (info) => (
          <Text
            span
            fz="sm"
            className="yoryo-figures"
            c={info.row.original.yearExceeds ? 'red' : undefined}
            fw={info.row.original.yearExceeds ? 700 : undefined}
            data-testid="op-year-days"
          >
            {t('outagePlans.yearDays', {
              days: info.getValue(),
              allowance: formatNumber(info.row.original.allowanceDays),
            })}
          </Text>
        ),
        meta: { widthClass: 'label', numeric: true },
      }),
      column.accessor('state', {
        header: t('outagePlans.fields.state'),
        cell: (info) => (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={info.getValue() === 'active' ? 'green' : 'gray'}
          >
            {t(`outagePlans.state.${info.getValue()}`)}
          </Badge>
        ),
        meta: { widthClass: 'status' },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode={fn.code}
      title={t(`functions.${fn.key}`)}
      description={isOperator ? t('outagePlans.operatorDescription') : t('outagePlans.description')}
      actions={
        canEditGroup(session, fn.code) && !isOperator ? (
          <Button component={Link} to="/outage-plans/new" data-testid="op-register">
            {t('outagePlans.register')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <OutageWindowBanner
          deliveryYear={filterParams.deliveryYear ?? fn.defaultYear(new Date())}
        />
        <ListScreen
          state={state}
          result={list}
          title={t('outagePlans.list.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(`/outage-plans/${row.id}`)}
          emptyMessage={t('outagePlans.list.empty')}
          csv={{
            path: OUTAGE_PLANS_PATH,
            query: { ...filterParams },
            fileName: exportFileName('outage-plans'),
          }}
          testId="op-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  q: values.q,
                  deliveryYear: values.deliveryYear,
                  state: values.state,
                  from: values.from,
                  to: values.to,
                  participantId: values.participantId,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="op-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    label={t('outagePlans.list.search')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <TextInput
                    label={t('outagePlans.fields.deliveryYear')}
                    w={130}
                    maxLength={4}
                    inputMode="numeric"
                    {...form.register('deliveryYear')}
                    error={fieldErrorText(form.formState.errors.deliveryYear)}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="state"
                    label={t('outagePlans.fields.state')}
                    w={130}
                    options={outagePlanStates.map((s) => ({
                      value: s,
                      label: t(`outagePlans.state.${s}`),
                    }))}
                  />
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('outagePlans.fields.participant')}
                      w={240}
                    />
                  ) : null}
                  <DateRangeFilter
                    control={form.control}
                    from="from"
                    to="to"
                    label={t('outagePlans.list.period')}
                    errors={form.formState.errors}
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
