import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { permissionSchema } from './permissions.ts'
import { roleSchema, type ParticipantKind, type Role } from './roles.ts'
import { rule } from './validation.ts'

/**
 * ユーザ情報管理 (020) and ユーザ権限管理 (A40). `id` is the internal UUID; `userId` is the login
 * ID, unique within the participant.
 */

/** ユーザID: 3–32 characters, letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/
export const loginUserIdSchema = z
  .string()
  .trim()
  .regex(USER_ID_PATTERN, rule('E-USER-002'))
  .describe('ユーザID')

/** The roles a user of each kind of participant may have. */
export const rolesByParticipantKind: Record<ParticipantKind, readonly Role[]> = {
  operator: ['operator'],
  participant: ['participantAdmin', 'participantUser'],
  tso: ['tso'],
}

export const userStatusSchema = z
  .enum(['active', 'locked', 'cancelled'])
  .describe('active 有効 · locked ロック中 · cancelled 取消済')
  .meta({ id: 'UserStatus' })
export type UserStatus = z.infer<typeof userStatusSchema>

const PHONE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/

/**
 * The fields an administrator edits (the form binds to these with `.pick()` / `.extend()`).
 * `validFrom` / `validTo` bound the period in which the user may log in; null is open-ended.
 */
export const userFieldsSchema = z.object({
  name: z.string().trim().min(1).max(50).describe('氏名'),
  email: z.email(rule('E-PART-005')).max(254).describe('メールアドレス'),
  phone: z
    .string()
    .trim()
    .max(20)
    .refine((v) => v === '' || PHONE.test(v), rule('E-PART-006'))
    .default('')
    .describe('電話番号'),
  role: roleSchema.describe(
    'ロール: 事業者は participantAdmin (管理者ユーザ) か participantUser (一般ユーザ)',
  ),
  validFrom: timestampSchema.nullable().default(null).describe('有効期間開始'),
  validTo: timestampSchema.nullable().default(null).describe('有効期間終了'),
})

/** The validity period must not end before it starts (reported on `validTo`). */
function periodInOrder(v: { validFrom: string | null; validTo: string | null }) {
  return !v.validFrom || !v.validTo || Date.parse(v.validFrom) < Date.parse(v.validTo)
}
const periodRule = { ...rule('E-USER-011'), path: ['validTo'] }

export const userCreateSchema = userFieldsSchema
  .extend({
    participantId: z
      .uuid()
      .optional()
      .describe("The user's participant (operator only); default: the caller's own"),
    userId: loginUserIdSchema,
  })
  .refine(periodInOrder, periodRule)
  .meta({ id: 'UserCreate' })
export type UserCreate = z.infer<typeof userCreateSchema>

export const userUpdateSchema = userFieldsSchema
  .extend({
    version: versionInputSchema,
  })
  .refine(periodInOrder, periodRule)
  .meta({ id: 'UserUpdate' })
export type UserUpdate = z.infer<typeof userUpdateSchema>

/** A transition (cancel, unlock, password reissue) names the version the administrator saw. */
export const userTransitionSchema = z
  .object({
    version: versionInputSchema,
  })
  .meta({ id: 'UserTransition' })
export type UserTransition = z.infer<typeof userTransitionSchema>

/** A user as the API shows it: never the password hash. */
export const userSchema = z
  .object({
    id: z.uuid(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    role: roleSchema,
    status: userStatusSchema,
    mustChangePassword: z.boolean(),
    passwordChangedAt: timestampSchema,
    lockedAt: timestampSchema.nullable(),
    lastLoginAt: timestampSchema.nullable(),
    validFrom: timestampSchema.nullable(),
    validTo: timestampSchema.nullable(),
    cancelledAt: timestampSchema.nullable(),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof userSchema>

export const userPageSchema = pageSchema(userSchema).meta({ id: 'UserPage' })

/** Registration and password reissue: the one-time password appears only in this response. */
export const userWithPasswordSchema = z
  .object({
    user: userSchema,
    oneTimePassword: z
      .string()
      .describe('Shown only in this response; the user must change it at the next login'),
  })
  .meta({ id: 'UserWithPassword' })
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>

/** The columns the user list sorts by: every column of the 020 list. */
export const userSortFields = [
  'participantCode',
  'userId',
  'name',
  'role',
  'status',
  'email',
  'validTo',
  'lastLoginAt',
  'createdAt',
] as const
export type UserSortField = (typeof userSortFields)[number]

export const userListQuerySchema = listQuerySchema.extend({
  participantId: z.uuid().optional().describe('Operator only: the users of this participant'),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the user ID or the name (taken literally)'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(`Field to sort by (${userSortFields.join(', ')}); prefix "-" for descending`),
})
export type UserListQuery = z.infer<typeof userListQuerySchema>

/** A user's rights per function group (A40): every group, granted or not. */
export const userPermissionsSchema = z
  .object({
    id: z.uuid().describe("The user's internal ID"),
    role: roleSchema,
    version: z.number().int().describe("The user's version"),
    editable: z.boolean().describe('Whether rights can be set (general users only)'),
    permissions: z.array(permissionSchema),
  })
  .meta({ id: 'UserPermissions' })
export type UserPermissions = z.infer<typeof userPermissionsSchema>

/** The message the SPA shows after each operation of 020 / A40 succeeds. */
export const userSuccessMessages = {
  create: 'I-USER-001',
  update: 'I-USER-002',
  cancel: 'I-USER-003',
  unlock: 'I-USER-004',
  reissuePassword: 'I-USER-005',
  updatePermissions: 'I-USER-006',
} as const
