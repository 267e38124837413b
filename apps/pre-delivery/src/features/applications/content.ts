import type { Application } from '@yoryo/contracts'
import { useApplicationViews, useTranslation, type ContentGroup } from '@yoryo/ui'
import { useCallback } from 'react'

/** The content of an application as its record kind's view lays it out. */
export function useApplicationContent(): (application: Application) => ContentGroup[] {
  const { t } = useTranslation()
  const viewOf = useApplicationViews()
  return useCallback(
    (application: Application) => viewOf(application.entityType).contentGroups(application, t),
    [t, viewOf],
  )
}

/** Whether the application compares proposed with current values (a change). */
export function hasCurrentValues(application: Application): boolean {
  return application.kind === 'change' && application.current !== null
}
