import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { applicationTransitionSchema, applicationTransitions, rule } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

/** Transitions confirmed in this dialog (審査開始 needs no confirmation). */
export type DialogAction = 'return' | 'reject' | 'approve' | 'submit' | 'resubmit' | 'withdraw'

const FIELDS = ['comment'] as const

/** The comment of the contract's transition; optional unless returning or rejecting. */
const optionalComment = applicationTransitionSchema
  .pick({ comment: true })
  .extend({ comment: z.string().trim().max(1000) })
/** 差戻し・却下: the reason is required (E-APP-002), as the API checks. */
const requiredComment = optionalComment.extend({
  comment: z.string().trim().min(1, rule('E-APP-002')).max(1000),
})

export interface TransitionDialogProps {
  action: DialogAction | null
  /** What approving this application does, in the record kind's words (`ApplicationView`). */
  approveMessage?: string
  busy: boolean
  error: unknown
  onConfirm: (comment: string) => Promise<unknown>
  onClose: () => void
}

/**
 * Confirms one step of the workflow, with a comment that goes into the history: required when
 * returning or rejecting (the applicant reads it), optional otherwise.
 */
export function TransitionDialog(props: TransitionDialogProps) {
  const { t } = useTranslation()
  const { action, onClose, busy } = props
  return (
    <Modal
      opened={action !== null}
      onClose={busy ? () => undefined : onClose}
      title={action ? <Text fw={700}>{t(`applications.dialog.${action}.title`)}</Text> : null}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {action ? <TransitionForm key={action} {...props} action={action} /> : null}
    </Modal>
  )
}

function TransitionForm({
  action,
  approveMessage,
  busy,
  error,
  onConfirm,
  onClose,
}: TransitionDialogProps & { action: DialogAction }) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const required = applicationTransitions[action].comment
  const form = useForm<z.input<typeof optionalComment>, unknown, { comment: string }>({
    resolver: zodResolver(required ? requiredComment : optionalComment, {
      error: zodIssueToMessage,
    }),
    defaultValues: { comment: '' },
  })
  const { errors } = form.formState
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await onConfirm(values.comment)
    } catch (failure) {
      applyFieldErrors(failure, form.setError, FIELDS, focusField)
    }
  })
  const danger = action === 'reject' || action === 'withdraw'
  const message =
    action === 'approve' && approveMessage
      ? approveMessage
      : t(`applications.dialog.${action}.message`)
  return (
    <form onSubmit={onSubmit} noValidate data-testid="transition-form">
      <fieldset disabled={busy} className="yoryo-fieldset">
        <Stack gap="md">
          <Text fz="sm" className="yoryo-phrase">
            {message}
          </Text>
          {error && !isShownOnFields(error, FIELDS) ? <ApiErrorAlert error={error} /> : null}
          <Textarea
            label={
              required ? t('applications.dialog.comment') : t('applications.dialog.commentOptional')
            }
            description={required ? t('applications.dialog.commentRequiredHint') : undefined}
            required={required}
            autosize
            minRows={required ? 4 : 2}
            maxRows={10}
            maxLength={1000}
            data-autofocus={required || undefined}
            {...form.register('comment')}
            error={fieldErrorText(errors.comment)}
          />
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={onClose}
              disabled={busy}
              data-autofocus={!required || undefined}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={busy}>
              {t(`applications.dialog.${action}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  )
}
