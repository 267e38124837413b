import type { Role } from './roles.ts'

export type AppId = 'preDelivery' | 'delivery'

/**
 * A screen reachable from a SPA's menu, keyed by the manual's function code (functions.md).
 * The menu shows an entry only to the roles listed. Its label is the i18n key `functions.<key>`.
 */
export interface MenuEntry {
  key: string
  code: string
  app: AppId
  /** Path inside the SPA (the delivery SPA is mounted under /delivery/). */
  path: string
  roles: readonly Role[]
}

const everyone = ['operator', 'participantAdmin', 'participantUser', 'tso'] as const

export const menuEntries: readonly MenuEntry[] = [
  { key: 'portal', code: '010', app: 'preDelivery', path: '/', roles: everyone },
  { key: 'passwordChange', code: '010', app: 'preDelivery', path: '/password', roles: everyone },
  { key: 'apiTokens', code: '010', app: 'preDelivery', path: '/api-tokens', roles: everyone },
  {
    key: 'maintenance',
    code: '010',
    app: 'preDelivery',
    path: '/maintenance-mode',
    roles: ['operator'],
  },
  { key: 'messages', code: '600', app: 'preDelivery', path: '/messages', roles: everyone },
  { key: 'portal', code: 'A20', app: 'delivery', path: '/', roles: everyone },
  { key: 'attachments', code: 'A20', app: 'delivery', path: '/attachments', roles: everyone },
  { key: 'messages', code: 'G30', app: 'delivery', path: '/messages', roles: everyone },
]

export function menuFor(app: AppId, role: Role): MenuEntry[] {
  return menuEntries.filter((e) => e.app === app && e.roles.includes(role))
}
