import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  AUCTION_WINDOW_KINDS,
  auctionCreateSchema,
  auctionListQuerySchema,
  auctionParametersSchema,
  auctionReferenceQuerySchema,
  auctionSchema,
  auctionStateLabels,
  auctionSubtypeLabels,
  auctionSummarySchema,
  auctionTransitionSchema,
  auctionTypeLabels,
  auctionParametersUpdateSchema,
  auctionWindowsUpdateSchema,
  formatAuctionCode,
  formatJstDateTime,
  idParamSchema,
  problemSchema,
  type Auction,
  type AuctionListQuery,
  type AuctionSortField,
  type AuctionSummary,
  type AuctionWindows,
  type Lang,
} from '@yoryo/contracts'
import { nextNumber, type DbClient, type Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import {
  editLock,
  loadAuction,
  rulesIssues,
  summaryInclude,
  toAuctionSummary,
  windowsOf,
} from './auction.ts'
import { qualificationRoutes } from './qualifications.ts'
import { referenceAuctionParameters } from './reference.ts'

const tags = ['auctions', '120']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

type Order = Prisma.AuctionOrderByWithRelationInput
const sort: Record<AuctionSortField, (d: Direction) => Order> = {
  code: (d) => ({ code: d }),
  type: (d) => ({ type: d }),
  subtype: (d) => ({ subtype: d }),
  deliveryYear: (d) => ({ deliveryYear: d }),
  state: (d) => ({ state: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

function windowRows(code: string, deliveryYear: number, windows: AuctionWindows) {
  return [
    {
      kind: AUCTION_WINDOW_KINDS.expectedCapacity,
      function: '070',
      deliveryYear,
      titleJa: `期待容量登録受付（${code}）`,
      titleEn: `Expected capacity registration (${code})`,
      opensAt: new Date(windows.expectedCapacity.opensAt),
      closesAt: new Date(windows.expectedCapacity.closesAt),
    },
    {
      kind: AUCTION_WINDOW_KINDS.bidding,
      function: '110',
      deliveryYear,
      titleJa: `応札受付（${code}）`,
      titleEn: `Bidding (${code})`,
      opensAt: new Date(windows.bidding.opensAt),
      closesAt: new Date(windows.bidding.closesAt),
    },
  ]
}

/** The auction row locked for a write, checked against the version the caller saw. */
async function lockedAuction(tx: DbClient, id: string, version: number) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM auction WHERE id = ${id}::uuid FOR UPDATE`
  if (!locked) throw new AppError('E-COMMON-002', 404)
  const row = await tx.auction.findUniqueOrThrow({ where: { id }, include: summaryInclude })
  if (row.version !== version) throw new AppError('E-COMMON-004', 409)
  return row
}

async function reload(db: DbClient, id: string, lang: Lang): Promise<Auction> {
  return (await loadAuction(db, id, lang)) as Auction
}

/**
 * 容量オークション (120, set-up): the operator creates an auction from the reference parameters
 * of its delivery year, edits the parameters (versioned) and windows until bidding opens, and
 * moves it draft → open → biddingClosed. Participants see every auction that is not a draft.
 */
export const auctionRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: {
      access: routeAccess('auctions', 'view', {
        narrowedBy: 'participants see only auctions that are not drafts',
      }),
    },
    operationId: 'listAuctions',
    summary: 'Auctions with their state and windows (participants: not drafts)',
    tags,
    querystring: auctionListQuerySchema,
    item: auctionSummarySchema,
    sort,
    defaultSort: { field: 'code', direction: 'desc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: (q: AuctionListQuery, request): Prisma.AuctionWhereInput => {
      const auth = requireAuth(request)
      const state =
        auth.user.role === 'operator'
          ? q.state
          : q.state === 'draft'
            ? { in: [] }
            : (q.state ?? { not: 'draft' as const })
      return {
        ...(state ? { state } : {}),
        ...(q.deliveryYear ? { deliveryYear: q.deliveryYear } : {}),
        ...(q.type ? { type: q.type } : {}),
        ...(q.q ? { code: containsText(q.q) } : {}),
      }
    },
    find: async ({ where, orderBy, skip, take }) =>
      (await app.db.auction.findMany({ where, orderBy, skip, take, include: summaryInclude })).map(
        toAuctionSummary,
      ),
    count: (where) => app.db.auction.count({ where }),
    csv: {
      fileName: 'auctions.csv',
      columns: [
        csv.text({ ja: 'オークションID', en: 'Auction code' }, (a: AuctionSummary) => a.code),
        csv.enumeration(
          { ja: 'オークション種別', en: 'Type' },
          (a: AuctionSummary) => a.type,
          auctionTypeLabels,
        ),
        csv.enumeration(
          { ja: '区分', en: 'Subtype' },
          (a: AuctionSummary) => a.subtype,
          auctionSubtypeLabels,
        ),
        csv.text(
          { ja: '対象実需給年度', en: 'Delivery year' },
          (a: AuctionSummary) => a.deliveryYear,
        ),
        csv.enumeration(
          { ja: '状態', en: 'State' },
          (a: AuctionSummary) => a.state,
          auctionStateLabels,
        ),
        csv.dateTime(
          { ja: '応札受付開始', en: 'Bidding opens' },
          (a: AuctionSummary) => a.windows?.bidding.opensAt ?? null,
        ),
        csv.dateTime(
          { ja: '応札受付終了', en: 'Bidding closes' },
          (a: AuctionSummary) => a.windows?.bidding.closesAt ?? null,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (a: AuctionSummary) => a.updatedAt),
      ],
    },
  })

  app.get(
    '/reference-parameters',
    {
      config: { access: routeAccess('auctions', 'edit') },
      schema: {
        operationId: 'getReferenceAuctionParameters',
        summary: 'The reference parameters for a delivery year (reference-data.md), as a start',
        tags,
        querystring: auctionReferenceQuerySchema,
        response: { 200: auctionParametersSchema, ...problems },
      },
    },
    async (request) => referenceAuctionParameters(request.query.deliveryYear),
  )

  app.get(
    '/:id',
    {
      config: {
        access: routeAccess('auctions', 'view', {
          narrowedBy: 'a draft is the operator’s only (404 for participants)',
        }),
      },
      schema: {
        operationId: 'getAuction',
        summary: 'An auction with its parameters, windows and parameter versions',
        tags,
        params: idParamSchema,
        response: { 200: auctionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const auction = await loadAuction(app.db, request.params.id, requestLang(request))
      if (!auction || (auction.state === 'draft' && auth.user.role !== 'operator')) {
        throw new AppError('E-COMMON-002', 404)
      }
      return auction
    },
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('auctions', 'edit') },
      schema: {
        operationId: 'createAuction',
        summary: 'Create a draft auction (parameters: the reference ones unless given)',
        tags,
        body: auctionCreateSchema,
        response: { 201: auctionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const input = request.body
      const parameters =
        input.parameters ?? referenceAuctionParameters(input.deliveryYear, input.type)
      const id = await app.db.$transaction(async (tx) => {
        const n = await nextNumber(tx, `auction:${input.deliveryYear}:${input.type}`)
        const code = formatAuctionCode(input.deliveryYear, input.type, n)
        const json = parameters as unknown as Prisma.InputJsonValue
        const created = await tx.auction.create({
          data: {
            code,
            type: input.type,
            subtype: input.subtype,
            deliveryYear: input.deliveryYear,
            state: 'draft',
            note: input.note,
            parameters: json,
            createdBy: auth.user.id,
            parameterSets: {
              create: {
                versionNo: 1,
                parameters: json,
                createdBy: auth.user.id,
                createdByName: auth.user.name,
              },
            },
            windows: { create: windowRows(code, input.deliveryYear, input.windows) },
          },
        })
        await audit(tx, actorOf(request), {
          action: 'auction.create',
          entityType: 'auction',
          entityId: created.id,
          participantId: null,
          after: {
            auctionCode: code,
            type: input.type,
            deliveryYear: input.deliveryYear,
            state: 'draft',
            windows: input.windows,
            parametersVersion: 1,
          },
        })
        return created.id
      })
      reply.code(201)
      return reload(app.db, id, requestLang(request))
    },
  )

  app.put(
    '/:id/parameters',
    {
      config: { access: routeAccess('auctions', 'edit') },
      schema: {
        operationId: 'updateAuctionParameters',
        summary: 'Save a new version of the parameters (until bidding opens)',
        tags,
        params: idParamSchema,
        body: auctionParametersUpdateSchema,
        response: { 200: auctionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const { parameters, version } = request.body
      await app.db.$transaction(async (tx) => {
        const row = await lockedAuction(tx, request.params.id, version)
        const lock = editLock(row.state, windowsOf(row.windows), new Date(), lang)
        if (lock) throw lock
        const versionNo = row.parametersVersion + 1
        const json = parameters as unknown as Prisma.InputJsonValue
        await tx.auctionParameterSet.create({
          data: {
            auctionId: row.id,
            versionNo,
            parameters: json,
            createdBy: auth.user.id,
            createdByName: auth.user.name,
          },
        })
        await tx.auction.update({
          where: { id: row.id },
          data: { parameters: json, parametersVersion: versionNo, version: { increment: 1 } },
        })
        await audit(tx, actorOf(request), {
          action: 'auction.updateParameters',
          entityType: 'auction',
          entityId: row.id,
          participantId: null,
          before: { parametersVersion: row.parametersVersion },
          after: { parametersVersion: versionNo },
        })
      })
      return reload(app.db, request.params.id, lang)
    },
  )

  app.put(
    '/:id/windows',
    {
      config: { access: routeAccess('auctions', 'edit') },
      schema: {
        operationId: 'updateAuctionWindows',
        summary: 'Change the expected capacity and bidding windows (until bidding opens)',
        tags,
        params: idParamSchema,
        body: auctionWindowsUpdateSchema,
        response: { 200: auctionSchema, ...problems },
      },
    },
    async (request) => {
      const lang = requestLang(request)
      const { windows, version } = request.body
      await app.db.$transaction(async (tx) => {
        const row = await lockedAuction(tx, request.params.id, version)
        const before = windowsOf(row.windows)
        const lock = editLock(row.state, before, new Date(), lang)
        if (lock) throw lock
        // The market windows keep their rows (and IDs); a missing one is made.
        for (const w of windowRows(row.code, row.deliveryYear, windows)) {
          const { count } = await tx.marketWindow.updateMany({
            where: { auctionId: row.id, kind: w.kind },
            data: { opensAt: w.opensAt, closesAt: w.closesAt, version: { increment: 1 } },
          })
          if (count === 0) await tx.marketWindow.create({ data: { ...w, auctionId: row.id } })
        }
        await tx.auction.update({ where: { id: row.id }, data: { version: { increment: 1 } } })
        await audit(tx, actorOf(request), {
          action: 'auction.updateWindows',
          entityType: 'auction',
          entityId: row.id,
          participantId: null,
          before: { windows: before },
          after: { windows },
        })
      })
      return reload(app.db, request.params.id, lang)
    },
  )

  app.post(
    '/:id/transitions',
    {
      config: { access: routeAccess('auctions', 'edit') },
      schema: {
        operationId: 'transitionAuction',
        summary:
          'Open a draft (valid parameters) or close bidding (after the window closes, server clock)',
        tags,
        params: idParamSchema,
        body: auctionTransitionSchema,
        response: { 200: auctionSchema, ...problems },
      },
    },
    async (request) => {
      const lang = requestLang(request)
      const { to, version } = request.body
      await app.db.$transaction(async (tx) => {
        const row = await lockedAuction(tx, request.params.id, version)
        const from = row.state
        const expected = to === 'open' ? 'draft' : 'open'
        if (from !== expected) {
          throw new AppError('E-AUC-003', 409, {
            params: { from: auctionStateLabels[from][lang], to: auctionStateLabels[to][lang] },
          })
        }
        const windows = windowsOf(row.windows)
        const now = Date.now()
        if (to === 'open') {
          const issues = rulesIssues(row.parameters)
          if (issues.length > 0) {
            throw new AppError('E-AUC-006', 409, {
              errors: issues.map((i) => ({
                path: ['parameters', ...i.path],
                messageId: i.messageId,
                message: '',
                params: i.params,
              })),
            })
          }
          if (windows && Date.parse(windows.bidding.closesAt) <= now) {
            throw new AppError('E-AUC-008', 409, {
              params: { closesAt: formatJstDateTime(windows.bidding.closesAt) },
            })
          }
        } else if (windows && Date.parse(windows.bidding.closesAt) > now) {
          throw new AppError('E-AUC-007', 409, {
            params: { closesAt: formatJstDateTime(windows.bidding.closesAt) },
          })
        }
        await tx.auction.update({
          where: { id: row.id },
          data: { state: to, version: { increment: 1 } },
        })
        await audit(tx, actorOf(request), {
          action: 'auction.transition',
          entityType: 'auction',
          entityId: row.id,
          participantId: null,
          before: { state: from },
          after: { state: to },
        })
      })
      return reload(app.db, request.params.id, lang)
    },
  )

  await app.register(qualificationRoutes)
}
