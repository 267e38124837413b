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
const hideSecrets = (key: string, v: unknown) =>
  SECRET_KEYS.has(key) ? '[secret]' : typeof v === 'bigint' ? v.toString() : v

/** A value as the log stores it, as JSON text (what `auditMany` sends); null for none. */
export function loggableJson(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, hideSecrets)
}

const SECRET_KEY_IN_JSON = new RegExp(`"(${[...SECRET_KEYS].join('|')})":`)

/**
 * Whether the log stores a value otherwise than as its JSON text `json` (a secret hidden): a
 * cheap test on the text first (no secret's key in it), the exact one only where it might.
 */
export function loggedDiffers(value: unknown, json: string): boolean {
  if (!SECRET_KEY_IN_JSON.test(json)) return false
  return loggableJson(value) !== json
}

function loggable(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  const json = loggableJson(value)
  return json === null ? Prisma.DbNull : (JSON.parse(json) as Prisma.InputJsonValue)
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
 * created; a multi-row insert through `unnest`, some hundred times faster than one Prisma
 * `create` per entry). Call it with the transaction client of the writes.
 */
export async function auditMany(
  tx: DbClient,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (!entries.length) return
  const json = loggableJson
  await tx.$executeRaw`
    INSERT INTO audit_log (id, actor_user_id, actor_label, participant_id, action, entity_type,
      entity_id, before, after, request_id)
    SELECT gen_random_uuid(), ${actor.userId}::uuid, ${actor.label}, e.participant_id, e.action,
      e.entity_type, e.entity_id, e.before::jsonb, e.after::jsonb, ${actor.requestId}
    FROM unnest(
      ${entries.map((e) => e.participantId)}::uuid[],
      ${entries.map((e) => e.action)}::text[],
      ${entries.map((e) => e.entityType)}::text[],
      ${entries.map((e) => e.entityId)}::text[],
      ${entries.map((e) => json(e.before))}::text[],
      ${entries.map((e) => json(e.after))}::text[]
    ) AS e(participant_id, action, entity_type, entity_id, before, after)`
}
