import type { DbClient, Prisma } from '@yoryo/db'
import { type UserListQuery, type UserSortField, type UserStatus } from '@yoryo/contracts'
import { containsText } from '../../lib/list.ts'

/** Prisma access for users (020) and their rights (A40). */

export const userInclude = {
  participant: { select: { id: true, code: true, name: true, kind: true, status: true } },
} as const
export type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>

export function findUser(db: DbClient, id: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id }, include: userInclude })
}

export function findParticipant(db: DbClient, id: string) {
  return db.participant.findUnique({
    where: { id },
    select: { id: true, code: true, name: true, kind: true, status: true },
  })
}

export function loginIdTaken(db: DbClient, participantId: string, userId: string) {
  return db.user.count({ where: { participantId, userId } })
}

/** Each status as a filter; a lock set at or before `lockCutoff` has run out (active). */
function statusWhere(status: UserStatus, lockCutoff: Date): Prisma.UserWhereInput {
  switch (status) {
    case 'active':
      return { cancelledAt: null, OR: [{ lockedAt: null }, { lockedAt: { lte: lockCutoff } }] }
    case 'locked':
      return { cancelledAt: null, lockedAt: { gt: lockCutoff } }
    case 'cancelled':
      return { cancelledAt: { not: null } }
  }
}

/**
 * The list filter; `participantId` is already narrowed to what the caller may see, `lockCutoff`
 * from `lockCutoff()` of lib/login-lock.ts.
 */
export function userWhere(
  filter: Pick<UserListQuery, 'role' | 'status' | 'q'> & { participantId?: string | undefined },
  lockCutoff: Date,
): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = []
  if (filter.participantId) and.push({ participantId: filter.participantId })
  if (filter.role) and.push({ role: filter.role })
  if (filter.status) and.push(statusWhere(filter.status, lockCutoff))
  if (filter.q) {
    and.push({
      OR: [{ userId: containsText(filter.q) }, { name: containsText(filter.q) }],
    })
  }
  return { AND: and }
}

type Direction = 'asc' | 'desc'
const nullsLast = (direction: Direction) => ({ sort: direction, nulls: 'last' as const })

/** The order of each sortable column of the user list; status: active, locked, cancelled. */
export const userSort: Record<
  UserSortField,
  (d: Direction) => Prisma.UserOrderByWithRelationInput | Prisma.UserOrderByWithRelationInput[]
> = {
  participantCode: (d: Direction) => ({ participant: { code: d } }),
  userId: (d: Direction) => ({ userId: d }),
  name: (d: Direction) => ({ name: d }),
  role: (d: Direction) => ({ role: d }),
  status: (d: Direction) => [
    { cancelledAt: { sort: d, nulls: d === 'asc' ? ('first' as const) : ('last' as const) } },
    { lockedAt: { sort: d, nulls: d === 'asc' ? ('first' as const) : ('last' as const) } },
  ],
  email: (d: Direction) => ({ email: d }),
  validTo: (d: Direction) => ({ validTo: nullsLast(d) }),
  lastLoginAt: (d: Direction) => ({ lastLoginAt: nullsLast(d) }),
  createdAt: (d: Direction) => ({ createdAt: d }),
}

/** Ties: by user ID, then the internal ID, so pages never overlap. */
export const userTieBreak: Prisma.UserOrderByWithRelationInput[] = [
  { userId: 'asc' },
  { id: 'asc' },
]

export function listUsers(
  db: DbClient,
  where: Prisma.UserWhereInput,
  orderBy: Prisma.UserOrderByWithRelationInput[],
  skip: number,
  take: number,
): Promise<UserRow[]> {
  return db.user.findMany({ where, orderBy, skip, take, include: userInclude })
}

export function countUsers(db: DbClient, where: Prisma.UserWhereInput) {
  return db.user.count({ where })
}

export function createUser(db: DbClient, data: Prisma.UserUncheckedCreateInput): Promise<UserRow> {
  return db.user.create({ data, include: userInclude })
}

/** Updates the user only if it still has `version`, and bumps it; false when stale. */
export async function updateUserAtVersion(
  db: DbClient,
  id: string,
  version: number,
  data: Prisma.UserUncheckedUpdateManyInput,
): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  })
  return count === 1
}

export function endSessions(db: DbClient, userId: string, reason: string, now: Date) {
  return db.session.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: now, endReason: reason },
  })
}

export function revokeApiTokens(db: DbClient, userId: string, now: Date) {
  return db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
}

export function addPasswordHistory(db: DbClient, userId: string, passwordHash: string) {
  return db.passwordHistory.create({ data: { userId, passwordHash } })
}

export function listPermissions(db: DbClient, userId: string) {
  return db.userPermission.findMany({
    where: { userId },
    select: { functionGroup: true, canView: true, canEdit: true },
  })
}

export async function replacePermissions(
  db: DbClient,
  userId: string,
  rows: { functionGroup: string; canView: boolean; canEdit: boolean }[],
): Promise<void> {
  await db.userPermission.deleteMany({ where: { userId } })
  if (rows.length) {
    await db.userPermission.createMany({ data: rows.map((r) => ({ ...r, userId })) })
  }
}
