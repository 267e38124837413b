import type { z } from 'zod'
import {
  formatMessage,
  messageForIssue,
  type ApplicationKind,
  type EntityType,
  type FunctionGroupCode,
} from '@yoryo/contracts'
import type { DbTransaction } from '@yoryo/db'
import type { Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'

/** An application as a handler sees it: its proposed values parsed with the kind's schema. */
export interface FiledApplication<P> {
  id: string
  receiptNo: string
  kind: ApplicationKind
  /** The record changed or cancelled; null for a registration until approved. */
  entityId: string | null
  participantId: string | null
  proposed: P
  submittedAt: Date | null
  createdAt: Date
}

/** An application as stored: proposed values not yet parsed. */
export type StoredApplication = Omit<FiledApplication<unknown>, 'proposed'> & { proposed: unknown }

/** What approval produced. */
export interface Applied {
  entityId: string
  participantId: string
  /** Shown with the application (e.g. the issued participant code); never a secret. */
  result?: { [key: string]: string | number }
  /** Returned once to the operator, never stored. */
  oneTimePassword?: string
}

/** Where a check runs: the record concerned and the application itself. */
export interface CheckContext {
  entityId: string | null
  applicationId: string | null
}

/** A hook that runs in the transition's transaction. */
export type ApplicationHook<P> = (
  tx: DbTransaction,
  application: FiledApplication<P>,
  actor: Actor,
) => Promise<void>

/** One kind of application (register, change, cancel) of one kind of record. */
export interface KindDefinition<P> {
  /** The proposed values (a contract schema: the same validates the form). */
  schema: z.ZodType<P>
  /**
   * Checks beyond the schema (e.g. a number already registered), when filed, corrected and
   * approved; `applicationId` is the application itself (null while it is being filed).
   */
  check?(tx: DbTransaction, proposed: P, context: CheckContext): Promise<void>
  /**
   * The same checks for many applications filed at once (`createApplications`, bulk files),
   * with a few queries instead of one round of `check` per application; throws as `check`
   * does for the first that fails. None: `check` runs for each.
   */
  checkMany?(
    tx: DbTransaction,
    items: readonly { proposed: P; context: CheckContext }[],
  ): Promise<void>
  /** The applicant's name shown in lists. */
  applicantName?(proposed: P): string
  /** Applies an approved application to the master data, in the approval's transaction. It
   * must raise the record's version by exactly one (the workflow verifies it). */
  apply(tx: DbTransaction, application: FiledApplication<P>, actor: Actor): Promise<Applied>
  onReturn?: ApplicationHook<P>
  onReject?: ApplicationHook<P>
  onWithdraw?: ApplicationHook<P>
  /**
   * The window (`market_window.kind`) inside which the kind is accepted: submitting and
   * resubmitting outside it is refused (E-APP-004). None: accepted at any time. A function
   * decides by the proposed values (e.g. a change after the auction needs no window).
   */
  window?: string | ((proposed: P) => string | undefined)
  /**
   * The delivery year whose window applies (`market_window.delivery_year`): a window of the kind
   * for that year when there is one, else one for any year (none: every window of the kind).
   */
  windowYear?(
    tx: DbTransaction,
    proposed: P,
    context: { entityId: string | null },
  ): Promise<number | undefined>
  /** The document (PDF) the kind produces, e.g. 容量市場システム利用申込書 (701). */
  document?(application: FiledApplication<P>): Promise<Buffer>
}

/** What the workflow needs of one kind of reviewed record, typed by its schemas. */
export interface EntityHandlerDefinition<Register, Change, Cancel> {
  entityType: EntityType
  /** The function group (A40) whose view right reads and edit right files its applications. */
  functionGroup: FunctionGroupCode
  /** The record's current values (the difference view) and version (the lost-update guard). */
  current(tx: DbTransaction, entityId: string): Promise<{ values: unknown; version: number } | null>
  /**
   * `current` of many records in one query (`createApplications`, bulk change files); a record
   * not found is missing from the map. None: `current` runs for each.
   */
  currentMany?(
    tx: DbTransaction,
    entityIds: readonly string[],
  ): Promise<Map<string, { values: unknown; version: number }>>
  kinds: {
    register?: KindDefinition<Register>
    change?: KindDefinition<Change>
    cancel?: KindDefinition<Cancel>
  }
}

/** A kind definition with its proposed values' type erased: it parses what it is given. */
interface ErasedKind {
  parse(proposed: unknown): unknown
  check(tx: DbTransaction, proposed: unknown, context: CheckContext): Promise<void>
  /** `check` of many (the kind's `checkMany`, else `check` one after the other). */
  checkMany(
    tx: DbTransaction,
    items: readonly { proposed: unknown; context: CheckContext }[],
  ): Promise<void>
  applicantName(proposed: unknown): string
  apply(tx: DbTransaction, application: StoredApplication, actor: Actor): Promise<Applied>
  hook(
    name: 'onReturn' | 'onReject' | 'onWithdraw',
    tx: DbTransaction,
    application: StoredApplication,
    actor: Actor,
  ): Promise<void>
  /** The window the proposed values are accepted in (none: any time). */
  window(proposed: unknown): string | undefined
  windowYear(
    tx: DbTransaction,
    proposed: unknown,
    context: { entityId: string | null },
  ): Promise<number | undefined>
  document: ((application: StoredApplication) => Promise<Buffer>) | undefined
}

/** The handler the workflow uses: every method validates the stored values first. */
export interface EntityHandler {
  readonly entityType: EntityType
  readonly functionGroup: FunctionGroupCode
  current(tx: DbTransaction, entityId: string): Promise<{ values: unknown; version: number } | null>
  /** `current` of many records (a record not found is missing from the map). */
  currentMany(
    tx: DbTransaction,
    entityIds: readonly string[],
  ): Promise<Map<string, { values: unknown; version: number }>>
  /** The kind's definition; an unsupported kind answers 404. */
  kind(kind: ApplicationKind): ErasedKind
}

/** Validates with a contract schema; failures become field errors with message IDs. */
export function parseOrFieldErrors<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix: (string | number)[] = [],
): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  throw new AppError('E-COMMON-001', 400, {
    errors: parsed.error.issues.map((issue) => {
      const { messageId, params } = messageForIssue(issue as Parameters<typeof messageForIssue>[0])
      return {
        path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        messageId,
        message: formatMessage(messageId, 'ja', params),
        params,
      }
    }),
  })
}

function erase<P>(def: KindDefinition<P>): ErasedKind {
  // Stored values were validated when filed; parsing again gives them their type.
  const typed = (a: StoredApplication): FiledApplication<P> => ({
    ...a,
    proposed: def.schema.parse(a.proposed),
  })
  const render = def.document
  return {
    parse: (proposed) => parseOrFieldErrors(def.schema, proposed),
    check: async (tx, proposed, context) => {
      await def.check?.(tx, def.schema.parse(proposed), context)
    },
    checkMany: async (tx, items) => {
      if (!def.checkMany && !def.check) return
      const typedItems = items.map((i) => ({ ...i, proposed: def.schema.parse(i.proposed) }))
      if (def.checkMany) await def.checkMany(tx, typedItems)
      else if (def.check) {
        for (const i of typedItems) await def.check(tx, i.proposed, i.context)
      }
    },
    applicantName: (proposed) => {
      if (!def.applicantName) return ''
      const parsed = def.schema.safeParse(proposed)
      return parsed.success ? def.applicantName(parsed.data) : ''
    },
    apply: (tx, application, actor) => def.apply(tx, typed(application), actor),
    hook: async (name, tx, application, actor) => {
      await def[name]?.(tx, typed(application), actor)
    },
    window: (proposed) => {
      const w = def.window
      return typeof w === 'function' ? w(def.schema.parse(proposed)) : w
    },
    windowYear: async (tx, proposed, context) =>
      def.windowYear?.(tx, def.schema.parse(proposed), context),
    document: render ? (application) => render(typed(application)) : undefined,
  }
}

/**
 * Declares how one kind of record is reviewed: its function group, its current values and,
 * per application kind, the schema of the proposed values, how approval applies them and the
 * hooks, window and document. The record's module registers the result when the app is built
 * (`app.entityHandlers.register(...)`); the applications module never imports it.
 */
export function defineEntityHandler<Register, Change, Cancel>(
  def: EntityHandlerDefinition<Register, Change, Cancel>,
): EntityHandler {
  const kinds = new Map<ApplicationKind, ErasedKind>()
  if (def.kinds.register) kinds.set('register', erase(def.kinds.register))
  if (def.kinds.change) kinds.set('change', erase(def.kinds.change))
  if (def.kinds.cancel) kinds.set('cancel', erase(def.kinds.cancel))
  return {
    entityType: def.entityType,
    functionGroup: def.functionGroup,
    current: (tx, entityId) => def.current(tx, entityId),
    currentMany: async (tx, entityIds) => {
      const ids = [...new Set(entityIds)]
      if (def.currentMany) return ids.length ? def.currentMany(tx, ids) : new Map()
      const out = new Map<string, { values: unknown; version: number }>()
      for (const id of ids) {
        const found = await def.current(tx, id)
        if (found) out.set(id, found)
      }
      return out
    },
    kind(kind) {
      const found = kinds.get(kind)
      if (!found) throw new AppError('E-COMMON-002', 404)
      return found
    },
  }
}

/** The handlers of one app, by entity type. */
export class EntityHandlers {
  readonly #byType = new Map<EntityType, EntityHandler>()

  register(handler: EntityHandler): void {
    if (this.#byType.has(handler.entityType)) {
      throw new Error(`entity handler registered twice: ${handler.entityType}`)
    }
    this.#byType.set(handler.entityType, handler)
  }

  get(entityType: EntityType): EntityHandler {
    const handler = this.#byType.get(entityType)
    if (!handler) throw new AppError('E-COMMON-002', 404)
    return handler
  }

  all(): EntityHandler[] {
    return [...this.#byType.values()]
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every kind of reviewed record's handler; each module registers its own. */
    entityHandlers: EntityHandlers
  }
}
