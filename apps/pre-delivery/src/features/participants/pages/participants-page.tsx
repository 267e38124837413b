import { zodResolver } from '@hookform/resolvers/zod'
import { Anchor, Badge, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { type Participant } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  CsvExportMenu,
  DataTable,
  ListPager,
  Page,
  SearchIcon,
  createColumnHelper,
  useFieldErrorText,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useEffect, useMemo, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { z } from 'zod'
import {
  jstToday,
  nextParams,
  readChoice,
  readPage,
  readText,
} from '../../applications/list-params.ts'
import { PARTICIPANTS_PATH, participantQueries, type ParticipantListParams } from '../api.ts'
import { useProfileValueText } from '../profile.ts'

const column = createColumnHelper<Participant>()
const STATUSES = ['active', 'cancelled'] as const

const filterSchema = z.object({
  q: z.string().trim().max(100),
  status: z.union([z.literal(''), z.enum(STATUSES)]),
})
type FilterValues = z.input<typeof filterSchema>

/** 030 事業者一覧 (operator): search by code or name and status, page, CSV; a row opens it. */
export function ParticipantsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const valueText = useProfileValueText()
  const fieldErrorText = useFieldErrorText()
  const [searchParams, setSearchParams] = useSearchParams()
  const [exportError, setExportError] = useState<unknown>(null)
  const { page, pageSize } = readPage(searchParams)
  const params: ParticipantListParams = {
    page,
    pageSize,
    q: readText(searchParams, 'q'),
    status: readChoice(searchParams, 'status', STATUSES),
  }
  const list = useQuery(participantQueries.list(params))

  const formKey = JSON.stringify({ q: params.q ?? '', status: params.status ?? '' })
  const form = useForm<FilterValues, unknown, z.output<typeof filterSchema>>({
    resolver: zodResolver(filterSchema, { error: zodIssueToMessage }),
    defaultValues: JSON.parse(formKey) as FilterValues,
  })
  const { reset } = form
  useEffect(() => reset(JSON.parse(formKey) as FilterValues), [formKey, reset])
  const onSearch = form.handleSubmit((values) =>
    setSearchParams(nextParams(searchParams, { q: values.q, status: values.status })),
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
        meta: { width: 110, nowrap: true },
        enableSorting: false,
      }),
      column.accessor('name', { header: t('participant.fields.name'), enableSorting: false }),
      column.accessor((row) => row.nameKana ?? '', {
        id: 'nameKana',
        header: t('participant.fields.nameKana'),
        enableSorting: false,
      }),
      column.accessor((row) => row.corporateNumber ?? '', {
        id: 'corporateNumber',
        header: t('participant.fields.corporateNumber'),
        meta: { width: 140, nowrap: true, mono: true },
        enableSorting: false,
      }),
      column.accessor((row) => valueText('licenseCategory', row.licenseCategory), {
        id: 'licenseCategory',
        header: t('participant.fields.licenseCategory'),
        meta: { width: 160, nowrap: true },
        enableSorting: false,
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
        meta: { width: 80, nowrap: true },
        enableSorting: false,
      }),
    ],
    [t, valueText],
  )

  const { page: _page, pageSize: _size, ...exportQuery } = params

  return (
    <Page
      functionCode="030"
      title={t('functions.participants')}
      description={t('participant.listDescription')}
      actions={
        <CsvExportMenu
          path={PARTICIPANTS_PATH}
          query={exportQuery}
          fileName={`participants_${jstToday()}.csv`}
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
        >
          <Group gap="sm" align="flex-end">
            <TextInput
              label={t('participant.list.search')}
              placeholder={t('participant.list.searchPlaceholder')}
              w={300}
              maxLength={100}
              leftSection={<SearchIcon size={14} />}
              {...form.register('q')}
              error={fieldErrorText(form.formState.errors.q)}
            />
            <Controller
              control={form.control}
              name="status"
              render={({ field }) => (
                <Select
                  label={t('participant.list.status')}
                  w={130}
                  allowDeselect={false}
                  data={[
                    { value: '', label: t('common.all') },
                    ...STATUSES.map((s) => ({ value: s, label: t(`participant.status.${s}`) })),
                  ]}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? '')}
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
          label={t('participant.list.tableLabel')}
          data={list.data?.items}
          columns={columns}
          loading={list.isPending}
          getRowId={(row) => row.id}
          onRowActivate={(row) => void navigate(`/participants/${row.id}`)}
          emptyMessage={t('participant.list.empty')}
          testId="participant-table"
        />
        <ListPager
          page={page}
          pageSize={pageSize}
          total={list.data?.total}
          onPageChange={(next) => setSearchParams(nextParams(searchParams, { page: next }))}
          onPageSizeChange={(size) => setSearchParams(nextParams(searchParams, { size }))}
        />
      </Stack>
    </Page>
  )
}
