import type { DbClient } from '@yoryo/db'
import type { FeedDay } from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { feedScope, resourceInScope } from './scope.ts'
import { dateValue, daySeries } from './store.ts'

/**
 * Read-back of a resource-day for integrators: what is stored and the values it replaced (the
 * revisions, newest first). A TSO outside its area: 403 E-FEED-008; a participant's request for
 * another participant's resource: 404, as for every record of another participant.
 */
export async function readFeedDay(
  db: DbClient,
  auth: AuthContext,
  resourceCode: string,
  date: string,
): Promise<FeedDay> {
  const scope = await feedScope(db, auth)
  const resource = await db.resource.findUnique({
    where: { code: resourceCode },
    select: { id: true, code: true, area: true, participantId: true },
  })
  if (!resource) throw new AppError('E-COMMON-002', 404)
  if (!resourceInScope(scope, resource)) {
    if (scope.kind === 'participant') throw new AppError('E-COMMON-002', 404)
    throw new AppError('E-FEED-008', 403, { params: { code: resourceCode } })
  }
  const [row, revisions] = await Promise.all([
    db.deliveryDay.findUnique({
      where: { resourceId_date: { resourceId: resource.id, date: dateValue(date) } },
    }),
    db.deliveryDayRevision.findMany({
      where: { subject: resource.code, key: date, series: { in: [...daySeries] } },
      orderBy: [{ replacedAt: 'desc' }, { id: 'asc' }],
      select: { series: true, previous: true, source: true, replacedAt: true },
    }),
  ])
  return {
    resourceCode: resource.code,
    date,
    area: resource.area,
    meteredKwh: row?.meteredKwh ?? [],
    instructedKw: row?.instructedKw ?? [],
    deliveredKw: row?.deliveredKw ?? [],
    restrainedKw: row?.restrainedKw ?? [],
    offeredKw: row?.offeredKw ?? [],
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    revisions: revisions.map((r) => ({ ...r, replacedAt: r.replacedAt.toISOString() })),
  }
}
