import { useTranslation } from '@yoryo/ui'
import { useCallback } from 'react'

/** Entity types of the audit log with a label; others show as recorded. */
export const AUDIT_ENTITY_TYPES = [
  'application',
  'participant',
  'user',
  'clientCertificate',
  'permission',
  'apiToken',
  'maintenance',
] as const
type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]

const ACTIONS = {
  application: [
    'create',
    'update',
    'submit',
    'edit',
    'withdraw',
    'startReview',
    'return',
    'resubmit',
    'approve',
    'reject',
  ],
  participant: ['create', 'update', 'cancel'],
  user: ['create', 'update', 'cancel', 'unlock', 'reissuePassword', 'updatePermissions'],
  clientCertificate: ['create', 'import', 'revoke'],
} as const
type ActionGroup = keyof typeof ACTIONS

/** Suggestions for the action filter: each prefix (`user.`), then each known action. */
export const ACTION_SUGGESTIONS: string[] = (Object.keys(ACTIONS) as ActionGroup[]).flatMap(
  (group) => [`${group}.`, ...ACTIONS[group].map((name) => `${group}.${name}`)],
)

/** `user.create` → ユーザの登録; an action without a label → null (its code is shown alone). */
export function useAuditActionLabel(): (action: string) => string | null {
  const { t } = useTranslation()
  return useCallback(
    (action: string) => {
      const [group, name] = action.split('.')
      if (!group || !name || !(group in ACTIONS)) return null
      const names = ACTIONS[group as ActionGroup] as readonly string[]
      if (!names.includes(name)) return null
      return t(`auditLog.actions.${group}.${name}` as 'auditLog.actions.user.create')
    },
    [t],
  )
}

export function useAuditEntityLabel(): (entityType: string) => string {
  const { t } = useTranslation()
  return useCallback(
    (entityType: string) =>
      (AUDIT_ENTITY_TYPES as readonly string[]).includes(entityType)
        ? t(`auditLog.entityTypes.${entityType as AuditEntityType}`)
        : entityType,
    [t],
  )
}
