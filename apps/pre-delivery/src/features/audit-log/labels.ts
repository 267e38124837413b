import {
  auditActionLabel,
  auditActionLabels,
  auditEntityTypeLabel,
  auditEntityTypeLabels,
  type AuditEntityType,
} from '@yoryo/contracts'
import { useLanguage, useTranslation } from '@yoryo/ui'
import { useCallback, useMemo } from 'react'

/** Entity types of the audit log with a label (contracts); others show as recorded. */
export const AUDIT_ENTITY_TYPES = Object.keys(auditEntityTypeLabels) as AuditEntityType[]

/** `user.create` → ユーザの登録; an action without a label → null (its code is shown). */
export function useAuditActionLabel(): (action: string) => string | null {
  const [lang] = useLanguage()
  return useCallback((action: string) => auditActionLabel(action, lang), [lang])
}

export function useAuditEntityLabel(): (entityType: string) => string {
  const [lang] = useLanguage()
  return useCallback((entityType: string) => auditEntityTypeLabel(entityType, lang), [lang])
}

/**
 * The choices of the operation filter, by record kind: every operation of a kind
 * (`user.` → ユーザ（すべて）), then each operation by its label.
 */
export function useAuditActionOptions(): {
  group: string
  items: { value: string; label: string }[]
}[] {
  const { t } = useTranslation()
  const [lang] = useLanguage()
  return useMemo(() => {
    const groups = new Map<string, string[]>()
    for (const action of Object.keys(auditActionLabels)) {
      const [group = ''] = action.split('.')
      groups.set(group, [...(groups.get(group) ?? []), action])
    }
    return [...groups].map(([group, actions]) => {
      const label = auditEntityTypeLabel(group, lang)
      return {
        group: label,
        items: [
          { value: `${group}.`, label: t('auditDetail.allOf', { label }) },
          ...actions.map((action) => ({
            value: action,
            label: auditActionLabel(action, lang) ?? action,
          })),
        ],
      }
    })
  }, [t, lang])
}
