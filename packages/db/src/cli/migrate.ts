import { relative, resolve } from 'node:path'
import { migrateDatabase } from '../migrations.ts'
import { defaultDataDir, migrationsDir, repoRoot } from '../paths.ts'
import { checkMigrationDrift, createMigration } from '../schema-engine.ts'

/**
 * pnpm --filter @yoryo/db migrate                    apply the migrations (deploy)
 * pnpm --filter @yoryo/db migrate:create <name>      write a migration for schema.prisma's changes
 * pnpm --filter @yoryo/db migrate:check              exit 1 when a migration is missing
 *
 * deploy targets DATABASE_URL when set, else the embedded database in DATA_DIR (default `.data/`
 * at the repository root; a relative DATA_DIR is taken from the folder the command was run in).
 */

const usage = `Usage:
  migrate.ts deploy               apply pending migrations to DATABASE_URL or the embedded DATA_DIR
  migrate.ts create <name> [--empty]
                                  write prisma/migrations/<timestamp>_<name>/ from schema.prisma
  migrate.ts check                exit 1 when schema.prisma has changes no migration contains`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'deploy':
      return deploy()
    case 'create': {
      const empty = rest.includes('--empty')
      const name = rest.filter((a) => a !== '--empty').join('_')
      if (!name) {
        console.error(
          'migrate create: give the migration a name, e.g. `migrate:create add_resources`',
        )
        return 2
      }
      const result = await createMigration(name, { empty })
      if (!result.name || !result.dir) {
        console.log('No changes: schema.prisma and prisma/migrations agree; no migration written.')
        return 0
      }
      console.log(`Created ${relative(repoRoot, result.dir)}/migration.sql`)
      console.log(
        empty
          ? 'It is empty: write the SQL, then apply it with `pnpm --filter @yoryo/db migrate`.'
          : 'Review the SQL, then apply it with `pnpm --filter @yoryo/db migrate`.',
      )
      return 0
    }
    case 'check': {
      const drift = await checkMigrationDrift()
      if (drift.inSync) {
        console.log('OK: prisma/migrations produce exactly the schema of prisma/schema.prisma.')
        return 0
      }
      console.error(
        [
          'Migration missing: prisma/schema.prisma has changes that no migration in prisma/migrations contains.',
          'Create one with: pnpm --filter @yoryo/db migrate:create <name>',
          '',
          'The missing SQL:',
          drift.missingSql,
        ].join('\n'),
      )
      return 1
    }
    default:
      console.error(usage)
      return 2
  }
}

async function deploy(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL || undefined
  const dataDir = process.env.DATA_DIR
    ? resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR)
    : defaultDataDir
  const where = databaseUrl
    ? 'the PostgreSQL server in DATABASE_URL'
    : `the embedded database in ${dataDir}`
  console.log(`Migrating ${where} with ${relative(repoRoot, migrationsDir)}/`)
  const result = await migrateDatabase(databaseUrl ? { databaseUrl } : { dataDir }, {
    log: (message) => console.log(`  ${message}`),
  })
  console.log(
    result.applied.length === 0
      ? `Up to date: ${result.alreadyApplied} migration(s) already applied.`
      : `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied.`,
  )
  return 0
}

// The WebAssembly schema engine leaves a timer running: always exit explicitly.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
