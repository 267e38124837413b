import type { ApplicationKind, ApplicationState, ApplicationSummary } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'
import { useCallback } from 'react'

/** Labels of the workflow that depend on data: kinds, targets, history actions. */

export const APPLICATION_STATES: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'inReview',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
]
export const APPLICATION_KINDS: readonly ApplicationKind[] = ['register', 'change', 'cancel']

/** States in which the applicant still has something to do or the operator is deciding. */
export const OPEN_STATES: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'inReview',
  'returned',
]

const KNOWN_ENTITY_TYPES = ['participant'] as const
type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number]

function isKnownEntityType(value: string): value is KnownEntityType {
  return (KNOWN_ENTITY_TYPES as readonly string[]).includes(value)
}

const HISTORY_ACTIONS = [
  'create',
  'submit',
  'edit',
  'update',
  'withdraw',
  'startReview',
  'return',
  'resubmit',
  'approve',
  'reject',
] as const
type HistoryAction = (typeof HISTORY_ACTIONS)[number]

/** The target of an application (`entityType`), e.g. 事業者情報; unknown types as they are. */
export function useEntityTypeLabel(): (entityType: string) => string {
  const { t } = useTranslation()
  return useCallback(
    (entityType: string) =>
      isKnownEntityType(entityType) ? t(`applications.entityType.${entityType}`) : entityType,
    [t],
  )
}

/** The name of an application: 容量市場システム利用申込, 事業者情報の変更申込, … */
export function useApplicationTitle(): (
  application: Pick<ApplicationSummary, 'entityType' | 'kind'>,
) => string {
  const { t } = useTranslation()
  const entityLabel = useEntityTypeLabel()
  return useCallback(
    ({ entityType, kind }) => {
      if (entityType === 'participant') {
        if (kind === 'register') return t('applications.kindTitle.participantRegister')
        if (kind === 'change') return t('applications.kindTitle.participantChange')
        return t('applications.kindTitle.participantCancel')
      }
      return `${entityLabel(entityType)}（${t(`applications.kind.${kind}`)}）`
    },
    [t, entityLabel],
  )
}

/** A history event's action (提出, 差戻し, …); unknown actions as they are. */
export function useHistoryActionLabel(): (action: string) => string {
  const { t } = useTranslation()
  return useCallback(
    (action: string) =>
      (HISTORY_ACTIONS as readonly string[]).includes(action)
        ? t(`applications.history.${action as HistoryAction}`)
        : action,
    [t],
  )
}
