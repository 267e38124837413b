import type { Prisma, DbClient } from '@yoryo/db'
import type { AuthContext } from '../../lib/context.ts'
import { feedScope, resourceScopeSql, resourceScopeWhere } from '../feeds/public.ts'

/**
 * Whose delivery data a caller sees — the one rule of the feeds (`feedScope`): the operator every
 * resource's, a TSO the resources of its service area (a TSO without one is refused,
 * E-FEED-013), a participant its own. As a Prisma filter on `Resource` and as a SQL condition on
 * a resource aliased `r`.
 */
export interface DeliveryDataScope {
  resourceWhere: Prisma.ResourceWhereInput
  resourceSql: Prisma.Sql
}

export async function deliveryDataScope(
  db: DbClient,
  auth: AuthContext,
): Promise<DeliveryDataScope> {
  const scope = await feedScope(db, auth)
  return { resourceWhere: resourceScopeWhere(scope), resourceSql: resourceScopeSql(scope) }
}
