import { AppShell, Box, Burger, Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation } from 'react-router'
import { useAppConfig } from '../app-config.tsx'
import { LogoutIcon, SwitchAppIcon } from '../components/icons.tsx'
import { LanguageSwitch } from '../i18n/language-switch.tsx'
import { useLanguage } from '../i18n/i18n.ts'
import { SessionExpiryWarning } from '../session/session-expiry.tsx'
import { useLogout, useSession } from '../session/session.ts'
import { HEADER_HEIGHT, NAVBAR_WIDTH } from './layout.ts'
import { SideMenu } from './side-menu.tsx'
import { SystemTitle } from './system-title.tsx'

/**
 * The shell of every logged-in screen: header (system, app, participant, user, language, other
 * app, logout), side menu by role, main area with a skip link target. Below the `sm` breakpoint
 * (phones, 390 px) the menu is a drawer behind a burger button, closed again on navigation, and
 * the identity and the other-app button move into it.
 */
export function AppLayout() {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const session = useSession()
  const config = useAppConfig()
  const logout = useLogout()
  const restricted = session.mustChangePassword
  // The mobile drawer stays open only on the screen it was opened on: navigating closes it.
  const { pathname } = useLocation()
  const [menuOpenedOn, setMenuOpenedOn] = useState<string | null>(null)
  const menuOpened = menuOpenedOn === pathname
  const participantName =
    language === 'en' && session.participant.nameEn
      ? session.participant.nameEn
      : session.participant.name

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{
        width: NAVBAR_WIDTH,
        breakpoint: 'sm',
        collapsed: { desktop: restricted, mobile: restricted || !menuOpened },
      }}
      padding="md"
      className="yoryo-shell"
    >
      <a href="#main-content" className="yoryo-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="yoryo-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          {/* The title keeps its width; the identity on the right truncates instead. */}
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {restricted ? null : (
              <Burger
                opened={menuOpened}
                onClick={() => setMenuOpenedOn(menuOpened ? null : pathname)}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('header.mainMenu')}
                aria-expanded={menuOpened}
                data-testid="menu-burger"
              />
            )}
            <SystemTitle linkToPortal={!restricted} />
          </Group>
          <Group gap="md" wrap="nowrap" miw={0} className="yoryo-header-actions">
            <Box className="yoryo-identity" data-testid="session-identity" visibleFrom="sm">
              <Text
                fz="xs"
                lh={1.35}
                truncate="end"
                title={`${session.participant.code} ${participantName}`}
              >
                <span className="yoryo-identity-label">{t('header.participant')}</span>
                <span data-testid="participant-code" className="yoryo-code">
                  {session.participant.code}
                </span>{' '}
                <span data-testid="participant-name">{participantName}</span>
              </Text>
              <Text
                fz="xs"
                lh={1.35}
                truncate="end"
                title={`${session.user.name} / ${t(`roles.${session.user.role}`)}`}
              >
                <span className="yoryo-identity-label">{t('header.user')}</span>
                <span data-testid="user-name">{session.user.name}</span>
                <span className="yoryo-identity-role" data-testid="user-role">
                  {t(`roles.${session.user.role}`)}
                </span>
              </Text>
            </Box>
            <LanguageSwitch />
            {restricted ? null : (
              <Button
                component="a"
                href={config.otherAppHref}
                variant="default"
                size="xs"
                leftSection={<SwitchAppIcon size={14} />}
                visibleFrom="sm"
              >
                {config.otherApp === 'delivery'
                  ? t('header.toDelivery')
                  : t('header.toPreDelivery')}
              </Button>
            )}
            <Button
              variant="subtle"
              size="xs"
              color="gray"
              leftSection={<LogoutIcon size={14} />}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
              visibleFrom={restricted ? undefined : 'sm'}
            >
              {t('header.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {restricted ? null : (
        <AppShell.Navbar p="sm" className="yoryo-navbar">
          <AppShell.Section grow className="yoryo-navbar-menu">
            <SideMenu app={config.app} role={session.user.role} permissions={session.permissions} />
          </AppShell.Section>
          <AppShell.Section hiddenFrom="sm" pt="sm" className="yoryo-navbar-mobile">
            <Text fz="xs" c="dimmed" data-testid="mobile-identity">
              {session.participant.code} {participantName} / {session.user.name}（
              {t(`roles.${session.user.role}`)}）
            </Text>
            <Button
              component="a"
              href={config.otherAppHref}
              variant="default"
              size="xs"
              mt="xs"
              fullWidth
              leftSection={<SwitchAppIcon size={14} />}
            >
              {config.otherApp === 'delivery' ? t('header.toDelivery') : t('header.toPreDelivery')}
            </Button>
            <Button
              variant="default"
              size="xs"
              mt="xs"
              fullWidth
              leftSection={<LogoutIcon size={14} />}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            >
              {t('header.logout')}
            </Button>
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" tabIndex={-1} className="yoryo-main">
        <Outlet />
      </AppShell.Main>
      <SessionExpiryWarning />
    </AppShell>
  )
}
