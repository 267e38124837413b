import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { cancelApplicationSchema, type Application } from '@yoryo/contracts'
import type { ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { applyFieldErrors, isShownOnFields } from '../api/form-errors.ts'
import { useFocusWhenEnabled } from '../forms/use-focus-when-enabled.ts'
import { zodIssueToMessage } from '../messages/message-ref.ts'
import { ApiErrorAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { withoutProposedPrefix } from './errors.ts'

type Input = z.input<typeof cancelApplicationSchema>
type Proposed = z.output<typeof cancelApplicationSchema>
const FIELDS = ['reason'] as const

/**
 * 廃止申込 of a reviewed record (resource, expected capacity, …): the reason, then the
 * application is filed through the record kind's own mutation (`file`, `pending`, `error`).
 */
export function CancelApplicationDialog({
  title,
  description,
  reasonLabel,
  submitLabel,
  testId,
  opened,
  onClose,
  file,
  pending,
  error,
  onFiled,
}: {
  title: ReactNode
  /** Which record is cancelled (code, name, year). */
  description: ReactNode
  reasonLabel: string
  submitLabel: string
  testId: string
  opened: boolean
  onClose: () => void
  file: (proposed: Proposed) => Promise<Application>
  pending: boolean
  error: unknown
  onFiled: (application: Application) => void
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const form = useForm<Input, unknown, Proposed>({
    resolver: zodResolver(cancelApplicationSchema, { error: zodIssueToMessage }),
    defaultValues: { reason: '' },
  })
  const focusField = useFocusWhenEnabled(form.setFocus, pending)
  const submit = form.handleSubmit(async (proposed) => {
    try {
      onFiled(await file(proposed))
    } catch (failure) {
      applyFieldErrors(withoutProposedPrefix(failure), form.setError, FIELDS, focusField)
    }
  })
  const shown = error ? withoutProposedPrefix(error) : null
  return (
    <Modal
      opened={opened}
      onClose={pending ? () => undefined : onClose}
      title={<Text fw={700}>{title}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack gap="md">
          <Text fz="sm">{description}</Text>
          <Textarea
            label={reasonLabel}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            {...form.register('reason')}
            error={fieldErrorText(form.formState.errors.reason)}
          />
          {shown && !isShownOnFields(shown, FIELDS) ? <ApiErrorAlert error={shown} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
