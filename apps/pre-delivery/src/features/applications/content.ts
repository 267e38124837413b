import type { Application } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'
import { useCallback } from 'react'
import { applicationView } from './kinds.ts'

/** One row of the content of an application: the item, its current and proposed value. */
export interface ContentRow {
  path: string
  label: string
  current: string
  proposed: string
  changed: boolean
  code: boolean
}

/** A group of rows with its heading (基本情報, 連絡先, 支払先口座, 管理者ユーザ, …). */
export interface ContentGroup {
  key: string
  title: string
  rows: ContentRow[]
}

/** The content of an application as its record kind's view lays it out. */
export function useApplicationContent(): (application: Application) => ContentGroup[] {
  const { t } = useTranslation()
  return useCallback(
    (application: Application) =>
      applicationView(application.entityType).contentGroups(application, t),
    [t],
  )
}

/** Whether the application compares proposed with current values (a change). */
export function hasCurrentValues(application: Application): boolean {
  return application.kind === 'change' && application.current !== null
}
