import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  areaLabels,
  auctionResultItemSchema,
  auctionResultListQuerySchema,
  auctionResultPageSchema,
  auctionResultsSchema,
  bidReasonLabels,
  bidResultListQuerySchema,
  bidResultPageSchema,
  bidSimulationInputSchema,
  bidSimulationOptionsSchema,
  bidSimulationSchema,
  clearingRunListSchema,
  clearingRunSchema,
  clearingSchema,
  idParamSchema,
  ownBidResultSchema,
  ownResultsSchema,
  problemSchema,
  publicationInputSchema,
  resourceKindLabels,
  resultAuctionSchema,
  type AuctionResultItem,
  type AuctionResultSortField,
  type BidResultSortField,
  type OwnBidResult,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import {
  auctionOf,
  bidResults,
  CLEARING_JOB,
  clearingJob,
  clearingRuns,
  clearingView,
  isOperator,
  publish,
  resultsView,
  startClearing,
  toResultAuction,
  toRun,
} from './service.ts'
import { simulate, simulationOptions } from './simulator.ts'

const tags = ['clearing', '120']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const operatorOnly = routeAccess('auctionResults', 'edit')
const readers = routeAccess('auctionResults', 'view')

/** Clearing (120) under `/api/v1/auctions/{id}/…`: runs, the run in force, publication, results. */
export const clearingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.jobs.register(CLEARING_JOB, clearingJob(app.db))

  app.post(
    '/:id/clearings',
    {
      config: { access: operatorOnly },
      schema: {
        operationId: 'startClearing',
        summary: 'Run (or re-run after a correction) the clearing of an auction as a job',
        description:
          'The auction must be `biddingClosed` or `cleared`. The job snapshots the parameters in ' +
          'force and every bid in force of a qualified resource, runs the rules engine, stores ' +
          'input, result and algorithm version, and moves the auction to `cleared`.',
        tags,
        params: idParamSchema,
        response: { 202: clearingRunSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const auction = await auctionOf(app.db, request.params.id)
      const run = await startClearing(
        app.db,
        app.jobs,
        { ...actorOf(request), name: auth.user.name },
        auction.id,
      )
      return reply.code(202).send(toRun(run, auction))
    },
  )

  app.get(
    '/:id/clearings',
    {
      config: { access: operatorOnly },
      schema: {
        operationId: 'listClearings',
        summary: 'The clearing runs of an auction, latest first, with their progress',
        tags,
        params: idParamSchema,
        response: { 200: clearingRunListSchema, ...problems },
      },
    },
    async (request) => {
      const auction = await auctionOf(app.db, request.params.id)
      return { auction: toResultAuction(auction), items: await clearingRuns(app.db, auction) }
    },
  )

  app.get(
    '/:id/clearing',
    {
      config: { access: readers },
      schema: {
        operationId: 'getClearing',
        summary: 'The run in force: input exactly as the engine received it, result as returned',
        description:
          'The published run after publication, else the latest succeeded run (operator only). ' +
          "Others see it after publication, without other participants' bids in `input.bids` " +
          'and `result.bids` (the aggregates are kept). 404 `E-CLR-004` when there is none.',
        tags,
        params: idParamSchema,
        response: { 200: clearingSchema, ...problems },
      },
    },
    async (request) =>
      clearingView(app.db, requireAuth(request), await auctionOf(app.db, request.params.id)),
  )

  app.post(
    '/:id/publication',
    {
      config: { access: operatorOnly },
      schema: {
        operationId: 'publishClearing',
        summary: 'Publish a succeeded clearing run: the auction becomes `published`',
        tags,
        params: idParamSchema,
        body: publicationInputSchema,
        response: { 200: resultAuctionSchema, ...problems },
      },
    },
    async (request) =>
      toResultAuction(
        await publish(app.db, actorOf(request), request.params.id, request.body.clearingId),
      ),
  )

  app.get(
    '/:id/results',
    {
      config: { access: readers },
      schema: {
        operationId: 'getAuctionResults',
        summary:
          'Results of the run in force: national price, areas, blocks, supply and demand curves',
        tags,
        params: idParamSchema,
        response: { 200: auctionResultsSchema, ...problems },
      },
    },
    async (request) =>
      resultsView(app.db, requireAuth(request), await auctionOf(app.db, request.params.id)),
  )

  app.get(
    '/:id/results/own',
    {
      config: { access: readers },
      schema: {
        operationId: 'getOwnAuctionResults',
        summary:
          "The caller's bids with awarded kW, area price, reason and the sentence explaining it",
        tags,
        params: idParamSchema,
        response: { 200: ownResultsSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const auction = await auctionOf(app.db, request.params.id)
      const items = isOperator(auth)
        ? []
        : await bidResults(app.db, auth, auction, requestLang(request))
      return { auction: toResultAuction(auction), participantCode: auth.participant.code, items }
    },
  )

  const bidSort: Record<
    BidResultSortField,
    (d: Direction) => (a: OwnBidResult, b: OwnBidResult) => number
  > = {
    resourceCode: (d) => compareBy((r) => r.resourceCode, d),
    resourceName: (d) => compareBy((r) => r.resourceName, d),
    area: (d) => compareBy((r) => areaIndex(r.area), d),
    kind: (d) => compareBy((r) => r.kind, d),
    kw: (d) => compareBy((r) => r.kw, d),
    price: (d) => compareBy((r) => r.price, d),
    awardedKw: (d) => compareBy((r) => r.awardedKw, d),
    areaPrice: (d) => compareBy((r) => r.areaPrice, d),
    reason: (d) => compareBy((r) => r.reason, d),
  }
  listRoute(app, '/:id/results/bids', {
    config: { access: readers },
    operationId: 'listBidResults',
    summary:
      'Per-bid results with the explanation: every bid for the operator, the own bids otherwise',
    tags,
    querystring: bidResultListQuerySchema,
    item: ownBidResultSchema,
    page: bidResultPageSchema,
    sort: bidSort,
    defaultSort: { field: 'price', direction: 'asc' },
    tieBreak: [compareBy((r: OwnBidResult) => r.bidId, 'asc')],
    where: async (q, request) => {
      const params = request.params as { id: string }
      const auction = await auctionOf(app.db, params.id)
      const rows = await bidResults(app.db, requireAuth(request), auction, requestLang(request))
      const text = q.q?.toLowerCase()
      return rows.filter(
        (r) =>
          (!q.area || r.area === q.area) &&
          (!q.reason || r.reason === q.reason) &&
          (!text ||
            r.resourceCode.toLowerCase().includes(text) ||
            r.resourceName.toLowerCase().includes(text)),
      )
    },
    find: ({ where, orderBy, skip, take }) =>
      Promise.resolve(
        [...where]
          .sort((a, b) => {
            for (const c of orderBy as ((x: OwnBidResult, y: OwnBidResult) => number)[]) {
              const v = c(a, b)
              if (v) return v
            }
            return 0
          })
          .slice(skip, skip + take),
      ),
    count: (where) => Promise.resolve(where.length),
    csv: {
      fileName: 'bid-results.csv',
      columns: [
        csv.text(
          { ja: '電源等識別番号', en: 'Resource code' },
          (r: OwnBidResult) => r.resourceCode,
        ),
        csv.text({ ja: '電源等の名称', en: 'Resource name' }, (r: OwnBidResult) => r.resourceName),
        csv.enumeration({ ja: 'エリア', en: 'Area' }, (r: OwnBidResult) => r.area, areaLabels),
        csv.enumeration(
          { ja: '電源等の区分', en: 'Kind' },
          (r: OwnBidResult) => r.kind,
          resourceKindLabels,
        ),
        csv.text({ ja: '応札容量(kW)', en: 'Bid kW' }, (r: OwnBidResult) => r.kw),
        csv.text({ ja: '応札価格(円/kW)', en: 'Price (yen/kW)' }, (r: OwnBidResult) => r.price),
        csv.text({ ja: '約定容量(kW)', en: 'Awarded kW' }, (r: OwnBidResult) => r.awardedKw),
        csv.text(
          { ja: 'エリアプライス(円/kW)', en: 'Area price (yen/kW)' },
          (r: OwnBidResult) => r.areaPrice,
        ),
        csv.enumeration(
          { ja: '約定理由', en: 'Reason' },
          (r: OwnBidResult) => r.reason,
          bidReasonLabels,
        ),
        csv.text({ ja: '説明', en: 'Explanation' }, (r: OwnBidResult) => r.explanation),
      ],
    },
  })
}

const AREA_ORDER = Object.keys(areaLabels)
function areaIndex(area: string): number {
  return AREA_ORDER.indexOf(area)
}

function compareBy<T>(key: (row: T) => string | number, d: Direction) {
  const sign = d === 'asc' ? 1 : -1
  return (a: T, b: T): number => {
    const x = key(a)
    const y = key(b)
    return (x < y ? -1 : x > y ? 1 : 0) * sign
  }
}

type AuctionOrder = Prisma.AuctionOrderByWithRelationInput
const auctionSort: Record<AuctionResultSortField, (d: Direction) => AuctionOrder> = {
  code: (d) => ({ code: d }),
  deliveryYear: (d) => ({ deliveryYear: d }),
  state: (d) => ({ state: d }),
  publishedAt: (d) => ({ publishedAt: { sort: d, nulls: 'last' } }),
}

/** `/api/v1/auction-results` (120): auctions with a clearing run (operator) or published. */
export const auctionResultRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: readers },
    operationId: 'listAuctionResults',
    summary: 'Auctions with results: with a clearing run for the operator, published for others',
    tags,
    querystring: auctionResultListQuerySchema,
    item: auctionResultItemSchema,
    page: auctionResultPageSchema,
    sort: auctionSort,
    defaultSort: { field: 'deliveryYear', direction: 'desc' },
    tieBreak: [{ code: 'desc' }] as AuctionOrder[],
    where: (q, request): Prisma.AuctionWhereInput => ({
      ...(isOperator(requireAuth(request))
        ? { OR: [{ clearings: { some: {} } }, { state: { in: ['cleared', 'published'] } }] }
        : { state: 'published' }),
      ...(q.deliveryYear ? { deliveryYear: q.deliveryYear } : {}),
    }),
    find: async ({ where, orderBy, skip, take }) => {
      const rows = await app.db.auction.findMany({
        where,
        orderBy,
        skip,
        take,
        include: {
          publishedClearing: { select: { result: true } },
          _count: { select: { clearings: true } },
        },
      })
      return rows.map((a): AuctionResultItem => ({
        ...toResultAuction(a),
        nationalPrice:
          (a.publishedClearing?.result as { nationalPrice?: number } | null)?.nationalPrice ?? null,
        runs: a._count.clearings,
      }))
    },
    count: (where) => app.db.auction.count({ where }),
    csv: {
      fileName: 'auction-results.csv',
      columns: [
        csv.text({ ja: 'オークションID', en: 'Auction' }, (a: AuctionResultItem) => a.code),
        csv.text(
          { ja: '対象実需給年度', en: 'Delivery year' },
          (a: AuctionResultItem) => a.deliveryYear,
        ),
        csv.text(
          { ja: '約定価格(円/kW)', en: 'Clearing price (yen/kW)' },
          (a: AuctionResultItem) => a.nationalPrice,
        ),
        csv.dateTime(
          { ja: '公表日時', en: 'Published at' },
          (a: AuctionResultItem) => a.publishedAt,
        ),
      ],
    },
  })
}

/** `/api/v1/bid-simulations` (110): the what-if simulator; stores nothing. */
export const bidSimulationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/options',
    {
      config: { access: routeAccess('bidSimulator', 'view') },
      schema: {
        operationId: 'getBidSimulationOptions',
        summary: "The open auctions with the caller's qualified resources, to simulate bids for",
        tags: ['bid-simulations', '110'],
        response: { 200: bidSimulationOptionsSchema, ...problems },
      },
    },
    async (request) => simulationOptions(app.db, requireAuth(request)),
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('bidSimulator', 'edit') },
      schema: {
        operationId: 'simulateBids',
        summary:
          'What-if: own draft bids cleared against the supply of the last published auction of the same type',
        description:
          "The other participants' bids of that auction's published run are the supply (never " +
          'returned individually); its parameters apply. Returns the prices without and with the ' +
          "draft bids and the drafts' awards. Nothing is stored.",
        tags: ['bid-simulations', '110'],
        body: bidSimulationInputSchema,
        response: { 200: bidSimulationSchema, ...problems },
      },
    },
    async (request) => simulate(app.db, requireAuth(request), request.body, requestLang(request)),
  )
}
