import type { Application } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'
import { useCallback } from 'react'
import {
  ADMINISTRATOR_FIELDS,
  CODE_FIELDS,
  PROFILE_GROUPS,
  useProfileValueText,
  type ProfileGroup,
} from '../participants/profile.ts'

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Nested values by dotted path: `{ a: { b: 1 } }` → `[['a.b', 1]]`. */
export function flatten(value: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return isRecord(v) ? flatten(v, path) : [[path, v] as [string, unknown]]
  })
}

/**
 * The content of an application as groups of rows: for a registration all proposed values, for
 * a change the proposed beside the current values (changed rows marked, from the API's `diff`),
 * for a cancellation its reason. Records without labels of their own show their field paths.
 */
export function useApplicationContent(): (application: Application) => ContentGroup[] {
  const { t } = useTranslation()
  const valueText = useProfileValueText()
  return useCallback(
    (application: Application) => {
      const changedPaths = new Set(application.diff.map((d) => d.path))
      const groupTitle = (group: ProfileGroup) => t(`participant.sections.${group}`)
      if (application.entityType === 'participant') {
        const proposed = application.proposed
        if (application.kind === 'register') {
          const participant = isRecord(proposed.participant) ? proposed.participant : {}
          const administrator = isRecord(proposed.administrator) ? proposed.administrator : {}
          return [
            ...PROFILE_GROUPS.map(({ group, fields }) => ({
              key: group,
              title: groupTitle(group),
              rows: fields.map((field) => ({
                path: `participant.${field}`,
                label: t(`participant.fields.${field}`),
                current: '',
                proposed: valueText(field, participant[field]),
                changed: false,
                code: CODE_FIELDS.has(field),
              })),
            })),
            {
              key: 'administrator',
              title: t('systemUse.sections.administrator'),
              rows: ADMINISTRATOR_FIELDS.map((field) => ({
                path: `administrator.${field}`,
                label: t(`systemUse.administratorFields.${field}`),
                current: '',
                proposed: valueText(field, administrator[field]),
                changed: false,
                code: CODE_FIELDS.has(field),
              })),
            },
          ]
        }
        if (application.kind === 'change') {
          const current = application.current ?? {}
          return PROFILE_GROUPS.map(({ group, fields }) => ({
            key: group,
            title: groupTitle(group),
            rows: fields.map((field) => ({
              path: field,
              label: t(`participant.fields.${field}`),
              current: valueText(field, current[field]),
              proposed: valueText(field, proposed[field]),
              changed: changedPaths.has(field),
              code: CODE_FIELDS.has(field),
            })),
          }))
        }
        return [
          {
            key: 'cancel',
            title: t('applications.detail.content'),
            rows: [
              {
                path: 'reason',
                label: t('applications.detail.cancelReason'),
                current: '',
                proposed: valueText('reason', proposed.reason),
                changed: false,
                code: false,
              },
            ],
          },
        ]
      }
      // A kind of record without labels here yet: its fields by path.
      const current = new Map(flatten(application.current ?? {}))
      return [
        {
          key: 'all',
          title: t('applications.detail.content'),
          rows: flatten(application.proposed).map(([path, value]) => ({
            path,
            label: path,
            current: valueText(path, current.get(path)),
            proposed: valueText(path, value),
            changed: changedPaths.has(path),
            code: false,
          })),
        },
      ]
    },
    [t, valueText],
  )
}

/** Whether the application compares proposed with current values (a change). */
export function hasCurrentValues(application: Application): boolean {
  return application.kind === 'change' && application.current !== null
}
