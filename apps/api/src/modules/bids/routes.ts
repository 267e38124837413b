import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  areaLabels,
  auctionBidItemSchema,
  auctionBidListQuerySchema,
  bidHistorySchema,
  bidReceiptSchema,
  bidStateLabels,
  bidWriteResultSchema,
  bidWriteSchema,
  biddingAuctionSchema,
  fileResponseSchema,
  idParamSchema,
  problemSchema,
  receiptKeysSchema,
  resourceCodeSchema,
  versionInputSchema,
  type AuctionBidItem,
  type AuctionBidListQuery,
  type AuctionBidSortField,
  type BiddingAuction,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import type { Config } from '../../config.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { receiptKey, type ReceiptKey } from '../../lib/receipts.ts'
import { bidBulkFormats } from './bulk-formats.ts'
import { receiptPdf } from './receipt-pdf.ts'
import { BidGroupCommit, type GroupCommitOptions } from './group-commit.ts'
import { BIDDING_WINDOW, maxPriceOf, toBid, toReceipt, type BidRow } from './service.ts'

const tags = ['bids', '110']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const auctionParams = z.object({ auctionId: z.uuid() })

/**
 * Group commit of bid writes (see group-commit.ts and apps/api/bench/README.md "Bid deadline
 * load"): on PostgreSQL two fifths of the pool may write groups at once (8 of the default 20
 * connections; the rest serve every other request), on the embedded database one group at a
 * time (it runs one transaction at a time anyway).
 */
function bidGroups(config: Config): GroupCommitOptions {
  const connections = config.databaseUrl
    ? Number(new URL(config.databaseUrl).searchParams.get('connection_limit')) ||
      config.databasePoolSize
    : 1
  return { maxGroup: 100, maxInFlight: Math.max(1, Math.floor((connections * 2) / 5)) }
}

/** The receipt keys the API knows: the one in use, and the stored one when a file replaced it. */
export async function knownReceiptKeys(app: FastifyInstance): Promise<ReceiptKey[]> {
  const current = await receiptKey(app.db, app.config.receiptSigningKeyFile)
  if (!app.config.receiptSigningKeyFile) return [current]
  const stored = await receiptKey(app.db)
  return stored.keyId === current.keyId ? [current] : [current, stored]
}

const auctionSelect = {
  id: true,
  code: true,
  type: true,
  deliveryYear: true,
  state: true,
  parameters: true,
  windows: { where: { kind: BIDDING_WINDOW }, orderBy: { closesAt: 'desc' }, take: 1 },
} as const satisfies Prisma.AuctionSelect
type AuctionRow = Prisma.AuctionGetPayload<{ select: typeof auctionSelect }>

async function biddingAuction(
  app: FastifyInstance,
  auth: AuthContext,
  row: AuctionRow,
  now: Date,
): Promise<BiddingAuction> {
  const own = auth.user.role === 'operator' ? {} : { participantId: auth.participant.id }
  const [qualifiedCount, bidCount] = await Promise.all([
    app.db.auctionQualification.count({ where: { auctionId: row.id, state: 'qualified', ...own } }),
    app.db.bid.count({ where: { auctionId: row.id, withdrawnAt: null, ...own } }),
  ])
  const w = row.windows[0]
  const window = w
    ? {
        titleJa: w.titleJa,
        titleEn: w.titleEn,
        opensAt: w.opensAt.toISOString(),
        closesAt: w.closesAt.toISOString(),
        state:
          w.opensAt > now
            ? ('upcoming' as const)
            : w.closesAt > now
              ? ('open' as const)
              : ('closed' as const),
      }
    : null
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    deliveryYear: row.deliveryYear,
    state: row.state,
    maxPrice: maxPriceOf(row.parameters),
    window,
    accepting: row.state === 'open' && window?.state === 'open',
    now: now.toISOString(),
    qualifiedCount,
    bidCount,
  }
}

async function auctionOr404(app: FastifyInstance, id: string) {
  const row = await app.db.auction.findUnique({ where: { id }, select: auctionSelect })
  if (!row || row.state === 'draft') throw new AppError('E-COMMON-002', 404)
  return row
}

const itemInclude = {
  participant: { select: { id: true, code: true, name: true } },
  resource: { select: { id: true, code: true, name: true, kind: true, area: true } },
} as const satisfies Prisma.AuctionQualificationInclude

type Order = Prisma.AuctionQualificationOrderByWithRelationInput
const sort: Record<AuctionBidSortField, (d: Direction) => Order> = {
  resourceCode: (d) => ({ resource: { code: d } }),
  resourceName: (d) => ({ resource: { name: d } }),
  participantCode: (d) => ({ participant: { code: d } }),
  area: (d) => ({ resource: { area: d } }),
  expectedKw: (d) => ({ expectedKw: d }),
}

/** 応札情報管理 (110): bids, their versions and receipts. Registered at `/api/v1`. */
export const bidRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const format of bidBulkFormats(app)) app.bulkFormats.register(format)

  app.get(
    '/bids/auctions',
    {
      config: { access: routeAccess('bids', 'view') },
      schema: {
        operationId: 'listBiddingAuctions',
        summary:
          'Auctions for bidding: those open now, upcoming and recently closed, with the caller’s counts',
        tags,
        response: { 200: z.object({ items: z.array(biddingAuctionSchema) }), ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const rows = await app.db.auction.findMany({
        // A release auction (F30) takes release offers on its own screen, not bids
        where: { state: { not: 'draft' }, subtype: 'procurement' },
        orderBy: [{ deliveryYear: 'desc' }, { code: 'desc' }],
        take: 20,
        select: auctionSelect,
      })
      const now = new Date()
      return { items: await Promise.all(rows.map((r) => biddingAuction(app, auth, r, now))) }
    },
  )

  app.get(
    '/auctions/:auctionId/bidding',
    {
      config: { access: routeAccess('bids', 'view') },
      schema: {
        operationId: 'getBiddingAuction',
        summary: 'An auction’s bidding window, where it stands by the server’s clock, and counts',
        tags,
        params: auctionParams,
        response: { 200: biddingAuctionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await auctionOr404(app, request.params.auctionId)
      return biddingAuction(app, auth, row, new Date())
    },
  )

  listRoute(app, '/auctions/:auctionId/bids', {
    config: { access: routeAccess('bids', 'view') },
    operationId: 'listAuctionBids',
    summary:
      'The qualified resources of an auction with their bids: the own participant’s, or all for the operator',
    tags,
    querystring: auctionBidListQuerySchema,
    item: auctionBidItemSchema,
    sort,
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: async (q: AuctionBidListQuery, request: FastifyRequest) => {
      const auth = requireAuth(request)
      const { auctionId } = request.params as { auctionId: string }
      if (!z.uuid().safeParse(auctionId).success) throw new AppError('E-COMMON-002', 404)
      await auctionOr404(app, auctionId)
      const bids =
        q.state === undefined || q.state === 'none'
          ? undefined
          : { some: { auctionId, withdrawnAt: q.state === 'bid' ? null : { not: null } } }
      const noBid = q.state === 'none' ? { none: { auctionId } } : undefined
      return {
        auctionId,
        state: 'qualified',
        ...(auth.user.role === 'operator' ? {} : { participantId: auth.participant.id }),
        resource: {
          ...(q.area ? { area: q.area } : {}),
          ...(q.q ? { OR: [{ code: containsText(q.q) }, { name: containsText(q.q) }] } : {}),
          ...(bids || noBid ? { bids: bids ?? noBid } : {}),
        },
      } satisfies Prisma.AuctionQualificationWhereInput
    },
    find: async ({ where, orderBy, skip, take }) => {
      const rows = await app.db.auctionQualification.findMany({
        where,
        orderBy,
        skip,
        take,
        include: itemInclude,
      })
      const auctionId = (where as { auctionId: string }).auctionId
      const bids = await app.db.bid.findMany({
        where: { auctionId, resourceId: { in: rows.map((r) => r.resourceId) } },
        include: { versions: { orderBy: { versionNo: 'desc' }, take: 1, select: { id: true } } },
      })
      const byResource = new Map(bids.map((b) => [b.resourceId, b]))
      return rows.map((r): AuctionBidItem => {
        const bid = byResource.get(r.resourceId)
        return {
          qualificationId: r.id,
          participant: r.participant,
          resource: r.resource as AuctionBidItem['resource'],
          expectedKw: r.expectedKw,
          state: !bid ? 'none' : bid.withdrawnAt ? 'withdrawn' : 'bid',
          bid: bid ? toBid(bid, bid.versions[0]?.id ?? bid.id) : null,
        }
      })
    },
    count: (where) => app.db.auctionQualification.count({ where }),
    csv: {
      fileName: 'bids.csv',
      columns: [
        ...csv.resource(
          (e: AuctionBidItem) => e.resource,
          (e: AuctionBidItem) => e.participant,
        ),
        csv.enumeration(
          { ja: 'エリア', en: 'Area' },
          (e: AuctionBidItem) => e.resource.area,
          areaLabels,
        ),
        csv.text(
          { ja: '期待容量(kW)', en: 'Expected capacity (kW)' },
          (e: AuctionBidItem) => e.expectedKw,
        ),
        csv.enumeration(
          { ja: '応札状況', en: 'Bid state' },
          (e: AuctionBidItem) => e.state,
          bidStateLabels,
        ),
        csv.text({ ja: '応札容量(kW)', en: 'Bid capacity (kW)' }, (e: AuctionBidItem) => e.bid?.kw),
        csv.text(
          { ja: '応札価格(円/kW)', en: 'Bid price (yen/kW)' },
          (e: AuctionBidItem) => e.bid?.price,
        ),
        csv.text({ ja: '版', en: 'Version' }, (e: AuctionBidItem) => e.bid?.version),
        csv.dateTime(
          { ja: '受付日時', en: 'Accepted at' },
          (e: AuctionBidItem) => e.bid?.submittedAt,
        ),
      ],
    },
  })

  // Writes through the group commit (each group holds one pool connection while it writes)
  const writer = new BidGroupCommit(
    app.db,
    () => receiptKey(app.db, app.config.receiptSigningKeyFile),
    bidGroups(app.config),
  )

  /** One write through the service (in a group of the group commit). */
  function write(
    request: FastifyRequest,
    auctionId: string,
    resourceCode: string,
    action: 'register' | 'change' | 'withdraw',
    fields: { kw?: number; price?: number; version?: number },
  ) {
    const auth = requireAuth(request)
    return writer.write({
      actor: actorOf(request),
      req: {
        auctionId,
        participant: { id: auth.participant.id, code: auth.participant.code },
        resourceCode,
        action,
        ...fields,
        lang: requestLang(request),
      },
    })
  }

  const bidParams = auctionParams.extend({ resourceCode: resourceCodeSchema })
  const narrowedBy =
    'Only the caller’s own qualified resources (others: 404 E-BID-007); inside the bidding window by the database’s clock (409 E-BID-008)'

  app.put(
    '/auctions/:auctionId/bids/:resourceCode',
    {
      config: { access: routeAccess('bids', 'edit', { narrowedBy }) },
      schema: {
        operationId: 'putBid',
        summary:
          'Register (no version) or change (with the version it is based on) the bid of a qualified resource; answers the bid and its signed receipt',
        tags,
        params: bidParams,
        body: bidWriteSchema,
        response: { 200: bidWriteResultSchema, 201: bidWriteResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { kw, price, version } = request.body
      const { auctionId, resourceCode } = request.params
      const action = version === undefined ? 'register' : 'change'
      const result = await write(request, auctionId, resourceCode, action, { kw, price, version })
      reply.code(action === 'register' ? 201 : 200)
      return result
    },
  )

  app.delete(
    '/auctions/:auctionId/bids/:resourceCode',
    {
      config: { access: routeAccess('bids', 'edit', { narrowedBy }) },
      schema: {
        operationId: 'withdrawBid',
        summary:
          'Withdraw a bid inside the window (it takes no part in the clearing); answers its receipt',
        tags,
        params: bidParams,
        querystring: z.object({
          version: z.coerce
            .number()
            .pipe(versionInputSchema)
            .describe('The bid version the withdrawal is based on'),
        }),
        response: { 200: bidWriteResultSchema, ...problems },
      },
    },
    async (request) => {
      const { auctionId, resourceCode } = request.params
      return write(request, auctionId, resourceCode, 'withdraw', {
        version: request.query.version,
      })
    },
  )

  app.get(
    '/bids/:id/versions',
    {
      config: { access: routeAccess('bids', 'view') },
      schema: {
        operationId: 'listBidVersions',
        summary: 'The accepted versions of a bid, newest first (another participant’s: 404)',
        tags,
        params: idParamSchema,
        response: { 200: bidHistorySchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const bid = await app.db.bid.findUnique({
        where: { id: request.params.id },
        include: {
          versions: { orderBy: { versionNo: 'desc' } },
          auction: { select: { code: true } },
          resource: { select: { code: true } },
          participant: { select: { code: true } },
        },
      })
      if (!bid) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, bid.participantId)
      return {
        bid: {
          ...toBid(bid as BidRow, bid.versions[0]?.id ?? bid.id),
          auctionCode: bid.auction.code,
          resourceCode: bid.resource.code,
          participantCode: bid.participant.code,
        },
        versions: bid.versions.map((v) => ({
          id: v.id,
          versionNo: v.versionNo,
          action: v.action as 'register',
          kw: v.kw,
          price: v.price,
          acceptedAt: v.acceptedAt.toISOString(),
          userName: v.userName,
          sha256: v.sha256,
          keyId: v.keyId,
        })),
      }
    },
  )

  async function ownVersion(request: FastifyRequest, id: string) {
    const auth = requireAuth(request)
    const version = await app.db.bidVersion.findUnique({
      where: { id },
      include: { bid: { select: { participantId: true } } },
    })
    if (!version) throw new AppError('E-COMMON-002', 404)
    assertSameParticipant(auth, version.bid.participantId)
    return toReceipt(version, await knownReceiptKeys(app))
  }

  app.get(
    '/bid-versions/:id/receipt',
    {
      config: { access: routeAccess('bids', 'view') },
      schema: {
        operationId: 'getBidReceipt',
        summary:
          'The signed receipt of an accepted bid version (JSON: content, canonical text, SHA-256, Ed25519 signature, key)',
        tags,
        params: idParamSchema,
        response: { 200: bidReceiptSchema, ...problems },
      },
    },
    async (request) => ownVersion(request, request.params.id),
  )

  app.get(
    '/bid-versions/:id/receipt.pdf',
    {
      config: { access: routeAccess('bids', 'view') },
      schema: {
        operationId: 'getBidReceiptPdf',
        summary: 'The receipt as a one-page PDF: content, hash, signature and how to verify it',
        tags,
        params: idParamSchema,
        response: {
          200: fileResponseSchema('application/pdf', 'The receipt as a PDF'),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const receipt = await ownVersion(request, request.params.id)
      const pdf = await receiptPdf(receipt)
      const name = `bid-receipt-${receipt.content.auctionCode}-${receipt.content.resourceCode}-v${receipt.content.version}.pdf`
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(pdf)
    },
  )

  app.get(
    '/receipt-keys',
    {
      config: { access: routeAccess('bids', 'view') },
      schema: {
        operationId: 'listReceiptKeys',
        summary: 'The public keys that sign receipts (SPKI PEM) with their key IDs',
        tags,
        response: { 200: receiptKeysSchema, ...problems },
      },
    },
    async () => ({
      keys: (await knownReceiptKeys(app)).map((k) => ({
        keyId: k.keyId,
        algorithm: 'Ed25519' as const,
        publicKey: k.publicKeyPem,
      })),
    }),
  )
}
