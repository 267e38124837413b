/**
 * Deadline load of bids (issue 10, 110): on a PostgreSQL server, `--clients` concurrent clients
 * (autocannon connections on loopback) register and change bids through the real API during the
 * last seconds of a bidding window that closes `--close-after` seconds into the run, then keep
 * trying until `--duration` ends. Each client changes the bid of a resource of its own on the
 * version its last answer gave, as a participant's user does; `--racing` of them (default a
 * tenth) work in pairs on one resource each, writing on the version either of the pair last saw,
 * so that half of their writes race and one of each race is refused (409 E-BID-004/005: counted
 * apart, not as errors). Printed: p50 / p99 latency, the answers by kind, errors (anything but
 * acceptances, the racing pairs' conflicts and refusals after the close), writes accepted after
 * the close by the server's clock (must be 0), lost updates (must be 0: every bid's version and
 * version count equal the acceptances answered for it), the CPU time of each process, and the
 * throughput of accepted writes while the window was open as a ratio of a bare authenticated
 * insert route (`bare-insert-server.mjs`) measured in the same run with the same connections
 * (goal ≥ 50 %).
 *
 *   pnpm --filter @yoryo/api bench:bids                     # 500 clients, closes after 10 s
 *   pnpm --filter @yoryo/api bench:bids --clients 50 --close-after 3 --duration 5
 *   pnpm --filter @yoryo/api bench:bids --racing 0          # no racing pairs
 *   pnpm --filter @yoryo/api bench:bids --cpu-prof /tmp/prof   # a CPU profile of the API
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { migrateDatabase, openDatabase, seedDemoData } from '@yoryo/db'
import {
  createAuction,
  createQualification,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import { hashPassword } from '../src/modules/auth/password.ts'
import { apiServerCommand } from '../../../scripts/api-command.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
/** `--cpu-prof <dir>`: a V8 CPU profile of the API process, written when it stops. */
const cpuProfDir = ((i) => (i >= 0 ? process.argv[i + 1] : undefined))(
  process.argv.indexOf('--cpu-prof'),
)
const clients = arg('clients', 500)
const closeAfter = arg('close-after', 10)
const duration = arg('duration', closeAfter + 5)
const port = Number(process.env.BENCH_PORT ?? 3305)
const barePort = port + 1
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55502)
/** Clients working in pairs on one resource (even; the others have a resource each). */
const racing = Math.min(clients, 2 * Math.floor(arg('racing', Math.round(clients / 10)) / 2))
const ownResources = clients - racing
const resourcesCount = ownResources + racing / 2

const pgDir = mkdtempSync(join(tmpdir(), 'yoryo-bench-bids-pg-'))
const work = mkdtempSync(join(tmpdir(), 'yoryo-bench-bids-'))
const children: ChildProcess[] = []
let pgStarted = false
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
  if (pgStarted) spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir], { cwd: root })
  rmSync(pgDir, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})
process.on('SIGINT', () => process.exit(130))

function start(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [node, ...args] = command
  const child = spawn(node as string, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return child
}

async function waitForHealth(origin: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${origin}: the process exited`)
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${origin} did not start`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function apiToken(origin: string): Promise<string> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      participantCode: 'P00001',
      userId: 'admin01',
      password: 'Participant#2026demo',
    }),
  })
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
  const created = await fetch(`${origin}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify({ name: 'bench bids', expiresInDays: 1 }),
  })
  if (!created.ok) throw new Error(`token: ${created.status} ${await created.text()}`)
  return ((await created.json()) as { token: string }).token
}

type Result = autocannon.Result
/** The part of autocannon's per-connection request iterator that `setupClient` uses. */
type ClientRequestIterator = {
  initialContext: Record<string, unknown>
  resetContext(): void
  rebuildRequest(): void
}

/** utime, stime (and with `children` the waited-for children's) of a process, in clock ticks. */
function ticksOf(pid: number | undefined, children = false): number {
  if (!pid) return 0
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    const at = (n: number) => Number(fields[n - 3] ?? 0) // fields are numbered from 1; 3 is the first here
    return at(14) + at(15) + (children ? at(16) + at(17) : 0)
  } catch {
    return 0
  }
}

/** PostgreSQL's postmaster and its live backends (the ended ones are in the postmaster's). */
function postgresTicks(pgDir: string): number {
  const postmaster = Number(
    readFileSync(join(pgDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
  )
  let sum = ticksOf(postmaster, true)
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.split(') ')[1]?.split(' ')[1]) === postmaster) sum += ticksOf(Number(entry))
    } catch {
      // ended meanwhile
    }
  }
  return sum
}

/** CPU ticks of the API, the bare route's process, PostgreSQL and this process (autocannon). */
function cpuOf(p: { api: ChildProcess; bare: ChildProcess; pgDir: string }) {
  const own = process.cpuUsage()
  return {
    api: ticksOf(p.api.pid),
    bare: ticksOf(p.bare.pid),
    postgresql: postgresTicks(p.pgDir),
    'autocannon (this process)': ((own.user + own.system) / 1e6) * 100,
  }
}

function cpuDelta(a: ReturnType<typeof cpuOf>, b: ReturnType<typeof cpuOf>) {
  const hz = 100 // USER_HZ on Linux
  return Object.fromEntries(
    Object.entries(b).map(([k, v]) => [k, (v - a[k as keyof typeof a]) / hz]),
  ) as Record<keyof typeof a, number>
}

async function main() {
  console.log(
    `Bid deadline load: ${clients} clients on ${resourcesCount} resources (${racing} of them ` +
      `racing in pairs), the window closes ` +
      `${closeAfter} s into a ${duration} s run; load average before: ${loadavg()[0]?.toFixed(1)}`,
  )
  const started = spawnSync('bash', ['scripts/pg-test-server.sh', 'start', pgDir, String(pgPort)], {
    cwd: root,
    encoding: 'utf8',
  })
  if (started.status !== 0) throw new Error(`PostgreSQL: ${started.stderr}`)
  pgStarted = true
  const databaseUrl = started.stdout.trim()
  const database = await openDatabase({ databaseUrl })
  const prisma = database.prisma
  await migrateDatabase(database)
  await seedDemoData(prisma, { hashPassword })
  const participant = await prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  const auction = await createAuction(prisma)
  const codes: string[] = []
  for (let i = 0; i < resourcesCount; i++) {
    const resource = await createResource(prisma, {
      participantId: participant.id,
      values: resourceExample('stable', 10_000 + i),
    })
    await createQualification(prisma, { auctionId: auction.id, resource, expectedKw: 1_000_000 })
    codes.push(resource.code)
  }

  const apiOrigin = `http://127.0.0.1:${port}`
  const env = { DATABASE_URL: databaseUrl, HOST: '127.0.0.1', NODE_ENV: 'production' }
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []
  const api = start([process.execPath, ...profile, ...apiServerCommand(root)], {
    ...env,
    PORT: String(port),
    PUBLIC_ORIGIN: apiOrigin,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: join(work, 'no-web'),
  })
  const bare = start([process.execPath, join(here, 'bare-insert-server.mjs')], {
    ...env,
    PORT: String(barePort),
  })
  await waitForHealth(apiOrigin, api)
  await waitForHealth(`http://127.0.0.1:${barePort}`, bare)
  const token = await apiToken(apiOrigin)
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }

  // 1. the reference: the bare authenticated insert route, same connections, while open
  const bareResult: Result = await autocannon({
    url: `http://127.0.0.1:${barePort}/bare/bids`,
    method: 'PUT',
    connections: clients,
    duration: closeAfter,
    timeout: 120,
    headers: auth,
    body: JSON.stringify({ kw: 1000, price: 1 }),
  })
  if (bareResult.non2xx > 0) throw new Error(`bare route: ${bareResult.non2xx} non-2xx`)

  // 2. the bids: each client on its own resource, on the version its last answer gave; the
  // racing pairs share a resource and the version either of them last saw, registering first.
  const known = new Map<string, number>()
  const accepted = new Map<string, number>()
  const racingCodes = new Set(codes.slice(ownResources))
  const answers: Record<string, number> = {}
  const acceptedAt: string[] = []
  let nextClient = 0
  await prisma.$executeRaw`UPDATE market_window
    SET closes_at = clock_timestamp() + make_interval(secs => ${closeAfter})
    WHERE auction_id = ${auction.id}::uuid AND kind = 'bidding'`
  const cpuBefore = cpuOf({ api, bare, pgDir })
  const runStarted = performance.now()
  let openEnded = 0
  let answeredWhileOpen = 0
  const bidResult: Result = await autocannon({
    url: apiOrigin,
    connections: clients,
    duration,
    timeout: 120,
    headers: auth,
    // autocannon starts each request of a connection with a fresh copy of `initialContext`:
    // the connection's resource goes there (the first request is built before this is called)
    setupClient: (client) => {
      const n = nextClient++
      const code = n < ownResources ? codes[n] : codes[ownResources + ((n - ownResources) >> 1)]
      const iterator = (client as unknown as { requestIterator: ClientRequestIterator })
        .requestIterator
      iterator.initialContext = { code }
      iterator.resetContext()
      iterator.rebuildRequest()
    },
    requests: [
      {
        method: 'PUT',
        setupRequest: (req, context: Record<string, unknown>) => {
          const code = context.code as string | undefined
          if (!code) return req // built before setupClient: replaced by it
          const version = known.get(code)
          const body = { kw: 1000 + Math.floor(Math.random() * 9000), price: 1000, version }
          return {
            ...req,
            path: `/api/v1/auctions/${auction.id}/bids/${code}`,
            body: JSON.stringify(body),
          }
        },
        onResponse: (status, body, context: Record<string, unknown>) => {
          const code = context.code as string
          let parsed: {
            bid?: { version: number }
            receipt?: { content: { acceptedAt: string } }
            messageId?: string
          } = {}
          try {
            parsed = JSON.parse(body) as typeof parsed
          } catch {
            // counted by its status
          }
          const race = racingCodes.has(code) && /^E-BID-00[45]$/.test(parsed.messageId ?? '')
          const kind =
            status < 300
              ? String(status)
              : `${status} ${parsed.messageId ?? ''}${race ? ' (racing pair)' : ''}`
          if (performance.now() - runStarted < closeAfter * 1000) answeredWhileOpen += 1
          answers[kind] = (answers[kind] ?? 0) + 1
          if (status < 300 && parsed.bid) {
            accepted.set(code, (accepted.get(code) ?? 0) + 1)
            if ((known.get(code) ?? 0) < parsed.bid.version) known.set(code, parsed.bid.version)
            acceptedAt.push(parsed.receipt?.content.acceptedAt ?? '')
            openEnded = performance.now()
          } else if (parsed.messageId === 'E-BID-005' && !known.has(code)) {
            known.set(code, 1)
          }
        },
      },
    ],
  })
  const cpu = cpuDelta(cpuBefore, cpuOf({ api, bare, pgDir }))
  const ranMs = performance.now() - runStarted
  if (cpuProfDir) {
    // The profile is written when the process exits: stop it while the database still runs.
    const exited = new Promise((resolve) => api.once('exit', resolve))
    api.kill('SIGTERM')
    await exited
  }

  // 3. what the database holds
  const window = await prisma.marketWindow.findFirstOrThrow({
    where: { auctionId: auction.id, kind: 'bidding' },
  })
  const afterClose = await prisma.bidVersion.count({
    where: { bid: { auctionId: auction.id }, acceptedAt: { gte: window.closesAt } },
  })
  const answeredAfterClose = acceptedAt.filter((at) => at && new Date(at) >= window.closesAt)
  const bids = await prisma.bid.findMany({
    where: { auctionId: auction.id },
    include: { resource: { select: { code: true } }, _count: { select: { versions: true } } },
  })
  let lost = 0
  for (const b of bids) {
    const acks = accepted.get(b.resource.code) ?? 0
    // every acknowledged write is one version; the versions are 1..n with nothing skipped
    if (b.version !== acks || b._count.versions !== acks) lost += Math.abs(b.version - acks) || 1
  }
  const ok = new Set([
    '200',
    '201',
    '409 E-BID-004 (racing pair)',
    '409 E-BID-005 (racing pair)',
    '409 E-BID-008',
  ])
  const errors =
    Object.entries(answers)
      .filter(([k]) => !ok.has(k))
      .reduce((sum, [, n]) => sum + n, 0) +
    bidResult.errors +
    bidResult.timeouts
  const totalAccepted = [...accepted.values()].reduce((a, b) => a + b, 0)
  const openSeconds = Math.min(closeAfter, (openEnded - runStarted) / 1000 || closeAfter)
  const bidRps = totalAccepted / closeAfter
  const bareRps = bareResult.requests.average
  await database.close()

  const ms = (v: number) => `${Math.round(v)} ms`
  console.log('\n| route                                      | req/s   | p50    | p99     |')
  console.log('| ------------------------------------------ | ------: | -----: | ------: |')
  console.log(
    `| bare authenticated insert (Fastify + pg)   | ${bareRps.toFixed(0).padStart(7)} | ${ms(bareResult.latency.p50).padStart(6)} | ${ms(bareResult.latency.p99).padStart(7)} |`,
  )
  console.log(
    `| PUT bids (all answers, ${duration} s)              | ${bidResult.requests.average.toFixed(0).padStart(7)} | ${ms(bidResult.latency.p50).padStart(6)} | ${ms(bidResult.latency.p99).padStart(7)} |`,
  )
  console.log(`\nAnswers: ${JSON.stringify(answers)} (run ${(ranMs / 1000).toFixed(1)} s)`)
  console.log(
    `Accepted writes while open: ${totalAccepted} in ${closeAfter} s = ${bidRps.toFixed(0)}/s ` +
      `(last accepted ${openSeconds.toFixed(1)} s into the run) → ${((100 * bidRps) / bareRps).toFixed(1)} % of the bare insert route (goal ≥ 50 %)`,
  )
  console.log(
    `All write answers while open (acceptances, version conflicts, other refusals): ` +
      `${(answeredWhileOpen / closeAfter).toFixed(0)}/s → ${((100 * answeredWhileOpen) / closeAfter / bareRps).toFixed(1)} % of the bare insert route`,
  )
  console.log(`Errors (besides refusals after the close and version conflicts): ${errors}`)
  console.log(
    `Writes accepted after the close by server time: ${afterClose} in the database, ` +
      `${answeredAfterClose.length} in receipts (must be 0)`,
  )
  console.log(`Lost updates: ${lost} (must be 0)`)
  console.log(
    `CPU seconds during the bid run (${(ranMs / 1000).toFixed(1)} s on ${cpus().length} cores): ` +
      Object.entries(cpu)
        .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
        .join(', ') +
      `; load average after: ${loadavg()[0]?.toFixed(1)}`,
  )
  if (afterClose || answeredAfterClose.length || lost) process.exitCode = 1
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
