import type {
  ApplicationKind,
  ApplicationState,
  ApplicationSummary,
  EntityType,
} from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
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

/** The target of an application (`entityType`), e.g. 事業者情報. */
export function useEntityTypeLabel(): (entityType: EntityType) => string {
  const { t } = useTranslation()
  return useCallback((entityType: EntityType) => t(`applications.entityType.${entityType}`), [t])
}

/** The name of an application: 容量市場システム利用申込, 事業者情報の変更申込, … */
export function useApplicationTitle(): (
  application: Pick<ApplicationSummary, 'entityType' | 'kind'>,
) => string {
  const { t } = useTranslation()
  return useCallback(
    ({ entityType, kind }) => t(`applications.kindTitle.${entityType}.${kind}`),
    [t],
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
