import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  problemSchema,
  releaseAmountListQuerySchema,
  releaseAmountPageSchema,
  releaseAmountSchema,
  releaseAuctionListQuerySchema,
  releaseAuctionListSchema,
  releaseAuctionSchema,
  releaseOfferInputSchema,
  releaseOfferListSchema,
  releaseStepInputSchema,
  releaseTargetInputSchema,
  type ReleaseAmount,
  type ReleaseAmountListQuery,
  type ReleaseAmountSortField,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { releaseAmountRows, type ReleaseFilter } from './amounts.ts'
import {
  clear,
  getReleaseAuction,
  listOffers,
  listReleaseAuctions,
  publish,
  setTarget,
  writeOffer,
} from './service.ts'

const tags = ['release-auctions', 'F30']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const OWN = 'participants see and offer their own contracts only; the operator sees all'
const auctionParams = z.object({ auctionId: z.uuid() })
/** The operator sets the target, clears and publishes (F30 edit, operator only). */
const operatorEdit = { ...routeAccess('releaseAmounts', 'edit'), roles: ['operator' as const] }

/** Release auctions (F30) under `/api/v1/release-auctions`: target, offers, clearing, publishing. */
export const releaseAuctionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: routeAccess('releaseAmounts', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'listReleaseAuctions',
        summary: 'The release auctions (auctions of subtype release) with target and result',
        description: 'Participants: not drafts, and their own offers counted.',
        tags,
        querystring: releaseAuctionListQuerySchema,
        response: { 200: releaseAuctionListSchema, ...problems },
      },
    },
    async (request) => ({
      items: await listReleaseAuctions(app.db, requireAuth(request), request.query.deliveryYear),
    }),
  )

  app.get(
    '/:auctionId',
    {
      config: { access: routeAccess('releaseAmounts', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getReleaseAuction',
        summary: 'One release auction with its target and, once cleared, its result',
        tags,
        params: auctionParams,
        response: { 200: releaseAuctionSchema, ...problems },
      },
    },
    async (request) => getReleaseAuction(app.db, requireAuth(request), request.params.auctionId),
  )

  app.put(
    '/:auctionId/target',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'setReleaseTarget',
        summary: 'Set the release target (kW to release nationally) while a draft or open',
        tags,
        params: auctionParams,
        body: releaseTargetInputSchema,
        response: { 200: releaseAuctionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const { auctionId } = request.params
      await app.db.$transaction((tx) =>
        setTarget(tx, auth, actorOf(request), auctionId, request.body, requestLang(request)),
      )
      return getReleaseAuction(app.db, auth, auctionId)
    },
  )

  app.get(
    '/:auctionId/offers',
    {
      config: { access: routeAccess('releaseAmounts', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'listReleaseOffers',
        summary:
          'The offers: a participant’s contracts of the year with its offer each; the operator every offer',
        tags,
        params: auctionParams,
        response: { 200: releaseOfferListSchema, ...problems },
      },
    },
    async (request) => listOffers(app.db, requireAuth(request), request.params.auctionId),
  )

  app.post(
    '/:auctionId/offers',
    {
      config: { access: routeAccess('releaseAmounts', 'edit', { narrowedBy: OWN }) },
      schema: {
        operationId: 'writeReleaseOffer',
        summary: 'Register, change or withdraw an offer for one own contract inside the window',
        description:
          'The bidding window is checked by the database server’s clock once the contract is ' +
          'locked (E-REL-002). 1,000 kW ≤ kW ≤ the contract kW not yet released (the whole rest ' +
          'when less; E-REL-003), 0 ≤ price ≤ the contract’s area price (E-REL-004); one offer ' +
          'per contract (E-REL-006); a change or withdrawal names the version it is based on ' +
          '(E-REL-005).',
        tags,
        params: auctionParams,
        body: releaseOfferInputSchema,
        response: { 200: releaseOfferListSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const { auctionId } = request.params
      await app.db.$transaction((tx) =>
        writeOffer(tx, auth, actorOf(request), auctionId, request.body, requestLang(request)),
      )
      return listOffers(app.db, auth, auctionId)
    },
  )

  app.post(
    '/:auctionId/clearing',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'clearReleaseAuction',
        summary: 'Clear after bidding closed: price descending until the target; uniform price',
        description:
          'The auction must be biddingClosed (or cleared: a re-run, until published). Stores the ' +
          'input snapshot, the result and the algorithm version.',
        tags,
        params: auctionParams,
        body: releaseStepInputSchema,
        response: { 200: releaseOfferListSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const { auctionId } = request.params
      await app.db.$transaction((tx) =>
        clear(tx, auth, actorOf(request), auctionId, request.body.version, requestLang(request)),
      )
      return listOffers(app.db, auth, auctionId)
    },
  )

  app.post(
    '/:auctionId/publication',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'publishReleaseAuction',
        summary: 'Publish the clearing: the released kW become the contracts’ for the whole year',
        tags,
        params: auctionParams,
        body: releaseStepInputSchema,
        response: { 200: releaseOfferListSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const { auctionId } = request.params
      await app.db.$transaction((tx) =>
        publish(tx, auth, actorOf(request), auctionId, request.body.version, requestLang(request)),
      )
      return listOffers(app.db, auth, auctionId)
    },
  )
}

type Sort = (d: Direction) => (a: ReleaseAmount, b: ReleaseAmount) => number
const by =
  (f: (r: ReleaseAmount) => string | number): Sort =>
  (d) =>
  (a, b) => {
    const x = f(a)
    const y = f(b)
    const c = x < y ? -1 : x > y ? 1 : 0
    return d === 'asc' ? c : -c
  }
const amountSort: Record<ReleaseAmountSortField, Sort> = {
  month: by((r) => r.month),
  contractNo: by((r) => r.contractNo),
  resourceCode: by((r) => r.resourceCode),
  participantCode: by((r) => r.participantCode),
  releasedKw: by((r) => r.releasedKw),
  releasePrice: by((r) => r.releasePrice),
  grantedAmount: by((r) => r.grantedAmount),
  billedAmount: by((r) => r.billedAmount),
}

const amountCsv: CsvColumn<ReleaseAmount>[] = [
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  csv.text({ ja: 'オークションID', en: 'Auction code' }, (r) => r.auctionCode),
  csv.text({ ja: '契約番号', en: 'Contract No.' }, (r) => r.contractNo),
  ...csv.resource<ReleaseAmount>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.text({ ja: '契約容量(kW)', en: 'Contract kW' }, (r) => r.contractKw),
  csv.text({ ja: 'リリース容量(kW)', en: 'Released kW' }, (r) => r.releasedKw),
  csv.text({ ja: 'リリース価格(円/kW)', en: 'Release price (yen/kW)' }, (r) => r.releasePrice),
  csv.text({ ja: '月額契約金額(円)', en: 'Monthly amount (yen)' }, (r) => r.monthlyAmount),
  csv.text({ ja: '交付額(円)', en: 'Granted (yen)' }, (r) => r.grantedAmount),
  csv.text({ ja: '請求額(円)', en: 'Billed (yen)' }, (r) => r.billedAmount),
]

/** F30 under `/api/v1/release-amounts`: per contract and month of a published release. */
export const releaseAmountRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('releaseAmounts', 'view', { narrowedBy: OWN }) },
    operationId: 'listReleaseAmounts',
    summary:
      'F30: per contract and month of a published release: released kW, release price, 交付額, 請求額',
    tags,
    querystring: releaseAmountListQuerySchema,
    item: releaseAmountSchema,
    page: releaseAmountPageSchema,
    sort: amountSort,
    defaultSort: { field: 'month', direction: 'asc' },
    tieBreak: [by((r) => r.contractNo)('asc'), by((r) => r.id)('asc')],
    where: (q: ReleaseAmountListQuery, request): ReleaseFilter => {
      const auth = requireAuth(request)
      return {
        deliveryYear: q.deliveryYear,
        month: q.month,
        contract: q.contract,
        participantId: auth.user.role === 'operator' ? q.participantId : auth.participant.id,
      }
    },
    find: async ({ where, orderBy, skip, take }) => {
      const rows = await releaseAmountRows(app.db, where)
      rows.sort((a, b) => {
        for (const cmp of orderBy) {
          const c = cmp(a, b)
          if (c) return c
        }
        return 0
      })
      return rows.slice(skip, skip + take)
    },
    count: async (where) => (await releaseAmountRows(app.db, where)).length,
    csv: { fileName: 'release-amounts.csv', columns: amountCsv },
  })
}
