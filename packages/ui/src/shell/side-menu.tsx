import { NavLink, Stack, Text } from '@mantine/core'
import {
  menuFor,
  type AppId,
  type MenuEntry,
  type MenuPermission,
  type Role,
} from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { functionGroupLabelKey, functionLabelKey } from '../i18n/keys.ts'

interface MenuGroup {
  code: string
  entries: MenuEntry[]
}

/**
 * Menu entries of `menuFor(app, role, permissions)`, grouped by function code in catalogue order.
 * `permissions` are the session's effective rights (A40).
 */
export function groupMenu(
  app: AppId,
  role: Role,
  permissions: readonly MenuPermission[] = [],
): MenuGroup[] {
  const groups: MenuGroup[] = []
  for (const entry of menuFor(app, role, permissions)) {
    const group = groups.find((g) => g.code === entry.code)
    if (group) group.entries.push(entry)
    else groups.push({ code: entry.code, entries: [entry] })
  }
  return groups
}

export function isActivePath(current: string, path: string): boolean {
  if (path === '/') return current === '/'
  return current === path || current.startsWith(`${path}/`)
}

/** The side menu: one section per function code, entries the role and the rights allow. */
export function SideMenu({
  app,
  role,
  permissions,
}: {
  app: AppId
  role: Role
  permissions: readonly MenuPermission[]
}) {
  const { t } = useTranslation()
  const location = useLocation()
  const groups = groupMenu(app, role, permissions)
  return (
    <nav aria-label={t('header.mainMenu')}>
      <Stack gap="md">
        {groups.map((group) => {
          const headingId = `menu-group-${group.code}`
          return (
            <section key={group.code} aria-labelledby={headingId}>
              <Text id={headingId} className="yoryo-menu-group" component="h2">
                <span className="yoryo-menu-code">{group.code}</span>
                {t(functionGroupLabelKey(group.code))}
              </Text>
              <ul className="yoryo-menu-list">
                {group.entries.map((entry) => {
                  const active = isActivePath(location.pathname, entry.path)
                  return (
                    <li key={`${entry.code}-${entry.key}`}>
                      <NavLink
                        component={Link}
                        to={entry.path}
                        label={t(functionLabelKey(entry.key))}
                        active={active}
                        aria-current={active ? 'page' : undefined}
                        variant="light"
                        className="yoryo-menu-link"
                      />
                    </li>
                  )
                })}
              </ul>
            </section>
          )
        })}
      </Stack>
    </nav>
  )
}
