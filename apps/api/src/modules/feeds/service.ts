import type { Db, DbClient } from '@yoryo/db'
import {
  SLOTS_PER_DAY,
  type Area,
  type FeedOutcome,
  type FeedResult,
  type MessageId,
} from '@yoryo/contracts'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { Lang } from '../../lib/problem.ts'
import { fieldError } from '../users/public.ts'
import { areaInScope, feedScope, mayFeed, resourceInScope, type FeedScope } from './scope.ts'
import {
  putDaySeries,
  putDispatchOrder,
  putReserveNoticeDay,
  type DaySeries,
  type FeedWriter,
  type WriteOutcome,
} from './store.ts'

/**
 * The feeds (B60–B90, C10) as the API and the G00 files send them: the keys are checked
 * against the caller's scope and the resources, then written through store.ts (idempotent per
 * key, revisions), all in one transaction.
 */

/** The feeds, by the function they belong to. */
export type FeedName =
  | 'meteredGeneration'
  | 'supplyInstructions'
  | 'reserveNotices'
  | 'operationRestraint'
  | 'dispatchOrders'

/** The resource of a feed key, as the checks need it. */
export interface FeedResource {
  id: string
  code: string
  area: Area
  kind: string
  participantId: string
}

/** A problem of one item; `scope` problems answer 403, the others 400. */
export interface FeedProblem {
  path: (string | number)[]
  messageId: MessageId
  params?: Record<string, string | number>
  scope?: boolean
}

/** The active resources of the codes, by code (one query). */
export async function feedResources(
  db: DbClient,
  codes: Iterable<string>,
): Promise<Map<string, FeedResource>> {
  const rows = await db.resource.findMany({
    where: { code: { in: [...new Set(codes)] }, status: 'active' },
    select: { id: true, code: true, area: true, kind: true, participantId: true },
  })
  return new Map(rows.map((r) => [r.code, r]))
}

/**
 * The problem of feeding a resource, or null: no active resource (E-FEED-007), outside the
 * scope (E-FEED-008), not a dispatch-order resource for an order (E-FEED-010).
 */
export function resourceProblem(
  scope: FeedScope,
  resource: FeedResource | undefined,
  code: string,
  feed: FeedName,
): Omit<FeedProblem, 'path'> | null {
  if (!resource) return { messageId: 'E-FEED-007', params: { code } }
  if (!resourceInScope(scope, resource)) {
    return { messageId: 'E-FEED-008', params: { code }, scope: true }
  }
  if (feed === 'dispatchOrders' && resource.kind !== 'dispatchOrder') {
    return { messageId: 'E-FEED-010', params: { code } }
  }
  return null
}

/** The problem of feeding an area's reserve margins, or null (E-FEED-009). */
export function areaProblem(scope: FeedScope, area: Area): Omit<FeedProblem, 'path'> | null {
  return areaInScope(scope, area)
    ? null
    : { messageId: 'E-FEED-009', params: { area }, scope: true }
}

/** A day's series from the slots given: the value of each given slot, 0 elsewhere. */
export function seriesOfSlots<T extends { slot: number }>(
  slots: readonly T[],
  value: (slot: T) => number,
): number[] {
  const series = Array<number>(SLOTS_PER_DAY).fill(0)
  for (const s of slots) series[s.slot - 1] = value(s)
  return series
}

/** One outcome of several series written under one key: replaced wins over created. */
export function combinedOutcome(outcomes: (WriteOutcome | undefined)[]): FeedOutcome {
  if (outcomes.includes('replaced')) return 'replaced'
  if (outcomes.includes('created')) return 'created'
  return 'unchanged'
}

/** A resource-day of a feed: the series it writes. */
export interface DayItem {
  resourceCode: string
  date: string
  series: Partial<Record<DaySeries, readonly number[]>>
}
export interface AreaDayItem {
  area: Area
  date: string
  marginBp: readonly number[]
  noticeKind: readonly string[]
}
export interface OrderItem {
  orderId: string
  resourceCode: string
  orderedAt: Date
  startAt: Date
  instructedKw: number
  baselineKw: readonly number[]
  actualKw: readonly number[]
}

/** What one feed request writes; each list in request order with the path of its items. */
export interface FeedBatch {
  days: { path: (string | number)[]; item: DayItem }[]
  areaDays: { path: (string | number)[]; item: AreaDayItem }[]
  orders: { path: (string | number)[]; item: OrderItem }[]
}

/**
 * The checks of a batch against the scope, the resources and itself (a key once; the files
 * check that over the whole file themselves: `keysOnce: false`).
 */
export async function checkFeedBatch(
  db: DbClient,
  scope: FeedScope,
  feed: FeedName,
  batch: FeedBatch,
  options: { keysOnce?: boolean } = {},
): Promise<{ problems: FeedProblem[]; resources: Map<string, FeedResource> }> {
  const resources = await feedResources(db, [
    ...batch.days.map((d) => d.item.resourceCode),
    ...batch.orders.map((o) => o.item.resourceCode),
  ])
  const problems: FeedProblem[] = []
  const seen = new Set<string>()
  const once = (path: (string | number)[], key: string) => {
    if (options.keysOnce === false) return true
    if (seen.has(key)) {
      problems.push({ path, messageId: 'E-FEED-011', params: { key } })
      return false
    }
    seen.add(key)
    return true
  }
  for (const { path, item } of batch.days) {
    const p = resourceProblem(scope, resources.get(item.resourceCode), item.resourceCode, feed)
    if (p) problems.push({ path: [...path, 'resourceCode'], ...p })
    else once(path, `${item.resourceCode}/${item.date}`)
  }
  for (const { path, item } of batch.areaDays) {
    const p = areaProblem(scope, item.area)
    if (p) problems.push({ path: [...path, 'area'], ...p })
    else once(path, `${item.area}/${item.date}`)
  }
  const orderIds = batch.orders.map((o) => o.item.orderId)
  const stored = orderIds.length
    ? await db.dispatchOrder.findMany({
        where: { orderId: { in: orderIds } },
        select: { orderId: true, resource: { select: { code: true } } },
      })
    : []
  const storedFor = new Map(stored.map((o) => [o.orderId, o.resource.code]))
  for (const { path, item } of batch.orders) {
    const p = resourceProblem(scope, resources.get(item.resourceCode), item.resourceCode, feed)
    if (p) {
      problems.push({ path: [...path, 'resourceCode'], ...p })
      continue
    }
    const before = storedFor.get(item.orderId)
    if (before && before !== item.resourceCode) {
      problems.push({
        path: [...path, 'orderId'],
        messageId: 'E-FEED-012',
        params: { orderId: item.orderId, code: before },
      })
      continue
    }
    once(path, item.orderId)
  }
  return { problems, resources }
}

/** Writes a checked batch; the outcome of each key in order (days, area-days, orders). */
export async function writeFeedBatch(
  tx: DbClient,
  writer: FeedWriter,
  resources: Map<string, FeedResource>,
  batch: FeedBatch,
): Promise<{ key: string; outcome: FeedOutcome }[]> {
  const out: { key: string; outcome: FeedOutcome }[] = []
  for (const { item } of batch.days) {
    const resource = resources.get(item.resourceCode) as FeedResource
    const outcomes = await putDaySeries(tx, writer, {
      resourceId: resource.id,
      resourceCode: resource.code,
      date: item.date,
      series: item.series,
    })
    out.push({
      key: `${item.resourceCode}/${item.date}`,
      outcome: combinedOutcome(Object.values(outcomes)),
    })
  }
  for (const { item } of batch.areaDays) {
    const outcome = await putReserveNoticeDay(tx, writer, item)
    out.push({ key: `${item.area}/${item.date}`, outcome })
  }
  for (const { item } of batch.orders) {
    const resource = resources.get(item.resourceCode) as FeedResource
    const outcome = await putDispatchOrder(tx, writer, {
      orderId: item.orderId,
      resourceId: resource.id,
      orderedAt: item.orderedAt,
      startAt: item.startAt,
      instructedKw: item.instructedKw,
      baselineKw: item.baselineKw,
      actualKw: item.actualKw,
    })
    out.push({ key: item.orderId, outcome })
  }
  return out
}

/** The counts of outcomes. */
export function outcomeCounts(items: { outcome: FeedOutcome }[]) {
  const count = (o: FeedOutcome) => items.filter((i) => i.outcome === o).length
  return { created: count('created'), replaced: count('replaced'), unchanged: count('unchanged') }
}

/** How long one feed request may hold its transaction (1,000 resource-days). */
const FEED_TRANSACTION = { timeout: 60_000, maxWait: 30_000 }

/**
 * One feed request of the API: checked (scope, resources, keys once), then written all or
 * nothing in one transaction with one audit entry (the counts, not the values).
 */
export async function feed(
  db: Db,
  caller: { auth: AuthContext; actor: Actor; lang: Lang },
  name: FeedName,
  batch: FeedBatch,
): Promise<FeedResult> {
  const scope = await feedScope(db, caller.auth)
  if (!mayFeed(scope)) throw new AppError('E-AUTH-005', 403)
  const writer: FeedWriter = { source: 'api', userId: caller.auth.user.id }
  const items = await db.$transaction(async (tx) => {
    const { problems, resources } = await checkFeedBatch(tx, scope, name, batch)
    if (problems.length) {
      const errors = problems.map((p) => fieldError(caller.lang, p.path, p.messageId, p.params))
      const first = problems.find((p) => p.scope) ?? (problems[0] as FeedProblem)
      throw new AppError(first.scope ? first.messageId : 'E-COMMON-001', first.scope ? 403 : 400, {
        errors,
        params: first.params ?? {},
      })
    }
    const written = await writeFeedBatch(tx, writer, resources, batch)
    await audit(tx, caller.actor, {
      action: 'feed.write',
      entityType: 'feed',
      entityId: name,
      participantId: caller.auth.participant.id,
      after: { source: 'api', items: written.length, ...outcomeCounts(written) },
    })
    return written
  }, FEED_TRANSACTION)
  return { items, ...outcomeCounts(items) }
}
