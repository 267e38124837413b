import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../messages/message-text.tsx'

export interface ConfirmDialogProps {
  opened: boolean
  title: string
  message: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onClose: () => void
  loading?: boolean
  /** Error of the confirmed action, shown inside the dialog. */
  error?: unknown
  danger?: boolean
}

/** A confirmation before a destructive action. Focus starts on キャンセル (the safe choice). */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  loading = false,
  error,
  danger = true,
}: ConfirmDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={loading ? () => undefined : onClose}
      title={<Text fw={700}>{title}</Text>}
      centered
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">{message}</Text>
        {error ? <ApiErrorAlert error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
