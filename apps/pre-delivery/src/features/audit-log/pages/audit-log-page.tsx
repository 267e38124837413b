import { zodResolver } from '@hookform/resolvers/zod'
import {
  Autocomplete,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { auditLogQuerySchema, type AuditEntry } from '@yoryo/contracts'
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
import { useSearchParams } from 'react-router'
import { z } from 'zod'
import {
  jstToday,
  nextParams,
  readDate,
  readPage,
  readText,
} from '../../applications/list-params.ts'
import { AUDIT_LOG_PATH, auditLogQueries, type AuditLogParams } from '../api.ts'
import { AuditDetail } from '../components/audit-detail.tsx'
import {
  ACTION_SUGGESTIONS,
  AUDIT_ENTITY_TYPES,
  useAuditActionLabel,
  useAuditEntityLabel,
} from '../labels.ts'

const column = createColumnHelper<AuditEntry>()

/** The contract's search, with empty dates for "any". */
const filterSchema = auditLogQuerySchema
  .pick({ action: true, entityType: true, actor: true, participantCode: true, requestId: true })
  .extend({
    from: z.union([z.literal(''), z.iso.date()]),
    to: z.union([z.literal(''), z.iso.date()]),
  })
type FilterSchema = typeof filterSchema
type FilterValues = z.input<FilterSchema>
const TEXT_FILTERS = ['action', 'entityType', 'actor', 'participantCode', 'requestId'] as const

/**
 * Who did it: `P00001 admin01 佐藤 花子` as the name over the participant code and user ID;
 * a public applicant (no login) by its description.
 */
function Actor({ label }: { label: string }) {
  const { t } = useTranslation()
  if (label === 'applicant') {
    return (
      <Text span fz="sm" c="dimmed">
        {t('auditLog.applicant')}
      </Text>
    )
  }
  const [code, userId, ...name] = label.split(' ')
  if (!code || !userId || name.length === 0) return label
  return (
    <Stack gap={0}>
      <span>{name.join(' ')}</span>
      <Text span fz="xs" c="dimmed" className="yoryo-code">
        {code} {userId}
      </Text>
    </Stack>
  )
}

/** The first characters of an ID (the whole ID is in the row's detail). */
const shortId = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id)

/**
 * 020 操作ログ: every write with who, when, what and before → after. The operator searches all
 * of it (by participant code too), a participant administrator its own participant's. Filters
 * and page in the URL; CSV in Shift_JIS (Excel) or UTF-8.
 */
export function AuditLogPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const actionLabel = useAuditActionLabel()
  const entityLabel = useAuditEntityLabel()
  const fieldErrorText = useFieldErrorText()
  const [searchParams, setSearchParams] = useSearchParams()
  const [exportError, setExportError] = useState<unknown>(null)
  const { page, pageSize } = readPage(searchParams)
  const params: AuditLogParams = {
    page,
    pageSize,
    from: readDate(searchParams, 'from'),
    to: readDate(searchParams, 'to'),
    action: readText(searchParams, 'action', 60),
    entityType: readText(searchParams, 'entityType', 40),
    actor: readText(searchParams, 'actor'),
    participantCode: isOperator ? readText(searchParams, 'participantCode', 10) : undefined,
    requestId: readText(searchParams, 'requestId', 64),
  }
  const list = useQuery(auditLogQueries.list(params))

  const formValues: FilterValues = {
    from: params.from ?? '',
    to: params.to ?? '',
    action: params.action ?? '',
    entityType: params.entityType ?? '',
    actor: params.actor ?? '',
    participantCode: params.participantCode ?? '',
    requestId: params.requestId ?? '',
  }
  const formKey = JSON.stringify(formValues)
  const form = useForm<FilterValues, unknown, z.output<FilterSchema>>({
    resolver: zodResolver(filterSchema, { error: zodIssueToMessage }),
    defaultValues: formValues,
  })
  const { errors } = form.formState
  const { reset } = form
  useEffect(() => reset(JSON.parse(formKey) as FilterValues), [formKey, reset])
  const onSearch = form.handleSubmit((values) => {
    const changes: Record<string, string | undefined> = { from: values.from, to: values.to }
    for (const key of TEXT_FILTERS) changes[key] = values[key]?.trim()
    setSearchParams(nextParams(searchParams, changes))
  })

  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: t('auditLog.columns.at'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { width: 128, nowrap: true, tabular: true },
        enableSorting: false,
      }),
      column.accessor('actorLabel', {
        header: t('auditLog.columns.actor'),
        cell: (info) => <Actor label={info.getValue()} />,
        enableSorting: false,
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participantCode ?? '', {
              id: 'participantCode',
              header: t('auditLog.columns.participantCode'),
              meta: { width: 96, nowrap: true, mono: true },
              enableSorting: false,
            }),
          ]
        : []),
      column.accessor('action', {
        header: t('auditLog.columns.action'),
        cell: (info) => {
          const label = actionLabel(info.getValue())
          return (
            <Stack gap={0}>
              {label ? <span>{label}</span> : null}
              <Text span fz="xs" c="dimmed" className="yoryo-code">
                {info.getValue()}
              </Text>
            </Stack>
          )
        },
        meta: { width: 200 },
        enableSorting: false,
      }),
      column.accessor('entityType', {
        header: t('auditLog.columns.entityType'),
        cell: (info) => entityLabel(info.getValue()),
        meta: { width: 120, nowrap: true },
        enableSorting: false,
      }),
      column.accessor('entityId', {
        header: t('auditLog.columns.entityId'),
        cell: (info) => <span title={info.getValue()}>{shortId(info.getValue())}</span>,
        meta: { width: 96, nowrap: true, mono: true },
        enableSorting: false,
      }),
      column.accessor('requestId', {
        header: t('auditLog.columns.requestId'),
        cell: (info) => <span title={info.getValue()}>{shortId(info.getValue())}</span>,
        meta: { width: 96, nowrap: true, mono: true },
        enableSorting: false,
      }),
      column.display({
        id: 'detail',
        header: t('auditLog.columns.detail'),
        cell: (info) => {
          const open = info.row.getIsExpanded()
          return (
            <UnstyledButton
              className="yoryo-expand-button"
              onClick={info.row.getToggleExpandedHandler()}
              aria-expanded={open}
              aria-label={t('auditLog.showDetail', {
                label: open ? t('auditLog.hide') : t('auditLog.show'),
                action: actionLabel(info.row.original.action) ?? info.row.original.action,
                at: formatDateTime(info.row.original.at),
              })}
              data-testid="audit-expand"
            >
              <span
                className="yoryo-expand-caret"
                data-open={open || undefined}
                aria-hidden="true"
              />
              {open ? t('auditLog.hide') : t('auditLog.show')}
            </UnstyledButton>
          )
        },
        meta: { width: 84, nowrap: true },
      }),
    ],
    [t, isOperator, actionLabel, entityLabel],
  )

  const { page: _page, pageSize: _size, ...exportQuery } = params

  return (
    <Page
      functionCode="020"
      title={t('functions.auditLog')}
      description={isOperator ? t('auditLog.description') : t('auditLog.participantDescription')}
      actions={
        <CsvExportMenu
          path={AUDIT_LOG_PATH}
          query={exportQuery}
          fileName={`audit-log_${jstToday()}.csv`}
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
          data-testid="audit-filters"
        >
          <Stack gap="xs">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Group gap={6} align="flex-end" wrap="nowrap">
                <TextInput
                  type="date"
                  label={t('listTools.dateFrom', { label: t('auditLog.filters.date') })}
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
                  label={t('listTools.dateTo', { label: t('auditLog.filters.date') })}
                  w={160}
                  className="yoryo-figures"
                  {...form.register('to')}
                  error={fieldErrorText(errors.to)}
                />
              </Group>
              <Controller
                control={form.control}
                name="action"
                render={({ field }) => (
                  <Autocomplete
                    label={t('auditLog.filters.action')}
                    placeholder={t('auditLog.filters.actionPlaceholder')}
                    w={240}
                    maxLength={60}
                    data={ACTION_SUGGESTIONS}
                    limit={20}
                    classNames={{ input: 'yoryo-code' }}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.action)}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="entityType"
                render={({ field }) => (
                  <Select
                    label={t('auditLog.filters.entityType')}
                    w={170}
                    allowDeselect={false}
                    data={[
                      { value: '', label: t('common.all') },
                      ...AUDIT_ENTITY_TYPES.map((type) => ({
                        value: type,
                        label: entityLabel(type),
                      })),
                    ]}
                    value={field.value ?? ''}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                  />
                )}
              />
            </Group>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('auditLog.filters.actor')}
                placeholder={t('auditLog.filters.actorPlaceholder')}
                w={220}
                maxLength={100}
                {...form.register('actor')}
                error={fieldErrorText(errors.actor)}
              />
              {isOperator ? (
                <TextInput
                  label={t('auditLog.filters.participantCode')}
                  placeholder={t('auditLog.filters.participantCodePlaceholder')}
                  w={140}
                  maxLength={10}
                  spellCheck={false}
                  classNames={{ input: 'yoryo-code' }}
                  {...form.register('participantCode')}
                  error={fieldErrorText(errors.participantCode)}
                />
              ) : null}
              <TextInput
                label={t('auditLog.filters.requestId')}
                w={330}
                maxLength={64}
                spellCheck={false}
                classNames={{ input: 'yoryo-code' }}
                {...form.register('requestId')}
                error={fieldErrorText(errors.requestId)}
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
          </Stack>
        </Paper>
        {list.error ? <ApiErrorAlert error={list.error} /> : null}
        <DataTable
          label={t('auditLog.tableLabel')}
          data={list.data?.items}
          columns={columns}
          loading={list.isPending}
          getRowId={(row) => row.id}
          emptyMessage={t('auditLog.empty')}
          renderExpanded={(entry) => <AuditDetail entry={entry} />}
          testId="audit-table"
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
