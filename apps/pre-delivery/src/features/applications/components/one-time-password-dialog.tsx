import { Alert, Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { CheckIcon, CopyIcon, WarningIcon, useTranslation, CopyField } from '@yoryo/ui'

export interface IssuedAdministrator {
  participantCode: string
  userId: string
  password: string
}

/**
 * After approving a system use application: the issued participant code, the administrator's
 * user ID and its one-time initial password, shown once, with copy buttons. It closes only by
 * its button, so the password is not lost by a stray click.
 */
export function OneTimePasswordDialog({
  issued,
  onClose,
}: {
  issued: IssuedAdministrator | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={issued !== null}
      onClose={onClose}
      title={<Text fw={700}>{t('applications.oneTimePassword.title')}</Text>}
      size="lg"
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {issued ? (
        <Stack gap="md" data-testid="one-time-password-dialog">
          <Alert variant="light" color="orange" icon={<WarningIcon size={18} />}>
            <Text fz="sm" c="var(--mantine-color-text)" className="yoryo-phrase">
              {t('applications.oneTimePassword.note')}
            </Text>
          </Alert>
          <CopyField
            label={t('applications.oneTimePassword.participantCode')}
            value={issued.participantCode}
            testId="issued-participant-code"
          />
          <CopyField
            label={t('applications.oneTimePassword.userId')}
            value={issued.userId}
            testId="issued-user-id"
          />
          <CopyField
            label={t('applications.oneTimePassword.password')}
            value={issued.password}
            testId="issued-password"
            autoFocus
          />
          <Group justify="space-between">
            <CopyButton
              value={t('applications.oneTimePassword.copyText', {
                participantCode: issued.participantCode,
                userId: issued.userId,
                password: issued.password,
              })}
              timeout={2000}
            >
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
                  onClick={copy}
                >
                  {copied ? t('common.copied') : t('applications.oneTimePassword.copyAll')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('applications.oneTimePassword.close')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
