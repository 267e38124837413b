import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Stack, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { cancelApplicationSchema, transitionResultSchema, type Application } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { apiFetch } from '../api/api-fetch.ts'
import { applyFieldErrors, isShownOnFields } from '../api/form-errors.ts'
import { useFocusWhenEnabled } from '../forms/use-focus-when-enabled.ts'
import { zodIssueToMessage } from '../messages/message-ref.ts'
import { ApiErrorAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { APPLICATIONS_PATH, applicationKeys, isConflict } from './api.ts'
import { withoutProposedPrefix } from './errors.ts'

/** What every kind's correction panel is given by the application screen. */
export interface CorrectionPanelProps {
  application: Application
  onDone: (resubmitted: boolean) => void
  onCancel: () => void
}

/** Saves the corrected values, then (a returned application) resubmits them. */
export function useCorrect(application: Application) {
  const queryClient = useQueryClient()
  const path = `${APPLICATIONS_PATH}/${encodeURIComponent(application.id)}`
  return useMutation({
    mutationFn: async (proposed: object) => {
      const saved = await apiFetch<Application>(path, {
        method: 'PUT',
        body: { proposed, version: application.version },
      })
      queryClient.setQueryData(applicationKeys.detail(application.id), saved)
      if (saved.state !== 'returned') return saved
      const result = await apiFetch(`${path}/transitions/resubmit`, {
        method: 'POST',
        body: { comment: '', version: saved.version },
        schema: transitionResultSchema,
      })
      return result.application
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(applicationKeys.detail(updated.id), updated)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists() })
    },
    onError: (error) => {
      if (isConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: applicationKeys.detail(application.id) })
      }
    },
  })
}

export { withoutProposedPrefix }

export function CorrectionButtons({
  application,
  busy,
  onCancel,
  confirmStep = false,
}: {
  application: Application
  busy: boolean
  onCancel: () => void
  /** A 確認 step follows before resubmitting. */
  confirmStep?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between">
      <Button variant="default" onClick={onCancel}>
        {t('applications.cancelCorrect')}
      </Button>
      <Button type="submit" loading={busy}>
        {application.state !== 'returned'
          ? t('applications.saveDraft')
          : confirmStep
            ? t('applications.toConfirm')
            : t('applications.saveAndResubmit')}
      </Button>
    </Group>
  )
}

/** The correction of a cancellation (any kind of record): its reason. */
export function CancelReasonCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const correct = useCorrect(application)
  const form = useForm<
    z.input<typeof cancelApplicationSchema>,
    unknown,
    z.output<typeof cancelApplicationSchema>
  >({
    resolver: zodResolver(cancelApplicationSchema, { error: zodIssueToMessage }),
    defaultValues: {
      reason: typeof application.proposed.reason === 'string' ? application.proposed.reason : '',
    },
  })
  const busy = correct.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const onSubmit = form.handleSubmit(async (proposed) => {
    try {
      const updated = await correct.mutateAsync(proposed)
      onDone(updated.state === 'submitted')
    } catch (error) {
      applyFieldErrors(withoutProposedPrefix(error), form.setError, ['reason'] as const, focusField)
    }
  })
  const error = correct.error ? withoutProposedPrefix(correct.error) : null
  return (
    <form onSubmit={onSubmit} noValidate data-testid="application-correction">
      <fieldset disabled={busy} className="yoryo-fieldset">
        <Stack gap="md">
          <Textarea
            label={t('applications.detail.cancelReason')}
            required
            autosize
            minRows={4}
            maxRows={12}
            maxLength={1000}
            data-autofocus
            {...form.register('reason')}
            error={fieldErrorText(form.formState.errors.reason)}
          />
          {error && !isShownOnFields(error, ['reason']) ? <ApiErrorAlert error={error} /> : null}
          <CorrectionButtons application={application} busy={busy} onCancel={onCancel} />
        </Stack>
      </fieldset>
    </form>
  )
}
