import type { DbClient } from '@yoryo/db'
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
 * Refuses a write outside the window (`market_window.kind`) of an application kind, stating
 * the window (workflow.md "Deadlines"): the next one to open, or else the last one that closed.
 */
export async function assertWindowOpen(
  db: DbClient,
  windowKind: string,
  now: Date,
  lang: Lang,
): Promise<void> {
  const open = await db.marketWindow.findFirst({
    where: { kind: windowKind, opensAt: { lte: now }, closesAt: { gt: now } },
    select: { id: true },
  })
  if (open) return
  const stated =
    (await db.marketWindow.findFirst({
      where: { kind: windowKind, opensAt: { gt: now } },
      orderBy: { opensAt: 'asc' },
    })) ??
    (await db.marketWindow.findFirst({
      where: { kind: windowKind },
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
