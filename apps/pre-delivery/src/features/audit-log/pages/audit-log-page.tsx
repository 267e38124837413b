import { Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { auditLogQuerySchema, auditSortFields, type AuditEntry } from '@yoryo/contracts'
import {
  ChoiceFilter,
  createColumnHelper,
  DateRangeFilter,
  exportFileName,
  FilterBar,
  formatDateTime,
  ListScreen,
  Page,
  ParticipantFilter,
  readDate,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Controller } from 'react-hook-form'
import { z } from 'zod'
import { AUDIT_LOG_PATH, auditLogQueries, type AuditLogParams } from '../api.ts'
import { AuditDetail } from '../components/audit-detail.tsx'
import {
  AUDIT_ENTITY_TYPES,
  useAuditActionLabel,
  useAuditActionOptions,
  useAuditEntityLabel,
} from '../labels.ts'

const column = createColumnHelper<AuditEntry>()

/** The contract's search, with '' for "any". */
const filterSchema = auditLogQuerySchema
  .pick({ action: true, entityType: true, actor: true, participantCode: true, requestId: true })
  .extend({
    from: z.union([z.literal(''), z.iso.date()]),
    to: z.union([z.literal(''), z.iso.date()]),
  })
type FilterValues = z.input<typeof filterSchema>
const TEXT_FILTERS = ['action', 'entityType', 'actor', 'participantCode', 'requestId'] as const
const FILTER_KEYS = ['from', 'to', ...TEXT_FILTERS] as const

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
 * of it (by participant too), a participant administrator its own participant's. Filters, sort
 * and page in the URL; CSV in Shift_JIS (Excel) or UTF-8.
 */
export function AuditLogPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const actionLabel = useAuditActionLabel()
  const entityLabel = useAuditEntityLabel()
  const actionOptions = useAuditActionOptions()
  const fieldErrorText = useFieldErrorText()
  const state = useListState(auditSortFields)
  const filterParams: Omit<AuditLogParams, 'page' | 'pageSize'> = {
    from: readDate(state.params, 'from'),
    to: readDate(state.params, 'to'),
    action: readText(state.params, 'action', 60),
    entityType: readText(state.params, 'entityType', 40),
    actor: readText(state.params, 'actor'),
    participantCode: isOperator ? readText(state.params, 'participantCode', 10) : undefined,
    requestId: readText(state.params, 'requestId', 64),
  }
  const list = useQuery(
    auditLogQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const filters: FilterValues = {
    from: filterParams.from ?? '',
    to: filterParams.to ?? '',
    action: filterParams.action ?? '',
    entityType: filterParams.entityType ?? '',
    actor: filterParams.actor ?? '',
    participantCode: filterParams.participantCode ?? '',
    requestId: filterParams.requestId ?? '',
  }

  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: t('auditLog.columns.at'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime', tabular: true },
      }),
      column.accessor('actorLabel', {
        header: t('auditLog.columns.actor'),
        cell: (info) => <Actor label={info.getValue()} />,
        meta: { widthClass: 'name' },
      }),
      ...(isOperator
        ? [
            column.accessor((row) => row.participantCode ?? '', {
              id: 'participantCode',
              header: t('auditLog.columns.participantCode'),
              meta: { widthClass: 'code', mono: true },
            }),
          ]
        : []),
      column.accessor('action', {
        header: t('auditLog.columns.action'),
        cell: (info) => {
          // The label only; an operation without one shows its code.
          const label = actionLabel(info.getValue())
          return label ?? <span className="yoryo-code">{info.getValue()}</span>
        },
        meta: { widthClass: 'label' },
      }),
      column.accessor('entityType', {
        header: t('auditLog.columns.entityType'),
        cell: (info) => entityLabel(info.getValue()),
        meta: { widthClass: 'short' },
      }),
      column.accessor('entityId', {
        header: t('auditLog.columns.entityId'),
        cell: (info) => <span title={info.getValue()}>{shortId(info.getValue())}</span>,
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('requestId', {
        header: t('auditLog.columns.requestId'),
        cell: (info) => <span title={info.getValue()}>{shortId(info.getValue())}</span>,
        meta: { widthClass: 'code', mono: true },
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
        meta: { widthClass: 'actions', nowrap: true },
      }),
    ],
    [t, isOperator, actionLabel, entityLabel],
  )

  return (
    <Page
      functionCode="020"
      title={t('functions.auditLog')}
      description={isOperator ? t('auditLog.description') : t('auditLog.participantDescription')}
    >
      <ListScreen
        state={state}
        result={list}
        title={t('auditLog.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        emptyMessage={t('auditLog.empty')}
        renderExpanded={(entry) => <AuditDetail entry={entry} />}
        csv={{
          path: AUDIT_LOG_PATH,
          query: { ...filterParams },
          fileName: exportFileName('audit-log'),
        }}
        testId="audit-table"
        filters={
          <FilterBar
            schema={filterSchema}
            values={filters}
            onApply={(values) => {
              const changes: Record<string, string | undefined> = {
                from: values.from,
                to: values.to,
              }
              for (const key of TEXT_FILTERS) changes[key] = values[key]?.trim()
              state.update(changes)
            }}
            onClear={() => state.clear(FILTER_KEYS)}
            testId="audit-filters"
          >
            {(form) => {
              const { errors } = form.formState
              return (
                <>
                  <DateRangeFilter
                    control={form.control}
                    from="from"
                    to="to"
                    label={t('auditLog.filters.date')}
                    errors={{ from: errors.from, to: errors.to }}
                  />
                  <Controller
                    control={form.control}
                    name="action"
                    render={({ field }) => (
                      <Select
                        label={t('auditLog.filters.action')}
                        w={240}
                        searchable
                        allowDeselect={false}
                        maxDropdownHeight={320}
                        data={[{ value: '', label: t('common.all') }, ...actionOptions]}
                        value={field.value ?? ''}
                        onChange={(value) => field.onChange(value ?? '')}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        name={field.name}
                        comboboxProps={{ withinPortal: true }}
                        error={fieldErrorText(errors.action)}
                      />
                    )}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="entityType"
                    label={t('auditLog.filters.entityType')}
                    w={170}
                    options={AUDIT_ENTITY_TYPES.map((type) => ({
                      value: type,
                      label: entityLabel(type),
                    }))}
                  />
                  <TextInput
                    label={t('auditLog.filters.actor')}
                    placeholder={t('auditLog.filters.actorPlaceholder')}
                    w={220}
                    maxLength={100}
                    {...form.register('actor')}
                    error={fieldErrorText(errors.actor)}
                  />
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantCode"
                      label={t('auditLog.filters.participantCode')}
                      valueKey="code"
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
                </>
              )
            }}
          </FilterBar>
        }
      />
    </Page>
  )
}
