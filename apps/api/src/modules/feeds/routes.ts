import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import {
  dispatchOrderFeedSchema,
  FEED_MAX_ITEMS,
  feedDayParamsSchema,
  feedDaySchema,
  feedResultSchema,
  meteredGenerationFeedSchema,
  operationRestraintFeedSchema,
  problemSchema,
  reserveNoticeFeedSchema,
  supplyInstructionFeedSchema,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { requestLang } from '../../lib/problem.ts'
import { feedBulkFormats } from './bulk-formats.ts'
import { readFeedDay } from './read.ts'
import { feed, seriesOfSlots, type FeedBatch, type FeedName } from './service.ts'

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
}
/** 1,000 dispatch orders of 48 slots are about 2.5 MB of JSON. */
const BODY_LIMIT = 8 * 1024 * 1024
const SCOPED =
  'a TSO feeds and reads only resources and areas of its service area (E-FEED-008 / E-FEED-009)'
const ALL_OR_NOTHING = `Idempotent per key, all or nothing: a bad item answers 400 (403 outside the scope) with the item's path and message ID, and nothing is written. At most ${FEED_MAX_ITEMS.toLocaleString('en')} keys per request.`

function callerOf(request: FastifyRequest) {
  return { auth: requireAuth(request), actor: actorOf(request), lang: requestLang(request) }
}

const noBatch = (): FeedBatch => ({ days: [], areaDays: [], orders: [] })

/** The resource-days of a body's list `key`, each with the series `series` makes of it. */
function resourceDays<T extends { resourceCode: string; date: string }>(
  key: string,
  items: readonly T[],
  series: (item: T) => FeedBatch['days'][number]['item']['series'],
): FeedBatch['days'] {
  return items.map((item, i) => ({
    path: [key, i],
    item: { resourceCode: item.resourceCode, date: item.date, series: series(item) },
  }))
}

/**
 * `POST path`: one feed (B60–B90, C10) — the function's edit right narrowed to the caller's scope,
 * the body checked by its schema and turned into a batch the store writes all or nothing.
 */
function feedRoute<B extends z.ZodType>(
  app: FastifyInstance,
  path: string,
  options: {
    name: FeedName
    code: string
    operationId: string
    summary: string
    body: B
    batch: (body: z.output<B>) => FeedBatch
  },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    path,
    {
      bodyLimit: BODY_LIMIT,
      config: { access: routeAccess(options.name, 'edit', { narrowedBy: SCOPED }) },
      schema: {
        operationId: options.operationId,
        summary: options.summary,
        description: ALL_OR_NOTHING,
        tags: ['feeds', options.code],
        body: options.body,
        response: { 200: feedResultSchema, ...problems },
      },
    },
    async (request) =>
      feed(app.db, callerOf(request), options.name, options.batch(request.body as z.output<B>)),
  )
}

/**
 * The data feeds (B60–B90, C10): the TSO and the operator send delivery-period data as JSON
 * batches, idempotent per key (a resource-day, an area-day, an order ID), all or nothing; a
 * read-back of a resource-day with the revisions it replaced. The G00 files of the same feeds
 * are registered on the bulk pipeline here.
 */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const format of feedBulkFormats) app.bulkFormats.register(format)

  feedRoute(app, '/metered-generation', {
    name: 'meteredGeneration',
    code: 'B60',
    operationId: 'feedMeteredGeneration',
    summary: 'B60 metered generation: 48 kWh values per resource-day',
    body: meteredGenerationFeedSchema,
    batch: (body) => ({
      ...noBatch(),
      days: resourceDays('items', body.items, (item) => ({ meteredKwh: item.meteredKwh })),
    }),
  })

  feedRoute(app, '/supply-instructions', {
    name: 'supplyInstructions',
    code: 'B70',
    operationId: 'feedSupplyInstructions',
    summary:
      "B70 supply instructions: a resource-day's instructed slots (instructed and delivered kW); the day's instructions are replaced as a whole",
    body: supplyInstructionFeedSchema,
    batch: (body) => ({
      ...noBatch(),
      days: resourceDays('items', body.items, (item) => ({
        instructedKw: seriesOfSlots(item.slots, (s) => s.instructedKw),
        deliveredKw: seriesOfSlots(item.slots, (s) => s.deliveredKw),
      })),
    }),
  })

  feedRoute(app, '/reserve-notices', {
    name: 'reserveNotices',
    code: 'B80',
    operationId: 'feedReserveNotices',
    summary:
      'B80 reserve-margin notices: 48 margins (%) and notice kinds per area-day; offers (kW) per resource-day',
    body: reserveNoticeFeedSchema,
    batch: (body) => ({
      ...noBatch(),
      areaDays: body.areaDays.map((item, i) => ({
        path: ['areaDays', i],
        item: {
          area: item.area,
          date: item.date,
          marginBp: item.marginPercent.map((p) => Math.round(p * 100)),
          noticeKind: item.noticeKind,
        },
      })),
      days: resourceDays('offers', body.offers, (item) => ({
        offeredKw: seriesOfSlots(item.slots, (s) => s.offeredKw),
      })),
    }),
  })

  feedRoute(app, '/operation-restraint', {
    name: 'operationRestraint',
    code: 'B90',
    operationId: 'feedOperationRestraint',
    summary: "B90 operation restraint: a resource-day's restrained slots (kW)",
    body: operationRestraintFeedSchema,
    batch: (body) => ({
      ...noBatch(),
      days: resourceDays('items', body.items, (item) => ({
        restrainedKw: seriesOfSlots(item.slots, (s) => s.restrainedKw),
      })),
    }),
  })

  feedRoute(app, '/dispatch-orders', {
    name: 'dispatchOrders',
    code: 'C10',
    operationId: 'feedDispatchOrders',
    summary:
      'C10 dispatch orders by order ID (dispatch-order resources): baseline and actual kW per ordered slot',
    body: dispatchOrderFeedSchema,
    batch: (body) => ({
      ...noBatch(),
      orders: body.items.map((item, i) => ({
        path: ['items', i],
        item: {
          orderId: item.orderId,
          resourceCode: item.resourceCode,
          orderedAt: new Date(item.orderedAt),
          startAt: new Date(item.startAt),
          instructedKw: item.instructedKw,
          baselineKw: item.slots.map((s) => s.baselineKw),
          actualKw: item.slots.map((s) => s.actualKw),
        },
      })),
    }),
  })

  app.get(
    '/days/:resourceCode/:date',
    {
      config: {
        access: routeAccess('meteredGeneration', 'view', {
          narrowedBy: `${SCOPED}; a participant reads its own resources (others: 404)`,
        }),
      },
      schema: {
        operationId: 'getFeedDay',
        summary:
          'Read-back of a resource-day: the stored series (B60, B70, B80 offers, B90) and the revisions they replaced, newest first',
        tags: ['feeds', 'B60', 'B70', 'B80', 'B90'],
        params: feedDayParamsSchema,
        response: { 200: feedDaySchema, ...problems },
      },
    },
    async (request) =>
      readFeedDay(app.db, requireAuth(request), request.params.resourceCode, request.params.date),
  )
}
