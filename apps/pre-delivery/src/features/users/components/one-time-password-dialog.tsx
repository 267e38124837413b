import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import type { UserWithPassword } from '@yoryo/contracts'
import {
  CheckIcon,
  CopyIcon,
  MessageAlert,
  WarningIcon,
  functionHref,
  useTranslation,
} from '@yoryo/ui'

export interface IssuedPassword extends UserWithPassword {
  /** `create`: the initial password of a new user; `reissue`: a new password. */
  kind: 'create' | 'reissue'
}

/**
 * The one-time password of a new user (I-USER-001) or of a reissue (I-USER-005), shown once with
 * a copy button. It closes only by its buttons: a stray click outside must not lose it.
 */
export function OneTimePasswordDialog({
  issued,
  onClose,
}: {
  issued: IssuedPassword | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const created = issued?.kind === 'create'
  return (
    <Modal
      opened={issued !== null}
      onClose={onClose}
      title={
        <Text fw={700}>
          {created ? t('users.password.createdTitle') : t('users.password.reissuedTitle')}
        </Text>
      }
      size="lg"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {issued ? (
        <Stack gap="md" data-testid="one-time-password">
          <MessageAlert id={created ? 'I-USER-001' : 'I-USER-005'} />
          <dl className="yoryo-dl">
            <div className="yoryo-dl-row">
              <dt>{t('users.password.participantCode')}</dt>
              <dd className="yoryo-code">{issued.user.participant.code}</dd>
            </div>
            <div className="yoryo-dl-row">
              <dt>{t('users.password.userId')}</dt>
              <dd className="yoryo-code" data-testid="one-time-password-user-id">
                {issued.user.userId}
              </dd>
            </div>
            <div className="yoryo-dl-row">
              <dt>{t('users.password.name')}</dt>
              <dd>{issued.user.name}</dd>
            </div>
          </dl>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={created ? t('users.password.initialLabel') : t('users.password.reissuedLabel')}
              value={issued.oneTimePassword}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              classNames={{ input: 'yoryo-code' }}
              style={{ flex: 1 }}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="one-time-password-value"
            />
            <CopyButton value={issued.oneTimePassword} timeout={2000}>
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
          <Group gap={8} wrap="nowrap" align="flex-start" c="orange.9">
            <WarningIcon size={16} style={{ flex: 'none', marginTop: 2 }} />
            <Stack gap={2}>
              <Text fz="sm" fw={700} className="yoryo-phrase">
                {t('users.password.onceNote')}
              </Text>
              <Text fz="sm" c="var(--mantine-color-text)" className="yoryo-phrase">
                {t('users.password.handOverNote')}
              </Text>
            </Stack>
          </Group>
          {created && issued.user.role === 'participantUser' ? (
            // A new general user has no rights yet (A40): say so, with the way to set them.
            <Alert color="blue" variant="light" data-testid="rights-needed">
              <Text fz="sm">{t('users.password.rightsNote')}</Text>
              <Anchor href={functionHref('permissions', { user: issued.user.id })} fz="sm">
                {t('users.password.rightsLink')}
              </Anchor>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('users.password.close')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
