import type { FastifyInstance } from 'fastify'
import type { Maintenance, MaintenanceUpdate } from '@yoryo/contracts'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { shortLived } from '../../lib/short-lived.ts'

const MAINTENANCE_KEY = 'maintenance'
const OFF: Maintenance = { active: false, messageJa: '', messageEn: '', endsAt: null }

/**
 * Maintenance mode is read on every participant request: cached per process (lib/short-lived.ts)
 * — switched here it applies to the next request, switched on another instance within
 * `SHORT_LIVED_MS`.
 */
export async function getMaintenance(
  app: FastifyInstance,
): Promise<Maintenance & { version: number }> {
  return shortLived(app.db, 'maintenance', async () => {
    const row = await app.db.systemSetting.findUnique({ where: { key: MAINTENANCE_KEY } })
    return row
      ? { ...OFF, ...(row.value as Partial<Maintenance>), version: row.version }
      : { ...OFF, version: 0 }
  })
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

const healthChecks = new WeakMap<object, Promise<boolean>>()

/**
 * Whether the database answers a `SELECT 1`. Concurrent health checks share the one in flight,
 * so a burst of load-balancer probes costs the database one query, not one each.
 */
export function databaseAnswers(app: FastifyInstance): Promise<boolean> {
  const running = healthChecks.get(app.db)
  if (running) return running
  const check = app.db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  )
  healthChecks.set(app.db, check)
  void check.finally(() => {
    if (healthChecks.get(app.db) === check) healthChecks.delete(app.db)
  })
  return check
}
