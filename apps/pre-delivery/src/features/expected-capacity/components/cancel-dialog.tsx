import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { cancelApplicationSchema, type Application, type ExpectedCapacity } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  withoutProposedPrefix,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { useFileExpectedCapacityApplication } from '../api.ts'

type Input = z.input<typeof cancelApplicationSchema>
const FIELDS = ['reason'] as const

/** 廃止申込 of an expected capacity: the reason, then the application is filed. */
export function ExpectedCapacityCancelDialog({
  record,
  opened,
  onClose,
  onFiled,
}: {
  record: ExpectedCapacity
  opened: boolean
  onClose: () => void
  onFiled: (application: Application) => void
}) {
  const { t } = useTranslation()
  const file = useFileExpectedCapacityApplication()
  const fieldErrorText = useFieldErrorText()
  const form = useForm<Input, unknown, z.output<typeof cancelApplicationSchema>>({
    resolver: zodResolver(cancelApplicationSchema, { error: zodIssueToMessage }),
    defaultValues: { reason: '' },
  })
  const busy = file.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const submit = form.handleSubmit(async (proposed) => {
    try {
      onFiled(await file.mutateAsync({ kind: 'cancel', record, proposed }))
    } catch (error) {
      applyFieldErrors(withoutProposedPrefix(error), form.setError, FIELDS, focusField)
    }
  })
  const error = file.error ? withoutProposedPrefix(file.error) : null
  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      title={<Text fw={700}>{t('expectedCapacity.cancel.title')}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="ec-cancel-form">
        <Stack gap="md">
          <Text fz="sm">
            {record.resource.code} {record.resource.name} ·{' '}
            {t('expectedCapacity.fiscalYear', { year: record.deliveryYear })}
          </Text>
          <Textarea
            label={t('expectedCapacity.cancel.reason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            {...form.register('reason')}
            error={fieldErrorText(form.formState.errors.reason)}
          />
          {error && !isShownOnFields(error, FIELDS) ? <ApiErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('expectedCapacity.cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
