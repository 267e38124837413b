import type { Application, ApplicationKind, EntityType, FunctionGroupCode } from '@yoryo/contracts'
import type { TFunction } from '@yoryo/ui'
import type { ComponentType } from 'react'
import { participantApplicationView } from '../participants/application-view.tsx'
import type { CorrectionPanelProps } from './components/correction.tsx'
import type { ContentGroup } from './content.ts'

/** The translation function of the catalogue. */
export type Translate = TFunction

/**
 * How the SPA shows and corrects the applications of one kind of record. The generic
 * application screens (list, detail, review, correction) know nothing else about a record kind;
 * a new kind adds its entry to `applicationViews` (the compiler asks for one per `EntityType`),
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
  /** The label of a field by its path (`bankCode`, `participant.name`, `members[1].name`). */
  fieldLabel(path: string, t: Translate): string
  /** A value as shown (choices by their label). */
  valueText(path: string, value: unknown, t: Translate): string
  /** The correction panel of each kind the applicant may correct once returned or as a draft. */
  corrections: Partial<Record<ApplicationKind, ComponentType<CorrectionPanelProps>>>
  /** The kinds that produce a document (PDF, `GET /api/v1/applications/{id}/pdf`). */
  documents: readonly ApplicationKind[]
  /** What approval issued, as one line of the summary (e.g. the participant code). */
  issued?(application: Application, t: Translate): string | null
}

/** Every kind of record's view, by entity type. */
export const applicationViews: Record<EntityType, ApplicationView> = {
  participant: participantApplicationView,
}

export function applicationView(entityType: EntityType): ApplicationView {
  return applicationViews[entityType]
}
