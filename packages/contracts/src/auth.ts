import { z } from 'zod'
import { roleSchema, participantKindSchema } from './roles.ts'
import { timestampSchema } from './common.ts'
import { permissionSchema } from './permissions.ts'

export const loginRequestSchema = z
  .object({
    participantCode: z.string().trim().min(1).max(10),
    userId: z.string().trim().min(1).max(32),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest' })
export type LoginRequest = z.infer<typeof loginRequestSchema>

/** The four character classes of the password policy. */
export function passwordCharacterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length
}

export const passwordChangeRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .meta({ id: 'PasswordChangeRequest' })
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>

export const sessionUserSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      userId: z.string(),
      name: z.string(),
      role: roleSchema,
    }),
    participant: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      kind: participantKindSchema,
    }),
    previousLoginAt: timestampSchema.nullable().describe('The login before the current one'),
    passwordExpiresAt: timestampSchema,
    mustChangePassword: z.boolean(),
    permissions: z
      .array(permissionSchema)
      .describe('Effective rights per function group (A40): every group for administrators'),
    session: z.object({
      now: timestampSchema.describe(
        "The server's time of this answer: clients measure what is left of the session against it, not against their own clock",
      ),
      idleExpiresAt: timestampSchema,
      absoluteExpiresAt: timestampSchema,
      via: z.enum(['session', 'token']),
    }),
  })
  .meta({ id: 'SessionUser' })
export type SessionUser = z.infer<typeof sessionUserSchema>

export const apiTokenCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    expiresInDays: z.number().int().min(1).max(365),
  })
  .meta({ id: 'ApiTokenCreate' })
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: timestampSchema,
    expiresAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
    revokedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' })
export type ApiToken = z.infer<typeof apiTokenSchema>

export const apiTokenCreatedSchema = apiTokenSchema
  .extend({ token: z.string().describe('The secret; shown only in this response') })
  .meta({ id: 'ApiTokenCreated' })
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>
