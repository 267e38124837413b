import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Textarea,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { maintenanceUpdateSchema, type Maintenance } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  applyFieldErrors,
  formatDateTime,
  fromJstInputValue,
  isShownOnFields,
  maintenanceQueries,
  toJstInputValue,
  useFieldErrorText,
  useFocusWhenEnabled,
  useFormDraft,
  useTranslation,
  useUnsavedChangesGuard,
  zodIssueToMessage,
  type MessageRef,
  DateTimeField,
} from '@yoryo/ui'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { z } from 'zod'
import { useUpdateMaintenance } from '../api.ts'

/** The form edits the end time as JST `yyyy-MM-ddTHH:mm` (`DateTimeField`); it becomes ISO on saving. */
const formSchema = maintenanceUpdateSchema
  .pick({ active: true, messageJa: true, messageEn: true })
  .extend({
    endsAt: z.string().refine((value) => value === '' || fromJstInputValue(value) !== null),
  })
type FormSchema = typeof formSchema
const FIELDS = ['active', 'messageJa', 'messageEn', 'endsAt'] as const

function CurrentStatus({ maintenance }: { maintenance: Maintenance }) {
  const { t } = useTranslation()
  return (
    <dl className="yoryo-dl">
      <div className="yoryo-dl-row">
        <dt>{t('maintenanceMode.currentStatus')}</dt>
        <dd>
          <Badge
            variant="light"
            radius="sm"
            color={maintenance.active ? 'orange' : 'green'}
            data-testid="maintenance-status"
          >
            {maintenance.active
              ? t('maintenanceMode.statusActive')
              : t('maintenanceMode.statusInactive')}
          </Badge>
        </dd>
      </div>
      <div className="yoryo-dl-row">
        <dt>{t('maintenanceMode.currentEndsAt')}</dt>
        <dd>
          {maintenance.endsAt
            ? t('common.jstDateTime', { value: formatDateTime(maintenance.endsAt) })
            : t('common.notSet')}
        </dd>
      </div>
    </dl>
  )
}

function MaintenanceForm({
  maintenance,
  onSaved,
}: {
  maintenance: Maintenance & { version?: number }
  onSaved: (notice: MessageRef) => void
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const update = useUpdateMaintenance()
  const form = useForm<z.input<FormSchema>, unknown, z.output<FormSchema>>({
    resolver: zodResolver(formSchema, { error: zodIssueToMessage }),
    defaultValues: {
      active: maintenance.active,
      messageJa: maintenance.messageJa,
      messageEn: maintenance.messageEn,
      endsAt: toJstInputValue(maintenance.endsAt),
    },
  })
  const { errors } = form.formState
  const busy = update.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  // Unsaved input: confirm before leaving, kept across a re-login after the session expired.
  const draft = useFormDraft('maintenance', form)
  const leaveGuard = useUnsavedChangesGuard(form.formState.isDirty, { onDiscard: draft.clear })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({
        active: values.active,
        messageJa: values.messageJa,
        messageEn: values.messageEn,
        endsAt: values.endsAt ? fromJstInputValue(values.endsAt) : null,
        version: maintenance.version,
      })
      form.reset(values)
      draft.clear()
      onSaved({ id: values.active ? 'I-SYSTEM-001' : 'I-SYSTEM-002' })
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })

  const error = update.error
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <form onSubmit={onSubmit} noValidate data-testid="maintenance-form">
      {leaveGuard}
      <fieldset disabled={busy} className="yoryo-fieldset">
        <Stack gap="sm">
          {draft.restored ? (
            <Alert color="blue" variant="light" data-testid="draft-restored">
              {t('unsaved.draftRestored')}
            </Alert>
          ) : null}
          {showError ? <ApiErrorAlert error={error} /> : null}
          <Controller
            control={form.control}
            name="active"
            render={({ field }) => (
              <Switch
                label={t('maintenanceMode.active')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                size="md"
              />
            )}
          />
          <Textarea
            label={t('maintenanceMode.messageJa')}
            autosize
            minRows={3}
            maxRows={6}
            maxLength={500}
            lang="ja"
            {...form.register('messageJa')}
            error={fieldErrorText(errors.messageJa)}
          />
          <Textarea
            label={t('maintenanceMode.messageEn')}
            autosize
            minRows={3}
            maxRows={6}
            maxLength={500}
            lang="en"
            {...form.register('messageEn')}
            error={fieldErrorText(errors.messageEn)}
          />
          <Controller
            control={form.control}
            name="endsAt"
            render={({ field }) => (
              <DateTimeField
                label={t('maintenanceMode.endsAt')}
                description={t('maintenanceMode.endsAtHint')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldErrorText(errors.endsAt)}
              />
            )}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('maintenanceMode.submit')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  )
}

/** 010 メンテナンスモード設定 (operator only): switch maintenance on or off with notice and end time. */
export function MaintenanceModePage() {
  const { t } = useTranslation()
  const status = useQuery(maintenanceQueries.status())
  const [notice, setNotice] = useState<MessageRef | null>(null)

  return (
    <Page
      functionCode="010"
      title={t('functions.maintenance')}
      description={t('maintenanceMode.description')}
      maxWidth={760}
    >
      <Stack gap="md">
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} />
        ) : null}
        {status.error ? <ApiErrorAlert error={status.error} /> : null}
        <Paper withBorder p="md" className="yoryo-panel">
          {status.data ? <CurrentStatus maintenance={status.data} /> : <Skeleton h={58} />}
        </Paper>
        <Paper
          withBorder
          p="md"
          className="yoryo-panel"
          component="section"
          aria-labelledby="maintenance-settings-title"
        >
          <Title order={2} id="maintenance-settings-title" className="yoryo-section-title" mb="sm">
            {t('maintenanceMode.settings')}
          </Title>
          {status.data ? (
            <MaintenanceForm maintenance={status.data} onSaved={(saved) => setNotice(saved)} />
          ) : (
            <Stack gap="sm">
              <Skeleton h={24} w={240} />
              <Skeleton h={96} />
              <Skeleton h={96} />
              <Skeleton h={60} w={260} />
            </Stack>
          )}
        </Paper>
      </Stack>
    </Page>
  )
}
