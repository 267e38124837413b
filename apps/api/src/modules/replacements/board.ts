/**
 * 差替掲示板 (140): offers of replacement capacity and requests for it. Everyone logged in reads
 * the board (participants and the operator); participants post, edit and withdraw their own.
 * A posting is open until withdrawn or past `expiresAt` (expired: shown as such, no longer
 * editable). The contact field is the only contact channel.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  areaLabels,
  daysInMonth,
  fiscalYearEnd,
  formatJstDate,
  formatMessage,
  idParamSchema,
  jstDayEnd,
  jstToday,
  problemSchema,
  replacementPostingInputSchema,
  replacementPostingListQuerySchema,
  replacementPostingSchema,
  replacementPostingStatusLabels,
  replacementPostingTypeLabels,
  replacementPostingUpdateSchema,
  resourceKindLabels,
  replacementVersionSchema,
  deliveryYearOfMonth,
  type ReplacementPosting,
  type ReplacementPostingListQuery,
  type ReplacementPostingSortField,
  type ReplacementPostingStatus,
  type ReplacementPostingValues,
} from '@yoryo/contracts'
import type { Prisma, ReplacementPosting as PostingRow } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'

const tags = ['replacement-board', '140']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const OWN_ONLY = 'participants change and withdraw only their own postings (another’s: 403)'

type Row = PostingRow & { participant: { code: string; name: string } }
const include = {
  participant: { select: { code: true, name: true } },
} as const satisfies Prisma.ReplacementPostingInclude

export function postingStatus(
  row: Pick<PostingRow, 'withdrawnAt' | 'expiresAt'>,
  now: Date,
): ReplacementPostingStatus {
  if (row.withdrawnAt) return 'withdrawn'
  return row.expiresAt <= now ? 'expired' : 'open'
}

function toPosting(row: Row, now: Date): ReplacementPosting {
  return {
    id: row.id,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    postingType: row.postingType as ReplacementPosting['postingType'],
    area: row.area,
    kind: row.kind,
    kw: row.kw,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    deliveryYear: deliveryYearOfMonth(row.fromMonth),
    contact: row.contact,
    note: row.note,
    expiresAt: row.expiresAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    status: postingStatus(row, now),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * 掲載期限: the end (JST) of the day given, by default of the period's last month; not before
 * today, not after the end of the period's delivery year (E-RPL-004).
 */
export function postingExpiry(values: ReplacementPostingValues, now: Date): Date {
  const year = deliveryYearOfMonth(values.fromMonth)
  const lastDay = fiscalYearEnd(year)
  const day = values.expiresOn ?? `${values.toMonth}-${daysInMonth(values.toMonth)}`
  const expiresAt = jstDayEnd(day)
  if (expiresAt <= now || day > lastDay) {
    const params = { today: formatJstDate(jstToday(now)), max: formatJstDate(lastDay) }
    throw new AppError('E-COMMON-001', 400, {
      errors: [
        {
          path: ['expiresOn'],
          messageId: 'E-RPL-004',
          message: formatMessage('E-RPL-004', 'ja', params),
          params,
        },
      ],
    })
  }
  return expiresAt
}

type Order = Prisma.ReplacementPostingOrderByWithRelationInput
const sort: Record<ReplacementPostingSortField, (d: Direction) => Order> = {
  postingType: (d) => ({ postingType: d }),
  participantCode: (d) => ({ participant: { code: d } }),
  area: (d) => ({ area: d }),
  kind: (d) => ({ kind: { sort: d, nulls: 'first' } }),
  kw: (d) => ({ kw: d }),
  fromMonth: (d) => ({ fromMonth: d }),
  toMonth: (d) => ({ toMonth: d }),
  expiresAt: (d) => ({ expiresAt: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

function listWhere(
  q: ReplacementPostingListQuery,
  auth: AuthContext,
  now: Date,
): Prisma.ReplacementPostingWhereInput {
  return {
    ...(q.includeClosed === 'true' ? {} : { withdrawnAt: null, expiresAt: { gt: now } }),
    ...(q.mine === 'true' ? { participantId: auth.participant.id } : {}),
    ...(q.postingType ? { postingType: q.postingType } : {}),
    ...(q.area ? { area: q.area } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.kwMin !== undefined || q.kwMax !== undefined
      ? {
          kw: {
            ...(q.kwMin !== undefined ? { gte: q.kwMin } : {}),
            ...(q.kwMax !== undefined ? { lte: q.kwMax } : {}),
          },
        }
      : {}),
    ...(q.month ? { fromMonth: { lte: q.month }, toMonth: { gte: q.month } } : {}),
  }
}

export const replacementBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('replacementBoard', 'view') },
    operationId: 'listReplacementPostings',
    summary:
      'The replacement board: every participant’s open offers and requests (with includeClosed, expired and withdrawn ones too)',
    tags,
    querystring: replacementPostingListQuerySchema,
    item: replacementPostingSchema,
    sort,
    defaultSort: { field: 'updatedAt', direction: 'desc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: (query, request) => listWhere(query, requireAuth(request), new Date()),
    find: async ({ where, orderBy, skip, take }) => {
      const now = new Date()
      const rows = await app.db.replacementPosting.findMany({
        where,
        orderBy,
        skip,
        take,
        include,
      })
      return rows.map((r) => toPosting(r, now))
    },
    count: (where) => app.db.replacementPosting.count({ where }),
    csv: {
      fileName: 'replacement-board.csv',
      columns: [
        csv.enumeration(
          { ja: '掲載区分', en: 'Posting type' },
          (p: ReplacementPosting) => p.postingType,
          replacementPostingTypeLabels,
        ),
        csv.text(
          { ja: '事業者コード', en: 'Participant code' },
          (p: ReplacementPosting) => p.participantCode,
        ),
        csv.text(
          { ja: '事業者名', en: 'Participant name' },
          (p: ReplacementPosting) => p.participantName,
        ),
        csv.enumeration(
          { ja: 'エリア', en: 'Area' },
          (p: ReplacementPosting) => p.area,
          areaLabels,
        ),
        csv.enumeration(
          { ja: '電源等の区分', en: 'Kind' },
          (p: ReplacementPosting) => p.kind,
          resourceKindLabels,
        ),
        csv.text({ ja: '容量(kW)', en: 'Capacity (kW)' }, (p: ReplacementPosting) => p.kw),
        csv.text(
          { ja: '対象期間(開始)', en: 'From month' },
          (p: ReplacementPosting) => p.fromMonth,
        ),
        csv.text({ ja: '対象期間(終了)', en: 'To month' }, (p: ReplacementPosting) => p.toMonth),
        csv.text({ ja: '連絡先', en: 'Contact' }, (p: ReplacementPosting) => p.contact),
        csv.text({ ja: '備考', en: 'Note' }, (p: ReplacementPosting) => p.note),
        csv.dateTime({ ja: '掲載期限', en: 'Expires at' }, (p: ReplacementPosting) => p.expiresAt),
        csv.enumeration(
          { ja: '状態', en: 'Status' },
          (p: ReplacementPosting) => p.status,
          replacementPostingStatusLabels,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (p: ReplacementPosting) => p.updatedAt),
      ],
    },
  })

  app.get(
    '/:id',
    {
      config: { access: routeAccess('replacementBoard', 'view') },
      schema: {
        operationId: 'getReplacementPosting',
        summary: 'One posting of the replacement board',
        tags,
        params: idParamSchema,
        response: { 200: replacementPostingSchema, ...problems },
      },
    },
    async (request) => {
      requireAuth(request)
      const row = await app.db.replacementPosting.findUnique({
        where: { id: request.params.id },
        include,
      })
      if (!row) throw new AppError('E-COMMON-002', 404)
      return toPosting(row, new Date())
    },
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('replacementBoard', 'edit') },
      schema: {
        operationId: 'createReplacementPosting',
        summary: 'Post an offer or a request on the replacement board (the caller’s participant)',
        tags,
        body: replacementPostingInputSchema,
        response: { 201: replacementPostingSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const now = new Date()
      const v = request.body
      const expiresAt = postingExpiry(v, now)
      const row = await app.db.$transaction(async (tx) => {
        const created = await tx.replacementPosting.create({
          data: {
            participantId: auth.participant.id,
            postingType: v.postingType,
            area: v.area,
            kind: v.kind,
            kw: v.kw,
            fromMonth: v.fromMonth,
            toMonth: v.toMonth,
            contact: v.contact,
            note: v.note,
            expiresAt,
          },
          include,
        })
        await audit(tx, actorOf(request), {
          action: 'replacementPosting.create',
          entityType: 'replacementPosting',
          entityId: created.id,
          participantId: auth.participant.id,
          after: { ...v, expiresAt: expiresAt.toISOString() },
        })
        return created
      })
      reply.code(201)
      return toPosting(row, now)
    },
  )

  /** The caller's own posting, still open (another's: 403; expired or withdrawn: 409). */
  async function ownOpen(auth: AuthContext, id: string, version: number, lang: 'ja' | 'en') {
    const row = await app.db.replacementPosting.findUnique({ where: { id } })
    if (!row) throw new AppError('E-COMMON-002', 404)
    if (row.participantId !== auth.participant.id) throw new AppError('E-AUTH-005', 403)
    const status = postingStatus(row, new Date())
    if (status !== 'open') {
      throw new AppError('E-RPL-005', 409, {
        params: { status: replacementPostingStatusLabels[status][lang] },
      })
    }
    if (row.version !== version) throw new AppError('E-COMMON-004', 409)
    return row
  }

  app.put(
    '/:id',
    {
      config: { access: routeAccess('replacementBoard', 'edit', { narrowedBy: OWN_ONLY }) },
      schema: {
        operationId: 'updateReplacementPosting',
        summary: 'Change an own open posting (version of the posting the change is based on)',
        tags,
        params: idParamSchema,
        body: replacementPostingUpdateSchema,
        response: { 200: replacementPostingSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const now = new Date()
      const { posting: v, version } = request.body
      const before = await ownOpen(auth, request.params.id, version, requestLang(request))
      const expiresAt = postingExpiry(v, now)
      const row = await app.db.$transaction(async (tx) => {
        const guarded = await tx.replacementPosting.updateMany({
          where: { id: before.id, version },
          data: {
            postingType: v.postingType,
            area: v.area,
            kind: v.kind,
            kw: v.kw,
            fromMonth: v.fromMonth,
            toMonth: v.toMonth,
            contact: v.contact,
            note: v.note,
            expiresAt,
            version: { increment: 1 },
          },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'replacementPosting.update',
          entityType: 'replacementPosting',
          entityId: before.id,
          participantId: before.participantId,
          before: {
            postingType: before.postingType,
            area: before.area,
            kind: before.kind,
            kw: before.kw,
            fromMonth: before.fromMonth,
            toMonth: before.toMonth,
            contact: before.contact,
            note: before.note,
            expiresAt: before.expiresAt.toISOString(),
          },
          after: { ...v, expiresAt: expiresAt.toISOString() },
        })
        return tx.replacementPosting.findUniqueOrThrow({ where: { id: before.id }, include })
      })
      return toPosting(row, now)
    },
  )

  app.post(
    '/:id/withdraw',
    {
      config: { access: routeAccess('replacementBoard', 'edit', { narrowedBy: OWN_ONLY }) },
      schema: {
        operationId: 'withdrawReplacementPosting',
        summary: 'Withdraw an own open posting from the board',
        tags,
        params: idParamSchema,
        body: replacementVersionSchema,
        response: { 200: replacementPostingSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const now = new Date()
      const before = await ownOpen(
        auth,
        request.params.id,
        request.body.version,
        requestLang(request),
      )
      const row = await app.db.$transaction(async (tx) => {
        const guarded = await tx.replacementPosting.updateMany({
          where: { id: before.id, version: before.version, withdrawnAt: null },
          data: { withdrawnAt: now, version: { increment: 1 } },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'replacementPosting.withdraw',
          entityType: 'replacementPosting',
          entityId: before.id,
          participantId: before.participantId,
          before: { withdrawnAt: null },
          after: { withdrawnAt: now.toISOString() },
        })
        return tx.replacementPosting.findUniqueOrThrow({ where: { id: before.id }, include })
      })
      return toPosting(row, now)
    },
  )
}
