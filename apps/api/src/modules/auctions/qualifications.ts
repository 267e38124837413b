import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  areaLabels,
  auctionQualificationParamsSchema,
  auctionStateLabels,
  formatMessage,
  idParamSchema,
  isMessageId,
  problemSchema,
  qualificationConfirmResultSchema,
  qualificationDecisionSchema,
  qualificationListQuerySchema,
  qualificationNoticeListSchema,
  qualificationProposalSchema,
  qualificationSchema,
  qualificationStateLabels,
  type Lang,
  type Qualification,
  type QualificationListQuery,
  type QualificationNotice,
  type QualificationSortField,
} from '@yoryo/contracts'
import { MINIMUM_EXPECTED_KW } from '@yoryo/domain'
import type { DbClient, Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit, auditMany } from '../../lib/audit.ts'
import { documentSummariesOf, ISSUER, issueDocument } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { qualificationNotice, type QualificationNoticeSnapshot } from './notice.ts'

const tags = ['auctions', '100']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

const include = {
  participant: { select: { id: true, code: true, name: true } },
  resource: {
    select: { id: true, code: true, name: true, kind: true, area: true, supportScheme: true },
  },
} as const satisfies Prisma.AuctionQualificationInclude
type Row = Prisma.AuctionQualificationGetPayload<{ include: typeof include }>

function toQualification(row: Row): Qualification {
  return {
    id: row.id,
    auctionId: row.auctionId,
    participant: row.participant,
    resource: row.resource,
    expectedKw: row.expectedKw,
    proposed: row.proposed,
    notProposedMessageId: row.notProposedMessageId,
    state: row.state,
    excludedReason: row.excludedReason,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

type Order = Prisma.AuctionQualificationOrderByWithRelationInput
const sort: Record<QualificationSortField, (d: Direction) => Order> = {
  resourceCode: (d) => ({ resource: { code: d } }),
  resourceName: (d) => ({ resource: { name: d } }),
  participantCode: (d) => ({ participant: { code: d } }),
  area: (d) => ({ resource: { area: d } }),
  expectedKw: (d) => ({ expectedKw: d }),
  proposed: (d) => ({ proposed: d }),
  state: (d) => ({ state: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

/** The text of why a resource was not proposed (a catalogue message). */
function notProposedText(messageId: string | null, lang: Lang): string {
  return messageId && isMessageId(messageId) ? formatMessage(messageId, lang) : ''
}

/**
 * The auction the caller may see: the operator any, a participant one that is not a draft
 * (404 otherwise, as for a record that does not exist).
 */
async function visibleAuction(db: DbClient, request: FastifyRequest, id: string) {
  const auth = requireAuth(request)
  const auction = await db.auction.findUnique({ where: { id } })
  if (!auction || (auction.state === 'draft' && auth.user.role !== 'operator')) {
    throw new AppError('E-COMMON-002', 404)
  }
  return auction
}

/** The auction locked for a qualification write; only in draft or open (E-AUC-030). */
async function lockedForQualification(tx: DbClient, id: string, lang: Lang) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM auction WHERE id = ${id}::uuid FOR UPDATE`
  if (!locked) throw new AppError('E-COMMON-002', 404)
  const auction = await tx.auction.findUniqueOrThrow({ where: { id } })
  if (auction.state !== 'draft' && auction.state !== 'open') {
    throw new AppError('E-AUC-030', 409, {
      params: { state: auctionStateLabels[auction.state][lang] },
    })
  }
  return auction
}

/** Why an approved expected capacity is not proposed, or null when it is (rules.md §3.1). */
function notProposedReason(ec: {
  expectedKw: number
  resource: { status: string; supportScheme: string }
  participant: { status: string }
}): 'E-AUC-020' | 'E-AUC-021' | 'E-AUC-022' | 'E-AUC-023' | null {
  if (ec.participant.status !== 'active') return 'E-AUC-023'
  if (ec.resource.status !== 'active') return 'E-AUC-022'
  if (ec.resource.supportScheme === 'fit') return 'E-AUC-021'
  if (ec.expectedKw < MINIMUM_EXPECTED_KW) return 'E-AUC-020'
  return null
}

/**
 * 容量オークション参加資格情報管理 (100): the system proposes from the approved expected
 * capacities of the auction's delivery year, the operator confirms or excludes with a reason and
 * issues the qualification notices (800); a participant sees its own resources' qualification.
 */
export const qualificationRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/:id/qualifications', {
    config: {
      access: routeAccess('qualifications', 'view', {
        narrowedBy: 'participants see only their own resources, and no draft auction',
      }),
    },
    operationId: 'listQualifications',
    summary: 'Qualifications of an auction (participants: their own resources)',
    tags,
    params: idParamSchema,
    querystring: qualificationListQuerySchema,
    item: qualificationSchema,
    sort,
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: async (q: QualificationListQuery, request) => {
      const auth = requireAuth(request)
      const { id } = request.params as { id: string }
      await visibleAuction(app.db, request, id)
      const participantId = auth.user.role === 'operator' ? q.participantId : auth.participant.id
      return {
        auctionId: id,
        ...(participantId ? { participantId } : {}),
        ...(q.state ? { state: q.state } : {}),
        ...(q.proposed ? { proposed: q.proposed === 'true' } : {}),
        ...(q.q
          ? { resource: { OR: [{ code: containsText(q.q) }, { name: containsText(q.q) }] } }
          : {}),
      } satisfies Prisma.AuctionQualificationWhereInput
    },
    find: async ({ where, orderBy, skip, take }) =>
      (await app.db.auctionQualification.findMany({ where, orderBy, skip, take, include })).map(
        toQualification,
      ),
    count: (where) => app.db.auctionQualification.count({ where }),
    csv: {
      fileName: 'qualifications.csv',
      columns: [
        csv.text(
          { ja: '電源等識別番号', en: 'Resource code' },
          (q: Qualification) => q.resource.code,
        ),
        csv.text(
          { ja: '電源等の名称', en: 'Resource name' },
          (q: Qualification) => q.resource.name,
        ),
        csv.text(
          { ja: '事業者コード', en: 'Participant code' },
          (q: Qualification) => q.participant.code,
        ),
        csv.enumeration(
          { ja: 'エリア', en: 'Area' },
          (q: Qualification) => q.resource.area,
          areaLabels,
        ),
        csv.text(
          { ja: '期待容量(kW)', en: 'Expected capacity (kW)' },
          (q: Qualification) => q.expectedKw,
        ),
        csv.text({ ja: '提案', en: 'Proposed' }, (q: Qualification) => (q.proposed ? '○' : '×')),
        csv.text({ ja: '提案しない理由', en: 'Why not proposed' }, (q: Qualification) =>
          notProposedText(q.notProposedMessageId, 'ja'),
        ),
        csv.enumeration(
          { ja: '参加資格', en: 'Qualification' },
          (q: Qualification) => q.state,
          qualificationStateLabels,
        ),
        csv.text(
          { ja: '対象外の理由', en: 'Reason for exclusion' },
          (q: Qualification) => q.excludedReason,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (q: Qualification) => q.updatedAt),
      ],
    },
  })

  app.post(
    '/:id/qualifications/propose',
    {
      config: { access: routeAccess('qualifications', 'edit') },
      schema: {
        operationId: 'proposeQualifications',
        summary:
          'Propose from the approved expected capacities of the delivery year (decisions are kept)',
        tags,
        params: idParamSchema,
        response: { 200: qualificationProposalSchema, ...problems },
      },
    },
    async (request) => {
      const lang = requestLang(request)
      return app.db.$transaction(async (tx) => {
        const auction = await lockedForQualification(tx, request.params.id, lang)
        const capacities = await tx.expectedCapacity.findMany({
          where: { deliveryYear: auction.deliveryYear, status: 'active' },
          include: {
            resource: { select: { id: true, status: true, supportScheme: true } },
            participant: { select: { status: true } },
          },
        })
        const existing = new Map(
          (await tx.auctionQualification.findMany({ where: { auctionId: auction.id } })).map(
            (q) => [q.resourceId, q],
          ),
        )
        const counts = { created: 0, updated: 0, removed: 0, proposed: 0, notProposed: 0 }
        const seen = new Set<string>()
        for (const ec of capacities) {
          seen.add(ec.resourceId)
          const reason = notProposedReason(ec)
          const proposal = {
            expectedCapacityId: ec.id,
            expectedKw: ec.expectedKw,
            proposed: reason === null,
            notProposedMessageId: reason,
          }
          const row = existing.get(ec.resourceId)
          if (!row) {
            await tx.auctionQualification.create({
              data: {
                auctionId: auction.id,
                resourceId: ec.resourceId,
                participantId: ec.participantId,
                ...proposal,
              },
            })
            counts.created++
          } else if (
            row.state === 'pending' &&
            (row.expectedKw !== proposal.expectedKw ||
              row.proposed !== proposal.proposed ||
              row.notProposedMessageId !== proposal.notProposedMessageId ||
              row.expectedCapacityId !== proposal.expectedCapacityId)
          ) {
            await tx.auctionQualification.update({
              where: { id: row.id },
              data: { ...proposal, version: { increment: 1 } },
            })
            counts.updated++
          }
          const kept = row && row.state !== 'pending' ? row : { proposed: proposal.proposed }
          if (kept.proposed) counts.proposed++
          else counts.notProposed++
        }
        // A pending row whose expected capacity is no longer approved goes; decisions stay.
        const gone = [...existing.values()].filter(
          (q) => q.state === 'pending' && !seen.has(q.resourceId),
        )
        if (gone.length) {
          await tx.auctionQualification.deleteMany({ where: { id: { in: gone.map((q) => q.id) } } })
          counts.removed = gone.length
        }
        await audit(tx, actorOf(request), {
          action: 'qualification.propose',
          entityType: 'auction',
          entityId: auction.id,
          participantId: null,
          after: { auctionCode: auction.code, ...counts },
        })
        return counts
      })
    },
  )

  app.post(
    '/:id/qualifications/:qid/decision',
    {
      config: { access: routeAccess('qualifications', 'edit') },
      schema: {
        operationId: 'decideQualification',
        summary: 'Confirm (qualified) or exclude with a reason',
        tags,
        params: auctionQualificationParamsSchema,
        body: qualificationDecisionSchema,
        response: { 200: qualificationSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const { state, reason, version } = request.body
      const { id, qid } = request.params
      await app.db.$transaction(async (tx) => {
        await lockedForQualification(tx, id, lang)
        const row = await tx.auctionQualification.findFirst({
          where: { id: qid, auctionId: id },
          include: { resource: { select: { code: true } } },
        })
        if (!row) throw new AppError('E-COMMON-002', 404)
        if (row.version !== version) throw new AppError('E-COMMON-004', 409)
        if (state === 'qualified' && !row.proposed) {
          throw new AppError('E-AUC-032', 409, {
            params: { reason: notProposedText(row.notProposedMessageId, lang) },
          })
        }
        const excludedReason = state === 'excluded' ? (reason ?? '') : null
        await tx.auctionQualification.update({
          where: { id: row.id },
          data: {
            state,
            excludedReason,
            decidedBy: auth.user.id,
            decidedByName: auth.user.name,
            decidedAt: new Date(),
            version: { increment: 1 },
          },
        })
        await audit(tx, actorOf(request), {
          action: 'qualification.decide',
          entityType: 'qualification',
          entityId: row.id,
          participantId: row.participantId,
          before: { state: row.state, excludedReason: row.excludedReason },
          after: { resourceCode: row.resource.code, state, excludedReason },
        })
      })
      return toQualification(
        await app.db.auctionQualification.findUniqueOrThrow({ where: { id: qid }, include }),
      )
    },
  )

  app.post(
    '/:id/qualifications/confirm',
    {
      config: { access: routeAccess('qualifications', 'edit') },
      schema: {
        operationId: 'confirmProposedQualifications',
        summary: 'Confirm every proposed qualification still pending',
        tags,
        params: idParamSchema,
        response: { 200: qualificationConfirmResultSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      return app.db.$transaction(async (tx) => {
        await lockedForQualification(tx, request.params.id, lang)
        const pending = await tx.auctionQualification.findMany({
          where: { auctionId: request.params.id, proposed: true, state: 'pending' },
          include: { resource: { select: { code: true } } },
        })
        if (pending.length) {
          await tx.auctionQualification.updateMany({
            where: { id: { in: pending.map((q) => q.id) } },
            data: {
              state: 'qualified',
              excludedReason: null,
              decidedBy: auth.user.id,
              decidedByName: auth.user.name,
              decidedAt: new Date(),
              version: { increment: 1 },
            },
          })
          await auditMany(
            tx,
            actorOf(request),
            pending.map((q) => ({
              action: 'qualification.confirmAll',
              entityType: 'qualification',
              entityId: q.id,
              participantId: q.participantId,
              before: { state: 'pending' },
              after: { resourceCode: q.resource.code, state: 'qualified' },
            })),
          )
        }
        await audit(tx, actorOf(request), {
          action: 'qualification.confirmAll',
          entityType: 'auction',
          entityId: request.params.id,
          participantId: null,
          after: { confirmed: pending.length },
        })
        return { confirmed: pending.length }
      })
    },
  )

  app.get(
    '/:id/qualifications/notices',
    {
      config: {
        access: routeAccess('qualifications', 'view', {
          narrowedBy: 'participants see only their own notices, and no draft auction',
        }),
      },
      schema: {
        operationId: 'listQualificationNotices',
        summary: 'Qualification notices (800) issued for the auction, newest first',
        tags,
        params: idParamSchema,
        response: { 200: qualificationNoticeListSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const auction = await visibleAuction(app.db, request, request.params.id)
      return {
        items: await noticesOf(
          app.db,
          auction.id,
          auth.user.role === 'operator' ? null : auth.participant.id,
        ),
      }
    },
  )

  app.post(
    '/:id/qualifications/notices',
    {
      config: { access: routeAccess('qualifications', 'edit') },
      schema: {
        operationId: 'issueQualificationNotices',
        summary:
          'Issue the qualification notice (800) to each participant with qualifications; answers those issued',
        tags,
        params: idParamSchema,
        response: { 201: qualificationNoticeListSchema, ...problems },
      },
    },
    async (request, reply) => {
      const issued: string[] = []
      const auction = await app.db.$transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM auction WHERE id = ${request.params.id}::uuid FOR UPDATE`
        if (!locked) throw new AppError('E-COMMON-002', 404)
        const auction = await tx.auction.findUniqueOrThrow({ where: { id: locked.id } })
        const rows = await tx.auctionQualification.findMany({
          where: { auctionId: auction.id },
          include: {
            participant: { select: { id: true, code: true, name: true } },
            resource: { select: { code: true, name: true, kind: true, area: true } },
          },
          orderBy: [{ participant: { code: 'asc' } }, { resource: { code: 'asc' } }],
        })
        if (!rows.length) throw new AppError('E-AUC-034', 409)
        const pending = rows.filter((r) => r.proposed && r.state === 'pending').length
        if (pending) throw new AppError('E-AUC-033', 409, { params: { count: pending } })
        const byParticipant = new Map<string, typeof rows>()
        for (const r of rows) {
          byParticipant.set(r.participantId, [...(byParticipant.get(r.participantId) ?? []), r])
        }
        for (const [participantId, list] of byParticipant) {
          const first = list[0]!
          const snapshot: QualificationNoticeSnapshot = {
            participant: { code: first.participant.code, name: first.participant.name },
            issuer: ISSUER,
            auction: { code: auction.code, type: auction.type, deliveryYear: auction.deliveryYear },
            rows: list.map((r) => ({
              resourceCode: r.resource.code,
              resourceName: r.resource.name,
              kind: r.resource.kind,
              area: r.resource.area,
              expectedKw: r.expectedKw,
              qualified: r.state === 'qualified',
              reason:
                r.state === 'qualified'
                  ? ''
                  : (r.excludedReason ?? notProposedText(r.notProposedMessageId, 'ja')),
            })),
          }
          const notice = await issueDocument(tx, qualificationNotice, {
            participantId,
            ownerType: 'auction',
            ownerId: auction.id,
            snapshot,
          })
          issued.push(notice.id)
          await audit(tx, actorOf(request), {
            action: 'document.issue',
            entityType: 'document',
            entityId: notice.id,
            participantId,
            after: { kind: notice.kind, documentNo: notice.documentNo, auctionCode: auction.code },
          })
        }
        return auction
      })
      reply.code(201)
      const all = await noticesOf(app.db, auction.id, null)
      return { items: all.filter((n) => issued.includes(n.document.id)) }
    },
  )
}

/** The notices of an auction (all, or one participant's), newest first. */
async function noticesOf(
  db: DbClient,
  auctionId: string,
  participantId: string | null,
): Promise<QualificationNotice[]> {
  const rows = await db.document.findMany({
    where: {
      kind: qualificationNotice.kind,
      ownerType: 'auction',
      ownerId: auctionId,
      ...(participantId ? { participantId } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { documentNo: 'desc' }],
  })
  const participants = new Map(
    (
      await db.participant.findMany({
        where: { id: { in: rows.map((r) => r.participantId).filter((x): x is string => !!x) } },
        select: { id: true, code: true, name: true },
      })
    ).map((p) => [p.id, p]),
  )
  const summaries = documentSummariesOf(rows)
  return rows.flatMap((row, i) => {
    const participant = row.participantId ? participants.get(row.participantId) : undefined
    return participant ? [{ participant, document: summaries[i]! }] : []
  })
}
