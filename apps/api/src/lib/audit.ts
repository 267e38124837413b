import type { FastifyRequest } from 'fastify'
import { Prisma, type DbClient } from '@yoryo/db'
import type { AuthContext } from './context.ts'

/** Who wrote, for the audit log and the application history. */
export interface Actor {
  userId: string | null
  /** As shown: `P00001 admin01 佐藤 花子`, or `applicant` for a public applicant. */
  label: string
  requestId: string
}

export function actorOf(request: FastifyRequest): Actor {
  const auth: AuthContext | null = request.auth
  return auth
    ? {
        userId: auth.user.id,
        label: `${auth.participant.code} ${auth.user.userId} ${auth.user.name}`,
        requestId: request.id,
      }
    : { userId: null, label: 'applicant', requestId: request.id }
}

export interface AuditEntry {
  /** What was done: `<entity>.<verb>`, e.g. `user.create`, `application.approve`. */
  action: string
  entityType: string
  entityId: string
  /** The participant whose data was written; null for system-wide records. */
  participantId: string | null
  before?: unknown
  after?: unknown
}

/** Values as stored in the log: dates as ISO strings, secrets never. */
const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'content', 'password', 'accessKeyHash'])
function loggable(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      SECRET_KEYS.has(key) ? '[secret]' : typeof v === 'bigint' ? v.toString() : v,
    ),
  ) as Prisma.InputJsonValue
}

/**
 * Records one write in the audit log. Call it with the transaction client of the write itself,
 * so the entry exists exactly when the write does.
 */
export async function audit(tx: DbClient, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      participantId: entry.participantId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: loggable(entry.before),
      after: loggable(entry.after),
      requestId: actor.requestId,
    },
  })
}

/**
 * Records many writes of one actor in one statement (bulk imports: one entry per record
 * created). Call it with the transaction client of the writes.
 */
export async function auditMany(
  tx: DbClient,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (!entries.length) return
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      actorUserId: actor.userId,
      actorLabel: actor.label,
      participantId: entry.participantId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: loggable(entry.before),
      after: loggable(entry.after),
      requestId: actor.requestId,
    })),
  })
}
