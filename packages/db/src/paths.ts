import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is `packages/db/src/paths.ts`). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** `prisma/schema.prisma`: the one database schema. */
export const schemaPath = resolve(repoRoot, 'prisma', 'schema.prisma')

/** `prisma/migrations/`: Prisma's migration folders, applied in name order. */
export const migrationsDir = resolve(repoRoot, 'prisma', 'migrations')

/** The embedded database's default folder when `DATA_DIR` is not set. */
export const defaultDataDir = resolve(repoRoot, '.data')
