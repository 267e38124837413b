import { Prisma, type DbClient } from '@yoryo/db'
import type { AuthContext } from '../../lib/context.ts'

/**
 * Whose delivery data a caller sees: the operator every resource's, a TSO the resources of its
 * service area (`Participant.serviceArea`; none without one), a participant its own. The one rule
 * of this module, as a Prisma filter on `Resource` and as a SQL condition on a resource aliased `r`.
 */
export interface DeliveryDataScope {
  resourceWhere: Prisma.ResourceWhereInput
  resourceSql: Prisma.Sql
}

export async function deliveryDataScope(
  db: DbClient,
  auth: AuthContext,
): Promise<DeliveryDataScope> {
  if (auth.user.role === 'operator') return { resourceWhere: {}, resourceSql: Prisma.sql`true` }
  if (auth.user.role === 'tso') {
    const participant = await db.participant.findUnique({
      where: { id: auth.participant.id },
      select: { serviceArea: true },
    })
    const area = participant?.serviceArea
    if (!area) return { resourceWhere: { id: { in: [] } }, resourceSql: Prisma.sql`false` }
    return { resourceWhere: { area }, resourceSql: Prisma.sql`r.area::text = ${area}` }
  }
  return {
    resourceWhere: { participantId: auth.participant.id },
    resourceSql: Prisma.sql`r.participant_id = ${auth.participant.id}::uuid`,
  }
}
