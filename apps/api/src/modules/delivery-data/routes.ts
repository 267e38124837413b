import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  areaLabels,
  deliveryResourceSchema,
  deliveryResourceSearchQuerySchema,
  deliveryResourceSearchSchema,
  dispatchOrderDetailSchema,
  dispatchOrderListQuerySchema,
  dispatchOrderPageSchema,
  dispatchOrderSlotListQuerySchema,
  dispatchOrderSlotPageSchema,
  dispatchOrderSlotSchema,
  dispatchOrderSummarySchema,
  idParamSchema,
  meteredDayListQuerySchema,
  meteredDayPageSchema,
  meteredDaySchema,
  meteredSlotListQuerySchema,
  meteredSlotPageSchema,
  meteredSlotSchema,
  problemSchema,
  reserveNoticeKindLabels,
  reserveNoticeListQuerySchema,
  reserveNoticePageSchema,
  reserveNoticeSlotSchema,
  reserveOfferListQuerySchema,
  reserveOfferPageSchema,
  reserveOfferSlotSchema,
  supplyInstructionListQuerySchema,
  supplyInstructionPageSchema,
  supplyInstructionSlotSchema,
  type DispatchOrderSlot,
  type DispatchOrderSlotListQuery,
  type MeteredDayListQuery,
  type MeteredSlotListQuery,
  type ReserveNoticeListQuery,
  type ReserveOfferListQuery,
  type SupplyInstructionListQuery,
  type DispatchOrderSummary,
  type FunctionKey,
  type MeteredDay,
  type MeteredSlot,
  type ReserveNoticeSlot,
  type ReserveOfferSlot,
  type SupplyInstructionSlot,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { requireAuth } from '../../lib/guards.ts'
import { byColumns, csv, listRoute, sqlList, type CsvColumn } from '../../lib/list.ts'
import { deliveryDataScope } from './scope.ts'
import {
  byKey,
  dispatchOrderSort,
  dispatchOrderTieBreak,
  dispatchOrderWhere,
  findDispatchOrders,
  getDispatchOrder,
  getResource,
  memoryList,
  meteredDays,
  meteredSlots,
  reserveNoticeRows,
  reserveOffers,
  searchResources,
  supplyInstructionRows,
  toReserveNoticeSlot,
  toSupplyInstructionSlot,
} from './service.ts'

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema }
const OWN =
  'a participant sees its own resources, a TSO those of its service area, the operator all (others: 404)'

const slotColumns = <T extends { date: string; slot: number; time: string }>(): CsvColumn<T>[] => [
  csv.text({ ja: '対象日', en: 'Date' }, (r) => r.date.replaceAll('-', '/')),
  csv.text({ ja: 'コマ', en: 'Slot' }, (r) => r.slot),
  csv.text({ ja: '時間帯', en: 'Time' }, (r) => r.time),
]

const meteredDayColumns: CsvColumn<MeteredDay>[] = [
  csv.text({ ja: '対象日', en: 'Date' }, (r) => r.date.replaceAll('-', '/')),
  csv.text({ ja: '登録コマ数', en: 'Slots fed' }, (r) => r.slotsFed),
  csv.text({ ja: '日量(kWh)', en: 'Daily total (kWh)' }, (r) => r.totalKwh),
  csv.text({ ja: '最大(kW)', en: 'Peak (kW)' }, (r) => r.peakKw),
]
const meteredSlotColumns: CsvColumn<MeteredSlot>[] = [
  csv.text({ ja: 'コマ', en: 'Slot' }, (r) => r.slot),
  csv.text({ ja: '時間帯', en: 'Time' }, (r) => r.time),
  csv.text({ ja: '電力量(kWh)', en: 'Energy (kWh)' }, (r) => r.kwh),
  csv.text({ ja: '平均電力(kW)', en: 'Average (kW)' }, (r) => r.averageKw),
]
const supplyInstructionColumns: CsvColumn<SupplyInstructionSlot>[] = [
  ...csv.resource<SupplyInstructionSlot>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  ...slotColumns<SupplyInstructionSlot>(),
  csv.text({ ja: '指示量(kW)', en: 'Instructed (kW)' }, (r) => r.instructedKw),
  csv.text({ ja: '供給実績(kW)', en: 'Delivered (kW)' }, (r) => r.deliveredKw),
  csv.text({ ja: '不足(kW)', en: 'Shortfall (kW)' }, (r) => r.shortfallKw),
]
const reserveNoticeColumns: CsvColumn<ReserveNoticeSlot>[] = [
  csv.enumeration({ ja: 'エリア', en: 'Area' }, (r) => r.area, areaLabels),
  ...slotColumns<ReserveNoticeSlot>(),
  csv.text({ ja: '広域予備率(%)', en: 'Reserve margin (%)' }, (r) => r.marginPercent.toFixed(2)),
  csv.enumeration({ ja: '通知区分', en: 'Notice' }, (r) => r.noticeKind, reserveNoticeKindLabels),
]
const reserveOfferColumns: CsvColumn<ReserveOfferSlot>[] = [
  ...slotColumns<ReserveOfferSlot>(),
  csv.text({ ja: '広域予備率(%)', en: 'Reserve margin (%)' }, (r) => r.marginPercent.toFixed(2)),
  csv.enumeration({ ja: '通知区分', en: 'Notice' }, (r) => r.noticeKind, reserveNoticeKindLabels),
  csv.text({ ja: '契約容量(kW)', en: 'Contract (kW)' }, (r) => r.contractKw),
  csv.text({ ja: '提供量(kW)', en: 'Offered (kW)' }, (r) => r.offeredKw),
  csv.text({ ja: '未提供量(kW)', en: 'Not offered (kW)' }, (r) => r.unofferedKw),
]
const dispatchOrderColumns: CsvColumn<DispatchOrderSummary>[] = [
  csv.text({ ja: '発動指令ID', en: 'Order ID' }, (r) => r.orderId),
  ...csv.resource<DispatchOrderSummary>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.dateTime({ ja: '指令日時', en: 'Ordered at' }, (r) => r.orderedAt),
  csv.dateTime({ ja: '開始', en: 'Start' }, (r) => r.startAt),
  csv.dateTime({ ja: '終了', en: 'End' }, (r) => r.endAt),
  csv.text({ ja: 'コマ数', en: 'Slots' }, (r) => r.slots),
  csv.text({ ja: '指令量(kW)', en: 'Instructed (kW)' }, (r) => r.instructedKw),
  csv.text({ ja: '平均供出量(kW)', en: 'Average delivered (kW)' }, (r) => r.averageDeliveredKw),
]
const dispatchOrderSlotColumns: CsvColumn<DispatchOrderSlot>[] = [
  csv.text({ ja: '順', en: 'No.' }, (r) => r.index),
  ...slotColumns<DispatchOrderSlot>(),
  csv.text({ ja: 'ベースライン(kW)', en: 'Baseline (kW)' }, (r) => r.baselineKw),
  csv.text({ ja: '実績(kW)', en: 'Actual (kW)' }, (r) => r.actualKw),
  csv.text({ ja: '供出量(kW)', en: 'Delivered (kW)' }, (r) => r.deliveredKw),
]

function scopeOf(app: FastifyInstance, request: FastifyRequest) {
  return deliveryDataScope(app.db, requireAuth(request))
}

/** The resource picker of one function's screen: search and one resource. */
function resourceRoutes(
  app: FastifyInstance,
  prefix: string,
  key: FunctionKey,
  code: string,
  operation: string,
) {
  const tags = ['delivery-data', code]
  app.withTypeProvider<ZodTypeProvider>().get(
    `${prefix}/resources`,
    {
      config: { access: routeAccess(key, 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: `search${operation}Resources`,
        summary: `The resources whose ${code} data the caller sees, by part of code or name (first 20 by code)`,
        tags,
        querystring: deliveryResourceSearchQuerySchema,
        response: { 200: deliveryResourceSearchSchema, ...problems },
      },
    },
    async (request) => ({
      items: await searchResources(app.db, await scopeOf(app, request), request.query),
    }),
  )
  app.withTypeProvider<ZodTypeProvider>().get(
    `${prefix}/resources/:id`,
    {
      config: { access: routeAccess(key, 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: `get${operation}Resource`,
        summary: `One resource whose ${code} data the caller sees`,
        tags,
        params: idParamSchema,
        response: { 200: deliveryResourceSchema, ...problems },
      },
    },
    async (request) => getResource(app.db, await scopeOf(app, request), request.params.id),
  )
}

/**
 * Delivery-period data read back (B60, B70, B80, C10): what the TSO and the operator fed, per
 * resource and slot. Every list exports what it shows (K21).
 */
export const deliveryDataRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- B60 metered generation ----
  resourceRoutes(app, '/metered-generation', 'meteredGeneration', 'B60', 'MeteredGeneration')
  listRoute(app, '/metered-generation', {
    config: { access: routeAccess('meteredGeneration', 'view', { narrowedBy: OWN }) },
    operationId: 'listMeteredDays',
    summary:
      'B60: the days of a month of one resource: slots fed, daily total kWh and peak kW (kWh × 2)',
    tags: ['delivery-data', 'B60'],
    querystring: meteredDayListQuerySchema,
    item: meteredDaySchema,
    page: meteredDayPageSchema,
    sort: {
      date: byKey((r) => r.date),
      totalKwh: byKey((r) => r.totalKwh ?? -1),
      peakKw: byKey((r) => r.peakKw ?? -1),
    },
    defaultSort: { field: 'date', direction: 'asc' },
    tieBreak: [byKey<MeteredDay>((r) => r.date)('asc')],
    ...memoryList(async (query: MeteredDayListQuery, request): Promise<MeteredDay[]> => {
      const resource = await getResource(app.db, await scopeOf(app, request), query.resourceId)
      return meteredDays(app.db, resource.id, query.month)
    }),
    csv: { fileName: 'metered-generation-days.csv', columns: meteredDayColumns },
  })
  listRoute(app, '/metered-generation/slots', {
    config: { access: routeAccess('meteredGeneration', 'view', { narrowedBy: OWN }) },
    operationId: 'listMeteredSlots',
    summary: 'B60: the 48 slots of one resource-day: kWh and average kW (kWh × 2)',
    tags: ['delivery-data', 'B60'],
    querystring: meteredSlotListQuerySchema,
    item: meteredSlotSchema,
    page: meteredSlotPageSchema,
    sort: { slot: byKey((r) => r.slot), kwh: byKey((r) => r.kwh ?? -1) },
    defaultSort: { field: 'slot', direction: 'asc' },
    tieBreak: [byKey<MeteredSlot>((r) => r.slot)('asc')],
    ...memoryList(async (query: MeteredSlotListQuery, request): Promise<MeteredSlot[]> => {
      const resource = await getResource(app.db, await scopeOf(app, request), query.resourceId)
      return meteredSlots(app.db, resource.id, query.date)
    }),
    csv: { fileName: 'metered-generation-slots.csv', columns: meteredSlotColumns },
  })

  // ---- B70 supply instructions ----
  resourceRoutes(app, '/supply-instructions', 'supplyInstructions', 'B70', 'SupplyInstruction')
  listRoute(app, '/supply-instructions', {
    config: { access: routeAccess('supplyInstructions', 'view', { narrowedBy: OWN }) },
    operationId: 'listSupplyInstructionSlots',
    summary:
      'B70: the instructed slots of a month: instructed, delivered and shortfall kW (max(0, instructed − delivered))',
    tags: ['delivery-data', 'B70'],
    querystring: supplyInstructionListQuerySchema,
    item: supplyInstructionSlotSchema,
    page: supplyInstructionPageSchema,
    sort: {
      date: byColumns('date', 'slot'),
      resourceCode: byColumns('resource_code'),
      instructedKw: byColumns('instructed_kw'),
      deliveredKw: byColumns('delivered_kw'),
      shortfallKw: byColumns('shortfall_kw'),
    },
    defaultSort: { field: 'date', direction: 'asc' },
    tieBreak: byColumns('date', 'slot', 'resource_code')('asc'),
    ...sqlList(
      app.db,
      async (query: SupplyInstructionListQuery, request) =>
        supplyInstructionRows(await scopeOf(app, request), query),
      toSupplyInstructionSlot,
    ),
    csv: { fileName: 'supply-instructions.csv', columns: supplyInstructionColumns },
  })

  // ---- B80 reserve-margin notices ----
  resourceRoutes(app, '/reserve-notices', 'reserveNotices', 'B80', 'ReserveNotice')
  listRoute(app, '/reserve-notices', {
    config: {
      access: routeAccess('reserveNotices', 'view', {
        narrowedBy:
          'the areas of the caller’s resources (a TSO: its service area; the operator: all)',
      }),
    },
    operationId: 'listReserveNoticeSlots',
    summary: 'B80: the reserve-margin notice slots of a month: area, margin % and notice kind',
    tags: ['delivery-data', 'B80'],
    querystring: reserveNoticeListQuerySchema,
    item: reserveNoticeSlotSchema,
    page: reserveNoticePageSchema,
    sort: {
      date: byColumns('date', 'slot'),
      area: byColumns('area'),
      marginPercent: byColumns('margin_bp'),
    },
    defaultSort: { field: 'date', direction: 'asc' },
    tieBreak: byColumns('date', 'slot', 'area')('asc'),
    ...sqlList(
      app.db,
      async (query: ReserveNoticeListQuery, request) =>
        reserveNoticeRows(
          await scopeOf(app, request),
          requireAuth(request).user.role === 'operator',
          query,
        ),
      toReserveNoticeSlot,
    ),
    csv: { fileName: 'reserve-notices.csv', columns: reserveNoticeColumns },
  })
  listRoute(app, '/reserve-notices/offers', {
    config: { access: routeAccess('reserveNotices', 'view', { narrowedBy: OWN }) },
    operationId: 'listReserveOffers',
    summary:
      "B80: one resource's offered kW in the notice slots of its area, and the kW not offered (contract kW − offered, at least 0)",
    tags: ['delivery-data', 'B80'],
    querystring: reserveOfferListQuerySchema,
    item: reserveOfferSlotSchema,
    page: reserveOfferPageSchema,
    sort: {
      date: byKey((r) => `${r.date}#${String(r.slot).padStart(2, '0')}`),
      offeredKw: byKey((r) => r.offeredKw),
      unofferedKw: byKey((r) => r.unofferedKw),
    },
    defaultSort: { field: 'date', direction: 'asc' },
    tieBreak: [
      byKey<ReserveOfferSlot>((r) => r.date)('asc'),
      byKey<ReserveOfferSlot>((r) => r.slot)('asc'),
    ],
    ...memoryList(async (query: ReserveOfferListQuery, request): Promise<ReserveOfferSlot[]> => {
      const resource = await getResource(app.db, await scopeOf(app, request), query.resourceId)
      return reserveOffers(app.db, resource, query.month)
    }),
    csv: { fileName: 'reserve-offers.csv', columns: reserveOfferColumns },
  })

  // ---- C10 dispatch orders ----
  resourceRoutes(app, '/dispatch-orders', 'dispatchOrders', 'C10', 'DispatchOrder')
  listRoute(app, '/dispatch-orders', {
    config: { access: routeAccess('dispatchOrders', 'view', { narrowedBy: OWN }) },
    operationId: 'listDispatchOrders',
    summary: 'C10: the dispatch orders of a month (first slot in the month, JST)',
    tags: ['delivery-data', 'C10'],
    querystring: dispatchOrderListQuerySchema,
    item: dispatchOrderSummarySchema,
    page: dispatchOrderPageSchema,
    sort: dispatchOrderSort,
    defaultSort: { field: 'startAt', direction: 'asc' },
    tieBreak: dispatchOrderTieBreak,
    where: async (query, request) => dispatchOrderWhere(await scopeOf(app, request), query),
    find: (args) => findDispatchOrders(app.db, args),
    count: (where) => app.db.dispatchOrder.count({ where }),
    csv: { fileName: 'dispatch-orders.csv', columns: dispatchOrderColumns },
  })
  app.get(
    '/dispatch-orders/:id',
    {
      config: { access: routeAccess('dispatchOrders', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getDispatchOrder',
        summary:
          'C10: one dispatch order with its slots: baseline, actual and delivered kW (min(instructed, max(0, baseline − actual)))',
        tags: ['delivery-data', 'C10'],
        params: idParamSchema,
        response: { 200: dispatchOrderDetailSchema, ...problems },
      },
    },
    async (request) => getDispatchOrder(app.db, await scopeOf(app, request), request.params.id),
  )
  listRoute(app, '/dispatch-orders/:id/slots', {
    config: { access: routeAccess('dispatchOrders', 'view', { narrowedBy: OWN }) },
    operationId: 'listDispatchOrderSlots',
    summary: 'C10: the slots of one dispatch order (the CSV export of the order screen)',
    tags: ['delivery-data', 'C10'],
    params: idParamSchema,
    querystring: dispatchOrderSlotListQuerySchema,
    item: dispatchOrderSlotSchema,
    page: dispatchOrderSlotPageSchema,
    sort: { index: byKey((r) => r.index) },
    defaultSort: { field: 'index', direction: 'asc' },
    tieBreak: [byKey<DispatchOrderSlot>((r) => r.index)('asc')],
    ...memoryList(
      async (_query: DispatchOrderSlotListQuery, request): Promise<DispatchOrderSlot[]> => {
        const { id } = idParamSchema.parse(request.params)
        return (await getDispatchOrder(app.db, await scopeOf(app, request), id)).slotValues
      },
    ),
    csv: { fileName: 'dispatch-order-slots.csv', columns: dispatchOrderSlotColumns },
  })
}
