import { Button, CopyButton, Group, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CheckIcon, CopyIcon } from './icons.tsx'

/** A value to write down (receipt number, access key, initial password) with a copy button. */
export function CopyField({
  label,
  value,
  testId,
  autoFocus = false,
}: {
  label: string
  value: string
  testId?: string
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        classNames={{ input: 'yoryo-code' }}
        style={{ flex: 1 }}
        data-autofocus={autoFocus || undefined}
        data-testid={testId}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'default'}
            color={copied ? 'green' : undefined}
            leftSection={copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
            onClick={copy}
            w={140}
            aria-label={t('systemUse.copyValue', { label })}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  )
}
