import { Alert, Text } from '@mantine/core'
import { InfoIcon, useTranslation } from '@yoryo/ui'

/** A short confirmation that an action went through (the state badge and history show it too). */
export function DoneNotice({ text, onClose }: { text: string; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      variant="light"
      color="navy"
      icon={<InfoIcon size={18} />}
      role="status"
      withCloseButton
      closeButtonLabel={t('common.dismiss')}
      onClose={onClose}
      data-testid="done-notice"
    >
      <Text fz="sm" c="var(--mantine-color-text)">
        {text}
      </Text>
    </Alert>
  )
}
