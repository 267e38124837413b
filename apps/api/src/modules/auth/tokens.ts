import type { FastifyInstance } from 'fastify'
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '@yoryo/contracts'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newSecret, sha256Hex } from '../../lib/crypto.ts'
import { API_TOKEN_PREFIX } from '../../lib/app-types.ts'

type Row = {
  id: string
  name: string
  prefix: string
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

function toApiToken(row: Row): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }
}

export async function listApiTokens(app: FastifyInstance, auth: AuthContext): Promise<ApiToken[]> {
  const rows = await app.db.apiToken.findMany({
    where: { userId: auth.user.id },
    orderBy: { createdAt: 'desc' },
  })
  return rows.map(toApiToken)
}

export async function createApiToken(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  body: ApiTokenCreate,
): Promise<ApiTokenCreated> {
  const token = newSecret(API_TOKEN_PREFIX)
  const row = await app.db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: auth.user.id,
        name: body.name,
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + body.expiresInDays * 24 * 3_600_000),
      },
    })
    await audit(tx, actor, {
      action: 'apiToken.create',
      entityType: 'apiToken',
      entityId: created.id,
      participantId: auth.participant.id,
      after: toApiToken(created),
    })
    return created
  })
  return { ...toApiToken(row), token }
}

export async function revokeApiToken(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<ApiToken> {
  const row = await app.db.apiToken.findFirst({ where: { id, userId: auth.user.id } })
  if (!row) throw new AppError('E-COMMON-002', 404)
  if (row.revokedAt) return toApiToken(row)
  return app.db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    const updated = await tx.apiToken.findUniqueOrThrow({ where: { id } })
    if (count === 1) {
      await audit(tx, actor, {
        action: 'apiToken.revoke',
        entityType: 'apiToken',
        entityId: id,
        participantId: auth.participant.id,
        before: toApiToken(row),
        after: toApiToken(updated),
      })
    }
    return toApiToken(updated)
  })
}
