/**
 * @yoryo/db — the database of Yoryo: the Prisma client (embedded PGlite or a PostgreSQL server),
 * migrations and demo data. Other packages import only from here (tests also from
 * `@yoryo/db/testing` and `@yoryo/db/factories`).
 */
export * from './generated/prisma/client.ts'
export {
  openDatabase,
  parseDatabaseUrl,
  pooledTransaction,
  prismaSql,
  type Database,
  type DatabaseKind,
  type Db,
  type DbClient,
  type DbTransaction,
  type OpenDatabaseOptions,
  type PooledTransaction,
  type SqlQueryable,
} from './client.ts'
export {
  migrateDatabase,
  migrationChecksum,
  readMigrations,
  type MigrateOptions,
  type MigrateResult,
  type Migration,
} from './migrations.ts'
export {
  OPERATOR_DEMO_PASSWORD,
  PARTICIPANT_DEMO_PASSWORD,
  TSO_DEMO_PASSWORD,
  demoLogins,
  demoMarketWindows,
  seedDemoData,
  type DemoLogin,
  type SeedOptions,
} from './seed.ts'
export { nextNumber, reserveNumbers } from './numbers.ts'
export { issueParticipantCode } from './participant-code.ts'
export { identityWrites, isIdentityWrite, type IdentityWrites } from './identity-writes.ts'
export { defaultDataDir, migrationsDir, schemaPath } from './paths.ts'
