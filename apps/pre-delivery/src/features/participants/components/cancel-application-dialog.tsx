import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import type { Application, Participant } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
  withoutProposedPrefix,
} from '@yoryo/ui'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { useCancelApplication } from '../api.ts'

/** The proposed values of a cancellation, as the API validates them. */
const cancelSchema = z.object({ reason: z.string().trim().min(1).max(1000) })
const FIELDS = ['reason'] as const

/** 廃止申込: the reason, then the application is filed (and shown). */
export function CancelApplicationDialog({
  participant,
  opened,
  onClose,
  onFiled,
}: {
  participant: Participant
  opened: boolean
  onClose: () => void
  onFiled: (application: Application) => void
}) {
  const { t } = useTranslation()
  const cancel = useCancelApplication()
  return (
    <Modal
      opened={opened}
      onClose={cancel.isPending ? () => undefined : onClose}
      title={<Text fw={700}>{t('participant.cancel.title')}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? (
        <CancelForm
          busy={cancel.isPending}
          error={cancel.error}
          onClose={onClose}
          onSubmit={async (reason) => {
            const application = await cancel.mutateAsync({ participant, proposed: { reason } })
            onFiled(application)
          }}
        />
      ) : null}
    </Modal>
  )
}

function CancelForm({
  busy,
  error,
  onClose,
  onSubmit,
}: {
  busy: boolean
  error: unknown
  onClose: () => void
  onSubmit: (reason: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const form = useForm<z.input<typeof cancelSchema>, unknown, z.output<typeof cancelSchema>>({
    resolver: zodResolver(cancelSchema, { error: zodIssueToMessage }),
    defaultValues: { reason: '' },
  })
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values.reason)
    } catch (failure) {
      applyFieldErrors(withoutProposedPrefix(failure), form.setError, FIELDS, focusField)
    }
  })
  const shown = error ? withoutProposedPrefix(error) : null
  return (
    <form onSubmit={submit} noValidate data-testid="cancel-application-form">
      <fieldset disabled={busy} className="yoryo-fieldset">
        <Stack gap="md">
          <Text fz="sm" className="yoryo-phrase">
            {t('participant.cancel.message')}
          </Text>
          {shown && !isShownOnFields(shown, FIELDS) ? <ApiErrorAlert error={shown} /> : null}
          <Textarea
            label={t('participant.cancel.reason')}
            required
            autosize
            minRows={4}
            maxRows={10}
            maxLength={1000}
            data-autofocus
            {...form.register('reason')}
            error={fieldErrorText(form.formState.errors.reason)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('participant.cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  )
}
