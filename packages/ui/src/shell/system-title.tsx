import { Anchor, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAppConfig } from '../app-config.tsx'

/** System name and the current app, shared by the shell header and the standalone screens. */
export function SystemTitle({ linkToPortal = false }: { linkToPortal?: boolean }) {
  const { t } = useTranslation()
  const { app } = useAppConfig()
  const name = (
    <Text span className="yoryo-system-name">
      {t('app.systemName')}
    </Text>
  )
  return (
    <Group gap="sm" wrap="nowrap" className="yoryo-system-title">
      <span className="yoryo-logo" aria-hidden="true" />
      {linkToPortal ? (
        <Anchor component={Link} to="/" underline="never" c="inherit">
          {name}
        </Anchor>
      ) : (
        name
      )}
      <Text span className="yoryo-app-name" data-testid="app-name">
        {t(`app.appName.${app}`)}
      </Text>
    </Group>
  )
}
