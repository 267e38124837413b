import type { FastifyInstance } from 'fastify'
import type { Maintenance, MaintenanceUpdate } from '@yoryo/contracts'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'

const MAINTENANCE_KEY = 'maintenance'
const OFF: Maintenance = { active: false, messageJa: '', messageEn: '', endsAt: null }

/** Maintenance mode is read on every participant request: cache it briefly per instance. */
const CACHE_MS = 2_000
// Keyed by the database client: plugin contexts are different FastifyInstance objects.
const cache = new WeakMap<object, { at: number; value: Maintenance & { version: number } }>()

export async function getMaintenance(
  app: FastifyInstance,
): Promise<Maintenance & { version: number }> {
  const hit = cache.get(app.db)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
  const row = await app.db.systemSetting.findUnique({ where: { key: MAINTENANCE_KEY } })
  const value = row
    ? { ...OFF, ...(row.value as Partial<Maintenance>), version: row.version }
    : { ...OFF, version: 0 }
  cache.set(app.db, { at: Date.now(), value })
  return value
}

export async function setMaintenance(
  app: FastifyInstance,
  actor: Actor,
  update: MaintenanceUpdate,
): Promise<Maintenance & { version: number }> {
  const value: Maintenance = {
    active: update.active,
    messageJa: update.messageJa,
    messageEn: update.messageEn,
    endsAt: update.endsAt,
  }
  const row = await app.db.$transaction(async (tx) => {
    const current = await tx.systemSetting.findUnique({ where: { key: MAINTENANCE_KEY } })
    if (update.version !== undefined && (current?.version ?? 0) !== update.version) {
      throw new AppError('E-COMMON-004', 409)
    }
    const updatedBy = actor.userId
    const saved = await tx.systemSetting.upsert({
      where: { key: MAINTENANCE_KEY },
      create: { key: MAINTENANCE_KEY, value, updatedBy },
      update: { value, updatedBy, version: { increment: 1 } },
    })
    await audit(tx, actor, {
      action: value.active ? 'maintenance.on' : 'maintenance.off',
      entityType: 'systemSetting',
      entityId: MAINTENANCE_KEY,
      participantId: null,
      before: current ? { ...(current.value as object), version: current.version } : null,
      after: { ...value, version: saved.version },
    })
    return saved
  })
  cache.delete(app.db)
  return { ...value, version: row.version }
}

/** The 503 a participant gets while maintenance is on, or null. */
export async function isMaintenanceBlocking(app: FastifyInstance): Promise<AppError | null> {
  const m = await getMaintenance(app)
  if (!m.active) return null
  return new AppError('E-COMMON-005', 503, {
    headers: { 'retry-after': '300' },
  })
}
