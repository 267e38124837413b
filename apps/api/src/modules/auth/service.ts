import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { LoginRequest, MessageId, PasswordChangeRequest, SessionUser } from '@yoryo/contracts'
import {
  formatMessage,
  functionGroupCodes,
  MAX_FAILED_LOGINS,
  PASSWORD_HISTORY_SIZE,
  type Permission,
} from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newSecret, sha256Hex } from '../../lib/crypto.ts'
import { API_TOKEN_PREFIX } from '../../lib/app-types.ts'
import { isMaintenanceBlocking } from '../system/public.ts'
import {
  checkPasswordPolicy,
  dummyPasswordHash,
  hashPassword,
  passwordExpiresAt,
  verifyPassword,
} from './password.ts'
import * as repo from './repository.ts'

type UserWithParticipant = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>

/** Only write `lastSeenAt` when it moved this much, so reads stay reads. */
const TOUCH_INTERVAL_MS = 30_000

function usable(user: UserWithParticipant, now: Date): boolean {
  return (
    !user.lockedAt &&
    !user.cancelledAt &&
    user.participant.status === 'active' &&
    (!user.validFrom || user.validFrom <= now) &&
    (!user.validTo || user.validTo > now)
  )
}

/** Effective rights: every group for administrators and the operator, else the granted ones. */
export function effectivePermissions(
  role: UserWithParticipant['role'],
  granted: { functionGroup: string; canView: boolean; canEdit: boolean }[],
): Permission[] {
  if (role === 'operator' || role === 'participantAdmin') {
    return functionGroupCodes.map((functionGroup) => ({
      functionGroup,
      canView: true,
      canEdit: true,
    }))
  }
  if (role === 'tso') return []
  const byCode = new Map(granted.map((g) => [g.functionGroup, g]))
  return functionGroupCodes.flatMap((functionGroup) => {
    const g = byCode.get(functionGroup)
    if (!g || !(g.canView || g.canEdit)) return []
    return [{ functionGroup, canView: true, canEdit: g.canEdit }]
  })
}

function contextOf(
  user: UserWithParticipant,
  via: 'session' | 'token',
  credentialId: string,
  idleExpiresAt: Date,
  absoluteExpiresAt: Date,
  now: Date,
): AuthContext {
  return {
    via,
    credentialId,
    user: {
      id: user.id,
      userId: user.userId,
      name: user.name,
      role: user.role,
      mustChangePassword:
        user.mustChangePassword || passwordExpiresAt(user.passwordChangedAt) <= now,
      passwordChangedAt: user.passwordChangedAt,
    },
    participant: {
      id: user.participant.id,
      code: user.participant.code,
      name: user.participant.name,
      nameEn: user.participant.nameEn,
      kind: user.participant.kind,
    },
    idleExpiresAt,
    absoluteExpiresAt,
    permissions: effectivePermissions(user.role, user.permissions),
  }
}

export async function resolveSession(
  app: FastifyInstance,
  token: string,
): Promise<AuthContext | null> {
  const session = await repo.findSessionByTokenHash(app.db, sha256Hex(token))
  const now = new Date()
  if (!session || session.endedAt || !usable(session.user, now)) return null
  const idleMs = app.config.session.idleMinutes * 60_000
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
    await app.db.session.updateMany({
      where: { id: session.id, endedAt: null },
      data: { endedAt: now, endReason: 'expired' },
    })
    return null
  }
  let lastSeenAt = session.lastSeenAt
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    lastSeenAt = now
    await app.db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } })
  }
  const idleExpiresAt = new Date(
    Math.min(lastSeenAt.getTime() + idleMs, session.expiresAt.getTime()),
  )
  return contextOf(session.user, 'session', session.id, idleExpiresAt, session.expiresAt, now)
}

export async function resolveApiToken(
  app: FastifyInstance,
  token: string,
): Promise<AuthContext | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null
  const row = await repo.findApiTokenByHash(app.db, sha256Hex(token))
  const now = new Date()
  if (!row || row.revokedAt || row.expiresAt <= now || !usable(row.user, now)) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await app.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  }
  // A token can not be used to dodge a forced password change: the same rule applies.
  return contextOf(row.user, 'token', row.id, row.expiresAt, row.expiresAt, now)
}

/**
 * Login (010): participant code + user ID + password, and a registered client certificate when
 * required. Five wrong passwords in a row lock the user; a locked user is told so whatever the
 * password, and only an administrator can unlock it.
 */
export async function login(
  app: FastifyInstance,
  request: FastifyRequest,
  body: LoginRequest,
): Promise<{ token: string; auth: AuthContext }> {
  const now = new Date()
  const user = await repo.findUserForLogin(app.db, body.participantCode, body.userId)
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), body.password)
    throw new AppError('E-AUTH-001', 401)
  }
  if (user.lockedAt) throw new AppError('E-AUTH-002', 423)
  const passwordOk = await verifyPassword(user.passwordHash, body.password)
  if (!passwordOk) {
    // Atomic increment, so parallel attempts cannot slip past the limit.
    const updated = await app.db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    })
    if (updated.failedLoginCount >= MAX_FAILED_LOGINS) {
      await app.db.user.updateMany({
        where: { id: user.id, lockedAt: null },
        data: { lockedAt: now },
      })
      request.log.warn({ userId: user.id }, 'user locked after repeated login failures')
      throw new AppError('E-AUTH-002', 423)
    }
    throw new AppError('E-AUTH-001', 401)
  }
  if (!usable(user, now)) throw new AppError('E-AUTH-001', 401)
  if (app.config.clientCertificates.required) {
    const fingerprint = request.clientCertificate
    if (
      !fingerprint ||
      (await repo.hasActiveCertificate(app.db, user.id, fingerprint, now)) === 0
    ) {
      throw new AppError('E-AUTH-012', 403)
    }
  }
  if (user.role !== 'operator') {
    const blocking = await isMaintenanceBlocking(app)
    if (blocking) throw blocking
  }
  const token = newSecret('')
  const idleMs = app.config.session.idleMinutes * 60_000
  const expiresAt = new Date(now.getTime() + app.config.session.absoluteHours * 3_600_000)
  const session = await app.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lastLoginAt: now },
    })
    return tx.session.create({
      data: {
        tokenHash: sha256Hex(token),
        userId: user.id,
        lastSeenAt: now,
        expiresAt,
        ipAddress: request.ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
        certificate: request.clientCertificate,
      },
    })
  })
  const idleExpiresAt = new Date(Math.min(now.getTime() + idleMs, expiresAt.getTime()))
  return { token, auth: contextOf(user, 'session', session.id, idleExpiresAt, expiresAt, now) }
}

export async function logout(app: FastifyInstance, auth: AuthContext): Promise<void> {
  if (auth.via !== 'session') return
  await app.db.session.updateMany({
    where: { id: auth.credentialId, endedAt: null },
    data: { endedAt: new Date(), endReason: 'logout' },
  })
}

export async function sessionUser(app: FastifyInstance, auth: AuthContext): Promise<SessionUser> {
  return {
    user: {
      id: auth.user.id,
      userId: auth.user.userId,
      name: auth.user.name,
      role: auth.user.role,
    },
    participant: auth.participant,
    previousLoginAt: (await repo.previousLoginAt(app.db, auth.user.id))?.toISOString() ?? null,
    passwordExpiresAt: passwordExpiresAt(auth.user.passwordChangedAt).toISOString(),
    mustChangePassword: auth.user.mustChangePassword,
    permissions: auth.permissions,
    session: {
      idleExpiresAt: auth.idleExpiresAt.toISOString(),
      absoluteExpiresAt: auth.absoluteExpiresAt.toISOString(),
      via: auth.via,
    },
  }
}

/** Password change (010): current password, then the policy; the old hash joins the history. */
export async function changePassword(
  app: FastifyInstance,
  auth: AuthContext,
  body: PasswordChangeRequest,
  lang: 'ja' | 'en',
): Promise<AuthContext> {
  const format = (id: MessageId, params: Record<string, number>) => formatMessage(id, lang, params)
  const user = await repo.findUserById(app.db, auth.user.id)
  if (!user) throw new AppError('E-AUTH-003', 401)
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    const messageId = 'E-AUTH-011' as const
    throw new AppError('E-COMMON-001', 400, {
      errors: [{ path: ['currentPassword'], messageId, message: format(messageId, {}) }],
    })
  }
  const history = await repo.recentPasswordHashes(app.db, user.id, PASSWORD_HISTORY_SIZE - 1)
  const previous = [user.passwordHash, ...history.map((h) => h.passwordHash)]
  const broken = await checkPasswordPolicy(body.newPassword, user.userId, previous)
  if (broken) {
    throw new AppError('E-COMMON-001', 400, {
      errors: [
        {
          path: ['newPassword'],
          messageId: broken.messageId,
          message: format(broken.messageId, broken.params),
          params: broken.params,
        },
      ],
    })
  }
  const now = new Date()
  const newHash = await hashPassword(body.newPassword)
  await app.db.$transaction([
    app.db.passwordHistory.create({ data: { userId: user.id, passwordHash: user.passwordHash } }),
    app.db.user.update({
      where: { id: user.id },
      data: {
        passwordHash: newHash,
        passwordChangedAt: now,
        mustChangePassword: false,
        version: { increment: 1 },
      },
    }),
  ])
  return { ...auth, user: { ...auth.user, mustChangePassword: false, passwordChangedAt: now } }
}
