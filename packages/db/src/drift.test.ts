import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'
import { wrapPGlite } from './client.ts'
import { migrateDatabase, readMigrations } from './migrations.ts'
import { migrationsDir, schemaPath } from './paths.ts'
import { checkMigrationDrift, prismaEngineHistory } from './schema-engine.ts'

const scratch = mkdtempSync(join(tmpdir(), 'yoryo-drift-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('prisma/migrations and prisma/schema.prisma', () => {
  it('agree: every schema change has its migration (else: pnpm --filter @yoryo/db migrate:create <name>)', async () => {
    const drift = await checkMigrationDrift()
    expect(drift.missingSql, 'a migration is missing; the SQL it needs is shown').toBe('')
    expect(drift.inSync).toBe(true)
  })

  it('would be told apart: a model without a migration is reported', async () => {
    const schema = join(scratch, 'schema.prisma')
    writeFileSync(
      schema,
      `${readFileSync(schemaPath, 'utf8')}\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n`,
    )
    cpSync(migrationsDir, join(scratch, 'migrations'), { recursive: true })
    const drift = await checkMigrationDrift({
      schemaPath: schema,
      migrationsDir: join(scratch, 'migrations'),
    })
    expect(drift.inSync).toBe(false)
    expect(drift.missingSql).toContain('CREATE TABLE "drift_probe"')
  })
})

describe("Prisma's own migration engine and migrateDatabase", () => {
  it('read and write the same _prisma_migrations history', async () => {
    const migrations = readMigrations()
    const names = migrations.map((m) => m.name)

    // Migrated by us: Prisma finds nothing to apply, nothing failed, nothing edited. (The
    // wrappers are not closed: their PGlite instances are closed below.)
    const ours = await PGlite.create()
    try {
      await migrateDatabase(wrapPGlite(ours))
      expect(await prismaEngineHistory(ours)).toEqual({ pending: [], failed: [], edited: [] })
    } finally {
      await ours.close()
    }

    // Migrated by Prisma (as `prisma migrate deploy` does): we find nothing to apply.
    const theirs = await PGlite.create()
    try {
      expect(await prismaEngineHistory(theirs, { deploy: true })).toEqual({
        pending: names,
        failed: [],
        edited: [],
      })
      expect(await migrateDatabase(wrapPGlite(theirs))).toEqual({
        applied: [],
        alreadyApplied: names.length,
      })
    } finally {
      await theirs.close()
    }
  })
})
