import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  NOTICE_BODY_MAX_LENGTH,
  NOTICE_TITLE_MAX_LENGTH,
  checkNotice,
  noticeAudiences,
  noticeCategories,
  noticeFields,
  type Notice,
  type NoticeInput,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DateTimeField,
  applyFieldErrors,
  fromJstInputValue,
  isShownOnFields,
  participantLabel,
  participantOptionQueries,
  toJstInputValue,
  useFieldErrorText,
  useFocusWhenEnabled,
  useFormDraft,
  useTranslation,
  useUnsavedChangesGuard,
  zodIssueToMessage,
} from '@yoryo/ui'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { Link } from 'react-router'
import { z } from 'zod'

/** The notice's fields; the publication time as JST `yyyy-MM-ddTHH:mm` (`DateTimeField`). */
const formSchema = noticeFields
  .extend({
    publishAt: z.string().refine((value) => value === '' || fromJstInputValue(value) !== null),
  })
  .superRefine(checkNotice)
type FormIn = z.input<typeof formSchema>
type FormOut = z.output<typeof formSchema>
const FIELDS = [
  'title',
  'body',
  'category',
  'audience',
  'participantIds',
  'publication',
  'publishAt',
] as const

function defaultsOf(notice: Notice | null): FormIn {
  if (!notice) {
    return {
      title: '',
      body: '',
      category: 'info',
      audience: 'all',
      participantIds: [],
      publication: 'now',
      publishAt: '',
    }
  }
  return {
    title: notice.title,
    body: notice.body,
    category: notice.category,
    audience: notice.audience,
    participantIds: notice.participants.map((p) => p.id),
    publication: notice.state === 'draft' ? 'draft' : notice.state === 'scheduled' ? 'at' : 'now',
    publishAt: notice.state === 'scheduled' ? toJstInputValue(notice.publishAt) : '',
  }
}

/**
 * The operator's notice form (A30, new and change): title, text (line breaks kept), category,
 * audience — everyone, or participants chosen by code or name — and the publication: now, at a
 * JST time, or a draft (not once published).
 */
export function NoticeForm({
  notice,
  draftKey,
  pending,
  error,
  submitLabel,
  onSubmit,
}: {
  notice: Notice | null
  draftKey: string
  pending: boolean
  error: unknown
  submitLabel: string
  onSubmit: (input: NoticeInput) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const participants = useQuery(participantOptionQueries.active())
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(formSchema, { error: zodIssueToMessage }),
    defaultValues: defaultsOf(notice),
  })
  const { errors } = form.formState
  const focusField = useFocusWhenEnabled(form.setFocus, pending)
  const draft = useFormDraft(draftKey, form)
  const leaveGuard = useUnsavedChangesGuard(form.formState.isDirty && !pending, {
    onDiscard: draft.clear,
  })
  const audience = useWatch({ control: form.control, name: 'audience' })
  const publication = useWatch({ control: form.control, name: 'publication' })
  const published = notice?.state === 'published'
  const options = (participants.data ?? [])
    .filter((p) => p.kind !== 'operator')
    .map((p) => ({ value: p.id, label: participantLabel(p) }))

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit({
        title: values.title,
        body: values.body,
        category: values.category,
        audience: values.audience,
        participantIds: values.audience === 'participants' ? values.participantIds : [],
        publication: values.publication,
        publishAt: values.publication === 'at' ? fromJstInputValue(values.publishAt) : null,
      })
      form.reset(values)
      draft.clear()
    } catch (e) {
      applyFieldErrors(e, form.setError, FIELDS, focusField)
    }
  })
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="notice-form">
      {leaveGuard}
      <Paper withBorder p="md" className="yoryo-panel">
        <fieldset disabled={pending} className="yoryo-fieldset">
          <Stack gap="md">
            {draft.restored ? (
              <Alert color="blue" variant="light" data-testid="draft-restored">
                {t('unsaved.draftRestored')}
              </Alert>
            ) : null}
            {showError ? <ApiErrorAlert error={error} /> : null}
            <Controller
              control={form.control}
              name="category"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text fz="sm" fw={500} id="notice-category-label">
                    {t('notices.fields.category')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="notice-category-label"
                    value={field.value}
                    onChange={field.onChange}
                    data={noticeCategories.map((c) => ({
                      value: c,
                      label: t(`notices.category.${c}`),
                    }))}
                    w="fit-content"
                    data-testid="notice-category"
                  />
                </Stack>
              )}
            />
            <TextInput
              label={t('notices.fields.title')}
              required
              maxLength={NOTICE_TITLE_MAX_LENGTH}
              {...form.register('title')}
              error={fieldErrorText(errors.title)}
              data-testid="notice-title"
            />
            <Textarea
              label={t('notices.fields.body')}
              description={t('notices.form.bodyHint')}
              required
              autosize
              minRows={8}
              maxRows={20}
              maxLength={NOTICE_BODY_MAX_LENGTH}
              {...form.register('body')}
              error={fieldErrorText(errors.body)}
              data-testid="notice-body-input"
            />
            <Controller
              control={form.control}
              name="audience"
              render={({ field }) => (
                <Radio.Group
                  label={t('notices.fields.audience')}
                  value={field.value}
                  onChange={field.onChange}
                  data-testid="notice-audience"
                >
                  <Group gap="lg" mt={4}>
                    {noticeAudiences.map((a) => (
                      <Radio
                        key={a}
                        value={a}
                        label={
                          a === 'all' ? t('notices.detail.allUsers') : t(`notices.audience.${a}`)
                        }
                        data-testid={`notice-audience-${a}`}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            {audience === 'participants' ? (
              <Controller
                control={form.control}
                name="participantIds"
                render={({ field }) => (
                  <MultiSelect
                    ref={field.ref}
                    label={t('notices.fields.participants')}
                    placeholder={t('notices.form.participantsPlaceholder')}
                    data={options}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    searchable
                    clearable
                    hidePickedOptions
                    maxDropdownHeight={260}
                    nothingFoundMessage={t('table.empty')}
                    comboboxProps={{ withinPortal: true }}
                    error={fieldErrorText(errors.participantIds)}
                    data-testid="notice-participants"
                  />
                )}
              />
            ) : null}
            <Controller
              control={form.control}
              name="publication"
              render={({ field }) => (
                <Radio.Group
                  label={t('notices.form.publication')}
                  value={field.value}
                  onChange={field.onChange}
                  data-testid="notice-publication"
                >
                  <Stack gap={6} mt={4}>
                    <Radio
                      value="now"
                      label={
                        published
                          ? t('notices.form.publicationNowKeep')
                          : t('notices.form.publicationNow')
                      }
                      data-testid="notice-publication-now"
                    />
                    <Radio
                      value="at"
                      label={t('notices.form.publicationAt')}
                      data-testid="notice-publication-at"
                    />
                    {published ? null : (
                      <Radio
                        value="draft"
                        label={t('notices.form.publicationDraft')}
                        data-testid="notice-publication-draft"
                      />
                    )}
                  </Stack>
                </Radio.Group>
              )}
            />
            {publication === 'at' ? (
              <Controller
                control={form.control}
                name="publishAt"
                render={({ field }) => (
                  <DateTimeField
                    label={t('notices.form.publishAt')}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    name={field.name}
                    error={fieldErrorText(errors.publishAt)}
                  />
                )}
              />
            ) : null}
            <Group justify="flex-end">
              <Button
                variant="default"
                component={Link}
                to={notice ? `/notices/${notice.id}` : '/notices'}
              >
                {t('notices.form.cancel')}
              </Button>
              <Button type="submit" loading={pending} data-testid="notice-submit">
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </Paper>
    </form>
  )
}
