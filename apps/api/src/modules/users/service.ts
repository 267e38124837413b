import type { FastifyInstance } from 'fastify'
import { Prisma, type DbClient } from '@yoryo/db'
import {
  formatMessage,
  functionGroupCodes,
  rolesByParticipantKind,
  type FieldError,
  type MessageId,
  type Permission,
  type PermissionsUpdate,
  type Role,
  type User,
  type UserCreate,
  type UserListQuery,
  type UserPermissions,
  type UserStatus,
  type UserTransition,
  type UserUpdate,
  type UserWithPassword,
} from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError, type AppFieldError } from '../../lib/errors.ts'
import { assertSameParticipant, isAdministrator } from '../../lib/guards.ts'
import type { Lang } from '../../lib/problem.ts'
import { hashPassword } from '../auth/public.ts'
import { lockActive, lockCutoff } from '../../lib/login-lock.ts'
import { generateOneTimePassword } from '../../lib/one-time-password.ts'
import * as repo from './repository.ts'

/**
 * ユーザ情報管理 (020) and ユーザ権限管理 (A40). A participant administrator manages the users of
 * its own participant; the operator those of every participant and its own staff; a general user
 * reads only itself. Every write loads, authorises, checks the version, changes and writes one
 * audit entry in one transaction.
 */

/** Who is calling, for the rules, the audit log and the language of field messages. */
export interface Caller {
  auth: AuthContext
  actor: Actor
  lang: Lang
}

/** A lock that has run out (`LOGIN_LOCK_MINUTES`) is shown as active, as the login treats it. */
function statusOf(
  row: { lockedAt: Date | null; cancelledAt: Date | null },
  lockMinutes: number,
): UserStatus {
  if (row.cancelledAt) return 'cancelled'
  return lockActive(row.lockedAt, Date.now(), lockMinutes) ? 'locked' : 'active'
}

const iso = (d: Date | null) => d?.toISOString() ?? null

/** A user as the API shows it; `lockMinutes` is LOGIN_LOCK_MINUTES (`config.loginLockMinutes`). */
export function toUser(row: repo.UserRow, lockMinutes: number): User {
  return {
    id: row.id,
    participant: { id: row.participant.id, code: row.participant.code, name: row.participant.name },
    userId: row.userId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    status: statusOf(row, lockMinutes),
    mustChangePassword: row.mustChangePassword,
    passwordChangedAt: row.passwordChangedAt.toISOString(),
    lockedAt: iso(row.lockedAt),
    lastLoginAt: iso(row.lastLoginAt),
    validFrom: iso(row.validFrom),
    validTo: iso(row.validTo),
    cancelledAt: iso(row.cancelledAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function fieldError(
  lang: Lang,
  path: (string | number)[],
  messageId: MessageId,
  params: Record<string, string | number> = {},
): AppFieldError {
  return { path, messageId, message: formatMessage(messageId, lang, params), params }
}

/** A validation failure on fields (400 `E-COMMON-001` with the field messages). */
export function invalid(errors: FieldError[]): AppError {
  return new AppError('E-COMMON-001', 400, { errors })
}

const notFound = () => new AppError('E-COMMON-002', 404)
const stale = () => new AppError('E-COMMON-004', 409)

/** The user, when the caller may see it: another participant's user answers 404. */
export async function visibleUser(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<repo.UserRow> {
  const row = await repo.findUser(db, id)
  if (!row) throw notFound()
  assertSameParticipant(auth, row.participantId)
  return row
}

/** Reading a user: administrators any visible user, everyone else only itself (403). */
function assertMayRead(auth: AuthContext, row: repo.UserRow): void {
  if (!isAdministrator(auth) && row.id !== auth.user.id) throw new AppError('E-AUTH-005', 403)
}

/** The user an administrator manages: visible and not cancelled. */
export async function managedUser(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<repo.UserRow> {
  const row = await visibleUser(db, auth, id)
  if (!isAdministrator(auth)) throw new AppError('E-AUTH-005', 403)
  if (row.cancelledAt) throw new AppError('E-USER-012', 409)
  return row
}

function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw stale()
}

function assertRoleAllowed(
  lang: Lang,
  participantKind: keyof typeof rolesByParticipantKind,
  role: Role,
): void {
  if (!rolesByParticipantKind[participantKind].includes(role)) {
    throw invalid([fieldError(lang, ['role'], 'E-USER-010')])
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

const toDate = (value: string | null) => (value ? new Date(value) : null)

// ---- reads ----

/** The participant whose users the caller lists: its own, or for the operator any (or all). */
function listedParticipant(auth: AuthContext, requested: string | undefined): string | undefined {
  if (auth.user.role === 'operator') return requested
  if (requested) assertSameParticipant(auth, requested)
  return auth.participant.id
}

/** The filter of the user list (020), narrowed to the participants the caller may see. */
export function userListWhere(
  auth: AuthContext,
  query: UserListQuery,
  lockMinutes: number,
): Prisma.UserWhereInput {
  return repo.userWhere(
    {
      role: query.role,
      status: query.status,
      q: query.q,
      participantId: listedParticipant(auth, query.participantId),
    },
    lockCutoff(Date.now(), lockMinutes),
  )
}

/** A page of users in the given order, as the API shows them. */
export async function findUsers(
  app: FastifyInstance,
  args: { where: Prisma.UserWhereInput; orderBy: Prisma.UserOrderByWithRelationInput[] } & {
    skip: number
    take: number
  },
): Promise<User[]> {
  return (await repo.listUsers(app.db, args.where, args.orderBy, args.skip, args.take)).map((row) =>
    toUser(row, app.config.loginLockMinutes),
  )
}

export async function getUser(app: FastifyInstance, auth: AuthContext, id: string): Promise<User> {
  const row = await visibleUser(app.db, auth, id)
  assertMayRead(auth, row)
  return toUser(row, app.config.loginLockMinutes)
}

// ---- writes ----

export async function createUser(
  app: FastifyInstance,
  caller: Caller,
  body: UserCreate,
): Promise<UserWithPassword> {
  const { auth, lang } = caller
  const participantId = body.participantId ?? auth.participant.id
  assertSameParticipant(auth, participantId)
  const participant = await repo.findParticipant(app.db, participantId)
  if (!participant || participant.status !== 'active') throw notFound()
  assertRoleAllowed(lang, participant.kind, body.role)
  const duplicate = () => invalid([fieldError(lang, ['userId'], 'E-USER-001')])
  if (await repo.loginIdTaken(app.db, participantId, body.userId)) throw duplicate()

  const oneTimePassword = generateOneTimePassword(body.userId)
  const passwordHash = await hashPassword(oneTimePassword)
  try {
    const user = await app.db.$transaction(async (tx) => {
      const row = await repo.createUser(tx, {
        participantId,
        userId: body.userId,
        name: body.name,
        email: body.email,
        phone: body.phone,
        role: body.role,
        validFrom: toDate(body.validFrom),
        validTo: toDate(body.validTo),
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: true,
      })
      const user = toUser(row, app.config.loginLockMinutes)
      await audit(tx, caller.actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        participantId,
        after: user,
      })
      return user
    })
    return { user, oneTimePassword }
  } catch (error) {
    // Another administrator registered the same user ID at the same moment.
    if (isUniqueViolation(error)) throw duplicate()
    throw error
  }
}

export async function updateUser(
  app: FastifyInstance,
  caller: Caller,
  id: string,
  body: UserUpdate,
): Promise<User> {
  const { auth, lang } = caller
  return app.db.$transaction(async (tx) => {
    const before = await managedUser(tx, auth, id)
    assertVersion(before, body.version)
    if (before.id === auth.user.id && body.role !== before.role) {
      throw invalid([fieldError(lang, ['role'], 'E-USER-014')])
    }
    assertRoleAllowed(lang, before.participant.kind, body.role)
    const updated = await repo.updateUserAtVersion(tx, id, body.version, {
      name: body.name,
      email: body.email,
      phone: body.phone,
      role: body.role,
      validFrom: toDate(body.validFrom),
      validTo: toDate(body.validTo),
    })
    if (!updated) throw stale()
    return audited(app, tx, caller, 'user.update', before)
  })
}

/** Reloads the user after a write and records the one audit entry of it. */
async function audited(
  app: FastifyInstance,
  tx: DbClient,
  caller: Caller,
  action: string,
  before: repo.UserRow,
): Promise<User> {
  const lockMinutes = app.config.loginLockMinutes
  const after = toUser((await repo.findUser(tx, before.id)) as repo.UserRow, lockMinutes)
  await audit(tx, caller.actor, {
    action,
    entityType: 'user',
    entityId: before.id,
    participantId: before.participantId,
    before: toUser(before, lockMinutes),
    after,
  })
  return after
}

/** 取消: the user can no longer log in; its sessions end and its API tokens are revoked. */
export async function cancelUser(
  app: FastifyInstance,
  caller: Caller,
  id: string,
  body: UserTransition,
): Promise<User> {
  const { auth } = caller
  return app.db.$transaction(async (tx) => {
    const before = await managedUser(tx, auth, id)
    if (before.id === auth.user.id) throw new AppError('E-USER-013', 400)
    assertVersion(before, body.version)
    const now = new Date()
    if (!(await repo.updateUserAtVersion(tx, id, body.version, { cancelledAt: now }))) {
      throw stale()
    }
    await repo.endSessions(tx, id, 'cancelled', now)
    await repo.revokeApiTokens(tx, id, now)
    return audited(app, tx, caller, 'user.cancel', before)
  })
}

/** Unlocks a user locked after repeated login failures. */
export async function unlockUser(
  app: FastifyInstance,
  caller: Caller,
  id: string,
  body: UserTransition,
): Promise<User> {
  return app.db.$transaction(async (tx) => {
    const before = await managedUser(tx, caller.auth, id)
    assertVersion(before, body.version)
    if (!before.lockedAt) throw new AppError('E-USER-015', 409)
    const unlocked = await repo.updateUserAtVersion(tx, id, body.version, {
      lockedAt: null,
      failedLoginCount: 0,
    })
    if (!unlocked) throw stale()
    return audited(app, tx, caller, 'user.unlock', before)
  })
}

/**
 * パスワード再発行: a new one-time password, returned only here; the user must change it at the
 * next login, and its sessions end.
 */
export async function reissuePassword(
  app: FastifyInstance,
  caller: Caller,
  id: string,
  body: UserTransition,
): Promise<UserWithPassword> {
  // Check before hashing (slow on purpose), and again inside the transaction.
  const current = await managedUser(app.db, caller.auth, id)
  assertVersion(current, body.version)
  const oneTimePassword = generateOneTimePassword(current.userId)
  const passwordHash = await hashPassword(oneTimePassword)
  const user = await app.db.$transaction(async (tx) => {
    const before = await managedUser(tx, caller.auth, id)
    assertVersion(before, body.version)
    const now = new Date()
    await repo.addPasswordHistory(tx, id, before.passwordHash)
    const reissued = await repo.updateUserAtVersion(tx, id, body.version, {
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: true,
      failedLoginCount: 0,
    })
    if (!reissued) throw stale()
    await repo.endSessions(tx, id, 'passwordReissued', now)
    return audited(app, tx, caller, 'user.reissuePassword', before)
  })
  return { user, oneTimePassword }
}

// ---- permissions (A40) ----

type Grant = { functionGroup: string; canView: boolean; canEdit: boolean }

/** Every function group with the user's right on it; edit implies view. */
function permissionsOf(role: Role, granted: Grant[]): Permission[] {
  const byCode = new Map(granted.map((g) => [g.functionGroup, g]))
  return functionGroupCodes.map((functionGroup) => {
    if (role === 'operator' || role === 'participantAdmin') {
      return { functionGroup, canView: true, canEdit: true }
    }
    const g = role === 'participantUser' ? byCode.get(functionGroup) : undefined
    return { functionGroup, canView: !!g && (g.canView || g.canEdit), canEdit: !!g?.canEdit }
  })
}

async function userPermissions(db: DbClient, row: repo.UserRow): Promise<UserPermissions> {
  return {
    id: row.id,
    role: row.role,
    version: row.version,
    editable: row.role === 'participantUser' && !row.cancelledAt,
    permissions: permissionsOf(row.role, await repo.listPermissions(db, row.id)),
  }
}

export async function getPermissions(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
): Promise<UserPermissions> {
  const row = await visibleUser(app.db, auth, id)
  assertMayRead(auth, row)
  return userPermissions(app.db, row)
}

const granted = (permissions: Permission[]) =>
  permissions.filter((p) => p.canView || p.canEdit).map((p) => p.functionGroup)

export async function updatePermissions(
  app: FastifyInstance,
  caller: Caller,
  id: string,
  body: PermissionsUpdate,
): Promise<UserPermissions> {
  const { auth, lang } = caller
  return app.db.$transaction(async (tx) => {
    const row = await managedUser(tx, auth, id)
    if (row.role !== 'participantUser') throw new AppError('E-USER-016', 400)
    assertVersion(row, body.version)
    const seen = new Set<string>()
    const errors: FieldError[] = []
    body.permissions.forEach((p, i) => {
      if (seen.has(p.functionGroup)) {
        errors.push(fieldError(lang, ['permissions', String(i), 'functionGroup'], 'E-USER-017'))
      }
      seen.add(p.functionGroup)
    })
    if (errors.length) throw invalid(errors)

    const before = await userPermissions(tx, row)
    // Edit implies view; a group with neither right is simply not stored.
    const rows = body.permissions
      .filter((p) => p.canView || p.canEdit)
      .map((p) => ({ functionGroup: p.functionGroup, canView: true, canEdit: p.canEdit }))
    if (!(await repo.updateUserAtVersion(tx, id, body.version, {}))) throw stale()
    await repo.replacePermissions(tx, id, rows)
    const after = await userPermissions(tx, (await repo.findUser(tx, id)) as repo.UserRow)
    await audit(tx, caller.actor, {
      action: 'user.updatePermissions',
      entityType: 'user',
      entityId: id,
      participantId: row.participantId,
      before: {
        version: before.version,
        view: granted(before.permissions),
        edit: before.permissions.filter((p) => p.canEdit).map((p) => p.functionGroup),
      },
      after: {
        version: after.version,
        view: granted(after.permissions),
        edit: after.permissions.filter((p) => p.canEdit).map((p) => p.functionGroup),
      },
    })
    return after
  })
}
