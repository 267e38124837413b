import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  participantProfileSchema,
  transitionResultSchema,
  type Application,
  type ParticipantProfile,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  apiFetch,
  applyFieldErrors,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useEffect, useMemo } from 'react'
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { z } from 'zod'
import { ProfileFields } from '../../participants/components/profile-fields.tsx'
import { PROFILE_FIELDS, profileOf } from '../../participants/profile.ts'
import { APPLICATIONS_PATH, applicationKeys, isConflict } from '../api.ts'
import { withoutProposedPrefix } from '../errors.ts'

/** Saves the corrected values, then (a returned application) resubmits them. */
function useCorrect(application: Application) {
  const queryClient = useQueryClient()
  const path = `${APPLICATIONS_PATH}/${encodeURIComponent(application.id)}`
  return useMutation({
    mutationFn: async (proposed: Record<string, unknown>) => {
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

export interface CorrectionPanelProps {
  application: Application
  onDone: (resubmitted: boolean) => void
  onCancel: () => void
}

/** 修正して再提出 of the participant's own change or cancellation application (030). */
export function CorrectionPanel(props: CorrectionPanelProps) {
  return props.application.kind === 'cancel' ? (
    <ReasonCorrection {...props} />
  ) : (
    <ProfileCorrection {...props} />
  )
}

type ProfileSchema = typeof participantProfileSchema
const PROFILE_FORM_FIELDS = PROFILE_FIELDS as readonly FieldPath<z.input<ProfileSchema>>[]

function ProfileCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const correct = useCorrect(application)
  const form = useForm<z.input<ProfileSchema>, unknown, ParticipantProfile>({
    resolver: zodResolver(participantProfileSchema, { error: zodIssueToMessage }),
    defaultValues: profileOf(application.proposed) as z.input<ProfileSchema>,
  })
  const busy = correct.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const { setFocus } = form
  useEffect(() => setFocus('name'), [setFocus])
  const values = useWatch({ control: form.control })
  const snapshot = application.current
  const current = useMemo(() => snapshot ?? {}, [snapshot])
  const changed = useMemo(
    () =>
      new Set(
        PROFILE_FIELDS.filter(
          (field) => (values[field] ?? '') !== ((current[field] as string | undefined) ?? ''),
        ),
      ),
    [values, current],
  )
  const onSubmit = form.handleSubmit(async (proposed) => {
    try {
      const updated = await correct.mutateAsync(proposed)
      onDone(updated.state === 'submitted')
    } catch (error) {
      applyFieldErrors(withoutProposedPrefix(error), form.setError, PROFILE_FORM_FIELDS, focusField)
    }
  })
  const error = correct.error ? withoutProposedPrefix(correct.error) : null
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate data-testid="application-correction">
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="lg">
            <Text fz="sm" fw={700} data-testid="correction-changed-count">
              {changed.size > 0
                ? t('participant.change.changedCount', { count: changed.size })
                : t('participant.change.noChanges')}
            </Text>
            <ProfileFields changed={changed} headingOrder={3} />
            {error && !isShownOnFields(error, PROFILE_FORM_FIELDS) ? (
              <ApiErrorAlert error={error} />
            ) : null}
            <CorrectionButtons application={application} busy={busy} onCancel={onCancel} />
          </Stack>
        </fieldset>
      </form>
    </FormProvider>
  )
}

const reasonSchema = z.object({ reason: z.string().trim().min(1).max(1000) })

function ReasonCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const correct = useCorrect(application)
  const form = useForm<z.input<typeof reasonSchema>, unknown, z.output<typeof reasonSchema>>({
    resolver: zodResolver(reasonSchema, { error: zodIssueToMessage }),
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
            label={t('participant.cancel.reason')}
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

function CorrectionButtons({
  application,
  busy,
  onCancel,
}: {
  application: Application
  busy: boolean
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between">
      <Button variant="default" onClick={onCancel}>
        {t('applications.cancelCorrect')}
      </Button>
      <Button type="submit" loading={busy}>
        {application.state === 'returned'
          ? t('applications.saveAndResubmit')
          : t('applications.saveDraft')}
      </Button>
    </Group>
  )
}
