import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import {
  openDatabase,
  parseDatabaseUrl,
  quoteIdent,
  withCloseHook,
  wrapPGlite,
  type Database,
} from './client.ts'
import { migrateDatabase, readMigrations } from './migrations.ts'
import { blankPGlite, snapshot } from './pglite-snapshot.ts'

export type { Database } from './client.ts'

/**
 * A fresh, migrated, empty database for one test file (call it in `beforeAll`, close it in
 * `afterAll`). Every call gives a database of its own, so test files can run in parallel workers.
 *
 * - Default: an in-memory PGlite database, loaded from a migrated template (0.4–0.6 s). The
 *   template is made once and cached in the system temp folder under a hash of the migrations
 *   (see `pglite-snapshot.ts`), so later workers and runs only load it.
 * - `TEST_DATABASE_URL=postgresql://…` (a server login allowed to create databases): a new
 *   database `yoryo_test_…` on that server, migrated, and dropped by `close()`.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) return createServerTestDatabase(serverUrl)
  const template = await pgliteTemplate()
  return wrapPGlite(await PGlite.create({ loadDataDir: template }))
}

// ---------------------------------------------------------------------------------------------
// PGlite: one migrated template, dumped once, loaded per database.

function pgliteTemplate(): Promise<Blob> {
  const migrations = readMigrations()
  return snapshot(
    'migrated',
    migrations.map((m) => [m.name, m.checksum]),
    async () => {
      const pglite = await blankPGlite()
      await migrateDatabase(wrapPGlite(pglite))
      return pglite
    },
  )
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server: one database per call, dropped on close.

async function createServerTestDatabase(serverUrl: string): Promise<Database> {
  const adminConfig = parseDatabaseUrl(serverUrl)
  delete adminConfig.schema
  const name = `yoryo_test_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`
  await withAdmin(adminConfig, (admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const drop = () =>
    withAdmin(adminConfig, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
    ).then(() => undefined)
  let db: Database
  try {
    db = await openDatabase({ databaseUrl: url.toString() })
  } catch (error) {
    await drop()
    throw error
  }
  try {
    await migrateDatabase(db)
  } catch (error) {
    await db.close()
    await drop()
    throw error
  }
  return withCloseHook(db, drop)
}

async function withAdmin<T>(
  config: pg.ClientConfig,
  fn: (admin: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client(config)
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.end()
  }
}
