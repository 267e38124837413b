import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { listQuerySchema } from './list.ts'

/** One entry of the audit log: who, which participant, when, what, before → after. */
export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: timestampSchema,
    actorLabel: z.string(),
    participantCode: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditLogQuerySchema = listQuerySchema.extend({
  from: z.iso.date().optional().describe('On or after (JST date)'),
  to: z.iso.date().optional().describe('On or before (JST date)'),
  action: z
    .string()
    .max(60)
    .optional()
    .describe('Action or its prefix, e.g. "user." or "application.approve"'),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(100).optional().describe('Part of the actor (code, user ID or name)'),
  participantCode: z.string().max(10).optional().describe('Operator only'),
  requestId: z.string().max(64).optional(),
})
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>
