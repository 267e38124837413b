import { Prisma, type DbClient } from '@yoryo/db'
import type { Area } from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'

/**
 * Whose delivery-period data a caller may feed and read (B60–B90, C10): the operator all of
 * it; a TSO the resources and areas of its service area (一般送配電事業者の供給区域); a
 * participant only its own resources, and it feeds nothing. The one rule of the feeds: the
 * feed API, the G00 files and the read screens all ask it.
 */
export type FeedScope =
  { kind: 'all' } | { kind: 'area'; area: Area } | { kind: 'participant'; participantId: string }

/** The scope of an organisation (the operator, a TSO, a participant) by its participant row. */
export async function feedScopeOfParticipant(
  db: DbClient,
  participantId: string,
): Promise<FeedScope> {
  const p = await db.participant.findUniqueOrThrow({
    where: { id: participantId },
    select: { kind: true, serviceArea: true },
  })
  if (p.kind === 'operator') return { kind: 'all' }
  if (p.kind === 'tso') {
    // A TSO without a service area feeds and reads nothing (set up by the operator).
    if (!p.serviceArea) throw new AppError('E-FEED-013', 403)
    return { kind: 'area', area: p.serviceArea }
  }
  return { kind: 'participant', participantId }
}

/** The scope of the caller (see `FeedScope`). */
export async function feedScope(db: DbClient, auth: AuthContext): Promise<FeedScope> {
  if (auth.user.role === 'operator') return { kind: 'all' }
  return feedScopeOfParticipant(db, auth.participant.id)
}

/** Whether the scope may write feeds at all (the operator and TSOs). */
export function mayFeed(scope: FeedScope): boolean {
  return scope.kind !== 'participant'
}

/** Whether a resource lies in the scope. */
export function resourceInScope(
  scope: FeedScope,
  resource: { area: Area; participantId: string },
): boolean {
  if (scope.kind === 'all') return true
  if (scope.kind === 'area') return resource.area === scope.area
  return resource.participantId === scope.participantId
}

/** The resources of the scope, as a Prisma filter (lists of delivery data). */
export function resourceScopeWhere(scope: FeedScope): Prisma.ResourceWhereInput {
  if (scope.kind === 'all') return {}
  if (scope.kind === 'area') return { area: scope.area }
  return { participantId: scope.participantId }
}

/** The resources of the scope as a SQL condition on a `resource` row aliased `r`. */
export function resourceScopeSql(scope: FeedScope): Prisma.Sql {
  if (scope.kind === 'all') return Prisma.sql`true`
  if (scope.kind === 'area') return Prisma.sql`r.area::text = ${scope.area}`
  return Prisma.sql`r.participant_id = ${scope.participantId}::uuid`
}

/** Whether the scope may write the reserve margins of an area (participants: none). */
export function areaInScope(scope: FeedScope, area: Area): boolean {
  if (scope.kind === 'all') return true
  return scope.kind === 'area' && scope.area === area
}
