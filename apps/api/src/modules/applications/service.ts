import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  applicationTransitions,
  diffValues,
  editableStates,
  entityTypeSchema,
  formatMessage,
  jstDayEnd,
  jstDayStart,
  reviewQueueStates,
  type Application,
  type ApplicationAction,
  type ApplicationKind,
  type ApplicationListQuery,
  type ApplicationState,
  type ApplicationSummary,
  type EntityType,
} from '@yoryo/contracts'
import { Prisma, type DbClient, type DbTransaction } from '@yoryo/db'
import { audit, loggableJson, loggedDiffers, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { sha256Hex } from '../../lib/crypto.ts'
import { AppError } from '../../lib/errors.ts'
import { hasPermission } from '../../lib/guards.ts'
import { containsText } from '../../lib/list.ts'
import type { Lang } from '../../lib/problem.ts'
import type { EntityHandler, EntityHandlers, StoredApplication } from './handler.ts'
import { assertWindowOpen } from './window.ts'

const include = {
  events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.ApplicationInclude

type Row = Prisma.ApplicationGetPayload<{ include: typeof include }>
type SummaryRow = Prisma.ApplicationGetPayload<object>

/** States in which the application may still be approved or changed. */
const openStates: readonly ApplicationState[] = ['draft', 'submitted', 'inReview', 'returned']

const STATE_LABEL = {
  ja: {
    draft: '下書き',
    submitted: '申込済',
    inReview: '審査中',
    returned: '差戻し',
    approved: '承認済',
    rejected: '却下',
    withdrawn: '取下げ',
  },
  en: {
    draft: 'draft',
    submitted: 'submitted',
    inReview: 'in review',
    returned: 'returned',
    approved: 'approved',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
  },
} as const

function stored(row: SummaryRow): StoredApplication {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    kind: row.kind,
    entityId: row.entityId,
    participantId: row.participantId,
    proposed: row.proposed,
    submittedAt: row.submittedAt,
    createdAt: row.createdAt,
  }
}

/** Values as stored in a JSON column (plain data: dates as ISO strings). */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}

/** A JSON column that holds an object, as the contract's shape. */
function jsonObject(value: Prisma.JsonValue | null): { [key: string]: unknown } | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null
}

const entityTypeOf = (row: SummaryRow): EntityType => entityTypeSchema.parse(row.entityType)

async function participantsById(db: DbClient, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))]
  const rows = wanted.length
    ? await db.participant.findMany({
        where: { id: { in: wanted } },
        select: { id: true, code: true, name: true },
      })
    : []
  return new Map(rows.map((p) => [p.id, p]))
}

function toSummary(
  handlers: EntityHandlers,
  row: SummaryRow,
  participants: Map<string, { id: string; code: string; name: string }>,
): ApplicationSummary {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    kind: row.kind,
    entityType: entityTypeOf(row),
    entityId: row.entityId,
    participant: (row.participantId && participants.get(row.participantId)) || null,
    // The kind's name for the applicant, else the applying participant (e.g. resources).
    applicantName:
      handlers.get(entityTypeOf(row)).kind(row.kind).applicantName(row.proposed) ||
      (row.participantId ? (participants.get(row.participantId)?.name ?? '') : ''),
    state: row.state,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }
}

export async function toApplication(
  db: DbClient,
  handlers: EntityHandlers,
  row: Row,
): Promise<Application> {
  const participants = await participantsById(db, [row.participantId])
  const proposed = jsonObject(row.proposed) ?? {}
  const current = jsonObject(row.current)
  const returned = jsonObject(row.returnedProposed)
  let stale = false
  if (row.baseVersion !== null && row.entityId && openStates.includes(row.state)) {
    const now = await handlers.get(entityTypeOf(row)).current(db, row.entityId)
    stale = now?.version !== row.baseVersion
  }
  return {
    ...toSummary(handlers, row, participants),
    proposed,
    current,
    diff: diffValues(current, proposed),
    baseVersion: row.baseVersion,
    stale,
    sinceReturned: returned ? diffValues(returned, proposed) : null,
    result: jsonObject(row.result),
    events: row.events.map((e) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorLabel: e.actorLabel,
      comment: e.comment,
      at: e.at.toISOString(),
    })),
  }
}

/** The applicant's name as lists show it: the kind's own, else the applying participant's name. */
async function applicantNameOf(
  tx: DbTransaction,
  kind: { applicantName(proposed: unknown): string },
  proposed: unknown,
  participantId: string | null,
): Promise<string> {
  const own = kind.applicantName(proposed)
  if (own || !participantId) return own
  const p = await tx.participant.findUnique({
    where: { id: participantId },
    select: { name: true },
  })
  return p?.name ?? ''
}

/** 受付番号: `A` + JST date + `-` + 5 random base-32 characters (unique). */
export function newReceiptNo(now: Date): string {
  return newReceiptNos(now, 1)[0] as string
}

/** `count` receipt numbers (random: they may repeat, the unique index decides). */
function newReceiptNos(now: Date, count: number): string[] {
  const jst = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
  const bytes = randomBytes(5 * count)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    let suffix = ''
    for (let j = 0; j < 5; j++) suffix += alphabet[(bytes[i * 5 + j] as number) % 32]
    out.push(`A${jst}-${suffix}`)
  }
  return out
}

/** Refuses the proposed values outside the kind's window (of their delivery year, if any). */
async function assertKindWindowOpen(
  tx: DbTransaction,
  kind: ReturnType<EntityHandler['kind']>,
  proposed: unknown,
  entityId: string | null,
  now: Date,
  lang: Lang,
): Promise<void> {
  const windowKind = kind.window(proposed)
  if (!windowKind) return
  const deliveryYear = await kind.windowYear(tx, proposed, { entityId })
  await assertWindowOpen(tx, windowKind, now, lang, deliveryYear)
}

/**
 * What filing an application checks before anything is written (`createApplication` runs it):
 * the proposed values against the kind's schema, the kind's checks and, when submitted, its
 * window. Throws the AppError the API answers; returns the parsed values. A bulk format runs it
 * per row to list every problem before it files anything.
 */
export async function checkApplication(
  tx: DbTransaction,
  handlers: EntityHandlers,
  input: {
    kind: ApplicationKind
    entityType: EntityType
    entityId: string | null
    proposed: unknown
    submit: boolean
    lang: Lang
  },
  now = new Date(),
): Promise<unknown> {
  const kind = handlers.get(input.entityType).kind(input.kind)
  const proposed = kind.parse(input.proposed)
  await kind.check(tx, proposed, { entityId: input.entityId, applicationId: null })
  if (input.submit) await assertKindWindowOpen(tx, kind, proposed, input.entityId, now, input.lang)
  return proposed
}

/**
 * Creates an application (draft, or submitted at once) with its first event and audit entry.
 * A change or cancellation records the record's version it is filed against.
 */
export async function createApplication(
  tx: DbTransaction,
  handlers: EntityHandlers,
  actor: Actor,
  input: {
    kind: ApplicationKind
    entityType: EntityType
    entityId: string | null
    participantId: string | null
    proposed: unknown
    submit: boolean
    accessKeyHash?: string
    lang: Lang
  },
): Promise<Row> {
  const handler = handlers.get(input.entityType)
  const kind = handler.kind(input.kind)
  const now = new Date()
  const proposed = await checkApplication(tx, handlers, input, now)
  const current = input.entityId ? await handler.current(tx, input.entityId) : null
  if (input.entityId && !current) throw new AppError('E-COMMON-002', 404)
  const state = input.submit ? 'submitted' : 'draft'
  const row = await tx.application.create({
    data: {
      receiptNo: newReceiptNo(now),
      kind: input.kind,
      entityType: input.entityType,
      entityId: input.entityId,
      participantId: input.participantId,
      state,
      proposed: toJson(proposed),
      applicantName: await applicantNameOf(tx, kind, proposed, input.participantId),
      current: current ? toJson(current.values) : Prisma.DbNull,
      baseVersion: current?.version ?? null,
      submittedAt: input.submit ? now : null,
      accessKeyHash: input.accessKeyHash ?? null,
      events: {
        create: {
          action: input.submit ? 'submit' : 'create',
          fromState: null,
          toState: state,
          actorUserId: actor.userId,
          actorLabel: actor.label,
        },
      },
    },
    include,
  })
  await audit(tx, actor, {
    action: 'application.create',
    entityType: 'application',
    entityId: row.id,
    participantId: row.participantId,
    after: {
      receiptNo: row.receiptNo,
      kind: row.kind,
      entityType: row.entityType,
      state,
      baseVersion: row.baseVersion,
      proposed,
    },
  })
  return row
}

/** One application of `createApplications`: what `createApplication` takes. */
export type ApplicationFiling = Parameters<typeof createApplication>[3]

/** An application filed by `createApplications`. */
export interface FiledReceipt {
  id: string
  receiptNo: string
}

/**
 * Files many applications at once (bulk files), writing exactly the rows `createApplication`
 * writes for each — the application, its first event and its audit entry — with a few
 * multi-row statements per call instead of a round of statements per application: the kind's
 * checks through `checkMany`, the records' current values through `currentMany`, each window
 * and participant name looked up once. All or nothing with the caller's transaction; the
 * first application that fails a check throws as `createApplication` would. Returns the
 * filed applications in the order given. One call sends all its applications as one statement:
 * pass up to about 1,000 at a time (the resource files do).
 */
export async function createApplications(
  tx: DbTransaction,
  handlers: EntityHandlers,
  actor: Actor,
  inputs: readonly ApplicationFiling[],
): Promise<FiledReceipt[]> {
  if (!inputs.length) return []
  const now = new Date()
  const kinds = inputs.map((i) => handlers.get(i.entityType).kind(i.kind))
  const proposed = inputs.map((input, n) => (kinds[n] as ErasedKindOf).parse(input.proposed))

  // Checks, per (record type, application kind): the kind's own, for all its applications.
  const groups = new Map<string, number[]>()
  inputs.forEach((input, n) => {
    const key = `${input.entityType}\u0000${input.kind}`
    const group = groups.get(key)
    if (group) group.push(n)
    else groups.set(key, [n])
  })
  for (const group of groups.values()) {
    const first = group[0] as number
    await (kinds[first] as ErasedKindOf).checkMany(
      tx,
      group.map((n) => ({
        proposed: proposed[n],
        context: { entityId: (inputs[n] as ApplicationFiling).entityId, applicationId: null },
      })),
    )
  }

  // Windows (of the delivery year where the kind names one): each one asked once.
  const windowsChecked = new Set<string>()
  for (const [n, input] of inputs.entries()) {
    const kind = kinds[n] as ErasedKindOf
    const windowKind = kind.window(proposed[n])
    if (!input.submit || !windowKind) continue
    const deliveryYear = await kind.windowYear(tx, proposed[n], { entityId: input.entityId })
    const key = `${windowKind}\u0000${deliveryYear ?? ''}`
    if (windowsChecked.has(key)) continue
    await assertWindowOpen(tx, windowKind, now, input.lang, deliveryYear)
    windowsChecked.add(key)
  }

  // The records' current values, per record type.
  const currents = new Map<string, { values: unknown; version: number }>()
  const idsByType = new Map<EntityType, string[]>()
  for (const input of inputs) {
    if (!input.entityId) continue
    const ids = idsByType.get(input.entityType)
    if (ids) ids.push(input.entityId)
    else idsByType.set(input.entityType, [input.entityId])
  }
  for (const [entityType, ids] of idsByType) {
    const found = await handlers.get(entityType).currentMany(tx, ids)
    for (const [id, current] of found) currents.set(`${entityType}\u0000${id}`, current)
  }
  const currentOf = (input: ApplicationFiling) =>
    input.entityId ? currents.get(`${input.entityType}\u0000${input.entityId}`) : undefined
  if (inputs.some((i) => i.entityId && !currentOf(i))) throw new AppError('E-COMMON-002', 404)

  const participants = await participantsById(
    tx,
    inputs.map((i) => i.participantId),
  )
  const receiptNos = newReceiptNos(now, inputs.length)
  const rows = inputs.map((input, n) => {
    const kind = kinds[n] as ErasedKindOf
    const current = currentOf(input)
    const state: ApplicationState = input.submit ? 'submitted' : 'draft'
    // The log hides secrets (`loggable`): its own copy where that changes the values, else none.
    const json = JSON.stringify(proposed[n])
    return {
      id: randomUUID(),
      receipt_no: receiptNos[n] as string,
      kind: input.kind,
      entity_type: input.entityType,
      entity_id: input.entityId,
      participant_id: input.participantId,
      state,
      proposed: proposed[n],
      applicant_name:
        kind.applicantName(proposed[n]) ||
        (input.participantId ? (participants.get(input.participantId)?.name ?? '') : ''),
      current: current ? current.values : null,
      base_version: current?.version ?? null,
      submit: input.submit,
      access_key_hash: input.accessKeyHash ?? null,
      logged: loggedDiffers(proposed[n], json)
        ? (JSON.parse(loggableJson(proposed[n]) as string) as unknown)
        : null,
    }
  })

  // One statement writes the applications, their first events and their audit entries; the
  // rows travel as one JSON text (no per-value escaping), the proposed values once (the audit
  // entry's own copy only where the log hides a secret). Receipt numbers are random: a row
  // whose number is taken (by another row of the call or an application of another
  // transaction) is skipped by the statement and drawn again.
  let pending = rows
  while (pending.length) {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      WITH a AS (
        INSERT INTO application (id, receipt_no, kind, entity_type, entity_id, participant_id,
          applicant_name, state, proposed, current, base_version, submitted_at, access_key_hash,
          updated_at)
        SELECT a.id, a.receipt_no, a.kind::application_kind, a.entity_type, a.entity_id,
          a.participant_id, a.applicant_name, a.state::application_state, a.proposed,
          a.current, a.base_version, CASE WHEN a.submit THEN ${now}::timestamptz END,
          a.access_key_hash, ${now}::timestamptz
        FROM json_to_recordset(${JSON.stringify(pending)}::json) AS a(id uuid, receipt_no text,
          kind text, entity_type text, entity_id text, participant_id uuid,
          applicant_name text, state text, proposed jsonb, current jsonb, base_version int,
          submit boolean, access_key_hash text)
        ON CONFLICT (receipt_no) DO NOTHING
        RETURNING id, receipt_no, kind, entity_type, participant_id, state, proposed, base_version
      ),
      logged AS (
        SELECT l.id, l.logged
        FROM json_to_recordset(${JSON.stringify(
          pending.filter((r) => r.logged).map((r) => ({ id: r.id, logged: r.logged })),
        )}::json) AS l(id uuid, logged jsonb)
      ),
      e AS (
        INSERT INTO application_event (id, application_id, action, from_state, to_state,
          actor_user_id, actor_label)
        SELECT gen_random_uuid(), a.id,
          CASE WHEN a.state = 'submitted' THEN 'submit' ELSE 'create' END, NULL, a.state,
          ${actor.userId}::uuid, ${actor.label}
        FROM a
      ),
      l AS (
        INSERT INTO audit_log (id, actor_user_id, actor_label, participant_id, action,
          entity_type, entity_id, before, after, request_id)
        SELECT gen_random_uuid(), ${actor.userId}::uuid, ${actor.label}, a.participant_id,
          'application.create', 'application', a.id::text, NULL,
          jsonb_build_object('receiptNo', a.receipt_no, 'kind', a.kind,
            'entityType', a.entity_type, 'state', a.state, 'baseVersion', a.base_version,
            'proposed', COALESCE(logged.logged, a.proposed)),
          ${actor.requestId}
        FROM a LEFT JOIN logged ON logged.id = a.id
      )
      SELECT id FROM a`
    const done = new Set(inserted.map((r) => r.id))
    pending = pending.filter((r) => !done.has(r.id))
    const again = newReceiptNos(now, pending.length)
    pending.forEach((r, n) => (r.receipt_no = again[n] as string))
  }
  return rows.map((r) => ({ id: r.id, receiptNo: r.receipt_no }))
}

type ErasedKindOf = ReturnType<ReturnType<EntityHandlers['get']>['kind']>

/**
 * The caller's view of an application: the operator sees all; a participant's user its own
 * participant's (another's answers 404), and only with the view right on the record kind's
 * function group (A40; 403 without).
 */
export async function loadVisible(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
): Promise<Row> {
  const row = await app.db.application.findUnique({ where: { id }, include })
  if (!row) throw new AppError('E-COMMON-002', 404)
  if (auth.user.role !== 'operator' && row.participantId !== auth.participant.id) {
    throw new AppError('E-COMMON-002', 404)
  }
  const handler = app.entityHandlers.get(entityTypeOf(row))
  if (!hasPermission(auth, handler.functionGroup, 'view')) throw new AppError('E-AUTH-005', 403)
  return row
}

/**
 * The application a public applicant (700) holds the access key of; anything else is 404
 * E-APP-006 (which of the two is wrong is not told). The key may be typed as shown, in groups
 * (`ABCD-EFGH-…`), in either case.
 */
export async function loadByAccessKey(db: DbClient, receiptNo: string, key: string): Promise<Row> {
  const row = await db.application.findUnique({ where: { receiptNo }, include })
  const normalised = key.replace(/[\s-]/g, '').toUpperCase()
  if (
    !row ||
    !row.accessKeyHash ||
    (row.accessKeyHash !== sha256Hex(key) && row.accessKeyHash !== sha256Hex(normalised))
  ) {
    throw new AppError('E-APP-006', 404)
  }
  return row
}

/**
 * An application as its public applicant sees it: who acted on the operator's side is shown as
 * `operator`, never a staff member's name.
 */
export function forPublicApplicant(application: Application): Application {
  return {
    ...application,
    events: application.events.map((e) => ({
      ...e,
      actorLabel: e.actorLabel === 'applicant' ? 'applicant' : 'operator',
    })),
  }
}

/** Who is taking a transition: a logged-in user, or a public applicant holding the key. */
export type TransitionCaller = { auth: AuthContext } | { publicApplicant: true }

function assertMayAct(
  handlers: EntityHandlers,
  caller: TransitionCaller,
  row: Row,
  action: ApplicationAction,
): void {
  const rule = applicationTransitions[action]
  if ('publicApplicant' in caller) {
    if (rule.by !== 'applicant') throw new AppError('E-AUTH-005', 403)
    return
  }
  const { auth } = caller
  if (rule.by === 'operator') {
    if (auth.user.role !== 'operator') throw new AppError('E-AUTH-005', 403)
    return
  }
  // Applicant actions: the applying participant's users with the edit right on the function.
  if (row.participantId !== auth.participant.id) {
    throw new AppError(
      auth.user.role === 'operator' ? 'E-AUTH-005' : 'E-COMMON-002',
      auth.user.role === 'operator' ? 403 : 404,
    )
  }
  const handler = handlers.get(entityTypeOf(row))
  if (!hasPermission(auth, handler.functionGroup, 'edit')) throw new AppError('E-AUTH-005', 403)
}

const HOOKS = { return: 'onReturn', reject: 'onReject', withdraw: 'onWithdraw' } as const

/**
 * One transition of the workflow, in one transaction: check who, check state and version,
 * change, record the event and the audit entry; approval applies the record atomically.
 * Of two operators approving at once exactly one succeeds (the version guard). Approval of a
 * change or cancellation whose record has moved on since it was submitted is refused
 * (E-APP-003): it must be returned and resubmitted against the record as it is.
 */
export async function transition(
  app: FastifyInstance,
  caller: TransitionCaller,
  actor: Actor,
  row: Row,
  action: ApplicationAction,
  input: { comment: string; version: number },
  lang: Lang,
): Promise<{ application: Application; oneTimePassword?: string }> {
  const handlers = app.entityHandlers
  const rule = applicationTransitions[action]
  assertMayAct(handlers, caller, row, action)
  if (!rule.from.includes(row.state)) {
    throw new AppError('E-APP-001', 409, { params: { state: STATE_LABEL[lang][row.state] } })
  }
  if (rule.comment && !input.comment) {
    throw new AppError('E-COMMON-001', 400, {
      errors: [
        { path: ['comment'], messageId: 'E-APP-002', message: formatMessage('E-APP-002', lang) },
      ],
    })
  }
  const handler = handlers.get(entityTypeOf(row))
  const kind = handler.kind(row.kind)
  return app.db.$transaction(async (tx) => {
    const now = new Date()
    const guarded = await tx.application.updateMany({
      where: { id: row.id, version: input.version, state: row.state },
      data: {
        state: rule.to,
        version: { increment: 1 },
        ...(action === 'submit' || action === 'resubmit' ? { submittedAt: now } : {}),
        ...(action === 'approve' || action === 'reject' ? { decidedAt: now } : {}),
        ...(action === 'return' ? { returnedProposed: toJson(row.proposed) } : {}),
      },
    })
    if (guarded.count === 0) {
      const fresh = await tx.application.findUnique({ where: { id: row.id } })
      if (fresh && fresh.state !== row.state) {
        throw new AppError('E-APP-001', 409, { params: { state: STATE_LABEL[lang][fresh.state] } })
      }
      throw new AppError('E-COMMON-004', 409)
    }
    let oneTimePassword: string | undefined
    let participantId = row.participantId
    if (action === 'submit' || action === 'resubmit') {
      await assertKindWindowOpen(tx, kind, row.proposed, row.entityId, now, lang)
      // The applicant submits against the record as it is now: the difference view compares
      // with it, and approval requires the record to be still at this version.
      const current = row.entityId ? await handler.current(tx, row.entityId) : null
      await tx.application.update({
        where: { id: row.id },
        data: {
          current: current ? toJson(current.values) : Prisma.DbNull,
          baseVersion: current?.version ?? null,
        },
      })
    }
    if (action === 'approve') {
      if (row.entityId && row.baseVersion !== null) {
        const before = await handler.current(tx, row.entityId)
        if (before?.version !== row.baseVersion) throw new AppError('E-APP-003', 409)
      }
      await kind.check(tx, row.proposed, { entityId: row.entityId, applicationId: row.id })
      const applied = await kind.apply(tx, stored(row), actor)
      if (row.entityId && row.baseVersion !== null) {
        // Another approval of the same record committed meanwhile: this one must not win.
        const after = await handler.current(tx, row.entityId)
        if (after?.version !== row.baseVersion + 1) throw new AppError('E-APP-003', 409)
      }
      oneTimePassword = applied.oneTimePassword
      participantId = applied.participantId
      await tx.application.update({
        where: { id: row.id },
        data: {
          entityId: applied.entityId,
          participantId: applied.participantId,
          result: applied.result ? toJson(applied.result) : Prisma.DbNull,
        },
      })
    }
    if (action === 'return' || action === 'reject' || action === 'withdraw') {
      await kind.hook(HOOKS[action], tx, stored(row), actor)
    }
    await tx.applicationEvent.create({
      data: {
        applicationId: row.id,
        action,
        fromState: row.state,
        toState: rule.to,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        comment: input.comment,
        at: now,
      },
    })
    await audit(tx, actor, {
      action: `application.${action}`,
      entityType: 'application',
      entityId: row.id,
      // An approved registration belongs to the participant it created.
      participantId,
      before: { state: row.state, version: row.version },
      after: { state: rule.to, version: row.version + 1, comment: input.comment },
    })
    const updated = await tx.application.findUniqueOrThrow({ where: { id: row.id }, include })
    return {
      application: await toApplication(tx, handlers, updated),
      ...(oneTimePassword ? { oneTimePassword } : {}),
    }
  })
}

/** Changes the proposed values while the application is a draft or returned. */
export async function updateProposed(
  app: FastifyInstance,
  caller: TransitionCaller,
  actor: Actor,
  row: Row,
  input: { proposed: unknown; version: number },
  lang: Lang,
): Promise<Application> {
  const handlers = app.entityHandlers
  assertMayAct(handlers, caller, row, 'submit')
  if (!editableStates.includes(row.state)) {
    throw new AppError('E-APP-001', 409, { params: { state: STATE_LABEL[lang][row.state] } })
  }
  const kind = handlers.get(entityTypeOf(row)).kind(row.kind)
  const proposed = kind.parse(input.proposed)
  return app.db.$transaction(async (tx) => {
    await kind.check(tx, proposed, { entityId: row.entityId, applicationId: row.id })
    const guarded = await tx.application.updateMany({
      where: { id: row.id, version: input.version, state: row.state },
      data: {
        proposed: toJson(proposed),
        applicantName: await applicantNameOf(tx, kind, proposed, row.participantId),
        version: { increment: 1 },
      },
    })
    if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
    await tx.applicationEvent.create({
      data: {
        applicationId: row.id,
        action: 'update',
        fromState: row.state,
        toState: row.state,
        actorUserId: actor.userId,
        actorLabel: actor.label,
      },
    })
    await audit(tx, actor, {
      action: 'application.update',
      entityType: 'application',
      entityId: row.id,
      participantId: row.participantId,
      before: { proposed: row.proposed, version: row.version },
      after: { proposed, version: row.version + 1 },
    })
    return toApplication(
      tx,
      handlers,
      await tx.application.findUniqueOrThrow({ where: { id: row.id }, include }),
    )
  })
}

/** The document (PDF) an application's kind produces; 404 when it produces none. */
export async function applicationDocument(
  handlers: EntityHandlers,
  row: Row,
): Promise<{ fileName: string; content: Buffer }> {
  const render = handlers.get(entityTypeOf(row)).kind(row.kind).document
  if (!render) throw new AppError('E-COMMON-002', 404)
  return { fileName: `${row.receiptNo}.pdf`, content: await render(stored(row)) }
}

/**
 * The filter of the application list (030), narrowed to what the caller may see: the operator
 * every participant, a participant its own, and only the kinds of record whose function group
 * the caller may view (A40; none: the list is empty).
 */
export function applicationListWhere(
  handlers: EntityHandlers,
  auth: AuthContext,
  query: ApplicationListQuery,
): Prisma.ApplicationWhereInput {
  const readable = handlers
    .all()
    .filter((h) => hasPermission(auth, h.functionGroup, 'view'))
    .map((h) => h.entityType)
    .filter((type) => !query.entityType || type === query.entityType)
  const and: Prisma.ApplicationWhereInput[] = [{ entityType: { in: readable } }]
  if (auth.user.role !== 'operator') and.push({ participantId: auth.participant.id })
  if (query.receiptNo) and.push({ receiptNo: containsText(query.receiptNo) })
  if (query.kind) and.push({ kind: query.kind })
  if (query.state === 'queue') and.push({ state: { in: [...reviewQueueStates] } })
  else if (query.state) and.push({ state: query.state })
  if (query.participantCode) and.push({ participant: { code: query.participantCode } })
  if (query.from) and.push({ submittedAt: { gte: jstDayStart(query.from) } })
  if (query.to) and.push({ submittedAt: { lt: jstDayEnd(query.to) } })
  return { AND: and }
}

/** One page of the list as the API shows it. */
export async function findApplicationSummaries(
  db: DbClient,
  handlers: EntityHandlers,
  args: {
    where: Prisma.ApplicationWhereInput
    orderBy: Prisma.ApplicationOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<ApplicationSummary[]> {
  const rows = await db.application.findMany(args)
  const participants = await participantsById(
    db,
    rows.map((r) => r.participantId),
  )
  return rows.map((r) => toSummary(handlers, r, participants))
}

/** Counts for the portal top: the operator's queue by state. */
export async function reviewQueueCounts(app: FastifyInstance) {
  const groups = await app.db.application.groupBy({
    by: ['state'],
    where: { state: { in: [...reviewQueueStates] } },
    _count: { _all: true },
  })
  return Object.fromEntries(groups.map((g) => [g.state, g._count._all])) as Record<string, number>
}
