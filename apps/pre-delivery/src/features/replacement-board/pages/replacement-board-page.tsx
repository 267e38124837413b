import { Alert, Badge, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  areas,
  replacementPostingSortFields,
  replacementPostingTypes,
  resourceKinds,
  type ReplacementPosting,
} from '@yoryo/contracts'
import {
  canEditGroup,
  ChoiceFilter,
  ConfirmDialog,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDateTime,
  formatNumber,
  ListScreen,
  Page,
  readChoice,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { Controller } from 'react-hook-form'
import { z } from 'zod'
import {
  boardQueries,
  REPLACEMENT_BOARD_PATH,
  useWithdrawPosting,
  type BoardListParams,
} from '../api.ts'
import { PostingDialog } from '../components/posting-dialog.tsx'

const column = createColumnHelper<ReplacementPosting>()
const FILTER_KEYS = [
  'postingType',
  'area',
  'kind',
  'kwMin',
  'kwMax',
  'month',
  'includeClosed',
  'mine',
]
const kwText = z.union([z.literal(''), z.string().regex(/^\d{1,9}$/)])
const filterSchema = z.object({
  postingType: z.string(),
  area: z.string(),
  kind: z.string(),
  kwMin: kwText,
  kwMax: kwText,
  month: z.union([z.literal(''), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)]),
  includeClosed: z.boolean(),
  mine: z.boolean(),
})
type FilterValues = z.input<typeof filterSchema>

const STATUS_COLOR = { open: 'green', expired: 'gray', withdrawn: 'gray' } as const

/**
 * 140 差替掲示板: every participant's open offers and requests (filters: type, area, kind, kW
 * range, a month of the period; expired and withdrawn on request), posting and changing own
 * postings in a dialog, withdrawing with a confirmation. The operator reads.
 */
export function ReplacementBoardPage() {
  const { t } = useTranslation()
  const session = useSession()
  const fieldErrorText = useFieldErrorText()
  const mayPost = session.user.role !== 'operator' && canEditGroup(session, '140')
  const state = useListState(replacementPostingSortFields)
  const [editing, setEditing] = useState<ReplacementPosting | 'new' | null>(null)
  const [withdrawing, setWithdrawing] = useState<ReplacementPosting | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const withdraw = useWithdrawPosting()
  const num = (key: string) => {
    const v = state.params.get(key) ?? ''
    return /^\d{1,9}$/.test(v) ? v : ''
  }
  const filters: FilterValues = {
    postingType: readChoice(state.params, 'postingType', replacementPostingTypes) ?? '',
    area: readChoice(state.params, 'area', areas) ?? '',
    kind: readChoice(state.params, 'kind', resourceKinds) ?? '',
    kwMin: num('kwMin'),
    kwMax: num('kwMax'),
    month: /^\d{4}-\d{2}$/.test(readText(state.params, 'month') ?? '')
      ? (readText(state.params, 'month') ?? '')
      : '',
    includeClosed: state.params.get('includeClosed') === 'true',
    mine: state.params.get('mine') === 'true',
  }
  const filterParams: Omit<BoardListParams, 'page' | 'pageSize'> = {
    postingType: filters.postingType || undefined,
    area: filters.area || undefined,
    kind: filters.kind || undefined,
    kwMin: filters.kwMin ? Number(filters.kwMin) : undefined,
    kwMax: filters.kwMax ? Number(filters.kwMax) : undefined,
    month: filters.month || undefined,
    includeClosed: filters.includeClosed ? 'true' : undefined,
    mine: filters.mine ? 'true' : undefined,
  }
  const list = useQuery(
    boardQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const own = session.participant.code
  const columns = useMemo(
    () => [
      column.accessor('postingType', {
        header: t('replacementBoard.fields.postingType'),
        cell: (info) => (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={info.getValue() === 'offer' ? 'blue' : 'orange'}
          >
            {t(`replacementBoard.postingType.${info.getValue()}`)}
          </Badge>
        ),
        meta: { widthClass: 'status' },
      }),
      column.accessor('participantCode', {
        header: t('replacementBoard.fields.participant'),
        cell: (info) => `${info.getValue()} ${info.row.original.participantName}`,
        meta: { widthClass: 'name' },
      }),
      column.accessor((row) => t(`resources.area.${row.area}`), {
        id: 'area',
        header: t('replacementBoard.fields.area'),
        meta: { widthClass: 'short' },
      }),
      column.accessor(
        (row) => (row.kind ? t(`resources.kind.${row.kind}`) : t('replacementBoard.anyKind')),
        {
          id: 'kind',
          header: t('replacementBoard.fields.kind'),
          meta: { widthClass: 'label' },
        },
      ),
      column.accessor('kw', {
        header: t('replacementBoard.fields.kw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('fromMonth', {
        header: t('replacementBoard.fields.period'),
        cell: (info) =>
          `${info.getValue().replace('-', '/')}～${info.row.original.toMonth.replace('-', '/')}`,
        meta: { widthClass: 'period' },
      }),
      column.display({
        id: 'contact',
        header: t('replacementBoard.fields.contact'),
        cell: (info) => info.row.original.contact,
        meta: { widthClass: 'text' },
      }),
      column.accessor('expiresAt', {
        header: t('replacementBoard.fields.expiresAt'),
        cell: (info) => (
          <Group gap={4} wrap="nowrap">
            {formatDateTime(info.getValue())}
            {info.row.original.status !== 'open' ? (
              <Badge
                size="xs"
                radius="sm"
                variant="light"
                color={STATUS_COLOR[info.row.original.status]}
              >
                {t(`replacementBoard.status.${info.row.original.status}`)}
              </Badge>
            ) : null}
          </Group>
        ),
        meta: { widthClass: 'datetime' },
      }),
      column.display({
        id: 'actions',
        header: '',
        cell: (info) => {
          const p = info.row.original
          if (!mayPost || p.participantCode !== own || p.status !== 'open') return null
          return (
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => setEditing(p)}
                data-testid="posting-edit"
              >
                {t('replacementBoard.edit')}
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                color="red"
                onClick={() => setWithdrawing(p)}
                data-testid="posting-withdraw"
              >
                {t('replacementBoard.withdraw')}
              </Button>
            </Group>
          )
        },
        meta: { widthClass: 'actions' },
      }),
    ],
    [t, mayPost, own],
  )

  return (
    <Page
      functionCode="140"
      title={t('functions.replacementBoard')}
      description={t('replacementBoard.description')}
      actions={
        mayPost ? (
          <Button onClick={() => setEditing('new')} data-testid="posting-new">
            {t('replacementBoard.post')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        {notice ? (
          <Alert
            color="green"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setNotice(null)}
            data-testid="board-notice"
          >
            {notice}
          </Alert>
        ) : null}
        <ListScreen
          state={state}
          result={list}
          title={t('replacementBoard.list.tableLabel')}
          columns={columns}
          getRowId={(row) => row.id}
          emptyMessage={t('replacementBoard.list.empty')}
          csv={{
            path: REPLACEMENT_BOARD_PATH,
            query: { ...filterParams },
            fileName: exportFileName('replacement-board'),
          }}
          testId="board-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  postingType: values.postingType,
                  area: values.area,
                  kind: values.kind,
                  kwMin: values.kwMin,
                  kwMax: values.kwMax,
                  month: values.month,
                  includeClosed: values.includeClosed ? 'true' : '',
                  mine: values.mine ? 'true' : '',
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="board-filters"
            >
              {(form) => (
                <>
                  <ChoiceFilter
                    control={form.control}
                    name="postingType"
                    label={t('replacementBoard.fields.postingType')}
                    w={110}
                    options={replacementPostingTypes.map((v) => ({
                      value: v,
                      label: t(`replacementBoard.postingType.${v}`),
                    }))}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="area"
                    label={t('replacementBoard.fields.area')}
                    w={110}
                    options={areas.map((v) => ({ value: v, label: t(`resources.area.${v}`) }))}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="kind"
                    label={t('replacementBoard.fields.kind')}
                    w={190}
                    options={resourceKinds.map((v) => ({
                      value: v,
                      label: t(`resources.kind.${v}`),
                    }))}
                  />
                  <TextInput
                    label={t('replacementBoard.list.kwMin')}
                    w={130}
                    inputMode="numeric"
                    {...form.register('kwMin')}
                    error={fieldErrorText(form.formState.errors.kwMin)}
                  />
                  <TextInput
                    label={t('replacementBoard.list.kwMax')}
                    w={130}
                    inputMode="numeric"
                    {...form.register('kwMax')}
                    error={fieldErrorText(form.formState.errors.kwMax)}
                  />
                  <TextInput
                    label={t('replacementBoard.list.month')}
                    placeholder="2030-04"
                    w={120}
                    {...form.register('month')}
                    error={fieldErrorText(form.formState.errors.month)}
                  />
                  <Stack gap={6} justify="flex-end">
                    <Controller
                      control={form.control}
                      name="includeClosed"
                      render={({ field }) => (
                        <Checkbox
                          label={t('replacementBoard.list.includeClosed')}
                          checked={field.value}
                          onChange={(e) => field.onChange(e.currentTarget.checked)}
                        />
                      )}
                    />
                    {mayPost ? (
                      <Controller
                        control={form.control}
                        name="mine"
                        render={({ field }) => (
                          <Checkbox
                            label={t('replacementBoard.list.mine')}
                            checked={field.value}
                            onChange={(e) => field.onChange(e.currentTarget.checked)}
                          />
                        )}
                      />
                    ) : null}
                  </Stack>
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>
      {editing ? (
        <PostingDialog
          posting={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setNotice(
              editing === 'new'
                ? t('replacementBoard.form.created')
                : t('replacementBoard.form.saved'),
            )
            setEditing(null)
          }}
        />
      ) : null}
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('replacementBoard.withdrawTitle')}
        message={t('replacementBoard.withdrawConfirm')}
        confirmLabel={t('replacementBoard.withdraw')}
        danger
        loading={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setWithdrawing(null)
          withdraw.reset()
        }}
        onConfirm={() => {
          if (!withdrawing) return
          withdraw.mutate(withdrawing, {
            onSuccess: () => {
              setWithdrawing(null)
              setNotice(t('replacementBoard.withdrawn'))
            },
          })
        }}
      />
    </Page>
  )
}
