import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
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
import { feed, seriesOfSlots, type FeedBatch } from './service.ts'

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

/**
 * The data feeds (B60–B90, C10): the TSO and the operator send delivery-period data as JSON
 * batches, idempotent per key (a resource-day, an area-day, an order ID), all or nothing; a
 * read-back of a resource-day with the revisions it replaced. The G00 files of the same feeds
 * are registered on the bulk pipeline here.
 */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const format of feedBulkFormats) app.bulkFormats.register(format)

  app.post(
    '/metered-generation',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: routeAccess('meteredGeneration', 'edit', { narrowedBy: SCOPED }) },
      schema: {
        operationId: 'feedMeteredGeneration',
        summary: 'B60 metered generation: 48 kWh values per resource-day',
        description: ALL_OR_NOTHING,
        tags: ['feeds', 'B60'],
        body: meteredGenerationFeedSchema,
        response: { 200: feedResultSchema, ...problems },
      },
    },
    async (request) => {
      const batch = noBatch()
      request.body.items.forEach((item, i) =>
        batch.days.push({
          path: ['items', i],
          item: {
            resourceCode: item.resourceCode,
            date: item.date,
            series: { meteredKwh: item.meteredKwh },
          },
        }),
      )
      return feed(app.db, callerOf(request), 'meteredGeneration', batch)
    },
  )

  app.post(
    '/supply-instructions',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: routeAccess('supplyInstructions', 'edit', { narrowedBy: SCOPED }) },
      schema: {
        operationId: 'feedSupplyInstructions',
        summary:
          "B70 supply instructions: a resource-day's instructed slots (instructed and delivered kW); the day's instructions are replaced as a whole",
        description: ALL_OR_NOTHING,
        tags: ['feeds', 'B70'],
        body: supplyInstructionFeedSchema,
        response: { 200: feedResultSchema, ...problems },
      },
    },
    async (request) => {
      const batch = noBatch()
      request.body.items.forEach((item, i) =>
        batch.days.push({
          path: ['items', i],
          item: {
            resourceCode: item.resourceCode,
            date: item.date,
            series: {
              instructedKw: seriesOfSlots(item.slots, (s) => s.instructedKw),
              deliveredKw: seriesOfSlots(item.slots, (s) => s.deliveredKw),
            },
          },
        }),
      )
      return feed(app.db, callerOf(request), 'supplyInstructions', batch)
    },
  )

  app.post(
    '/reserve-notices',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: routeAccess('reserveNotices', 'edit', { narrowedBy: SCOPED }) },
      schema: {
        operationId: 'feedReserveNotices',
        summary:
          'B80 reserve-margin notices: 48 margins (%) and notice kinds per area-day; offers (kW) per resource-day',
        description: ALL_OR_NOTHING,
        tags: ['feeds', 'B80'],
        body: reserveNoticeFeedSchema,
        response: { 200: feedResultSchema, ...problems },
      },
    },
    async (request) => {
      const batch = noBatch()
      request.body.areaDays.forEach((item, i) =>
        batch.areaDays.push({
          path: ['areaDays', i],
          item: {
            area: item.area,
            date: item.date,
            marginBp: item.marginPercent.map((p) => Math.round(p * 100)),
            noticeKind: item.noticeKind,
          },
        }),
      )
      request.body.offers.forEach((item, i) =>
        batch.days.push({
          path: ['offers', i],
          item: {
            resourceCode: item.resourceCode,
            date: item.date,
            series: { offeredKw: seriesOfSlots(item.slots, (s) => s.offeredKw) },
          },
        }),
      )
      return feed(app.db, callerOf(request), 'reserveNotices', batch)
    },
  )

  app.post(
    '/operation-restraint',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: routeAccess('operationRestraint', 'edit', { narrowedBy: SCOPED }) },
      schema: {
        operationId: 'feedOperationRestraint',
        summary: "B90 operation restraint: a resource-day's restrained slots (kW)",
        description: ALL_OR_NOTHING,
        tags: ['feeds', 'B90'],
        body: operationRestraintFeedSchema,
        response: { 200: feedResultSchema, ...problems },
      },
    },
    async (request) => {
      const batch = noBatch()
      request.body.items.forEach((item, i) =>
        batch.days.push({
          path: ['items', i],
          item: {
            resourceCode: item.resourceCode,
            date: item.date,
            series: { restrainedKw: seriesOfSlots(item.slots, (s) => s.restrainedKw) },
          },
        }),
      )
      return feed(app.db, callerOf(request), 'operationRestraint', batch)
    },
  )

  app.post(
    '/dispatch-orders',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: routeAccess('dispatchOrders', 'edit', { narrowedBy: SCOPED }) },
      schema: {
        operationId: 'feedDispatchOrders',
        summary:
          'C10 dispatch orders by order ID (dispatch-order resources): baseline and actual kW per ordered slot',
        description: ALL_OR_NOTHING,
        tags: ['feeds', 'C10'],
        body: dispatchOrderFeedSchema,
        response: { 200: feedResultSchema, ...problems },
      },
    },
    async (request) => {
      const batch = noBatch()
      request.body.items.forEach((item, i) =>
        batch.orders.push({
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
        }),
      )
      return feed(app.db, callerOf(request), 'dispatchOrders', batch)
    },
  )

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
