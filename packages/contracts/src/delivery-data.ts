import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { areaSchema, resourceKindSchema } from './resources.ts'
import { slotTimeRange } from './time.ts'

/**
 * Delivery-period data seen by participants (B60, B70, B80, C10): what the TSO and the operator
 * fed, per resource and slot, read back. A participant sees its own resources, a TSO those of
 * its service area, the operator all. Schemas shared by the API, the screens and the CSV rows.
 */

/** A slot's time as the screens and CSV show it: `1` → `00:00–00:30` (JST). */
export function slotTimeLabel(slot: number): string {
  const { start, end } = slotTimeRange(slot)
  return `${start}–${end}`
}

const slot = z.number().int().min(1).max(48).describe('コマ 1–48 (slot 1 = 00:00–00:30 JST)')
const slotTime = z.string().describe('`hh:mm–hh:mm` JST')
const date = z.iso.date().describe('JST date')

/** A resource whose delivery data the caller may see (the resource picker, screen headers). */
export const deliveryResourceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: resourceKindSchema,
    area: areaSchema,
    participantCode: z.string(),
    participantName: z.string(),
  })
  .meta({ id: 'DeliveryResource' })
export type DeliveryResource = z.infer<typeof deliveryResourceSchema>

export const DELIVERY_RESOURCE_SEARCH_LIMIT = 20

export const deliveryResourceSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(50)
    .optional()
    .describe('Part of the resource code or name (taken literally)'),
  kind: resourceKindSchema.optional(),
})
export const deliveryResourceSearchSchema = z
  .object({ items: z.array(deliveryResourceSchema) })
  .meta({ id: 'DeliveryResourceSearch' })

// ---- B60 metered generation ----

export const meteredDaySchema = z
  .object({
    date,
    /** Slots fed (0 = the day was not fed). */
    slotsFed: z.number().int(),
    totalKwh: z.number().int().nullable(),
    /** The largest slot's average kW (kWh × 2). */
    peakKw: z.number().int().nullable(),
  })
  .meta({ id: 'MeteredDay' })
export type MeteredDay = z.infer<typeof meteredDaySchema>
export const meteredDayPageSchema = pageSchema(meteredDaySchema).meta({ id: 'MeteredDayPage' })
export const meteredDaySortFields = ['date', 'totalKwh', 'peakKw'] as const
export const meteredDayListQuerySchema = listQuerySchema.extend({
  resourceId: z.uuid(),
  month: monthSchema,
})
export type MeteredDayListQuery = z.infer<typeof meteredDayListQuerySchema>

export const meteredSlotSchema = z
  .object({
    slot,
    time: slotTime,
    /** kWh of the slot; null when the day was not fed. */
    kwh: z.number().int().nullable(),
    /** Average kW over the slot = kWh × 2. */
    averageKw: z.number().int().nullable(),
  })
  .meta({ id: 'MeteredSlot' })
export type MeteredSlot = z.infer<typeof meteredSlotSchema>
export const meteredSlotPageSchema = pageSchema(meteredSlotSchema).meta({ id: 'MeteredSlotPage' })
export const meteredSlotSortFields = ['slot', 'kwh'] as const
export const meteredSlotListQuerySchema = listQuerySchema.extend({
  resourceId: z.uuid(),
  date,
})
export type MeteredSlotListQuery = z.infer<typeof meteredSlotListQuerySchema>

// ---- B70 supply instructions ----

export const supplyInstructionSlotSchema = z
  .object({
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantCode: z.string(),
    date,
    slot,
    time: slotTime,
    instructedKw: z.number().int(),
    deliveredKw: z.number().int(),
    /** max(0, instructed − delivered). */
    shortfallKw: z.number().int(),
  })
  .meta({ id: 'SupplyInstructionSlot' })
export type SupplyInstructionSlot = z.infer<typeof supplyInstructionSlotSchema>
export const supplyInstructionPageSchema = pageSchema(supplyInstructionSlotSchema).meta({
  id: 'SupplyInstructionPage',
})
export const supplyInstructionSortFields = [
  'date',
  'resourceCode',
  'instructedKw',
  'deliveredKw',
  'shortfallKw',
] as const
export const supplyInstructionListQuerySchema = listQuerySchema.extend({
  month: monthSchema,
  resourceId: z.uuid().optional(),
  shortfall: z.enum(['true']).optional().describe('Only slots with a shortfall'),
})
export type SupplyInstructionListQuery = z.infer<typeof supplyInstructionListQuerySchema>

// ---- B80 reserve-margin notices ----

export const reserveNoticeKinds = ['dayAhead', 'intraday'] as const
export const reserveNoticeKindSchema = z
  .enum(reserveNoticeKinds)
  .describe('dayAhead 前日 · intraday 当日')
  .meta({ id: 'ReserveNoticeKind' })
export type ReserveNoticeKind = z.infer<typeof reserveNoticeKindSchema>
export const reserveNoticeKindLabels: Labels<ReserveNoticeKind> = {
  dayAhead: { ja: '前日', en: 'Day-ahead' },
  intraday: { ja: '当日', en: 'Intraday' },
}

export const reserveNoticeSlotSchema = z
  .object({
    area: areaSchema,
    date,
    slot,
    time: slotTime,
    /** Wide-area reserve margin in % (2 decimals). */
    marginPercent: z.number(),
    noticeKind: reserveNoticeKindSchema,
  })
  .meta({ id: 'ReserveNoticeSlot' })
export type ReserveNoticeSlot = z.infer<typeof reserveNoticeSlotSchema>
export const reserveNoticePageSchema = pageSchema(reserveNoticeSlotSchema).meta({
  id: 'ReserveNoticePage',
})
export const reserveNoticeSortFields = ['date', 'area', 'marginPercent'] as const
export const reserveNoticeListQuerySchema = listQuerySchema.extend({
  month: monthSchema,
  area: areaSchema.optional(),
})
export type ReserveNoticeListQuery = z.infer<typeof reserveNoticeListQuerySchema>

export const reserveOfferSlotSchema = z
  .object({
    date,
    slot,
    time: slotTime,
    marginPercent: z.number(),
    noticeKind: reserveNoticeKindSchema,
    /** Contract kW after replacements (the assessment basis of the month). */
    contractKw: z.number().int(),
    /** kW offered in the slot (0 when none was fed). */
    offeredKw: z.number().int(),
    /** max(0, contract kW − offered kW). */
    unofferedKw: z.number().int(),
  })
  .meta({ id: 'ReserveOfferSlot' })
export type ReserveOfferSlot = z.infer<typeof reserveOfferSlotSchema>
export const reserveOfferPageSchema = pageSchema(reserveOfferSlotSchema).meta({
  id: 'ReserveOfferPage',
})
export const reserveOfferSortFields = ['date', 'offeredKw', 'unofferedKw'] as const
export const reserveOfferListQuerySchema = listQuerySchema.extend({
  month: monthSchema,
  resourceId: z.uuid(),
})
export type ReserveOfferListQuery = z.infer<typeof reserveOfferListQuerySchema>

// ---- C10 dispatch orders ----

export const dispatchOrderSummarySchema = z
  .object({
    id: z.uuid(),
    orderId: z.string(),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantCode: z.string(),
    orderedAt: timestampSchema,
    startAt: timestampSchema,
    endAt: timestampSchema,
    slots: z.number().int(),
    instructedKw: z.number().int(),
    /** Σ delivered kW over the slots ÷ slots (0 decimals). */
    averageDeliveredKw: z.number().int(),
  })
  .meta({ id: 'DispatchOrderSummary' })
export type DispatchOrderSummary = z.infer<typeof dispatchOrderSummarySchema>
export const dispatchOrderPageSchema = pageSchema(dispatchOrderSummarySchema).meta({
  id: 'DispatchOrderPage',
})
export const dispatchOrderSortFields = [
  'startAt',
  'orderedAt',
  'orderId',
  'resourceCode',
  'instructedKw',
] as const
export const dispatchOrderListQuerySchema = listQuerySchema.extend({
  month: monthSchema,
  resourceId: z.uuid().optional(),
})
export type DispatchOrderListQuery = z.infer<typeof dispatchOrderListQuerySchema>

export const dispatchOrderSlotSchema = z
  .object({
    /** 1 = the first ordered slot. */
    index: z.number().int(),
    date,
    slot,
    time: slotTime,
    baselineKw: z.number().int(),
    actualKw: z.number().int(),
    /** min(instructed, max(0, baseline − actual)). */
    deliveredKw: z.number().int(),
  })
  .meta({ id: 'DispatchOrderSlot' })
export type DispatchOrderSlot = z.infer<typeof dispatchOrderSlotSchema>
export const dispatchOrderSlotPageSchema = pageSchema(dispatchOrderSlotSchema).meta({
  id: 'DispatchOrderSlotPage',
})
export const dispatchOrderSlotSortFields = ['index'] as const
export const dispatchOrderSlotListQuerySchema = listQuerySchema
export type DispatchOrderSlotListQuery = z.infer<typeof dispatchOrderSlotListQuerySchema>

export const dispatchOrderDetailSchema = dispatchOrderSummarySchema
  .extend({ slotValues: z.array(dispatchOrderSlotSchema) })
  .meta({ id: 'DispatchOrderDetail' })
export type DispatchOrderDetail = z.infer<typeof dispatchOrderDetailSchema>

/** Delivered kW of a dispatch-order slot: the reduction below the baseline, up to the order. */
export function dispatchDeliveredKw(instructedKw: number, baselineKw: number, actualKw: number) {
  return Math.min(instructedKw, Math.max(0, baselineKw - actualKw))
}
