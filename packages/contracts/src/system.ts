import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['ok', 'unavailable']),
    version: z.string(),
  })
  .meta({ id: 'Health' })

/** Maintenance mode: participants get 503 and both SPAs show the maintenance screen. */
export const maintenanceSchema = z
  .object({
    active: z.boolean(),
    messageJa: z.string(),
    messageEn: z.string(),
    endsAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Maintenance' })
export type Maintenance = z.infer<typeof maintenanceSchema>

/** Maintenance mode as the API returns it, with the record's version (optimistic concurrency). */
export const maintenanceStatusSchema = maintenanceSchema
  .extend({ version: z.number().int() })
  .meta({ id: 'MaintenanceStatus' })
export type MaintenanceStatus = z.infer<typeof maintenanceStatusSchema>

export const maintenanceUpdateSchema = z
  .object({
    active: z.boolean(),
    messageJa: z.string().trim().max(500).default(''),
    messageEn: z.string().trim().max(500).default(''),
    endsAt: timestampSchema.nullable().default(null),
    version: versionInputSchema.optional(),
  })
  .meta({ id: 'MaintenanceUpdate' })
export type MaintenanceUpdate = z.infer<typeof maintenanceUpdateSchema>
