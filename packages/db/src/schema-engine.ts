import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import type * as Engine from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { MIGRATION_LOCK_TOML, readMigrations } from './migrations.ts'
import { blankPGlite } from './pglite-snapshot.ts'
import { migrationsDir as defaultMigrationsDir, schemaPath as defaultSchemaPath } from './paths.ts'

/**
 * Migration authoring through Prisma's schema engine compiled to WebAssembly
 * (`@prisma/schema-engine-wasm`), because the CLI's native engine cannot be downloaded here.
 * The engine works on an in-memory PGlite database: it replays the migrations into a shadow
 * database and diffs the result with `schema.prisma`, exactly as `prisma migrate dev` would.
 *
 * The engine leaves a timer of about 10 s running: command-line callers should exit explicitly.
 */

export interface AuthoringOptions {
  schemaPath?: string
  migrationsDir?: string
}

export interface CreateMigrationResult {
  /** The new folder name, or null when the schema and the migrations already agree. */
  name: string | null
  /** The folder written, or null. */
  dir: string | null
  sql: string | null
}

export interface DriftResult {
  inSync: boolean
  /** The SQL a new migration would need (empty when in sync). */
  missingSql: string
}

const noFilters: Engine.SchemaFilter = { externalTables: [], externalEnums: [] }

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` for the difference between the
 * migrations and `schema.prisma` (nothing when there is none). `empty` writes an empty migration
 * to fill by hand (data changes, SQL Prisma cannot express).
 */
export async function createMigration(
  name: string,
  opts: AuthoringOptions & { empty?: boolean } = {},
): Promise<CreateMigrationResult> {
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir
  const schema = readSchema(opts.schemaPath)
  const migrationsList = migrationList(migrationsDir)
  return withEngine(schema, async (engine) => {
    // As `prisma migrate dev` does: bring the (empty, in-memory) development database up to
    // date, then diagnose it; the diagnostic caches the migrated schema that createMigration
    // diffs against (without it the engine asks for a shadow database it cannot have here).
    await engine.applyMigrations({ migrationsList, filters: noFilters })
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: noFilters })
    if (diagnostic.action.tag === 'reset') {
      throw new Error(`The migrations cannot be replayed: ${diagnostic.action.reason}`)
    }
    const output = await engine.createMigration({
      draft: opts.empty ?? false,
      migrationName: slugify(name),
      migrationsList,
      schema: { files: [schema] },
      filters: noFilters,
    })
    if (output.migrationScript === null) return { name: null, dir: null, sql: null }
    const dir = join(migrationsDir, output.generatedMigrationName)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `migration.${output.extension}`), output.migrationScript)
    const lockFile = join(migrationsDir, 'migration_lock.toml')
    if (!existsSync(lockFile)) writeFileSync(lockFile, MIGRATION_LOCK_TOML)
    return { name: output.generatedMigrationName, dir, sql: output.migrationScript }
  })
}

/** Compares the schema the migrations produce with `schema.prisma`. */
export async function checkMigrationDrift(opts: AuthoringOptions = {}): Promise<DriftResult> {
  const schema = readSchema(opts.schemaPath)
  const migrationsList = migrationList(opts.migrationsDir ?? defaultMigrationsDir)
  return withEngine(schema, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: noFilters,
    })
    const inSync = result.exitCode === 0
    return { inSync, missingSql: inSync ? '' : (result.stdout ?? '').trim() }
  })
}

export interface PrismaHistoryReport {
  /** What Prisma's `migrate deploy` would apply now (applied by this call when `deploy`). */
  pending: string[]
  failed: string[]
  edited: string[]
}

/**
 * Runs Prisma's own engine on an open PGlite database: what would `prisma migrate deploy` (and
 * `migrate status`) make of its `_prisma_migrations`? With `deploy`, the engine also applies what
 * is pending. Used by the tests to prove the two runners interoperate.
 */
export async function prismaEngineHistory(
  pglite: PGlite,
  opts: AuthoringOptions & { deploy?: boolean } = {},
): Promise<PrismaHistoryReport> {
  const schema = readSchema(opts.schemaPath)
  const migrationsList = migrationList(opts.migrationsDir ?? defaultMigrationsDir)
  return withEngine(
    schema,
    async (engine) => {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: noFilters,
      })
      const pending =
        diagnosis.history?.diagnostic === 'databaseIsBehind'
          ? diagnosis.history.unappliedMigrationNames
          : []
      if (diagnosis.history && diagnosis.history.diagnostic !== 'databaseIsBehind') {
        throw new Error(`Prisma sees diverging histories: ${JSON.stringify(diagnosis.history)}`)
      }
      if (opts.deploy) {
        const applied = await engine.applyMigrations({ migrationsList, filters: noFilters })
        if (applied.appliedMigrationNames.join() !== pending.join()) {
          throw new Error(`Prisma applied ${applied.appliedMigrationNames.join(', ') || 'nothing'}`)
        }
      }
      return {
        pending,
        failed: diagnosis.failedMigrationNames,
        edited: diagnosis.editedMigrationNames,
      }
    },
    pglite,
  )
}

function readSchema(path = defaultSchemaPath): Engine.SchemaContainer {
  return { path: basename(path), content: readFileSync(path, 'utf8') }
}

function migrationList(dir: string): Engine.MigrationList {
  const lockPath = join(dir, 'migration_lock.toml')
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
    })),
  }
}

/** Prisma's folder-name rule: lower case, words joined by `_`. */
function slugify(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200)
  if (!slug) throw new Error('A migration needs a name made of letters or digits')
  return slug
}

/** Runs `fn` with an engine on `database` (default: a new in-memory PGlite, closed after). */
async function withEngine<T>(
  schema: Engine.SchemaContainer,
  fn: (engine: Engine.SchemaEngine) => Promise<T>,
  database?: PGlite,
): Promise<T> {
  const wasm = await loadEngineModule()
  const pglite = database ?? (await blankPGlite())
  const factory = new SnapshotShadowPGlite(pglite)
  try {
    const adapter = (await driverAdapterUtils()).bindMigrationAwareSqlAdapterFactory(factory)
    const engine = await wasm.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      () => undefined,
      adapter,
    )
    try {
      return await fn(engine)
    } finally {
      engine.free()
    }
  } finally {
    await factory.closeShadows()
    if (!database) await pglite.close()
  }
}

/**
 * The PGlite adapter, with shadow databases loaded from the blank snapshot (instead of a new
 * initdb each, ~2 s) and closed afterwards (the adapter itself never closes them).
 */
class SnapshotShadowPGlite extends PrismaPGlite {
  private readonly shadows: PGlite[] = []

  override async connectToShadowDb() {
    const shadow = await blankPGlite()
    this.shadows.push(shadow)
    return new PrismaPGlite(shadow).connect()
  }

  async closeShadows(): Promise<void> {
    await Promise.all(this.shadows.splice(0).map((s) => s.close()))
  }
}

// The global of Node.js; its type is not part of the ES2023 library this package compiles with.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>
}

const require = createRequire(import.meta.url)
let engineModule: Promise<typeof Engine> | undefined

/**
 * The package's entry imports the `.wasm` file as an ES module, which Node.js cannot; its
 * `schema_engine_bg` glue is instantiated here by hand instead.
 */
function loadEngineModule(): Promise<typeof Engine> {
  engineModule ??= (async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg')
    const bytes = readFileSync(gluePath.replace(/\.js$/, '.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue })
    glue.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
    return glue
  })()
  return engineModule
}

interface DriverAdapterUtils {
  bindMigrationAwareSqlAdapterFactory(factory: PrismaPGlite): object
}

/**
 * `@prisma/driver-adapter-utils` (a dependency of `@prisma/adapter-pg`) wraps an adapter the way
 * the engine expects: results as `{ ok, value }`, errors in a registry. Reached through
 * `@prisma/adapter-pg` so that it matches the Prisma version in use.
 */
async function driverAdapterUtils(): Promise<DriverAdapterUtils> {
  const fromAdapter = createRequire(require.resolve('@prisma/adapter-pg'))
  const cjsEntry = fromAdapter.resolve('@prisma/driver-adapter-utils')
  return (await import(pathToFileURL(cjsEntry).href)) as DriverAdapterUtils
}
