import type { FastifyRequest } from 'fastify'
import {
  addDays,
  daysInMonth,
  dispatchDeliveredKw,
  jstDayStart,
  reserveNoticeKinds,
  slotOf,
  slotTimeLabel,
  SLOTS_PER_DAY,
  type Area,
  type DeliveryResource,
  type DispatchOrderDetail,
  type DispatchOrderListQuery,
  type DispatchOrderSlot,
  type DispatchOrderSummary,
  type MeteredDay,
  type MeteredSlot,
  type ReserveNoticeKind,
  type ReserveNoticeListQuery,
  type ReserveNoticeSlot,
  type ReserveOfferSlot,
  type ResourceKind,
  type SupplyInstructionListQuery,
  type SupplyInstructionSlot,
  DELIVERY_RESOURCE_SEARCH_LIMIT,
} from '@yoryo/contracts'
import { Prisma, type DbClient } from '@yoryo/db'
import { AppError } from '../../lib/errors.ts'
import { containsText, type Direction } from '../../lib/list.ts'
import { assessmentBasis } from '../assessment-basis/public.ts'
import { dateValue } from '../feeds/public.ts'
import type { DeliveryDataScope } from './scope.ts'

/**
 * Delivery-period data read back (B60, B70, B80, C10): the series the feed store wrote, per
 * resource and slot, as the caller's scope allows. Values are derived here, once:
 * - B60 average kW = kWh × 2 (a slot is half an hour);
 * - B70 shortfall = max(0, instructed − delivered);
 * - B80 a notice slot is a slot with a notice kind; unoffered = max(0, contract kW − offered);
 * - C10 delivered = min(instructed, max(0, baseline − actual)).
 */

// ---- lists computed in memory (a month of one resource's slots is small) ----

/** An order of a list kept in memory: the value to compare and the direction. */
export interface MemoryOrder<T> {
  key: (row: T) => string | number
  direction: Direction
}

/** `listRoute`'s sort entry of a column of a list kept in memory. */
export const byKey =
  <T>(key: (row: T) => string | number) =>
  (direction: Direction): MemoryOrder<T> => ({ key, direction })

/**
 * `listRoute`'s `where`, `find` and `count` of a list computed in memory: `load` gives every row
 * the caller may see for the query (its `where`); sorting and paging happen here.
 */
export function memoryList<Q, T>(load: (query: Q, request: FastifyRequest) => Promise<T[]>) {
  return {
    where: load,
    find: ({
      where,
      orderBy,
      skip,
      take,
    }: {
      where: T[]
      orderBy: MemoryOrder<T>[]
      skip: number
      take: number
    }) => {
      const sorted = [...where].sort((a, b) => {
        for (const o of orderBy) {
          const x = o.key(a)
          const y = o.key(b)
          if (x !== y) return (x < y ? -1 : 1) * (o.direction === 'asc' ? 1 : -1)
        }
        return 0
      })
      return Promise.resolve(sorted.slice(skip, skip + take))
    },
    count: (where: T[]) => Promise.resolve(where.length),
  }
}

// ---- resources ----

const resourceSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  area: true,
  participant: { select: { code: true, name: true } },
} satisfies Prisma.ResourceSelect
type ResourceRow = Prisma.ResourceGetPayload<{ select: typeof resourceSelect }>

function toResource(r: ResourceRow): DeliveryResource {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    area: r.area,
    participantCode: r.participant.code,
    participantName: r.participant.name,
  }
}

/** The resource picker: the caller's resources by part of code or name, the first 20 by code. */
export async function searchResources(
  db: DbClient,
  scope: DeliveryDataScope,
  query: { q?: string | undefined; kind?: ResourceKind | undefined },
): Promise<DeliveryResource[]> {
  const rows = await db.resource.findMany({
    where: {
      AND: [
        scope.resourceWhere,
        query.kind ? { kind: query.kind } : {},
        query.q ? { OR: [{ code: containsText(query.q) }, { name: containsText(query.q) }] } : {},
      ],
    },
    select: resourceSelect,
    orderBy: { code: 'asc' },
    take: DELIVERY_RESOURCE_SEARCH_LIMIT,
  })
  return rows.map(toResource)
}

/** One resource the caller may see; 404 otherwise (whether it exists is not told). */
export async function getResource(
  db: DbClient,
  scope: DeliveryDataScope,
  id: string,
): Promise<DeliveryResource> {
  const row = await db.resource.findFirst({
    where: { AND: [{ id }, scope.resourceWhere] },
    select: resourceSelect,
  })
  if (!row) throw new AppError('E-COMMON-002', 404)
  return toResource(row)
}

// ---- months and days ----

/** The JST dates of a month, first to last. */
export function datesOfMonth(month: string): string[] {
  const first = `${month}-01`
  return Array.from({ length: daysInMonth(month) }, (_, i) => addDays(first, i))
}

function monthRange(month: string): { from: Date; to: Date } {
  const first = `${month}-01`
  return { from: dateValue(first), to: dateValue(addDays(first, daysInMonth(month))) }
}

function rangeOf(month: string): { gte: Date; lt: Date } {
  const { from, to } = monthRange(month)
  return { gte: from, lt: to }
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)
const at = (values: readonly number[], i: number) => values[i] ?? 0

// ---- B60 metered generation ----

/** Every day of the month with its total kWh and peak kW (null when the day was not fed). */
export async function meteredDays(
  db: DbClient,
  resourceId: string,
  month: string,
): Promise<MeteredDay[]> {
  const rows = await db.deliveryDay.findMany({
    where: { resourceId, date: rangeOf(month) },
    select: { date: true, meteredKwh: true },
  })
  const byDate = new Map(rows.map((r) => [isoDate(r.date), r.meteredKwh]))
  return datesOfMonth(month).map((date) => {
    const kwh = byDate.get(date) ?? []
    if (!kwh.length) return { date, slotsFed: 0, totalKwh: null, peakKw: null }
    return {
      date,
      slotsFed: kwh.length,
      totalKwh: kwh.reduce((a, b) => a + b, 0),
      peakKw: Math.max(...kwh) * 2,
    }
  })
}

/** The 48 slots of a resource-day (kWh and kW null when the day was not fed). */
export async function meteredSlots(
  db: DbClient,
  resourceId: string,
  date: string,
): Promise<MeteredSlot[]> {
  const row = await db.deliveryDay.findUnique({
    where: { resourceId_date: { resourceId, date: dateValue(date) } },
    select: { meteredKwh: true },
  })
  const kwh = row?.meteredKwh ?? []
  return Array.from({ length: SLOTS_PER_DAY }, (_, i) => {
    const value = kwh.length ? at(kwh, i) : null
    return {
      slot: i + 1,
      time: slotTimeLabel(i + 1),
      kwh: value,
      averageKw: value === null ? null : value * 2,
    }
  })
}

// ---- B70 supply instructions ----

/**
 * The instructed slots (instructed kW > 0) of the caller's resources in a month, one row per
 * resource, day and slot: the 48-slot arrays unnested in PostgreSQL, so the list sorts, pages and
 * counts there (`sqlList`).
 */
export function supplyInstructionRows(
  scope: DeliveryDataScope,
  query: Pick<SupplyInstructionListQuery, 'month' | 'resourceId' | 'shortfall'>,
): Prisma.Sql {
  const { from, to } = monthRange(query.month)
  return Prisma.sql`
    SELECT resource_id, resource_code, resource_name, participant_code, date, slot,
           instructed_kw, delivered_kw, GREATEST(0, instructed_kw - delivered_kw) AS shortfall_kw
    FROM (
      SELECT d.resource_id, r.code AS resource_code, r.name AS resource_name,
             p.code AS participant_code, d.date, s.slot::int AS slot, s.instructed_kw,
             COALESCE(d.delivered_kw[s.slot::int], 0) AS delivered_kw
      FROM delivery_day d
      JOIN resource r ON r.id = d.resource_id
      JOIN participant p ON p.id = r.participant_id
      CROSS JOIN LATERAL unnest(d.instructed_kw) WITH ORDINALITY AS s(instructed_kw, slot)
      WHERE d.date >= ${from}::date AND d.date < ${to}::date
        AND 0 < ANY (d.instructed_kw)
        AND s.instructed_kw > 0
        AND ${scope.resourceSql}
        ${query.resourceId ? Prisma.sql`AND d.resource_id = ${query.resourceId}::uuid` : Prisma.empty}
    ) AS instructed
    ${query.shortfall === 'true' ? Prisma.sql`WHERE instructed_kw > delivered_kw` : Prisma.empty}`
}

export interface SupplyInstructionRow {
  resource_id: string
  resource_code: string
  resource_name: string
  participant_code: string
  date: Date
  slot: number
  instructed_kw: number
  delivered_kw: number
  shortfall_kw: number
}

export const toSupplyInstructionSlot = (r: SupplyInstructionRow): SupplyInstructionSlot => ({
  resourceId: r.resource_id,
  resourceCode: r.resource_code,
  resourceName: r.resource_name,
  participantCode: r.participant_code,
  date: isoDate(r.date),
  slot: r.slot,
  time: slotTimeLabel(r.slot),
  instructedKw: r.instructed_kw,
  deliveredKw: r.delivered_kw,
  shortfallKw: r.shortfall_kw,
})

// ---- B80 reserve-margin notices ----

const isNoticeKind = (kind: string): kind is ReserveNoticeKind =>
  (reserveNoticeKinds as readonly string[]).includes(kind)

async function noticeDays(db: DbClient, areas: Area[] | null, month: string) {
  return db.reserveNoticeDay.findMany({
    where: { date: rangeOf(month), ...(areas ? { area: { in: areas } } : {}) },
    select: { area: true, date: true, marginBp: true, noticeKind: true },
  })
}

/**
 * The notice slots of a month in the areas of the caller's resources (the operator: every area;
 * a TSO: its service area), one row per area, day and slot, unnested in PostgreSQL (`sqlList`).
 */
export function reserveNoticeRows(
  scope: DeliveryDataScope,
  operator: boolean,
  query: Pick<ReserveNoticeListQuery, 'month' | 'area'>,
): Prisma.Sql {
  const { from, to } = monthRange(query.month)
  return Prisma.sql`
    SELECT n.area::text AS area, n.date, s.slot::int AS slot, s.notice_kind,
           COALESCE(n.margin_bp[s.slot::int], 0) AS margin_bp
    FROM reserve_notice_day n
    CROSS JOIN LATERAL unnest(n.notice_kind) WITH ORDINALITY AS s(notice_kind, slot)
    WHERE n.date >= ${from}::date AND n.date < ${to}::date
      AND s.notice_kind = ANY (${[...reserveNoticeKinds]}::text[])
      ${operator ? Prisma.empty : Prisma.sql`AND n.area IN (SELECT r.area FROM resource r WHERE ${scope.resourceSql})`}
      ${query.area ? Prisma.sql`AND n.area::text = ${query.area}` : Prisma.empty}`
}

export interface ReserveNoticeRow {
  area: Area
  date: Date
  slot: number
  notice_kind: ReserveNoticeKind
  margin_bp: number
}

export const toReserveNoticeSlot = (r: ReserveNoticeRow): ReserveNoticeSlot => ({
  area: r.area,
  date: isoDate(r.date),
  slot: r.slot,
  time: slotTimeLabel(r.slot),
  marginPercent: r.margin_bp / 100,
  noticeKind: r.notice_kind,
})

/** A resource's offered and unoffered kW in the notice slots of its area in a month. */
export async function reserveOffers(
  db: DbClient,
  resource: DeliveryResource,
  month: string,
): Promise<ReserveOfferSlot[]> {
  const [basis, days, series] = await Promise.all([
    assessmentBasis(db, month, { resourceIds: [resource.id] }),
    noticeDays(db, [resource.area], month),
    db.deliveryDay.findMany({
      where: { resourceId: resource.id, date: rangeOf(month) },
      select: { date: true, offeredKw: true },
    }),
  ])
  const contractKw = basis.find((b) => b.resourceId === resource.id)?.contractKw ?? 0
  const offeredByDate = new Map(series.map((s) => [isoDate(s.date), s.offeredKw]))
  const out: ReserveOfferSlot[] = []
  for (const d of days) {
    const date = isoDate(d.date)
    const offered = offeredByDate.get(date) ?? []
    d.noticeKind.forEach((kind, i) => {
      if (!isNoticeKind(kind)) return
      const offeredKw = at(offered, i)
      out.push({
        date,
        slot: i + 1,
        time: slotTimeLabel(i + 1),
        marginPercent: at(d.marginBp, i) / 100,
        noticeKind: kind,
        contractKw,
        offeredKw,
        unofferedKw: Math.max(0, contractKw - offeredKw),
      })
    })
  }
  return out
}

// ---- C10 dispatch orders ----

const SLOT_MS = 30 * 60_000

/** The orders whose first slot lies in the month (JST), of the caller's resources. */
export function dispatchOrderWhere(
  scope: DeliveryDataScope,
  query: Pick<DispatchOrderListQuery, 'month' | 'resourceId'>,
): Prisma.DispatchOrderWhereInput {
  const first = `${query.month}-01`
  return {
    startAt: {
      gte: jstDayStart(first),
      lt: jstDayStart(addDays(first, daysInMonth(query.month))),
    },
    resource: scope.resourceWhere,
    ...(query.resourceId ? { resourceId: query.resourceId } : {}),
  }
}

export const dispatchOrderSort = {
  startAt: (d: Direction) => ({ startAt: d }),
  orderedAt: (d: Direction) => ({ orderedAt: d }),
  orderId: (d: Direction) => ({ orderId: d }),
  resourceCode: (d: Direction) => ({ resource: { code: d } }),
  instructedKw: (d: Direction) => ({ instructedKw: d }),
} satisfies Record<string, (d: Direction) => Prisma.DispatchOrderOrderByWithRelationInput>
export const dispatchOrderTieBreak: Prisma.DispatchOrderOrderByWithRelationInput[] = [
  { orderId: 'asc' },
]

const orderInclude = {
  resource: { select: { code: true, name: true, participant: { select: { code: true } } } },
} satisfies Prisma.DispatchOrderInclude
type OrderRow = Prisma.DispatchOrderGetPayload<{ include: typeof orderInclude }>

function orderSlots(row: OrderRow): DispatchOrderSlot[] {
  return row.baselineKw.map((baselineKw, i) => {
    const { date, slot } = slotOf(new Date(row.startAt.getTime() + i * SLOT_MS))
    const actualKw = at(row.actualKw, i)
    return {
      index: i + 1,
      date,
      slot,
      time: slotTimeLabel(slot),
      baselineKw,
      actualKw,
      deliveredKw: dispatchDeliveredKw(row.instructedKw, baselineKw, actualKw),
    }
  })
}

function toOrderSummary(row: OrderRow, slots: DispatchOrderSlot[]): DispatchOrderSummary {
  const delivered = slots.reduce((sum, s) => sum + s.deliveredKw, 0)
  return {
    id: row.id,
    orderId: row.orderId,
    resourceId: row.resourceId,
    resourceCode: row.resource.code,
    resourceName: row.resource.name,
    participantCode: row.resource.participant.code,
    orderedAt: row.orderedAt.toISOString(),
    startAt: row.startAt.toISOString(),
    endAt: new Date(row.startAt.getTime() + slots.length * SLOT_MS).toISOString(),
    slots: slots.length,
    instructedKw: row.instructedKw,
    averageDeliveredKw: slots.length ? Math.round(delivered / slots.length) : 0,
  }
}

export async function findDispatchOrders(
  db: DbClient,
  args: {
    where: Prisma.DispatchOrderWhereInput
    orderBy: Prisma.DispatchOrderOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<DispatchOrderSummary[]> {
  const rows = await db.dispatchOrder.findMany({ ...args, include: orderInclude })
  return rows.map((row) => toOrderSummary(row, orderSlots(row)))
}

/** One order of the caller's resources with its slots; 404 otherwise. */
export async function getDispatchOrder(
  db: DbClient,
  scope: DeliveryDataScope,
  id: string,
): Promise<DispatchOrderDetail> {
  const row = await db.dispatchOrder.findFirst({
    where: { id, resource: scope.resourceWhere },
    include: orderInclude,
  })
  if (!row) throw new AppError('E-COMMON-002', 404)
  const slotValues = orderSlots(row)
  return { ...toOrderSummary(row, slotValues), slotValues }
}
