import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  applicationTransitions,
  editableStates,
  formatMessage,
  reviewQueueStates,
  type Application,
  type ApplicationAction,
  type ApplicationKind,
  type ApplicationListQuery,
  type ApplicationSummary,
} from '@yoryo/contracts'
import { Prisma, type DbClient, type DbTransaction } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { hasPermission } from '../../lib/guards.ts'
import type { Lang } from '../../lib/problem.ts'
import { diffValues } from './diff.ts'
import type { ApplicationRecord } from './handler.ts'
import { handlerFor } from './handlers.ts'

const include = {
  events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.ApplicationInclude

type Row = Prisma.ApplicationGetPayload<{ include: typeof include }>
type SummaryRow = Prisma.ApplicationGetPayload<object>

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

function record(row: SummaryRow): ApplicationRecord {
  return {
    id: row.id,
    kind: row.kind,
    entityType: row.entityType,
    entityId: row.entityId,
    participantId: row.participantId,
    proposed: row.proposed as Record<string, unknown>,
  }
}

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
  row: SummaryRow,
  participants: Map<string, { id: string; code: string; name: string }>,
): ApplicationSummary {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    kind: row.kind,
    entityType: row.entityType,
    entityId: row.entityId,
    participant: (row.participantId && participants.get(row.participantId)) || null,
    applicantName: handlerFor(row.entityType).applicantName(record(row)),
    state: row.state,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }
}

export async function toApplication(db: DbClient, row: Row): Promise<Application> {
  const participants = await participantsById(db, [row.participantId])
  const proposed = row.proposed as Record<string, unknown>
  const current = (row.current as Record<string, unknown> | null) ?? null
  return {
    ...toSummary(row, participants),
    proposed,
    current,
    diff: diffValues(current, proposed),
    result: (row.result as Record<string, unknown> | null) ?? null,
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

/** 受付番号: `A` + JST date + `-` + 5 random base-32 characters (unique). */
function newReceiptNo(now: Date): string {
  const jst = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
  const suffix = [...randomBytes(5)].map((b) => alphabet[b % 32]).join('')
  return `A${jst}-${suffix}`
}

/** Creates an application (draft, or submitted at once) with its first event and audit entry. */
export async function createApplication(
  tx: DbTransaction,
  actor: Actor,
  input: {
    kind: ApplicationKind
    entityType: string
    entityId: string | null
    participantId: string | null
    proposed: Record<string, unknown>
    submit: boolean
    accessKeyHash?: string
  },
): Promise<Row> {
  const handler = handlerFor(input.entityType)
  const proposed = handler.parse(input.kind, input.proposed)
  const now = new Date()
  const current = input.entityId ? await handler.current(tx, input.entityId) : null
  const state = input.submit ? 'submitted' : 'draft'
  const row = await tx.application.create({
    data: {
      receiptNo: newReceiptNo(now),
      kind: input.kind,
      entityType: input.entityType,
      entityId: input.entityId,
      participantId: input.participantId,
      state,
      proposed: proposed as Prisma.InputJsonValue,
      current: current ? (current as Prisma.InputJsonValue) : Prisma.DbNull,
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
      proposed,
    },
  })
  return row
}

/** The caller's view of an application: the operator sees all, a participant its own. */
export async function loadVisible(db: DbClient, auth: AuthContext, id: string): Promise<Row> {
  const row = await db.application.findUnique({ where: { id }, include })
  if (!row) throw new AppError('E-COMMON-002', 404)
  if (auth.user.role !== 'operator' && row.participantId !== auth.participant.id) {
    throw new AppError('E-COMMON-002', 404)
  }
  return row
}

/** Who is taking a transition: a logged-in user, or a public applicant holding the key. */
export type TransitionCaller = { auth: AuthContext } | { publicApplicant: true }

function assertMayAct(caller: TransitionCaller, row: Row, action: ApplicationAction): void {
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
  const handler = handlerFor(row.entityType)
  if (!hasPermission(auth, handler.functionGroup, 'edit')) throw new AppError('E-AUTH-005', 403)
}

/**
 * One transition of the workflow, in one transaction: check who, check state and version,
 * change, record the event and the audit entry; approval applies the record atomically.
 * Of two operators approving at once exactly one succeeds (the version guard).
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
  const rule = applicationTransitions[action]
  assertMayAct(caller, row, action)
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
  return app.db.$transaction(async (tx) => {
    const now = new Date()
    const guarded = await tx.application.updateMany({
      where: { id: row.id, version: input.version, state: row.state },
      data: {
        state: rule.to,
        version: { increment: 1 },
        ...(action === 'submit' || action === 'resubmit' ? { submittedAt: now } : {}),
        ...(action === 'approve' || action === 'reject' ? { decidedAt: now } : {}),
      },
    })
    if (guarded.count === 0) {
      const fresh = await tx.application.findUnique({ where: { id: row.id } })
      if (fresh && fresh.state !== row.state) {
        throw new AppError('E-APP-001', 409, { params: { state: STATE_LABEL[lang][fresh.state] } })
      }
      throw new AppError('E-COMMON-004', 409)
    }
    const handler = handlerFor(row.entityType)
    let oneTimePassword: string | undefined
    let participantId = row.participantId
    if (action === 'submit' || action === 'resubmit') {
      // The difference view compares with the record as it is when submitted.
      const current = row.entityId ? await handler.current(tx, row.entityId) : null
      await tx.application.update({
        where: { id: row.id },
        data: { current: current ? (current as Prisma.InputJsonValue) : Prisma.DbNull },
      })
    }
    if (action === 'approve') {
      const applied = await handler.apply(tx, record(row), actor)
      oneTimePassword = applied.oneTimePassword
      participantId = applied.participantId
      await tx.application.update({
        where: { id: row.id },
        data: {
          entityId: applied.entityId,
          participantId: applied.participantId,
          result: applied.result ? (applied.result as Prisma.InputJsonValue) : Prisma.DbNull,
        },
      })
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
      application: await toApplication(tx, updated),
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
  input: { proposed: Record<string, unknown>; version: number },
  lang: Lang,
): Promise<Application> {
  assertMayAct(caller, row, 'submit')
  if (!editableStates.includes(row.state)) {
    throw new AppError('E-APP-001', 409, { params: { state: STATE_LABEL[lang][row.state] } })
  }
  const handler = handlerFor(row.entityType)
  const proposed = handler.parse(row.kind, input.proposed)
  return app.db.$transaction(async (tx) => {
    const guarded = await tx.application.updateMany({
      where: { id: row.id, version: input.version, state: row.state },
      data: { proposed: proposed as Prisma.InputJsonValue, version: { increment: 1 } },
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
      await tx.application.findUniqueOrThrow({ where: { id: row.id }, include }),
    )
  })
}

/** JST calendar date → the UTC instant it starts. */
function jstDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`)
}

export async function listApplications(
  app: FastifyInstance,
  auth: AuthContext,
  query: ApplicationListQuery,
  order: { field: 'submittedAt' | 'createdAt' | 'receiptNo' | 'state'; direction: 'asc' | 'desc' },
  take: number,
  skip: number,
): Promise<{ items: ApplicationSummary[]; total: number }> {
  const where: Prisma.ApplicationWhereInput = {
    ...(auth.user.role === 'operator' ? {} : { participantId: auth.participant.id }),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.state === 'queue'
      ? { state: { in: [...reviewQueueStates] } }
      : query.state
        ? { state: query.state }
        : {}),
    ...(query.participantCode
      ? {
          participantId: {
            in: (
              await app.db.participant.findMany({
                where: { code: query.participantCode },
                select: { id: true },
              })
            ).map((p) => p.id),
          },
        }
      : {}),
    ...(query.from || query.to
      ? {
          submittedAt: {
            ...(query.from ? { gte: jstDayStart(query.from) } : {}),
            ...(query.to ? { lt: new Date(jstDayStart(query.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  }
  if (
    auth.user.role !== 'operator' &&
    query.participantCode &&
    query.participantCode !== auth.participant.code
  ) {
    return { items: [], total: 0 }
  }
  const [rows, total] = await Promise.all([
    app.db.application.findMany({
      where,
      orderBy: [
        order.field === 'submittedAt'
          ? { submittedAt: { sort: order.direction, nulls: 'last' } }
          : { [order.field]: order.direction },
        { id: 'asc' },
      ],
      take,
      skip,
    }),
    app.db.application.count({ where }),
  ])
  const participants = await participantsById(
    app.db,
    rows.map((r) => r.participantId),
  )
  return { items: rows.map((r) => toSummary(r, participants)), total }
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
