import { zodResolver } from '@hookform/resolvers/zod'
import { Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  OUTAGE_OMISSION_ANSWER_MAX_LENGTH,
  OUTAGE_OMISSION_REASON_MAX_LENGTH,
  monthSchema,
  outageOmissionAnswerable,
  outageOmissionSortFields,
  outageOmissionStates,
  type MessageId,
  type OutageOmission,
  type OutageOmissionState,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ChoiceFilter,
  ConfirmDialog,
  FilterBar,
  KeywordFilter,
  ListScreen,
  MessageAlert,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  formatNumber,
  readChoice,
  readText,
  useFieldErrorText,
  useListState,
  useSession,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import {
  OUTAGE_OMISSIONS_PATH,
  outageOmissionQueries,
  useAnswerOutageOmissions,
  useDecideOutageOmissions,
  type OutageOmissionListParams,
} from '../outage-omissions-api.ts'
import { slotTime } from '../slot-time.ts'

const column = createColumnHelper<OutageOmission>()
const FILTER_KEYS = ['month', 'state', 'resource']
const filterSchema = z.object({
  month: z.union([z.literal(''), monthSchema]),
  state: z.string(),
  resource: z.string().trim().max(100),
})

const STATE_COLOURS: Record<OutageOmissionState, string> = {
  flagged: 'orange',
  answered: 'blue',
  accepted: 'teal',
  rejected: 'red',
}

/** The state of a flagged slot (B50) as a badge. */
export function OutageOmissionStateBadge({ state }: { state: OutageOmissionState }) {
  const { t } = useTranslation()
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" radius="sm" data-state={state}>
      {t(`assessment.omissions.state.${state}`)}
    </Badge>
  )
}

const numeric = (value: number) => (
  <Text fz="sm" ta="right" className="yoryo-numeric">
    {formatNumber(value)}
  </Text>
)

type Done = { id: MessageId; params: { count: number } }

/**
 * B50 容量停止計画登録漏れ確認審査 (`/outage-omissions`): the slots the assessment flagged. A
 * participant selects its slots and answers them at once (again until decided); the operator
 * selects answered slots and accepts or rejects them (a reason to reject).
 */
export function OutageOmissionsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  const state = useListState(outageOmissionSortFields)
  const filters = {
    month: readText(state.params, 'month') ?? '',
    state: readChoice(state.params, 'state', outageOmissionStates) ?? '',
    resource: readText(state.params, 'resource') ?? '',
  }
  const filterParams: Omit<OutageOmissionListParams, 'page' | 'pageSize'> = {
    month: monthSchema.safeParse(filters.month).success ? filters.month : undefined,
    state: filters.state || undefined,
    resource: filters.resource || undefined,
  }
  const list = useQuery(
    outageOmissionQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [dialog, setDialog] = useState<'answer' | 'accept' | 'reject' | null>(null)
  const [done, setDone] = useState<Done | null>(null)
  const decide = useDecideOutageOmissions()

  /** The slots the caller may act on: a participant answers, the operator decides answered ones. */
  const actionable = (row: OutageOmission) =>
    isOperator ? row.state === 'answered' : outageOmissionAnswerable.includes(row.state)
  const rows = list.data?.items ?? []
  const selectable = rows.filter(actionable)
  const chosen = rows.filter((row) => selected.has(row.id) && actionable(row))
  const refs = chosen.map((row) => ({ id: row.id, version: row.version }))
  const allChosen = selectable.length > 0 && chosen.length === selectable.length

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const finish = (result: Done) => {
    setDone(result)
    setSelected(new Set())
    setDialog(null)
  }

  // Rebuilt on each render: the selection column reads the selection and the rows' states.
  const columns = [
    column.display({
      id: 'select',
      header: () => (
        <Checkbox
          aria-label={t('assessment.omissions.fields.selectAll')}
          checked={allChosen}
          indeterminate={chosen.length > 0 && !allChosen}
          disabled={selectable.length === 0}
          onChange={(e) =>
            setSelected(e.currentTarget.checked ? new Set(selectable.map((r) => r.id)) : new Set())
          }
          data-testid="omission-select-all"
        />
      ),
      cell: (info) => {
        const row = info.row.original
        return (
          <Checkbox
            aria-label={`${t('assessment.omissions.fields.select')} ${row.resourceCode} ${formatDate(row.date)} ${slotTime(row.slot)}`}
            checked={selected.has(row.id) && actionable(row)}
            disabled={!actionable(row)}
            onChange={(e) => toggle(row.id, e.currentTarget.checked)}
            onClick={(e) => e.stopPropagation()}
            data-testid="omission-select"
          />
        )
      },
      meta: { width: 44 },
    }),
    column.accessor('date', {
      header: t('assessment.omissions.fields.date'),
      cell: (info) => formatDate(info.getValue()),
      meta: { width: 96, tabular: true },
    }),
    column.display({
      id: 'time',
      header: t('assessment.omissions.fields.time'),
      cell: (info) => slotTime(info.row.original.slot),
      meta: { width: 104, tabular: true, nowrap: true },
    }),
    column.accessor('resourceCode', {
      header: t('assessment.omissions.fields.resource'),
      cell: (info) => (
        <span className="yoryo-code" title={info.row.original.resourceName}>
          {info.getValue()}
        </span>
      ),
      meta: { widthClass: 'id' },
    }),
    ...(isOperator
      ? [
          column.accessor('participantCode', {
            header: t('assessment.omissions.fields.participant'),
            cell: (info) => (
              <span className="yoryo-code" title={info.row.original.participantName}>
                {info.getValue()}
              </span>
            ),
            meta: { widthClass: 'code' },
          }),
        ]
      : []),
    column.display({
      id: 'availableKw',
      header: t('assessment.omissions.fields.availableKw'),
      cell: (info) => numeric(info.row.original.availableKw),
      meta: { width: 100, numeric: true },
    }),
    column.accessor('shortfallKw', {
      header: t('assessment.omissions.fields.shortfallKw'),
      cell: (info) => numeric(info.getValue()),
      meta: { width: 96, numeric: true },
    }),
    column.accessor('state', {
      header: t('assessment.omissions.fields.state'),
      cell: (info) => <OutageOmissionStateBadge state={info.getValue()} />,
      meta: { widthClass: 'short' },
    }),
    column.display({
      id: 'answer',
      header: t('assessment.omissions.fields.answer'),
      cell: (info) => {
        const row = info.row.original
        const text = row.state === 'rejected' ? row.decisionNote : row.answer
        return text ? (
          <span title={text}>
            {row.state === 'rejected' ? `${t('assessment.omissions.fields.decisionNote')}: ` : ''}
            {text}
          </span>
        ) : null
      },
      meta: { widthClass: 'text' },
    }),
  ]

  const count = chosen.length
  return (
    <Page
      functionCode="B50"
      title={t('functions.outageOmissions')}
      description={
        isOperator
          ? t('assessment.omissions.descriptionOperator')
          : t('assessment.omissions.description')
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('assessment.omissions.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        emptyMessage={t('assessment.omissions.list.empty')}
        csv={{
          path: OUTAGE_OMISSIONS_PATH,
          query: { ...filterParams },
          fileName: exportFileName('outage-omissions'),
        }}
        testId="omission-list"
        filters={
          <Stack gap="sm">
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) => {
                setSelected(new Set())
                state.update({
                  month: values.month,
                  state: values.state,
                  resource: values.resource,
                })
              }}
              onClear={() => state.clear(FILTER_KEYS)}
              testId="omission-filters"
            >
              {(form) => (
                <>
                  <KeywordFilter
                    registration={form.register('month')}
                    error={form.formState.errors.month}
                    label={t('assessment.month.label')}
                    placeholder={t('assessment.month.placeholder')}
                    w={120}
                    maxLength={7}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="state"
                    label={t('assessment.omissions.list.state')}
                    options={outageOmissionStates.map((s) => ({
                      value: s,
                      label: t(`assessment.omissions.state.${s}`),
                    }))}
                  />
                  <KeywordFilter
                    registration={form.register('resource')}
                    error={form.formState.errors.resource}
                    label={t('assessment.omissions.list.resource')}
                  />
                </>
              )}
            </FilterBar>
            {done ? <MessageAlert {...done} withCloseButton onClose={() => setDone(null)} /> : null}
            <Paper withBorder px="md" py="xs" className="yoryo-panel">
              <Group justify="space-between" gap="sm" mih={36}>
                <Text fz="sm" data-testid="omission-selected">
                  {t('assessment.omissions.selected', { count })}
                </Text>
                <Group gap="sm">
                  {isOperator ? (
                    <>
                      <Button
                        disabled={count === 0}
                        onClick={() => setDialog('accept')}
                        data-testid="omission-accept"
                      >
                        {t('assessment.omissions.accept')}
                      </Button>
                      <Button
                        variant="default"
                        disabled={count === 0}
                        onClick={() => setDialog('reject')}
                        data-testid="omission-reject"
                      >
                        {t('assessment.omissions.reject')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      disabled={count === 0}
                      onClick={() => setDialog('answer')}
                      data-testid="omission-answer"
                    >
                      {t('assessment.omissions.answer')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          </Stack>
        }
      />
      <TextDialog
        kind="answer"
        opened={dialog === 'answer'}
        count={count}
        initial={chosen.length === 1 ? (chosen[0]?.answer ?? '') : ''}
        maxLength={OUTAGE_OMISSION_ANSWER_MAX_LENGTH}
        onClose={() => setDialog(null)}
        items={refs}
        onDone={() => finish({ id: 'I-ASMT-050', params: { count } })}
      />
      <TextDialog
        kind="reject"
        opened={dialog === 'reject'}
        count={count}
        initial=""
        maxLength={OUTAGE_OMISSION_REASON_MAX_LENGTH}
        onClose={() => setDialog(null)}
        items={refs}
        onDone={() => finish({ id: 'I-ASMT-052', params: { count } })}
      />
      <ConfirmDialog
        opened={dialog === 'accept'}
        title={t('assessment.omissions.acceptDialog.title')}
        message={t('assessment.omissions.acceptDialog.message', { count })}
        confirmLabel={t('assessment.omissions.acceptDialog.submit')}
        danger={false}
        loading={decide.isPending}
        error={decide.error}
        onClose={() => {
          decide.reset()
          setDialog(null)
        }}
        onConfirm={() =>
          decide.mutate(
            { items: refs, decision: 'accept' },
            { onSuccess: () => finish({ id: 'I-ASMT-051', params: { count } }) },
          )
        }
      />
    </Page>
  )
}

const textSchema = (max: number) => z.object({ text: z.string().trim().min(1).max(max) })

/**
 * The participant's answer, or the operator's reason to reject: one text for every selected
 * slot. A refusal (a stale version, a decided slot) shows in the dialog.
 */
function TextDialog({
  kind,
  opened,
  count,
  initial,
  maxLength,
  items,
  onClose,
  onDone,
}: {
  kind: 'answer' | 'reject'
  opened: boolean
  count: number
  initial: string
  maxLength: number
  items: { id: string; version: number }[]
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const answer = useAnswerOutageOmissions()
  const decide = useDecideOutageOmissions()
  const mutation = kind === 'answer' ? answer : decide
  const form = useForm<{ text: string }>({
    resolver: zodResolver(textSchema(maxLength), { error: zodIssueToMessage }),
    values: { text: initial },
  })
  const texts = kind === 'answer' ? 'answerDialog' : 'rejectDialog'
  const close = () => {
    mutation.reset()
    form.reset({ text: initial })
    onClose()
  }
  const submit = form.handleSubmit(async ({ text }) => {
    try {
      if (kind === 'answer') await answer.mutateAsync({ items, answer: text })
      else await decide.mutateAsync({ items, decision: 'reject', reason: text })
      mutation.reset()
      onDone()
    } catch {
      // shown below from the mutation's error
    }
  })
  return (
    <Modal
      opened={opened}
      onClose={mutation.isPending ? () => undefined : close}
      title={<Text fw={700}>{t(`assessment.omissions.${texts}.title`)}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid={`omission-${kind}-dialog`}>
        <Stack gap="md">
          <Text fz="sm">{t(`assessment.omissions.${texts}.description`, { count })}</Text>
          <Textarea
            label={t(`assessment.omissions.${texts}.label`)}
            required
            autosize
            minRows={4}
            maxLength={maxLength}
            data-autofocus
            {...form.register('text')}
            error={fieldErrorText(form.formState.errors.text)}
          />
          {mutation.error ? <ApiErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={kind === 'reject' ? 'red' : undefined}
              loading={mutation.isPending}
            >
              {t(`assessment.omissions.${texts}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
