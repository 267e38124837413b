import type { CurrentWindow } from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import { AppError } from '../../lib/errors.ts'
import type { Lang } from '../../lib/problem.ts'

const jstMinute = (d: Date) =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)

/**
 * The windows of a kind that apply to a delivery year: those for that year when there are any,
 * else those for any year (`delivery_year` null); without a year, every window of the kind.
 */
export async function windowsFor(
  db: DbClient,
  windowKind: string,
  deliveryYear?: number,
): Promise<Prisma.MarketWindowWhereInput> {
  if (deliveryYear === undefined) return { kind: windowKind }
  const ofYear = await db.marketWindow.count({ where: { kind: windowKind, deliveryYear } })
  return { kind: windowKind, deliveryYear: ofYear > 0 ? deliveryYear : null }
}

/**
 * Refuses a write outside the window (`market_window.kind`) of an application kind, stating
 * the window (workflow.md "Deadlines"): the next one to open, or else the last one that closed.
 * With a delivery year, the windows for that year count, else those for any year.
 */
export async function assertWindowOpen(
  db: DbClient,
  windowKind: string,
  now: Date,
  lang: Lang,
  deliveryYear?: number,
): Promise<void> {
  const where = await windowsFor(db, windowKind, deliveryYear)
  const open = await db.marketWindow.findFirst({
    where: { ...where, opensAt: { lte: now }, closesAt: { gt: now } },
    select: { id: true },
  })
  if (open) return
  const stated =
    (await db.marketWindow.findFirst({
      where: { ...where, opensAt: { gt: now } },
      orderBy: { opensAt: 'asc' },
    })) ??
    (await db.marketWindow.findFirst({
      where,
      orderBy: { closesAt: 'desc' },
    }))
  if (!stated) throw new AppError('E-APP-005', 409)
  throw new AppError('E-APP-004', 409, {
    params: {
      window: lang === 'en' ? stated.titleEn : stated.titleJa,
      opensAt: jstMinute(stated.opensAt),
      closesAt: jstMinute(stated.closesAt),
    },
  })
}

/**
 * The window of a kind for a delivery year as screens show it (`CurrentWindow`): open now, else
 * the next to open, else the last that closed — of that year's windows, else those for any year.
 */
export async function currentWindow(
  db: DbClient,
  windowKind: string,
  deliveryYear?: number,
  now = new Date(),
): Promise<CurrentWindow> {
  const where = await windowsFor(db, windowKind, deliveryYear)
  const row =
    (await db.marketWindow.findFirst({
      where: { ...where, opensAt: { lte: now }, closesAt: { gt: now } },
      orderBy: { closesAt: 'asc' },
    })) ??
    (await db.marketWindow.findFirst({
      where: { ...where, opensAt: { gt: now } },
      orderBy: { opensAt: 'asc' },
    })) ??
    (await db.marketWindow.findFirst({ where, orderBy: { closesAt: 'desc' } }))
  if (!row) return { window: null }
  return {
    window: {
      titleJa: row.titleJa,
      titleEn: row.titleEn,
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      state: row.opensAt > now ? 'upcoming' : row.closesAt > now ? 'open' : 'closed',
    },
  }
}
