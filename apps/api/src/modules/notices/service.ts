import type { FastifyInstance } from 'fastify'
import { nextNumber, type DbClient, type Prisma } from '@yoryo/db'
import {
  fiscalYearOf,
  noticeStateOf,
  NOTICE_PORTAL_LIMIT,
  type Notice,
  type NoticeInput,
  type NoticeListQuery,
  type NoticeReadMark,
  type NoticeState,
  type NoticeSummary,
  type NoticeUnread,
} from '@yoryo/contracts'
import { audit } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { containsText } from '../../lib/list.ts'
import type { Lang } from '../../lib/problem.ts'
import { fieldError, invalid, type Caller } from '../users/public.ts'

/**
 * おしらせ (A30). The operator writes notices (draft, scheduled or published at once), changes
 * them until withdrawn, and withdraws them. Every other user (participants' users and TSOs) sees
 * the published, not withdrawn notices addressed to them — `all`, or `participants` naming its
 * participant — and nothing else: any other notice is 404. Opening one sets the user's read mark.
 */

const isOperator = (auth: AuthContext) => auth.user.role === 'operator'

/** The notices a non-operator may see at `now`: published, not withdrawn, addressed to it. */
export function visibleTo(auth: AuthContext, now: Date): Prisma.NoticeWhereInput {
  if (isOperator(auth)) return {}
  return {
    withdrawnAt: null,
    publishAt: { lte: now },
    OR: [
      { audience: 'all' },
      { audience: 'participants', recipients: { some: { participantId: auth.participant.id } } },
    ],
  }
}

function stateWhere(state: NoticeState, now: Date): Prisma.NoticeWhereInput {
  switch (state) {
    case 'draft':
      return { withdrawnAt: null, publishAt: null }
    case 'scheduled':
      return { withdrawnAt: null, publishAt: { gt: now } }
    case 'published':
      return { withdrawnAt: null, publishAt: { lte: now } }
    case 'withdrawn':
      return { withdrawnAt: { not: null } }
  }
}

/** The filter of the list (A30), narrowed to what the caller may see. */
export function noticeListWhere(
  auth: AuthContext,
  query: NoticeListQuery,
  now = new Date(),
): Prisma.NoticeWhereInput {
  const and: Prisma.NoticeWhereInput[] = [visibleTo(auth, now)]
  if (query.q) {
    and.push({
      OR: [
        { title: containsText(query.q) },
        { body: containsText(query.q) },
        { noticeNo: containsText(query.q) },
      ],
    })
  }
  if (query.category) and.push({ category: query.category })
  if (isOperator(auth)) {
    if (query.state) and.push(stateWhere(query.state, now))
  } else if (query.unread === 'true') {
    and.push({ reads: { none: { userId: auth.user.id } } })
  }
  return { AND: and }
}

type Direction = 'asc' | 'desc'
export const noticeSort = {
  publishAt: (d: Direction) => ({ publishAt: { sort: d, nulls: d === 'desc' ? 'first' : 'last' } }),
  noticeNo: (d: Direction) => ({ noticeNo: d }),
  title: (d: Direction) => ({ title: d }),
  category: (d: Direction) => ({ category: d }),
  audience: (d: Direction) => ({ audience: d }),
  createdByName: (d: Direction) => ({ createdByName: d }),
} satisfies Record<string, (d: Direction) => Prisma.NoticeOrderByWithRelationInput>
export const noticeTieBreak: Prisma.NoticeOrderByWithRelationInput[] = [
  { createdAt: 'desc' },
  { id: 'asc' },
]

function includeFor(auth: AuthContext) {
  return {
    reads: { where: { userId: auth.user.id }, select: { readAt: true } },
    _count: { select: { reads: true, recipients: true } },
  } satisfies Prisma.NoticeInclude
}
type NoticeRow = Prisma.NoticeGetPayload<{ include: ReturnType<typeof includeFor> }>

function toSummary(auth: AuthContext, row: NoticeRow, now: Date): NoticeSummary {
  const operator = isOperator(auth)
  const readAt = row.reads[0]?.readAt ?? null
  return {
    id: row.id,
    noticeNo: row.noticeNo,
    title: row.title,
    category: row.category as NoticeSummary['category'],
    audience: row.audience as NoticeSummary['audience'],
    state: noticeStateOf(row, now),
    publishAt: row.publishAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    createdByName: row.createdByName,
    read: operator ? null : readAt !== null,
    readAt: operator ? null : (readAt?.toISOString() ?? null),
    readCount: operator ? row._count.reads : null,
    recipientCount: operator ? row._count.recipients : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function findNotices(
  app: FastifyInstance,
  auth: AuthContext,
  args: {
    where: Prisma.NoticeWhereInput
    orderBy: Prisma.NoticeOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<NoticeSummary[]> {
  const now = new Date()
  const rows = await app.db.notice.findMany({ ...args, include: includeFor(auth) })
  return rows.map((row) => toSummary(auth, row, now))
}

export function countNotices(app: FastifyInstance, where: Prisma.NoticeWhereInput) {
  return app.db.notice.count({ where })
}

/** One notice as the caller may see it; 404 when it may not. */
export async function getNotice(
  db: DbClient,
  auth: AuthContext,
  id: string,
  now = new Date(),
): Promise<Notice> {
  const row = await db.notice.findFirst({
    where: { AND: [{ id }, visibleTo(auth, now)] },
    include: {
      ...includeFor(auth),
      recipients: {
        select: { participant: { select: { id: true, code: true, name: true } } },
        orderBy: { participant: { code: 'asc' } },
      },
    },
  })
  if (!row) throw new AppError('E-COMMON-002', 404)
  return {
    ...toSummary(auth, row, now),
    body: row.body,
    participants: isOperator(auth) ? row.recipients.map((r) => r.participant) : [],
  }
}

/** The caller's unread notices for the delivery portal (none for the operator). */
export async function unreadNotices(
  app: FastifyInstance,
  auth: AuthContext,
): Promise<NoticeUnread> {
  if (isOperator(auth)) return { count: 0, items: [] }
  const now = new Date()
  const where: Prisma.NoticeWhereInput = {
    AND: [visibleTo(auth, now), { reads: { none: { userId: auth.user.id } } }],
  }
  const [count, rows] = await Promise.all([
    app.db.notice.count({ where }),
    app.db.notice.findMany({
      where,
      orderBy: [{ publishAt: 'desc' }, ...noticeTieBreak],
      take: NOTICE_PORTAL_LIMIT,
      include: includeFor(auth),
    }),
  ])
  return { count, items: rows.map((row) => toSummary(auth, row, now)) }
}

/** Sets the caller's read mark on a notice addressed to it (idempotent: the first time stays). */
export async function markRead(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
): Promise<NoticeReadMark> {
  if (isOperator(auth)) throw new AppError('E-COMMON-002', 404)
  const now = new Date()
  const visible = await app.db.notice.findFirst({
    where: { AND: [{ id }, visibleTo(auth, now)] },
    select: { id: true },
  })
  if (!visible) throw new AppError('E-COMMON-002', 404)
  const rows = await app.db.$queryRaw<{ read_at: Date }[]>`
    INSERT INTO notice_read (notice_id, user_id, read_at) VALUES (${id}::uuid, ${auth.user.id}::uuid, ${now})
    ON CONFLICT (notice_id, user_id) DO UPDATE SET read_at = notice_read.read_at
    RETURNING read_at`
  const readAt = rows[0]?.read_at ?? now
  return { id, read: true, readAt: new Date(readAt).toISOString() }
}

// ---- writes (operator) ----

/** The participants that may be addressed: active, not the operator; unknown ones are refused. */
async function recipientsOf(db: DbClient, input: NoticeInput): Promise<string[]> {
  if (input.audience !== 'participants') return []
  const ids = [...new Set(input.participantIds ?? [])]
  const rows = await db.participant.findMany({
    where: { id: { in: ids }, status: 'active', kind: { not: 'operator' } },
    select: { id: true },
  })
  const found = new Set(rows.map((r) => r.id))
  const missing = ids.filter((i) => !found.has(i))
  if (missing.length > 0) {
    const known = await db.participant.findMany({
      where: { id: { in: missing } },
      select: { code: true },
    })
    const codes = known.map((k) => k.code)
    throw new AppError('E-NTC-005', 400, {
      params: { codes: codes.length > 0 ? codes.join(', ') : '—' },
    })
  }
  return ids
}

/**
 * The publication time an input asks for, given the stored one (null for a new notice): `now`
 * keeps a time already passed, `at` must lie ahead unless unchanged, `draft` only before
 * publication.
 */
function publishAtOf(input: NoticeInput, stored: Date | null, now: Date, lang: Lang): Date | null {
  const published = stored !== null && stored.getTime() <= now.getTime()
  switch (input.publication) {
    case 'draft':
      if (published) throw new AppError('E-NTC-003', 409)
      return null
    case 'now':
      return published ? stored : now
    case 'at': {
      const at = new Date(input.publishAt as string)
      if (stored && at.getTime() === stored.getTime()) return stored
      if (at.getTime() <= now.getTime()) {
        throw invalid([fieldError(lang, ['publishAt'], 'E-NTC-002')])
      }
      return at
    }
  }
}

async function codesOf(db: DbClient, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db.participant.findMany({
    where: { id: { in: ids } },
    select: { code: true },
    orderBy: { code: 'asc' },
  })
  return rows.map((r) => r.code)
}

function loggable(
  n: {
    noticeNo: string
    title: string
    category: string
    audience: string
    publishAt: Date | null
    withdrawnAt?: Date | null
    version: number
  },
  participantCodes: string[],
) {
  return {
    noticeNo: n.noticeNo,
    title: n.title,
    category: n.category,
    audience: n.audience,
    participantCodes,
    publishAt: n.publishAt?.toISOString() ?? null,
    ...(n.withdrawnAt !== undefined ? { withdrawnAt: n.withdrawnAt?.toISOString() ?? null } : {}),
    version: n.version,
  }
}

export async function createNotice(
  app: FastifyInstance,
  { auth, actor, lang }: Caller,
  input: NoticeInput,
): Promise<string> {
  const now = new Date()
  const publishAt = publishAtOf(input, null, now, lang)
  return app.db.$transaction(async (tx) => {
    const participantIds = await recipientsOf(tx, input)
    const year = fiscalYearOf(now)
    const n = await nextNumber(tx, `notice:${year}`)
    const noticeNo = `N${year}-${String(n).padStart(6, '0')}`
    const created = await tx.notice.create({
      data: {
        noticeNo,
        title: input.title,
        body: input.body,
        category: input.category,
        audience: input.audience,
        publishAt,
        createdBy: auth.user.id,
        createdByName: auth.user.name,
        recipients: { create: participantIds.map((participantId) => ({ participantId })) },
      },
    })
    await audit(tx, actor, {
      action: 'notice.create',
      entityType: 'notice',
      entityId: created.id,
      participantId: null,
      after: loggable(created, await codesOf(tx, participantIds)),
    })
    return created.id
  })
}

/** The notice row locked for a write, checked against the version the caller saw. */
async function lockedNotice(tx: DbClient, id: string, version: number) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM notice WHERE id = ${id}::uuid FOR UPDATE`
  if (!locked) throw new AppError('E-COMMON-002', 404)
  const row = await tx.notice.findUniqueOrThrow({
    where: { id },
    include: { recipients: { select: { participantId: true } } },
  })
  if (row.withdrawnAt) throw new AppError('E-NTC-004', 409)
  if (row.version !== version) throw new AppError('E-COMMON-004', 409)
  return row
}

export async function changeNotice(
  app: FastifyInstance,
  { actor, lang }: Caller,
  id: string,
  input: NoticeInput,
  version: number,
): Promise<void> {
  const now = new Date()
  await app.db.$transaction(async (tx) => {
    const row = await lockedNotice(tx, id, version)
    const publishAt = publishAtOf(input, row.publishAt, now, lang)
    const participantIds = await recipientsOf(tx, input)
    const before = loggable(
      row,
      await codesOf(
        tx,
        row.recipients.map((r) => r.participantId),
      ),
    )
    await tx.noticeRecipient.deleteMany({ where: { noticeId: id } })
    const updated = await tx.notice.update({
      where: { id },
      data: {
        title: input.title,
        body: input.body,
        category: input.category,
        audience: input.audience,
        publishAt,
        version: { increment: 1 },
        recipients: { create: participantIds.map((participantId) => ({ participantId })) },
      },
    })
    await audit(tx, actor, {
      action: 'notice.update',
      entityType: 'notice',
      entityId: id,
      participantId: null,
      before,
      after: loggable(updated, await codesOf(tx, participantIds)),
    })
  })
}

export async function withdrawNotice(
  app: FastifyInstance,
  { actor }: Caller,
  id: string,
  version: number,
): Promise<void> {
  await app.db.$transaction(async (tx) => {
    const row = await lockedNotice(tx, id, version)
    const updated = await tx.notice.update({
      where: { id },
      data: { withdrawnAt: new Date(), version: { increment: 1 } },
    })
    await audit(tx, actor, {
      action: 'notice.withdraw',
      entityType: 'notice',
      entityId: id,
      participantId: null,
      before: { withdrawnAt: null, version: row.version },
      after: { withdrawnAt: updated.withdrawnAt?.toISOString() ?? null, version: updated.version },
    })
  })
}
