import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, openSqlSession, parseDatabaseUrl, quoteIdent } from './client.ts'
import { migrateDatabase, migrationChecksum, readMigrations } from './migrations.ts'

const migrations = readMigrations()
const scratch = mkdtempSync(join(tmpdir(), 'yoryo-db-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface MigrationRow {
  migration_name: string
  checksum: string
  finished_at: Date | null
  applied_steps_count: number
}

const tablesOf = async (db: Awaited<ReturnType<typeof openDatabase>>) => {
  const session = await openSqlSession(db)
  try {
    const tables = await session.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
    )
    const rows = await session.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    )
    return { tables: tables.map((t) => t.table_name), rows }
  } finally {
    await session.release()
  }
}

describe('the migration folders', () => {
  it('exist and are in Prisma format', () => {
    expect(migrations.length).toBeGreaterThan(0)
    for (const m of migrations) {
      expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/)
      expect(m.checksum).toBe(migrationChecksum(m.sql))
    }
  })
})

describe('migrateDatabase on PGlite', () => {
  it('applies every migration, records it as Prisma does, and is idempotent', async () => {
    const dataDir = join(scratch, 'pglite')
    const first = await migrateDatabase({ dataDir })
    expect(first).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 })

    const second = await migrateDatabase({ dataDir })
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length })

    const db = await openDatabase({ dataDir })
    try {
      const { tables, rows } = await tablesOf(db)
      expect(tables).toEqual(
        expect.arrayContaining(['_prisma_migrations', 'participant', 'app_user']),
      )
      expect(rows).toEqual(
        migrations.map((m) => ({
          migration_name: m.name,
          checksum: m.checksum,
          finished_at: expect.any(Date),
          applied_steps_count: 1,
        })),
      )
      // The client works on the migrated schema.
      expect(await db.prisma.participant.count()).toBe(0)
    } finally {
      await db.close()
    }
  })

  it('rolls a failing migration back completely and names it', async () => {
    const dir = join(scratch, 'broken-migrations')
    for (const m of migrations) {
      mkdirSync(join(dir, m.name), { recursive: true })
      writeFileSync(join(dir, m.name, 'migration.sql'), m.sql)
    }
    const broken = '99990101000000_broken'
    mkdirSync(join(dir, broken))
    writeFileSync(
      join(dir, broken, 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n',
    )
    const db = await openDatabase()
    try {
      await expect(migrateDatabase(db, { migrationsDir: dir })).rejects.toThrow(
        /Migration 99990101000000_broken failed and was rolled back: .*no_such_table/,
      )
      const { tables, rows } = await tablesOf(db)
      expect(tables).not.toContain('half_done')
      expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name))
    } finally {
      await db.close()
    }
  })

  it('refuses a data folder another user has open', async () => {
    const dataDir = join(scratch, 'pglite')
    const db = await openDatabase({ dataDir })
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process/)
    } finally {
      await db.close()
    }
    // Released on close.
    const again = await openDatabase({ dataDir })
    await again.close()
  })
})

const serverUrl = process.env.TEST_DATABASE_URL

describe.skipIf(!serverUrl)('migrateDatabase on a PostgreSQL server (TEST_DATABASE_URL)', () => {
  it('applies every migration, records it as Prisma does, and is idempotent', async () => {
    const admin = parseDatabaseUrl(serverUrl as string)
    delete admin.schema
    const name = `yoryo_migrate_test_${Date.now().toString(36)}`
    const run = async (sql: string) => {
      const client = new pg.Client(admin)
      await client.connect()
      try {
        await client.query(sql)
      } finally {
        await client.end()
      }
    }
    await run(`CREATE DATABASE ${quoteIdent(name)}`)
    try {
      const url = new URL(serverUrl as string)
      url.pathname = `/${name}`
      const databaseUrl = url.toString()
      // Two deploys at once: the advisory lock lets one apply and the other find nothing to do.
      const [a, b] = await Promise.all([
        migrateDatabase({ databaseUrl }),
        migrateDatabase({ databaseUrl }),
      ])
      expect([a.applied.length, b.applied.length].sort()).toEqual([0, migrations.length])
      expect(await migrateDatabase({ databaseUrl })).toEqual({
        applied: [],
        alreadyApplied: migrations.length,
      })
      const db = await openDatabase({ databaseUrl })
      try {
        expect(db.kind).toBe('postgresql')
        const { tables, rows } = await tablesOf(db)
        expect(tables).toEqual(expect.arrayContaining(['_prisma_migrations', 'participant']))
        expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
          migrations.map((m) => [m.name, m.checksum, 1]),
        )
        expect(await db.prisma.participant.count()).toBe(0)
      } finally {
        await db.close()
      }
    } finally {
      await run(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
    }
  })
})
