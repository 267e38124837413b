import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { LoginRequest, MessageId, PasswordChangeRequest, SessionUser } from '@yoryo/contracts'
import {
  formatMessage,
  functionGroupCodes,
  MAX_FAILED_LOGINS,
  PASSWORD_HISTORY_SIZE,
  type Permission,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import { actorOf, audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newSecret, sha256Hex } from '../../lib/crypto.ts'
import { API_TOKEN_PREFIX } from '../../lib/app-types.ts'
import { shortLived } from '../../lib/short-lived.ts'
import { isMaintenanceBlocking } from '../system/public.ts'
import {
  checkPasswordPolicy,
  dummyPasswordHash,
  hashPassword,
  passwordExpiresAt,
  verifyPassword,
} from './password.ts'
import { lockActive } from '../../lib/login-lock.ts'
import { LoginGuard } from './login-guard.ts'
import * as repo from './repository.ts'

type UserWithParticipant = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>

/**
 * Only write `lastSeenAt` / `lastUsedAt` when it moved this much, so reads stay reads: at most
 * one write a minute per session or token (the idle timeout is measured from it).
 */
export const TOUCH_INTERVAL_MS = 60_000

/**
 * Whether the user may act at all. A password lock (repeated failures) is not checked here: it
 * stops the password login only, not open sessions or API tokens (separate credentials).
 */
function usable(user: UserWithParticipant, now: Date): boolean {
  return (
    !user.cancelledAt &&
    user.participant.status === 'active' &&
    (!user.validFrom || user.validFrom <= now) &&
    (!user.validTo || user.validTo > now)
  )
}

/**
 * Effective rights: every group for administrators, the operator and TSOs (a TSO has no
 * administrator granting rights: its role alone decides, through the routes' roles), else the
 * granted ones.
 */
export function effectivePermissions(
  role: UserWithParticipant['role'],
  granted: { functionGroup: string; canView: boolean; canEdit: boolean }[],
): Permission[] {
  if (role === 'operator' || role === 'participantAdmin' || role === 'tso') {
    return functionGroupCodes.map((functionGroup) => ({
      functionGroup,
      canView: true,
      canEdit: true,
    }))
  }
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

/** Cached briefly per process (see lib/short-lived.ts): the hash of the secret is the key. */
function sessionRow(app: FastifyInstance, tokenHash: string) {
  return shortLived(app.db, `session:${tokenHash}`, () =>
    repo.findSessionByTokenHash(app.db, tokenHash),
  )
}

function apiTokenRow(app: FastifyInstance, tokenHash: string) {
  return shortLived(app.db, `token:${tokenHash}`, () => repo.findApiTokenByHash(app.db, tokenHash))
}

export async function resolveSession(
  app: FastifyInstance,
  token: string,
): Promise<AuthContext | null> {
  const session = await sessionRow(app, sha256Hex(token))
  const now = new Date()
  if (!session || session.endedAt || !usable(session.user, now)) return null
  const idleMs = app.config.session.idleMinutes * 60_000
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
    // Ending it is an identity write: the cached row is dropped.
    await app.db.session.updateMany({
      where: { id: session.id, endedAt: null },
      data: { endedAt: now, endReason: 'expired' },
    })
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // The cached row is shared by concurrent requests: move it first, so only one writes.
    session.lastSeenAt = now
    await app.db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } })
  }
  const idleExpiresAt = new Date(
    Math.min(session.lastSeenAt.getTime() + idleMs, session.expiresAt.getTime()),
  )
  return contextOf(session.user, 'session', session.id, idleExpiresAt, session.expiresAt, now)
}

export async function resolveApiToken(
  app: FastifyInstance,
  token: string,
): Promise<AuthContext | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null
  const row = await apiTokenRow(app, sha256Hex(token))
  const now = new Date()
  if (!row || row.revokedAt || row.expiresAt <= now || !usable(row.user, now)) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    row.lastUsedAt = now
    await app.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  }
  // A token can not be used to dodge a forced password change: the same rule applies.
  return contextOf(row.user, 'token', row.id, row.expiresAt, row.expiresAt, now)
}

/**
 * Login (010): participant code + user ID + password, and a registered client certificate when
 * required. Five wrong passwords in a row lock the password login for `LOGIN_LOCK_MINUTES`
 * (or until an administrator unlocks it, 020); while locked the answer is 423 whatever the
 * password. An unknown account answers the same sequence, and every attempt verifies one
 * password hash, so neither the answers nor the work tell which accounts exist. The lock is on
 * the password only: open sessions and API tokens, separate credentials, keep working.
 * Every attempt is audited; a login ends the session the browser held before.
 */
export async function login(
  app: FastifyInstance,
  request: FastifyRequest,
  body: LoginRequest,
  guard: LoginGuard,
): Promise<{ token: string; auth: AuthContext }> {
  const now = new Date()
  const lockMinutes = app.config.loginLockMinutes
  const key = LoginGuard.key(body.participantCode, body.userId)
  guard.countAttempt(key, now.getTime())
  const user = await repo.findUserForLogin(app.db, body.participantCode, body.userId)
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), body.password)
    const locked =
      guard.unknownLocked(key, now.getTime()) || guard.unknownFailed(key, now.getTime())
    await app.db.$transaction((tx) =>
      auditLoginFailure(tx, request, body, null, locked ? 'locked' : 'unknownAccount'),
    )
    throw locked ? new AppError('E-AUTH-002', 423) : new AppError('E-AUTH-001', 401)
  }
  // The hash is verified also while locked: a locked account costs the same as any other.
  const passwordOk = await verifyPassword(user.passwordHash, body.password)
  const lockedNow = user.lockedAt && lockActive(user.lockedAt, now.getTime(), lockMinutes)
  if (lockedNow) {
    await app.db.$transaction((tx) => auditLoginFailure(tx, request, body, user, 'locked'))
    throw new AppError('E-AUTH-002', 423)
  }
  if (!passwordOk) {
    const locked = await app.db.$transaction(async (tx) => {
      // A lock that ran out starts a new count. Atomic increment, so parallel attempts cannot
      // slip past the limit.
      if (user.lockedAt) {
        await tx.user.updateMany({
          where: { id: user.id, lockedAt: user.lockedAt },
          data: { lockedAt: null, failedLoginCount: 0 },
        })
      }
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      })
      await auditLoginFailure(tx, request, body, user, 'password')
      if (updated.failedLoginCount < MAX_FAILED_LOGINS) return false
      const { count } = await tx.user.updateMany({
        where: { id: user.id, lockedAt: null },
        data: { lockedAt: now },
      })
      if (count === 1) {
        await audit(tx, systemActor(request), {
          action: 'user.lock',
          entityType: 'user',
          entityId: user.id,
          participantId: user.participantId,
          before: { lockedAt: null },
          after: { lockedAt: now, failedLoginCount: updated.failedLoginCount, lockMinutes },
        })
      }
      return true
    })
    if (locked) {
      request.log.warn({ userId: user.id }, 'user locked after repeated login failures')
      throw new AppError('E-AUTH-002', 423)
    }
    throw new AppError('E-AUTH-001', 401)
  }
  if (!usable(user, now)) {
    await app.db.$transaction((tx) => auditLoginFailure(tx, request, body, user, 'notUsable'))
    throw new AppError('E-AUTH-001', 401)
  }
  if (app.config.clientCertificates.required) {
    const fingerprint = request.clientCertificate
    if (
      !fingerprint ||
      (await repo.hasActiveCertificate(app.db, user.id, fingerprint, now)) === 0
    ) {
      await app.db.$transaction((tx) => auditLoginFailure(tx, request, body, user, 'certificate'))
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
  const previous = request.auth?.via === 'session' ? request.auth.credentialId : null
  const session = await app.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedAt: null, lastLoginAt: now },
    })
    if (previous) {
      // The browser's earlier session (any user) ends: one browser, one session.
      await tx.session.updateMany({
        where: { id: previous, endedAt: null },
        data: { endedAt: now, endReason: 'relogin' },
      })
    }
    const created = await tx.session.create({
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
    await audit(tx, userActor(request, user), {
      action: 'auth.login',
      entityType: 'session',
      entityId: created.id,
      participantId: user.participantId,
      after: {
        ip: request.ip,
        certificate: request.clientCertificate,
        ...(previous ? { endedSession: previous } : {}),
      },
    })
    return created
  })
  const idleExpiresAt = new Date(Math.min(now.getTime() + idleMs, expiresAt.getTime()))
  return { token, auth: contextOf(user, 'session', session.id, idleExpiresAt, expiresAt, now) }
}

function userActor(
  request: FastifyRequest,
  user: { id: string; userId: string; name: string; participant: { code: string } },
): Actor {
  return {
    userId: user.id,
    label: `${user.participant.code} ${user.userId} ${user.name}`,
    requestId: request.id,
  }
}

/** The system itself (the automatic lock). */
function systemActor(request: FastifyRequest): Actor {
  return { userId: null, label: 'system', requestId: request.id }
}

/** A refused login, as `auth.loginFailure` on the account tried (the attempted IDs if unknown). */
function auditLoginFailure(
  tx: DbClient,
  request: FastifyRequest,
  body: LoginRequest,
  user: { id: string; participantId: string } | null,
  reason: 'unknownAccount' | 'password' | 'locked' | 'notUsable' | 'certificate',
): Promise<void> {
  return audit(
    tx,
    { userId: null, label: 'anonymous', requestId: request.id },
    {
      action: 'auth.loginFailure',
      entityType: 'user',
      entityId: user?.id ?? `${body.participantCode}/${body.userId}`,
      participantId: user?.participantId ?? null,
      after: {
        participantCode: body.participantCode,
        userId: body.userId,
        reason,
        ip: request.ip,
      },
    },
  )
}

export async function logout(
  app: FastifyInstance,
  request: FastifyRequest,
  auth: AuthContext,
): Promise<void> {
  if (auth.via !== 'session') return
  await app.db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: auth.credentialId, endedAt: null },
      data: { endedAt: new Date(), endReason: 'logout' },
    })
    if (count === 1) {
      await audit(tx, actorOf(request), {
        action: 'auth.logout',
        entityType: 'session',
        entityId: auth.credentialId,
        participantId: auth.participant.id,
      })
    }
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
      now: new Date().toISOString(),
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
  actor: Actor,
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
  await app.db.$transaction(async (tx) => {
    await tx.passwordHistory.create({ data: { userId: user.id, passwordHash: user.passwordHash } })
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: newHash,
        passwordChangedAt: now,
        mustChangePassword: false,
        version: { increment: 1 },
      },
    })
    // Every other session of the user ends (the one making the change stays).
    const ended = await tx.session.updateMany({
      where: {
        userId: user.id,
        endedAt: null,
        ...(auth.via === 'session' ? { id: { not: auth.credentialId } } : {}),
      },
      data: { endedAt: now, endReason: 'passwordChanged' },
    })
    await audit(tx, actor, {
      action: 'user.passwordChange',
      entityType: 'user',
      entityId: user.id,
      participantId: user.participantId,
      before: { passwordChangedAt: user.passwordChangedAt, version: user.version },
      after: { passwordChangedAt: now, version: user.version + 1, endedSessions: ended.count },
    })
  })
  return { ...auth, user: { ...auth.user, mustChangePassword: false, passwordChangedAt: now } }
}
