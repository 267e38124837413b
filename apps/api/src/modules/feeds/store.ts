/**
 * The one way delivery-period data is written (records.md "Delivery-period data"): the feed API,
 * the G00 bulk files, the demo and test support all go through these functions.
 *
 * Idempotent per key: a series of a resource-day, an area-day of reserve margins, a dispatch
 * order by its ID. Sending the same values again writes nothing (`unchanged`); other values
 * replace the stored ones (`replaced`), and the previous values are kept as a revision.
 * Call inside a transaction: the row is locked while it is compared and written.
 */
import { SLOTS_PER_DAY } from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { type DbClient } from '@yoryo/db'

export { SLOTS_PER_DAY }

/** The 48-value series of `delivery_day`. */
export const daySeries = [
  'meteredKwh',
  'instructedKw',
  'deliveredKw',
  'restrainedKw',
  'offeredKw',
] as const
export type DaySeries = (typeof daySeries)[number]

const columnOf: Record<DaySeries, string> = {
  meteredKwh: 'metered_kwh',
  instructedKw: 'instructed_kw',
  deliveredKw: 'delivered_kw',
  restrainedKw: 'restrained_kw',
  offeredKw: 'offered_kw',
}

export type WriteOutcome = 'created' | 'replaced' | 'unchanged'

export interface FeedWriter {
  /** Where the data came from: `api`, `bulk`, `demo`, `test`. */
  source: string
  userId: string | null
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/** `YYYY-MM-DD` → the DATE value Prisma expects (midnight UTC of that calendar day). */
export function dateValue(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/**
 * Writes some series of one resource on one JST day (each exactly 48 values). Series not given
 * keep their values. Returns per series what happened.
 */
export async function putDaySeries(
  tx: DbClient,
  writer: FeedWriter,
  input: {
    resourceId: string
    /** The resource code, kept with a revision. */
    resourceCode: string
    date: string
    series: Partial<Record<DaySeries, readonly number[]>>
  },
): Promise<Partial<Record<DaySeries, WriteOutcome>>> {
  const given = daySeries.filter((s) => input.series[s] !== undefined)
  for (const s of given) {
    if (input.series[s]?.length !== SLOTS_PER_DAY) throw new RangeError(`${s}: 48 values expected`)
  }
  const day = dateValue(input.date)
  await tx.$executeRaw`
    INSERT INTO delivery_day (resource_id, date, metered_kwh, instructed_kw, delivered_kw, restrained_kw, offered_kw, updated_at)
    VALUES (${input.resourceId}::uuid, ${day}::date, '{}', '{}', '{}', '{}', '{}', now())
    ON CONFLICT (resource_id, date) DO NOTHING`
  const [row] = await tx.$queryRaw<Record<string, number[]>[]>`
    SELECT metered_kwh, instructed_kw, delivered_kw, restrained_kw, offered_kw
    FROM delivery_day WHERE resource_id = ${input.resourceId}::uuid AND date = ${day}::date
    FOR UPDATE`
  const outcome: Partial<Record<DaySeries, WriteOutcome>> = {}
  const data: Partial<Record<DaySeries, number[]>> = {}
  for (const s of given) {
    const next = [...(input.series[s] as number[])]
    const previous = row?.[columnOf[s]] ?? []
    if (sameValues(previous, next)) {
      outcome[s] = 'unchanged'
      continue
    }
    outcome[s] = previous.length ? 'replaced' : 'created'
    data[s] = next
    if (previous.length) {
      await tx.deliveryDayRevision.create({
        data: {
          subject: input.resourceCode,
          key: input.date,
          series: s,
          previous,
          source: writer.source,
          replacedBy: writer.userId,
        },
      })
    }
  }
  if (Object.keys(data).length) {
    await tx.deliveryDay.update({
      where: { resourceId_date: { resourceId: input.resourceId, date: day } },
      data: { ...data, version: { increment: 1 } },
    })
  }
  return outcome
}

/** Writes the reserve margins and notice kinds of one area on one JST day (48 each). */
export async function putReserveNoticeDay(
  tx: DbClient,
  writer: FeedWriter,
  input: {
    area: Prisma.ReserveNoticeDayCreateInput['area']
    date: string
    marginBp: readonly number[]
    noticeKind: readonly string[]
  },
): Promise<WriteOutcome> {
  if (input.marginBp.length !== SLOTS_PER_DAY || input.noticeKind.length !== SLOTS_PER_DAY) {
    throw new RangeError('reserve notices: 48 values expected')
  }
  const day = dateValue(input.date)
  const key = { area_date: { area: input.area, date: day } }
  const existing = await tx.reserveNoticeDay.findUnique({ where: key })
  const next = { marginBp: [...input.marginBp], noticeKind: [...input.noticeKind] }
  if (!existing) {
    await tx.reserveNoticeDay.create({ data: { area: input.area, date: day, ...next } })
    return 'created'
  }
  if (
    sameValues(existing.marginBp, next.marginBp) &&
    sameValues(existing.noticeKind, next.noticeKind)
  ) {
    return 'unchanged'
  }
  await tx.deliveryDayRevision.create({
    data: {
      subject: input.area,
      key: input.date,
      series: 'reserveNotice',
      previous: { marginBp: existing.marginBp, noticeKind: existing.noticeKind },
      source: writer.source,
      replacedBy: writer.userId,
    },
  })
  await tx.reserveNoticeDay.update({ where: key, data: { ...next, version: { increment: 1 } } })
  return 'replaced'
}

export interface DispatchOrderInput {
  orderId: string
  resourceId: string
  orderedAt: Date
  /** Start of the first slot, on a 30-minute boundary. */
  startAt: Date
  instructedKw: number
  baselineKw: readonly number[]
  actualKw: readonly number[]
}

/** Writes one dispatch order by its ID (the arrays: one value per ordered slot). */
export async function putDispatchOrder(
  tx: DbClient,
  writer: FeedWriter,
  input: DispatchOrderInput,
): Promise<WriteOutcome> {
  if (!input.baselineKw.length || input.baselineKw.length !== input.actualKw.length) {
    throw new RangeError('dispatch order: one baseline and one actual per slot')
  }
  const next = {
    resourceId: input.resourceId,
    orderedAt: input.orderedAt,
    startAt: input.startAt,
    instructedKw: input.instructedKw,
    baselineKw: [...input.baselineKw],
    actualKw: [...input.actualKw],
  }
  const existing = await tx.dispatchOrder.findUnique({ where: { orderId: input.orderId } })
  if (!existing) {
    await tx.dispatchOrder.create({ data: { orderId: input.orderId, ...next } })
    return 'created'
  }
  const unchanged =
    existing.resourceId === next.resourceId &&
    existing.orderedAt.getTime() === next.orderedAt.getTime() &&
    existing.startAt.getTime() === next.startAt.getTime() &&
    existing.instructedKw === next.instructedKw &&
    sameValues(existing.baselineKw, next.baselineKw) &&
    sameValues(existing.actualKw, next.actualKw)
  if (unchanged) return 'unchanged'
  await tx.deliveryDayRevision.create({
    data: {
      subject: input.orderId,
      key: input.orderId,
      series: 'dispatchOrder',
      previous: {
        resourceId: existing.resourceId,
        orderedAt: existing.orderedAt.toISOString(),
        startAt: existing.startAt.toISOString(),
        instructedKw: existing.instructedKw,
        baselineKw: existing.baselineKw,
        actualKw: existing.actualKw,
      },
      source: writer.source,
      replacedBy: writer.userId,
    },
  })
  await tx.dispatchOrder.update({
    where: { orderId: input.orderId },
    data: { ...next, version: { increment: 1 } },
  })
  return 'replaced'
}
