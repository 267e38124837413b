import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * The only place the environment is read. Every variable is documented in the README
 * ("Configuration"); an invalid value stops the server at start with a clear message.
 */
/** The repository root: defaults for folders are relative to it, explicit values to the cwd. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(20),
  PUBLIC_ORIGIN: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  SESSION_COOKIE_SECURE: booleanFromEnv.optional(),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*)$/,
      'true, false, a hop count or addresses',
    )
    .default('false'),
  SEED_DEMO_DATA: booleanFromEnv.default(true),
  ENABLE_TEST_SUPPORT: booleanFromEnv.default(false),
  WEB_DIST_DIR: z.string().optional(),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  TLS_CLIENT_CA_FILE: z.string().optional(),
  CLIENT_CERT_MODE: z.enum(['off', 'tls', 'proxy']).default('off'),
  CLIENT_CERT_PROXY_HEADER: z.string().default('x-client-cert-sha256'),
  CLIENT_CERT_REQUIRED: booleanFromEnv.default(false),
  JOB_RUNNER: booleanFromEnv.default(true),
  JOB_STALE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  BULK_UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  RECEIPT_SIGNING_KEY_FILE: z.string().optional(),
})

export type Config = {
  env: 'development' | 'test' | 'production'
  host: string
  port: number
  dataDir: string
  databaseUrl: string | undefined
  /**
   * The most connections to the PostgreSQL server (when `DATABASE_URL` has no
   * `connection_limit`); two fifths of them may be bid write groups at once (bids/routes.ts).
   */
  databasePoolSize: number
  publicOrigin: string
  logLevel: string
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean }
  /** Login attempts per client address per minute. */
  loginRateLimitPerMinute: number
  /** Login attempts per account (participant code + user ID) per minute. */
  loginRateLimitPerAccountPerMinute: number
  /** A lock after repeated login failures ends by itself after this long (or at an unlock, 020). */
  loginLockMinutes: number
  /**
   * Which reverse proxies' `X-Forwarded-For` to believe for the client address (Fastify's
   * `trustProxy`): false, true (any), a hop count, or addresses / CIDR ranges.
   */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean)
  seedDemoData: boolean
  /** Test-data routes for the end-to-end suite (`/api/test-support`); never in production. */
  testSupport: boolean
  /** Folder holding the built SPAs as `pre-delivery/` and `delivery/`. */
  webDistDir: string | undefined
  tls: { certFile: string; keyFile: string; clientCaFile: string | undefined } | undefined
  clientCertificates: {
    /** off: not used; tls: the API terminates TLS and asks for a certificate; proxy: trust a header. */
    mode: 'off' | 'tls' | 'proxy'
    proxyHeader: string
    /** When true, login needs a certificate registered to the user. */
    required: boolean
  }
  jobs: {
    /** Whether the server runs jobs in this process (`JOB_RUNNER`; tests drive `drain()`). */
    runner: boolean
    /** A running job without heartbeat for this long was left by a dead process. */
    staleMs: number
  }
  bulkImports: {
    /**
     * Days the uploaded file of a finished import is kept (`BULK_UPLOAD_RETENTION_DAYS`,
     * default 7); its result and error file stay.
     */
    uploadRetentionDays: number
  }
  /**
   * The Ed25519 key (PKCS#8 PEM) that signs bid receipts (110); unset: one generated on first
   * use and kept in the database (`lib/receipts.ts`).
   */
  receiptSigningKeyFile: string | undefined
}

export class ConfigError extends Error {}

function trustProxyOf(value: string): Config['trustProxy'] {
  if (value === 'true') return true
  if (value === 'false') return false
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return (_address, hop) => hop < hops
  }
  return value.split(',')
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const tlsOn = Boolean(e.TLS_CERT_FILE || e.TLS_KEY_FILE)
  if (tlsOn && !(e.TLS_CERT_FILE && e.TLS_KEY_FILE)) {
    throw new ConfigError('Invalid configuration:\n  TLS_CERT_FILE and TLS_KEY_FILE go together')
  }
  if (e.CLIENT_CERT_MODE === 'tls' && !(tlsOn && e.TLS_CLIENT_CA_FILE)) {
    throw new ConfigError(
      'Invalid configuration:\n  CLIENT_CERT_MODE=tls needs TLS_CERT_FILE, TLS_KEY_FILE and TLS_CLIENT_CA_FILE',
    )
  }
  if (e.CLIENT_CERT_REQUIRED && e.CLIENT_CERT_MODE === 'off') {
    throw new ConfigError(
      'Invalid configuration:\n  CLIENT_CERT_REQUIRED needs CLIENT_CERT_MODE tls or proxy',
    )
  }
  const scheme = tlsOn ? 'https' : 'http'
  const publicOrigin = (
    e.PUBLIC_ORIGIN ?? `${scheme}://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '')
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR ? resolve(e.DATA_DIR) : resolve(repoRoot, '.data'),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicOrigin,
    logLevel: e.LOG_LEVEL,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.SESSION_COOKIE_SECURE ?? publicOrigin.startsWith('https:'),
    },
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerAccountPerMinute: e.LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    seedDemoData: e.SEED_DEMO_DATA,
    testSupport: e.ENABLE_TEST_SUPPORT && e.NODE_ENV !== 'production',
    webDistDir: e.WEB_DIST_DIR ? resolve(e.WEB_DIST_DIR) : resolve(repoRoot, 'dist', 'web'),
    tls: tlsOn
      ? {
          certFile: resolve(e.TLS_CERT_FILE as string),
          keyFile: resolve(e.TLS_KEY_FILE as string),
          clientCaFile: e.TLS_CLIENT_CA_FILE ? resolve(e.TLS_CLIENT_CA_FILE) : undefined,
        }
      : undefined,
    clientCertificates: {
      mode: e.CLIENT_CERT_MODE,
      proxyHeader: e.CLIENT_CERT_PROXY_HEADER.toLowerCase(),
      required: e.CLIENT_CERT_REQUIRED,
    },
    jobs: { runner: e.JOB_RUNNER, staleMs: e.JOB_STALE_SECONDS * 1000 },
    bulkImports: { uploadRetentionDays: e.BULK_UPLOAD_RETENTION_DAYS },
    receiptSigningKeyFile: e.RECEIPT_SIGNING_KEY_FILE
      ? resolve(e.RECEIPT_SIGNING_KEY_FILE)
      : undefined,
  }
}

/** A configuration for tests: no TLS, quiet logs, an origin tests can send. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false' })
  return {
    ...base,
    loginRateLimitPerMinute: 1000,
    loginRateLimitPerAccountPerMinute: 1000,
    ...overrides,
  }
}
