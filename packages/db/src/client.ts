import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import pg from 'pg'
import { PrismaClient, type Prisma } from './generated/prisma/client.ts'
import {
  newIdentityWriteCounter,
  registerIdentityWrites,
  watchIdentityWrites,
} from './identity-writes.ts'

/** The Prisma client every repository receives. */
export type Db = PrismaClient

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type DbTransaction = Prisma.TransactionClient

/** Either the client or a transaction client: what a repository function can run on. */
export type DbClient = Db | DbTransaction

export type DatabaseKind = 'pglite' | 'postgresql'

/** An open database: the Prisma client, what it runs on, and how to close it. */
export interface Database {
  readonly prisma: PrismaClient
  readonly kind: DatabaseKind
  /** Disconnects Prisma and releases the database (idempotent). */
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /**
   * Folder of the embedded PGlite database (created if missing). Ignored when `databaseUrl` is
   * given. Without either, the embedded database lives in memory and is lost on close.
   */
  dataDir?: string | undefined
  /** `postgresql://user:password@host:port/database?sslmode=…` of a PostgreSQL server. */
  databaseUrl?: string | undefined
  /**
   * The most connections the client keeps to a PostgreSQL server when the URL names none
   * (`connection_limit`); unset: `pg`'s default, 10. Ignored for the embedded database.
   */
  poolSize?: number | undefined
}

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is given, otherwise the embedded
 * PGlite database in `dataDir` (or in memory).
 */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize)
  return openPGlite(opts.dataDir)
}

// ---------------------------------------------------------------------------------------------
// Raw SQL sessions: what the migration runner and the test helpers use besides Prisma.

/** Runs raw SQL statements (`$1`, `$2`, … for the parameters) and answers the rows. */
export interface SqlQueryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** A raw SQL connection to an open database (internal: migrations and test helpers). */
export interface SqlSession extends SqlQueryable {
  readonly kind: DatabaseKind
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>
  release(): Promise<void>
}

const sqlSessions = new WeakMap<Database, () => Promise<SqlSession>>()

/** The same database with `close` extended by `after` (internal: test databases). */
export function withCloseHook(db: Database, after: () => Promise<void>): Database {
  let closed: Promise<void> | undefined
  const wrapped: Database = {
    prisma: db.prisma,
    kind: db.kind,
    close: () =>
      (closed ??= (async () => {
        try {
          await db.close()
        } finally {
          await after()
        }
      })()),
  }
  const open = sqlSessions.get(db)
  if (open) sqlSessions.set(wrapped, open)
  return wrapped
}

/** A raw SQL session on `db`; release it when done (internal). */
export function openSqlSession(db: Database): Promise<SqlSession> {
  const open = sqlSessions.get(db)
  if (!open) throw new Error('openSqlSession: not a database returned by openDatabase')
  return open()
}

/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export type PooledTransaction = <T>(fn: (sql: SqlQueryable) => Promise<T>) => Promise<T>

const pooled = new WeakMap<object, PooledTransaction>()

/**
 * Raw SQL transactions on the PostgreSQL server's connection pool — the pool Prisma uses — with
 * `pg`'s own result parsing and none of Prisma's per-statement work (about a tenth of the API's
 * CPU on the bid group commit's three statements). For hot paths whose statements are raw SQL
 * already. Undefined on the embedded database: it has one connection, Prisma's. Statements run
 * here are not seen by the identity-write counter (`identity-writes.ts`): never write the
 * session, token, user, participant, permission or setting tables through it.
 */
export function pooledTransaction(prisma: Db): PooledTransaction | undefined {
  return pooled.get(prisma)
}

/** Raw SQL through a Prisma client or transaction (`$queryRawUnsafe`), as `SqlQueryable`. */
export function prismaSql(db: DbClient): SqlQueryable {
  return {
    query: <T>(sql: string, params: unknown[] = []) => db.$queryRawUnsafe<T[]>(sql, ...params),
  }
}

/**
 * Interactive transactions wait up to 15 s for a connection and may run 60 s (Prisma's defaults,
 * 2 s and 5 s, fail ordinary writes on a busy machine: the embedded database has one connection,
 * so a request waits while a job's transaction runs). Long jobs set their own, longer limits.
 */
export const TRANSACTION_DEFAULTS = { maxWait: 15_000, timeout: 60_000 } as const

/** A Prisma client on `adapter` whose identity writes are counted (see identity-writes.ts). */
function watchedClient(adapter: PrismaPg | PrismaPGlite): PrismaClient {
  const counter = newIdentityWriteCounter()
  const prisma = new PrismaClient({
    adapter: watchIdentityWrites(adapter, counter),
    transactionOptions: TRANSACTION_DEFAULTS,
  })
  registerIdentityWrites(prisma, counter)
  return prisma
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

/**
 * Turns a `postgresql://` URL into `pg` options. `@prisma/adapter-pg` is given these separately
 * (given a connection string it would use the main database as its shadow database).
 * Understood query parameters: `sslmode` (disable | prefer | require | no-verify | verify-ca |
 * verify-full), `host` (a Unix socket folder), `schema`, `connection_limit`, `connect_timeout`
 * (seconds), `application_name`. Others are ignored. `defaults.poolSize`: the pool's size when the
 * URL has no `connection_limit`.
 */
export function parseDatabaseUrl(
  databaseUrl: string,
  defaults: { poolSize?: number | undefined } = {},
): pg.PoolConfig & { schema?: string } {
  let url: URL
  try {
    url = new URL(databaseUrl)
  } catch {
    throw new Error(
      'DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)',
    )
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${url.protocol}//)`)
  }
  const params = url.searchParams
  const config: pg.PoolConfig & { schema?: string } = {
    host: params.get('host') ?? (url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost'),
    port: url.port ? Number(url.port) : 5432,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
  }
  if (url.username) config.user = decodeURIComponent(url.username)
  if (url.password) config.password = decodeURIComponent(url.password)
  const sslmode = params.get('sslmode')
  if (sslmode === 'require' || sslmode === 'no-verify') config.ssl = { rejectUnauthorized: false }
  else if (sslmode === 'verify-ca' || sslmode === 'verify-full') config.ssl = true
  const schema = params.get('schema')
  if (schema && schema !== 'public') {
    config.schema = schema
    config.options = `-c search_path=${quoteIdent(schema)}`
  }
  const limit = params.get('connection_limit')
  if (limit) config.max = Number(limit)
  else if (defaults.poolSize) config.max = defaults.poolSize
  const timeout = params.get('connect_timeout')
  if (timeout) config.connectionTimeoutMillis = Number(timeout) * 1000
  config.application_name = params.get('application_name') ?? 'yoryo'
  return config
}

/** A PostgreSQL identifier in double quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

async function openPostgres(databaseUrl: string, poolSize?: number): Promise<Database> {
  const { schema, ...config } = parseDatabaseUrl(databaseUrl, { poolSize })
  // One pool for Prisma and the raw hot paths (`pooledTransaction`); Prisma ends it on close.
  const pool = new pg.Pool(config)
  const prisma = watchedClient(
    new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true }),
  )
  pooled.set(prisma, (fn) => poolTransaction(pool, fn))
  // Fail here, with the server's message, rather than on the first request.
  try {
    await prisma.$queryRawUnsafe('SELECT 1')
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined)
    throw error
  }
  let closed: Promise<void> | undefined
  const database: Database = {
    prisma,
    kind: 'postgresql',
    close: () => (closed ??= prisma.$disconnect()),
  }
  sqlSessions.set(database, async () => {
    const client = new pg.Client(config)
    await client.connect()
    // Prisma creates the schema named in the URL when it migrates; so do we.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
    return pgSession(client)
  })
  return database
}

async function poolTransaction<T>(
  pool: pg.Pool,
  fn: (sql: SqlQueryable) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await fn({
      query: async <R>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params)).rows as R[],
    })
    await client.query('COMMIT')
    return result
  } catch (error) {
    // A connection that cannot roll back is not given back to the pool
    await client.query('ROLLBACK').catch((e: unknown) => {
      broken = e instanceof Error ? e : new Error(String(e))
    })
    throw error
  } finally {
    client.release(broken)
  }
}

function pgSession(client: pg.Client): SqlSession {
  const session: SqlSession = {
    kind: 'postgresql',
    query: async <T>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as T[],
    exec: async (script) => {
      await client.query(script)
    },
    transaction: async (fn) => {
      await client.query('BEGIN')
      try {
        const result = await fn(session)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      }
    },
    release: () => client.end(),
  }
  return session
}

// ---------------------------------------------------------------------------------------------
// Embedded PGlite

async function openPGlite(dataDir: string | undefined): Promise<Database> {
  if (!dataDir) return wrapPGlite(await PGlite.create())
  const dir = resolve(dataDir)
  mkdirSync(dir, { recursive: true })
  const unlock = lockDataDir(dir)
  try {
    return wrapPGlite(await PGlite.create({ dataDir: dir }), unlock)
  } catch (error) {
    unlock()
    throw error
  }
}

/** Wraps an open PGlite instance; closing the database closes the instance (internal). */
export function wrapPGlite(pglite: PGlite, onClose?: () => void): Database {
  const prisma = watchedClient(new PrismaPGlite(pglite))
  let closed: Promise<void> | undefined
  const database: Database = {
    prisma,
    kind: 'pglite',
    close: () =>
      (closed ??= (async () => {
        try {
          await prisma.$disconnect()
          await pglite.close()
        } finally {
          onClose?.()
        }
      })()),
  }
  sqlSessions.set(database, async () => pgliteSession(pglite))
  return database
}

function pgliteSession(pglite: PGlite): SqlSession {
  type Queryable = Pick<PGlite, 'query' | 'exec'>
  const make = (q: Queryable, inTransaction: boolean): SqlSession => ({
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, params)).rows,
    exec: async (script) => {
      await q.exec(script)
    },
    transaction: (fn) =>
      inTransaction ? fn(make(q, true)) : pglite.transaction((tx) => fn(make(tx, true))),
    release: async () => undefined,
  })
  return make(pglite, false)
}

/**
 * PGlite has no lock of its own: two processes opening one folder would corrupt it. A lock file
 * with the owner's process ID refuses the second opener (a stale file is taken over).
 */
function lockDataDir(dir: string): () => void {
  const lockFile = join(dir, 'yoryo.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number(readFileSync(lockFile, 'utf8').trim())
      if (pid > 0 && isRunning(pid)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${pid}` +
            `${pid === process.pid ? ' (this process)' : ''}. PGlite allows one user at a time: ` +
            `stop that process first (or delete ${lockFile} if no process uses it).`,
        )
      }
      rmSync(lockFile, { force: true })
    }
  }
  throw new Error(`Could not lock ${lockFile}`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
