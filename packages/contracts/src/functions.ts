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
  /**
   * The function group (A40) the screen belongs to: a general user sees the entry only with at
   * least view on it. Administrators and the operator see every entry their role allows.
   */
  functionGroup?: FunctionGroupCode
}

/** What the menu needs of a right (`SessionUser.permissions`, `Permission` of A40). */
export interface MenuPermission {
  functionGroup: string
  canView: boolean
}

const everyone = ['operator', 'participantAdmin', 'participantUser', 'tso'] as const
const administrators = ['operator', 'participantAdmin'] as const

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
  { key: 'users', code: '020', app: 'preDelivery', path: '/users', roles: administrators },
  { key: 'auditLog', code: '020', app: 'preDelivery', path: '/audit-log', roles: administrators },
  {
    key: 'participant',
    code: '030',
    app: 'preDelivery',
    path: '/participant',
    roles: ['participantAdmin', 'participantUser'],
    functionGroup: '030',
  },
  {
    key: 'participants',
    code: '030',
    app: 'preDelivery',
    path: '/participants',
    roles: ['operator'],
  },
  {
    key: 'applications',
    code: '030',
    app: 'preDelivery',
    path: '/applications',
    roles: everyone,
    functionGroup: '030',
  },
  { key: 'messages', code: '600', app: 'preDelivery', path: '/messages', roles: everyone },
  {
    key: 'clientCertificates',
    code: '710',
    app: 'preDelivery',
    path: '/client-certificates',
    roles: administrators,
  },
  { key: 'portal', code: 'A20', app: 'delivery', path: '/', roles: everyone },
  { key: 'attachments', code: 'A20', app: 'delivery', path: '/attachments', roles: everyone },
  {
    key: 'permissions',
    code: 'A40',
    app: 'delivery',
    path: '/permissions',
    roles: ['participantAdmin'],
  },
  { key: 'messages', code: 'G30', app: 'delivery', path: '/messages', roles: everyone },
]

/** Whether a role sees every entry it is allowed, whatever its rights (A40). */
function seesAllGroups(role: Role): boolean {
  return role === 'operator' || role === 'participantAdmin'
}

/**
 * The entries of `entries` shown to a user: those of the app its role may use and, for an entry
 * of a function group, only with at least view on it (administrators and the operator: always).
 */
export function visibleMenuEntries(
  entries: readonly MenuEntry[],
  app: AppId,
  role: Role,
  permissions: readonly MenuPermission[],
): MenuEntry[] {
  const viewable = new Set(permissions.filter((p) => p.canView).map((p) => p.functionGroup))
  return entries.filter(
    (e) =>
      e.app === app &&
      e.roles.includes(role) &&
      (!e.functionGroup || seesAllGroups(role) || viewable.has(e.functionGroup)),
  )
}

/** The menu of a SPA for the session's role and effective rights (`SessionUser.permissions`). */
export function menuFor(
  app: AppId,
  role: Role,
  permissions: readonly MenuPermission[] = [],
): MenuEntry[] {
  return visibleMenuEntries(menuEntries, app, role, permissions)
}

/**
 * Function groups on which a participant administrator grants a general user view / edit
 * rights (A40). Administrators and the operator have every right. User management (020),
 * permissions (A40) and client certificates (710) are for administrators only and not grantable.
 */
export const functionGroups = [
  { code: '030', app: 'preDelivery', ja: '事業者情報管理', en: 'Participant information' },
  { code: '050', app: 'preDelivery', ja: '電源等情報管理', en: 'Resources' },
  { code: '070', app: 'preDelivery', ja: '期待容量情報管理', en: 'Expected capacity' },
  {
    code: '100',
    app: 'preDelivery',
    ja: '容量オークション参加資格情報管理',
    en: 'Auction qualification',
  },
  { code: '110', app: 'preDelivery', ja: '応札情報管理', en: 'Bids' },
  { code: '120', app: 'preDelivery', ja: '容量オークション結果管理', en: 'Auction results' },
  { code: '130', app: 'preDelivery', ja: '容量確保契約管理', en: 'Capacity contracts' },
  { code: '140', app: 'preDelivery', ja: '差替掲示板情報管理', en: 'Replacement board' },
  { code: '160', app: 'preDelivery', ja: '電源等差替情報管理', en: 'Resource replacement' },
  { code: '180', app: 'preDelivery', ja: '容量停止計画管理', en: 'Outage plans' },
  { code: '190', app: 'preDelivery', ja: 'ペナルティ要素情報管理', en: 'Penalty factors' },
  { code: '220', app: 'preDelivery', ja: '一括登録', en: 'Bulk registration' },
  { code: 'A30', app: 'delivery', ja: 'おしらせ', en: 'Notices' },
  { code: 'B00', app: 'delivery', ja: '容量停止計画', en: 'Outage plans (delivery year)' },
  { code: 'B10', app: 'delivery', ja: 'アセスメント算定諸元', en: 'Assessment parameters' },
  { code: 'B40', app: 'delivery', ja: 'アセスメント算定結果', en: 'Assessment results' },
  {
    code: 'B50',
    app: 'delivery',
    ja: '容量停止計画登録漏れ確認審査',
    en: 'Outage omission review',
  },
  { code: 'B60', app: 'delivery', ja: '発電量調整受電電力量', en: 'Metered generation' },
  {
    code: 'C00',
    app: 'delivery',
    ja: 'アセスメント算定結果(発動指令)',
    en: 'Dispatch-order assessment',
  },
  { code: 'D00', app: 'delivery', ja: 'ペナルティ対象', en: 'Penalty targets' },
  { code: 'E10', app: 'delivery', ja: '容量確保契約金額算定結果', en: 'Contract amounts' },
  { code: 'F00', app: 'delivery', ja: '支払通知・請求', en: 'Payment notices and invoices' },
  { code: 'G00', app: 'delivery', ja: '一括登録・変更', en: 'Bulk registration (delivery)' },
  {
    code: 'G50',
    app: 'delivery',
    ja: '電源承継・事業者統合・市場退出',
    en: 'Succession, merger, exit',
  },
] as const satisfies readonly { code: string; app: AppId; ja: string; en: string }[]

export type FunctionGroupCode = (typeof functionGroups)[number]['code']
export const functionGroupCodes = functionGroups.map((g) => g.code) as [
  FunctionGroupCode,
  ...FunctionGroupCode[],
]
