import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import type { ApiTokenCreated } from '@yoryo/contracts'
import { CheckIcon, CopyIcon, MessageAlert, formatDateTime, useTranslation } from '@yoryo/ui'

/** The new token, shown once (I-AUTH-003) with a copy button. */
export function CreatedTokenDialog({
  token,
  onClose,
}: {
  token: ApiTokenCreated | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={<Text fw={700}>{t('apiTokens.createdTitle')}</Text>}
      size="lg"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {token ? (
        <Stack gap="md" data-testid="created-token">
          <MessageAlert id="I-AUTH-003" />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('apiTokens.tokenLabel')}
              value={token.token}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              classNames={{ input: 'yoryo-code' }}
              style={{ flex: 1 }}
              data-autofocus
              data-testid="created-token-value"
            />
            <CopyButton value={token.token} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
                  onClick={copy}
                  w={140}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text fz="sm" c="dimmed">
            {t('apiTokens.createdSummary', {
              name: token.name,
              expiresAt: formatDateTime(token.expiresAt),
            })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
