import type { Db } from '@yoryo/db'

/** Prisma access for identity: users, sessions, tokens, certificates, password history. */

const identityInclude = { participant: true, permissions: true } as const

export function findUserForLogin(db: Db, participantCode: string, userId: string) {
  return db.user.findFirst({
    where: { userId, participant: { code: participantCode } },
    include: identityInclude,
  })
}

export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db.session.findUnique({
    where: { tokenHash },
    include: { user: { include: identityInclude } },
  })
}

export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db.apiToken.findUnique({
    where: { tokenHash },
    include: { user: { include: identityInclude } },
  })
}

export function findUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, include: identityInclude })
}

export function recentPasswordHashes(db: Db, userId: string, take: number) {
  return db.passwordHistory.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take,
    select: { passwordHash: true },
  })
}

/** The start of the session before the newest one: the user's previous login. */
export async function previousLoginAt(db: Db, userId: string): Promise<Date | null> {
  const rows = await db.session.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    skip: 1,
    take: 1,
    select: { createdAt: true },
  })
  return rows[0]?.createdAt ?? null
}

export function hasActiveCertificate(db: Db, userId: string, fingerprint: string, now: Date) {
  return db.clientCertificate.count({
    where: {
      userId,
      fingerprint,
      revokedAt: null,
      validFrom: { lte: now },
      validTo: { gt: now },
    },
  })
}
