import type { DbClient, Prisma } from '@yoryo/db'
import type { ClientCertificateSortField, ClientCertificateStatus } from '@yoryo/contracts'
import { containsText, likeText } from '../../lib/list.ts'

/** Prisma access for client certificates (710/711). */

export const certificateInclude = {
  user: {
    select: {
      id: true,
      userId: true,
      name: true,
      participantId: true,
      participant: { select: { id: true, code: true, name: true } },
    },
  },
} as const
export type CertificateRow = Prisma.ClientCertificateGetPayload<{
  include: typeof certificateInclude
}>

export function findCertificate(db: DbClient, id: string): Promise<CertificateRow | null> {
  return db.clientCertificate.findUnique({ where: { id }, include: certificateInclude })
}

/** The fingerprints among `fingerprints` that are registered already (to anyone). */
export async function registeredFingerprints(
  db: DbClient,
  fingerprints: string[],
): Promise<Set<string>> {
  const rows = await db.clientCertificate.findMany({
    where: { fingerprint: { in: fingerprints } },
    select: { fingerprint: true },
  })
  return new Set(rows.map((r) => r.fingerprint))
}

/** The users of a participant that are not cancelled, by login user ID. */
export async function activeUsersByLoginId(
  db: DbClient,
  participantId: string,
  userIds: string[],
): Promise<Map<string, { id: string; userId: string }>> {
  const rows = await db.user.findMany({
    where: { participantId, userId: { in: userIds }, cancelledAt: null },
    select: { id: true, userId: true },
  })
  return new Map(rows.map((r) => [r.userId, r]))
}

export function statusWhere(
  status: ClientCertificateStatus,
  now: Date,
): Prisma.ClientCertificateWhereInput {
  switch (status) {
    case 'revoked':
      return { revokedAt: { not: null } }
    case 'expired':
      return { revokedAt: null, validTo: { lte: now } }
    case 'notYetValid':
      return { revokedAt: null, validFrom: { gt: now } }
    case 'active':
      return { revokedAt: null, validFrom: { lte: now }, validTo: { gt: now } }
  }
}

export function certificateWhere(
  filter: {
    participantId?: string | undefined
    user?: string | undefined
    status?: ClientCertificateStatus | undefined
    q?: string | undefined
  },
  now: Date,
): Prisma.ClientCertificateWhereInput {
  const and: Prisma.ClientCertificateWhereInput[] = []
  if (filter.participantId) and.push({ user: { participantId: filter.participantId } })
  if (filter.user) and.push({ userId: filter.user })
  if (filter.status) and.push(statusWhere(filter.status, now))
  if (filter.q) {
    const hex = filter.q.replaceAll(':', '').toUpperCase()
    and.push({
      OR: [
        { user: { userId: containsText(filter.q) } },
        ...(hex
          ? [
              { serialNumber: { contains: likeText(hex) } },
              { fingerprint: { contains: likeText(hex) } },
            ]
          : []),
      ],
    })
  }
  return { AND: and }
}

type Direction = 'asc' | 'desc'
type CertificateOrder = Prisma.ClientCertificateOrderByWithRelationInput

/**
 * The order of each sortable column of the certificate list. Status: certificates in use
 * first (by how long they stay valid), revoked last.
 */
export const certificateSort: Record<
  ClientCertificateSortField,
  (d: Direction) => CertificateOrder | CertificateOrder[]
> = {
  participantCode: (d) => ({ user: { participant: { code: d } } }),
  userId: (d) => ({ user: { userId: d } }),
  serialNumber: (d) => ({ serialNumber: d }),
  fingerprint: (d) => ({ fingerprint: d }),
  validFrom: (d) => ({ validFrom: d }),
  validTo: (d) => ({ validTo: d }),
  status: (d) => [
    { revokedAt: { sort: d, nulls: d === 'asc' ? 'first' : 'last' } },
    { validTo: d === 'asc' ? 'desc' : 'asc' },
  ],
  createdAt: (d) => ({ createdAt: d }),
}

/** Ties: the latest validity first, then the internal ID. */
export const certificateTieBreak: CertificateOrder[] = [{ validTo: 'desc' }, { id: 'asc' }]

export function listCertificates(
  db: DbClient,
  where: Prisma.ClientCertificateWhereInput,
  orderBy: Prisma.ClientCertificateOrderByWithRelationInput[],
  skip: number,
  take: number,
): Promise<CertificateRow[]> {
  return db.clientCertificate.findMany({ where, orderBy, skip, take, include: certificateInclude })
}

export function countCertificates(db: DbClient, where: Prisma.ClientCertificateWhereInput) {
  return db.clientCertificate.count({ where })
}

export function createCertificate(
  db: DbClient,
  data: Prisma.ClientCertificateUncheckedCreateInput,
): Promise<CertificateRow> {
  return db.clientCertificate.create({ data, include: certificateInclude })
}

/** Revokes the certificate only if it still has `version`; false when stale. */
export async function revokeAtVersion(
  db: DbClient,
  id: string,
  version: number,
  now: Date,
): Promise<boolean> {
  const { count } = await db.clientCertificate.updateMany({
    where: { id, version, revokedAt: null },
    data: { revokedAt: now, version: { increment: 1 } },
  })
  return count === 1
}

/** Ends the sessions that logged in with this certificate. */
export function endSessionsWithCertificate(
  db: DbClient,
  userId: string,
  fingerprint: string,
  now: Date,
) {
  return db.session.updateMany({
    where: { userId, certificate: fingerprint, endedAt: null },
    data: { endedAt: now, endReason: 'certificateRevoked' },
  })
}

/**
 * Certificates in use that expire in (now, until], of one user or of every active user of a
 * participant; with, per user, whether another certificate stays valid beyond `until`.
 */
export async function expiringCertificates(
  db: DbClient,
  scope: { userId: string } | { participantId: string },
  now: Date,
  until: Date,
) {
  const users: Prisma.UserWhereInput =
    'userId' in scope
      ? { id: scope.userId }
      : { participantId: scope.participantId, cancelledAt: null }
  const expiring = await db.clientCertificate.findMany({
    where: { revokedAt: null, validTo: { gt: now, lte: until }, user: users },
    orderBy: [{ validTo: 'asc' }, { id: 'asc' }],
    include: certificateInclude,
  })
  if (!expiring.length) return []
  const renewed = await db.clientCertificate.findMany({
    where: {
      revokedAt: null,
      validTo: { gt: until },
      userId: { in: [...new Set(expiring.map((c) => c.userId))] },
    },
    select: { userId: true },
  })
  const renewedUsers = new Set(renewed.map((r) => r.userId))
  return expiring.filter((c) => !renewedUsers.has(c.userId))
}
