import type { ApplicationKind } from '@yoryo/contracts'
import type { DbTransaction } from '@yoryo/db'
import type { Actor } from '../../lib/audit.ts'

/** An application as a handler sees it. */
export interface ApplicationRecord {
  id: string
  kind: ApplicationKind
  entityType: string
  entityId: string | null
  participantId: string | null
  proposed: Record<string, unknown>
}

/**
 * What the workflow needs to know about one kind of reviewed record. Each module that has
 * reviewed records (participants now; resources, expected capacity, … later) provides one.
 */
export interface EntityHandler {
  entityType: string
  /** The function group whose edit right a general user needs to apply (A40). */
  functionGroup: '030' | '050' | '070' | '160' | '180' | '190'
  /** Validates proposed values for a kind; throws AppError with field errors. */
  parse(kind: ApplicationKind, proposed: unknown): Record<string, unknown>
  /** The record's current values, for the difference view (change, cancel). */
  current(tx: DbTransaction, entityId: string): Promise<Record<string, unknown> | null>
  /** The applicant's name shown in lists. */
  applicantName(application: ApplicationRecord): string
  /** Applies an approved application to the master data, in the approval's transaction. */
  apply(
    tx: DbTransaction,
    application: ApplicationRecord,
    actor: Actor,
  ): Promise<{
    entityId: string
    participantId: string
    result?: Record<string, unknown>
    /** Returned once to the operator, never stored. */
    oneTimePassword?: string
  }>
}
