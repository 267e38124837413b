import { Anchor, Badge } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  participantListQuerySchema,
  participantSortFields,
  type Participant,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  createColumnHelper,
  exportFileName,
  FilterBar,
  KeywordFilter,
  ListScreen,
  Page,
  readChoice,
  readText,
  useListState,
  useProfileValueText,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { z } from 'zod'
import { PARTICIPANTS_PATH, participantQueries, type ParticipantListParams } from '../api.ts'

const column = createColumnHelper<Participant>()
const STATUSES = ['active', 'cancelled'] as const

const filterSchema = participantListQuerySchema.pick({ q: true }).extend({
  status: z.union([z.literal(''), z.enum(STATUSES)]),
})
type FilterValues = z.input<typeof filterSchema>

/** 030 事業者一覧 (operator): search by code or name and status, page, CSV; a row opens it. */
export function ParticipantsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const valueText = useProfileValueText()
  const state = useListState(participantSortFields)
  const filters: FilterValues = {
    q: readText(state.params, 'q') ?? '',
    status: readChoice(state.params, 'status', STATUSES) ?? '',
  }
  const filterParams: Omit<ParticipantListParams, 'page' | 'pageSize'> = {
    q: filters.q || undefined,
    status: filters.status || undefined,
  }
  const list = useQuery(
    participantQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )

  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('participant.fields.code'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/participants/${info.row.original.id}`}
            fz="sm"
            className="yoryo-code"
            tabIndex={-1}
          >
            {info.getValue()}
          </Anchor>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('name', {
        header: t('participant.fields.name'),
        meta: { widthClass: 'name' },
      }),
      column.accessor((row) => row.nameKana ?? '', {
        id: 'nameKana',
        header: t('participant.fields.nameKana'),
        meta: { widthClass: 'name' },
      }),
      column.accessor((row) => row.corporateNumber ?? '', {
        id: 'corporateNumber',
        header: t('participant.fields.corporateNumber'),
        meta: { widthClass: 'id', mono: true },
      }),
      column.accessor((row) => valueText('licenseCategory', row.licenseCategory), {
        id: 'licenseCategory',
        header: t('participant.fields.licenseCategory'),
        meta: { widthClass: 'label' },
      }),
      column.accessor('status', {
        header: t('participant.fields.status'),
        cell: (info) => (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={info.getValue() === 'active' ? 'green' : 'gray'}
          >
            {t(`participant.status.${info.getValue()}`)}
          </Badge>
        ),
        meta: { widthClass: 'status' },
      }),
    ],
    [t, valueText],
  )

  return (
    <Page
      functionCode="030"
      title={t('functions.participants')}
      description={t('participant.listDescription')}
    >
      <ListScreen
        state={state}
        result={list}
        title={t('participant.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/participants/${row.id}`)}
        emptyMessage={t('participant.list.empty')}
        csv={{
          path: PARTICIPANTS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('participants'),
        }}
        testId="participant-table"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) => state.update({ q: values.q, status: values.status })}
            onClear={() => state.clear(['q', 'status'])}
          >
            {(form) => (
              <>
                <KeywordFilter
                  label={t('participant.list.search')}
                  placeholder={t('participant.list.searchPlaceholder')}
                  w={300}
                  registration={form.register('q')}
                  error={form.formState.errors.q}
                />
                <ChoiceFilter
                  control={form.control}
                  name="status"
                  label={t('participant.list.status')}
                  w={130}
                  options={STATUSES.map((s) => ({
                    value: s,
                    label: t(`participant.status.${s}`),
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
