import { z } from 'zod'
import { versionInputSchema } from './common.ts'
import { functionGroupCodes } from './functions.ts'

export const functionGroupCodeSchema = z.enum(functionGroupCodes).meta({ id: 'FunctionGroupCode' })

/** One right of a general user on a function group (A40). Edit implies view. */
export const permissionSchema = z
  .object({
    functionGroup: functionGroupCodeSchema,
    canView: z.boolean(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Permission' })
export type Permission = z.infer<typeof permissionSchema>

export const permissionsUpdateSchema = z
  .object({
    permissions: z.array(permissionSchema),
    version: versionInputSchema.describe("The user's version (optimistic concurrency)"),
  })
  .meta({ id: 'PermissionsUpdate' })
export type PermissionsUpdate = z.infer<typeof permissionsUpdateSchema>
