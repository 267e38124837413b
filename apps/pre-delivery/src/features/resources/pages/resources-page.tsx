import { Anchor, Badge, Button } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  areas,
  resourceKinds,
  resourceListQuerySchema,
  resourceSortFields,
  type Resource,
} from '@yoryo/contracts'
import {
  canEditGroup,
  ChoiceFilter,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDateTime,
  KeywordFilter,
  ListScreen,
  Page,
  ParticipantFilter,
  readChoice,
  readText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { RESOURCES_PATH, resourceQueries, type ResourceListParams } from '../api.ts'

const column = createColumnHelper<Resource>()
const STATUSES = ['active', 'cancelled'] as const
const FILTER_KEYS = ['q', 'kind', 'area', 'status', 'participant']

const filterSchema = resourceListQuerySchema.pick({ q: true }).extend({
  kind: z.union([z.literal(''), z.enum(resourceKinds)]),
  area: z.union([z.literal(''), z.enum(areas)]),
  status: z.union([z.literal(''), z.enum(STATUSES)]),
  participantCode: z.string(),
})
type FilterValues = z.input<typeof filterSchema>

/**
 * 050 電源等一覧: a participant's own resources (the operator: every participant's), filtered by
 * code or name, kind, area and status; CSV; a row opens the resource.
 */
export function ResourcesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(resourceSortFields)
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    kind: readChoice(state.params, 'kind', resourceKinds) ?? '',
    area: readChoice(state.params, 'area', areas) ?? '',
    status: readChoice(state.params, 'status', STATUSES) ?? '',
    participantCode: readText(state.params, 'participant') ?? '',
  }
  const filterParams: Omit<ResourceListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    kind: filters.kind || undefined,
    area: filters.area || undefined,
    status: filters.status || undefined,
    participantCode: (isOperator && filters.participantCode) || undefined,
  }
  const list = useQuery(
    resourceQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )

  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('resources.fields.code'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/resources/${info.row.original.id}`}
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
              header: t('resources.fields.participant'),
              cell: (info) => (
                <span title={info.row.original.participant.name} className="yoryo-code">
                  {info.getValue()}
                </span>
              ),
              meta: { width: 90, nowrap: true },
            }),
          ]
        : []),
      column.accessor('name', { header: t('resources.fields.name') }),
      column.accessor((row) => t(`resources.kind.${row.kind}`), {
        id: 'kind',
        header: t('resources.fields.kind'),
        meta: { width: 170, nowrap: true },
      }),
      column.accessor((row) => t(`resources.area.${row.area}`), {
        id: 'area',
        header: t('resources.fields.area'),
        meta: { width: 80, nowrap: true },
      }),
      column.accessor((row) => t(`resources.generationType.${row.generationType}`), {
        id: 'generationType',
        header: t('resources.fields.generationType'),
        meta: { width: 150, nowrap: true },
      }),
      column.accessor('status', {
        header: t('resources.fields.status'),
        cell: (info) => (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={info.getValue() === 'active' ? 'green' : 'gray'}
          >
            {t(`resources.status.${info.getValue()}`)}
          </Badge>
        ),
        meta: { width: 80, nowrap: true },
      }),
      column.accessor('updatedAt', {
        header: t('resources.fields.updatedAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { width: 150, nowrap: true },
      }),
    ],
    [t, isOperator],
  )

  return (
    <Page
      functionCode="050"
      title={t('functions.resources')}
      description={isOperator ? t('resources.operatorDescription') : t('resources.description')}
      actions={
        canEditGroup(session, '050') ? (
          <Button component={Link} to="/resources/new" data-testid="resource-register">
            {t('resources.register')}
          </Button>
        ) : null
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('resources.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/resources/${row.id}`)}
        emptyMessage={t('resources.list.empty')}
        csv={{
          path: RESOURCES_PATH,
          query: { ...filterParams },
          fileName: exportFileName('resources'),
        }}
        testId="resource-table"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) =>
              state.update({
                q: values.q,
                kind: values.kind,
                area: values.area,
                status: values.status,
                participant: values.participantCode,
              })
            }
            onClear={() => state.clear(FILTER_KEYS)}
            testId="resource-filters"
          >
            {(form) => (
              <>
                {isOperator ? (
                  <ParticipantFilter
                    control={form.control}
                    name="participantCode"
                    valueKey="code"
                    label={t('resources.list.participant')}
                  />
                ) : null}
                <KeywordFilter
                  label={t('resources.list.search')}
                  placeholder={t('resources.list.searchPlaceholder')}
                  registration={form.register('q')}
                  error={form.formState.errors.q}
                />
                <ChoiceFilter
                  control={form.control}
                  name="kind"
                  label={t('resources.list.kind')}
                  w={190}
                  options={resourceKinds.map((k) => ({
                    value: k,
                    label: t(`resources.kind.${k}`),
                  }))}
                />
                <ChoiceFilter
                  control={form.control}
                  name="area"
                  label={t('resources.list.area')}
                  w={110}
                  options={areas.map((a) => ({ value: a, label: t(`resources.area.${a}`) }))}
                />
                <ChoiceFilter
                  control={form.control}
                  name="status"
                  label={t('resources.list.status')}
                  w={110}
                  options={STATUSES.map((s) => ({ value: s, label: t(`resources.status.${s}`) }))}
                />
              </>
            )}
          </FilterBar>
        }
      />
    </Page>
  )
}
