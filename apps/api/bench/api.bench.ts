/**
 * API throughput benchmark (issue 14): starts a bare Fastify route, the API on a PostgreSQL
 * server and the API on the embedded database, each in its own process as in production, drives
 * each route with a bounded autocannon run on loopback and prints req/s, p50, p99 and the ratio
 * to the bare route, beside the figures measured before issue 14.
 *
 *   pnpm bench                       # full run: 50 connections, 10 s per route
 *   pnpm bench:smoke                 # CI: 10 connections, 1 s per route, no goals checked
 *   … --duration 5 --connections 50 --only postgresql|pglite --route users --cpu-prof <dir>
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { migrateDatabase, openDatabase, seedDemoData } from '@yoryo/db'
import { createUser } from '@yoryo/db/factories'
import { hashPassword } from '../src/modules/auth/password.ts'
import { apiServerCommand } from '../../../scripts/api-command.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const smoke = process.argv.includes('--smoke')
const duration = Number(arg('duration') ?? (smoke ? 1 : 10))
const connections = Number(arg('connections') ?? (smoke ? 10 : 50))
const only = arg('only')
const cpuProfDir = arg('cpu-prof')
const routeFilter = arg('route')
const basePort = Number(process.env.BENCH_PORT ?? 3301)
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55501)

type DbKind = 'postgresql' | 'pglite'
interface Figures {
  rps: number
  p50: number
  p99: number
  /** Requests that got no answer within the 30 s timeout, or failed on the connection. */
  lost?: number
}
interface Route {
  name: string
  path: string
  auth: boolean
}

const routes: Route[] = [
  { name: 'GET /api/health', path: '/api/health', auth: false },
  { name: 'GET /api/v1/portal/ (token)', path: '/api/v1/portal/', auth: true },
  {
    name: 'GET /api/v1/users/?pageSize=50 (token)',
    path: '/api/v1/users/?pageSize=50',
    auth: true,
  },
]

/** Before issue 14 (50 connections, 10 s, the 2-core machine; from the issue). */
const today: Record<string, Partial<Record<DbKind | 'bare', Partial<Figures>>>> = {
  'GET /api/health': {
    pglite: { rps: 91, p99: 4600 },
    postgresql: { rps: 260, p50: 167, p99: 623 },
    bare: { rps: 15_900, p99: 9 },
  },
  'GET /api/v1/portal/ (token)': {
    pglite: { rps: 64, p99: 1600 },
    postgresql: { rps: 190, p99: 402 },
  },
  'GET /api/v1/users/?pageSize=50 (token)': { postgresql: { rps: 153, p99: 438 } },
}

const children: ChildProcess[] = []
const cleanups: (() => void)[] = []

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
}
process.on('exit', () => {
  stopAll()
  for (const cleanup of cleanups.reverse()) cleanup()
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))

async function waitForHealth(port: number, child: ChildProcess) {
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server on port ${port} exited (${child.exitCode})`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not start`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

function startProcess(command: string[], env: NodeJS.ProcessEnv) {
  const [cmd, ...args] = command
  const child = spawn(cmd as string, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return child
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/** Migrated, with the demo data and 50 more users of P00001 (for the 50-row list). */
async function prepareDatabase(target: { databaseUrl?: string; dataDir?: string }) {
  const database = await openDatabase(target)
  try {
    await migrateDatabase(database)
    await seedDemoData(database.prisma, { hashPassword })
    const participant = await database.prisma.participant.findUniqueOrThrow({
      where: { code: 'P00001' },
    })
    const hash = await hashPassword('Bench#Passw0rd2026')
    for (let i = 1; i <= 50; i++) {
      await createUser(database.prisma, {
        participantId: participant.id,
        role: 'participantUser',
        userId: `bench${String(i).padStart(3, '0')}`,
        hashPassword: async () => hash,
      })
    }
  } finally {
    await database.close()
  }
}

/** Logs in as P00001 admin01 and creates a personal API token. */
async function apiToken(port: number): Promise<string> {
  const origin = `http://127.0.0.1:${port}`
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      participantCode: 'P00001',
      userId: 'admin01',
      password: 'Participant#2026demo',
    }),
  })
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
  const created = await fetch(`${origin}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify({ name: 'bench', expiresInDays: 1 }),
  })
  if (!created.ok) throw new Error(`token failed: ${created.status} ${await created.text()}`)
  return ((await created.json()) as { token: string }).token
}

async function drive(port: number, path: string, headers: Record<string, string>) {
  const run = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      connections,
      duration: seconds,
      headers,
      timeout: 30,
    })
  if (!smoke) await run(1) // warm-up: JIT, caches, pools
  const result = await run(duration)
  // A wrong answer is a broken benchmark; a slow one is a result (shown in the table).
  if (result.non2xx > 0)
    throw new Error(`${path} on port ${port}: ${result.non2xx} non-2xx answers`)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    lost: result.errors + result.timeouts,
  }
}

function profileArgs() {
  return cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []
}

async function benchApi(kind: DbKind, port: number, results: Map<string, Figures>) {
  const work = mkdtempSync(join(tmpdir(), `yoryo-bench-${kind}-`))
  cleanups.push(() => rmSync(work, { recursive: true, force: true }))
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SEED_DEMO_DATA: 'false',
    WEB_DIST_DIR: join(work, 'no-web'),
  }
  if (kind === 'postgresql') {
    // Its own folder under the temporary directory: the server runs as `postgres` when root.
    const pgDir = mkdtempSync(join(tmpdir(), 'yoryo-bench-pg-'))
    const started = spawnSync(
      'bash',
      ['scripts/pg-test-server.sh', 'start', pgDir, String(pgPort)],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
    if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`)
    cleanups.push(() => {
      spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir], { cwd: root })
      rmSync(pgDir, { recursive: true, force: true })
    })
    env.DATABASE_URL = started.stdout.trim()
    await prepareDatabase({ databaseUrl: env.DATABASE_URL })
  } else {
    env.DATA_DIR = join(work, 'data')
    await prepareDatabase({ dataDir: env.DATA_DIR })
  }
  const child = startProcess([process.execPath, ...profileArgs(), ...apiServerCommand(root)], env)
  try {
    await waitForHealth(port, child)
    const token = await apiToken(port)
    for (const route of routes) {
      if (routeFilter && !route.name.includes(routeFilter)) continue
      const headers: Record<string, string> = route.auth ? { authorization: `Bearer ${token}` } : {}
      results.set(`${route.name}|${kind}`, await drive(port, route.path, headers))
      process.stderr.write(`  ${kind} ${route.name} done\n`)
    }
  } finally {
    await stopProcess(child)
  }
}

async function main() {
  console.log(
    `API throughput: ${connections} connections, ${duration} s per route on loopback` +
      `${smoke ? ' (smoke run)' : ''}; load average before: ${loadavg()[0]?.toFixed(1)}`,
  )
  const results = new Map<string, Figures>()
  const bare = startProcess([process.execPath, join(here, 'bare-server.mjs')], {
    PORT: String(basePort),
  })
  try {
    await waitForHealth(basePort, bare)
    results.set('bare', await drive(basePort, '/api/health', {}))
  } finally {
    await stopProcess(bare)
  }
  const kinds: DbKind[] = only ? [only as DbKind] : ['postgresql', 'pglite']
  for (const [i, kind] of kinds.entries()) await benchApi(kind, basePort + 1 + i, results)
  printTable(results, kinds)
}

const fmtRps = (n: number | undefined) =>
  n === undefined ? '—' : Math.round(n).toLocaleString('en')
const fmtMs = (n: number | undefined) =>
  n === undefined ? '—' : n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`

function printTable(results: Map<string, Figures>, kinds: DbKind[]) {
  const bare = results.get('bare') as Figures
  const header = [
    'route',
    'database',
    'before: req/s',
    'p50',
    'p99',
    'now: req/s',
    'p50',
    'p99',
    'lost',
    '% of bare',
  ]
  const rows: string[][] = []
  const bareToday = today['GET /api/health']?.bare ?? {}
  rows.push([
    'bare Fastify {status:ok}',
    '—',
    fmtRps(bareToday.rps),
    fmtMs(bareToday.p50),
    fmtMs(bareToday.p99),
    fmtRps(bare.rps),
    fmtMs(bare.p50),
    fmtMs(bare.p99),
    String(bare.lost ?? 0),
    '100 %',
  ])
  for (const route of routes) {
    for (const kind of kinds) {
      const now = results.get(`${route.name}|${kind}`)
      if (!now) continue
      const before = today[route.name]?.[kind] ?? {}
      rows.push([
        route.name,
        kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL',
        fmtRps(before.rps),
        fmtMs(before.p50),
        fmtMs(before.p99),
        fmtRps(now.rps),
        fmtMs(now.p50),
        fmtMs(now.p99),
        String(now.lost ?? 0),
        `${((100 * now.rps) / bare.rps).toFixed(1)} %`,
      ])
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of rows) console.log(line(row))
  console.log(
    'before: measured before issue 14 (the issue: 50 connections, 10 s, 2 cores); — = not measured',
  )
  console.log(
    `lost: no answer within 30 s or connection error; load average now: ${loadavg()[0]?.toFixed(1)}`,
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
