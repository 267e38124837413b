import type {
  Application,
  ApplicationDiff,
  ApplicationKind,
  EntityType,
  FunctionGroupCode,
} from '@yoryo/contracts'
import type { TFunction } from 'i18next'
import { createContext, useCallback, useContext, type ComponentType, type ReactNode } from 'react'
import type { CorrectionPanelProps } from './correction.tsx'

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

/** The translation function of the catalogue. */
export type Translate = TFunction

/**
 * How the SPA shows and corrects the applications of one kind of record. The generic
 * application screens (list, detail, review, correction) know nothing else about a record kind;
 * a new kind adds its entry to the SPA's registry (`ApplicationViews`, composed where the SPA
 * builds its routes; the compiler asks for one per `EntityType`),
 * its titles to the catalogue (`applications.kindTitle.<entityType>.<kind>`,
 * `applications.entityType.<entityType>`).
 */
export interface ApplicationView {
  /** The function group (A40) whose edit right makes a participant's user an applicant. */
  functionGroup: FunctionGroupCode
  /**
   * The content as labelled field groups: all proposed values for a registration, proposed
   * beside current values for a change (the difference view; changed rows from `diff`).
   */
  contentGroups(application: Application, t: Translate): ContentGroup[]
  /**
   * The label of a field by its path (`bankCode`, `participant.name`, `members[1].name`); given
   * the difference, a list element added or removed as a whole may say so.
   */
  fieldLabel(path: string, t: Translate, change?: ApplicationDiff): string
  /** A value as shown (choices by their label). */
  valueText(path: string, value: unknown, t: Translate): string
  /** The correction panel of each kind the applicant may correct once returned or as a draft. */
  corrections: Partial<Record<ApplicationKind, ComponentType<CorrectionPanelProps>>>
  /** The kinds that produce a document (PDF, `GET /api/v1/applications/{id}/pdf`). */
  documents: readonly ApplicationKind[]
  /** What approving does, for the operator's confirmation (default: the generic message). */
  approveMessage?(application: Application, t: Translate): string
  /** What approval issued, as one line of the summary (e.g. the participant code). */
  issued?(application: Application, t: Translate): string | null
  /**
   * What the reviewer needs beside the content that the values alone do not say (e.g. how an
   * expected capacity is computed from the proposed values), shown below the content.
   */
  Extra?: ComponentType<{ application: Application }>
}

/** Every kind of record's view, by entity type. */
export type ApplicationViews = Record<EntityType, ApplicationView>

const ApplicationViewsContext = createContext<ApplicationViews | null>(null)

/**
 * Gives the screens below it the views of every kind of record. The SPA composes the registry
 * from its record features (the application features import none of them).
 */
export function ApplicationViewsProvider({
  views,
  children,
}: {
  views: ApplicationViews
  children: ReactNode
}) {
  return <ApplicationViewsContext value={views}>{children}</ApplicationViewsContext>
}

/** The view of a kind of record (from `ApplicationViewsProvider`). */
export function useApplicationViews(): (entityType: EntityType) => ApplicationView {
  const views = useContext(ApplicationViewsContext)
  if (!views) throw new Error('useApplicationViews needs an ApplicationViewsProvider')
  return useCallback((entityType: EntityType) => views[entityType], [views])
}
