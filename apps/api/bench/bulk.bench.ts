/**
 * Bulk import benchmark (issue 9): a 100,000-row file through the one bulk-file pipeline on a
 * PostgreSQL server — validate, then apply — against PostgreSQL's own `COPY` of the same rows
 * into a plain table in the same run, and the API process's peak memory over idle.
 *
 * The format is the stable resource registration file (810: each row files a submitted
 * registration application for the operator's review, with its audit entry); `--format 711`
 * runs the client-certificate file instead (see bench/README.md).
 *
 *   pnpm --filter @yoryo/api bench:bulk                # 100,000 rows of 810
 *   pnpm --filter @yoryo/api bench:bulk --rows 5000    # a quicker look
 *   pnpm --filter @yoryo/api bench:bulk --format 711   # the client-certificate file
 *   pnpm --filter @yoryo/api bench:bulk --database pglite --rows 10000  # the embedded database
 *
 * It also times the progress requests (`GET /api/v1/bulk-imports/{id}`, one after the other
 * while the job runs): the longest one shows how long the job blocks other requests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrateDatabase, openDatabase, seedDemoData } from '@yoryo/db'
import { hashPassword } from '../src/modules/auth/password.ts'
import { apiServerCommand } from '../../../scripts/api-command.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const rows = Number(arg('rows') ?? 100_000)
const formatCode = arg('format') ?? '810'
if (formatCode !== '810' && formatCode !== '711') throw new Error('--format: 810 or 711')
const databaseKind = arg('database') ?? 'postgresql'
if (databaseKind !== 'postgresql' && databaseKind !== 'pglite') {
  throw new Error('--database: postgresql or pglite')
}
/** `--cpu-prof <dir>`: a V8 CPU profile of the API process, written when it stops. */
const cpuProfDir = arg('cpu-prof')
const port = Number(process.env.BENCH_PORT ?? 3304)
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55501)
/** The 711 file's header (the 810 file's comes from its sample, K10). */
const HEADER_711 = 'ユーザID,シリアル番号,SHA-256フィンガープリント,有効期間開始,有効期間終了'

const work = mkdtempSync(join(tmpdir(), 'yoryo-bench-bulk-'))
// Its own folder in /tmp: the server runs as the `postgres` user, which cannot enter `work`.
const pgDir = mkdtempSync(join(tmpdir(), 'yoryo-bench-bulk-pg-'))
let server: ChildProcess | undefined
let pgStarted = false

function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGTERM')
  if (pgStarted) spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir], { cwd: root })
  rmSync(work, { recursive: true, force: true })
  rmSync(pgDir, { recursive: true, force: true })
}
process.on('exit', cleanup)
process.on('SIGINT', () => process.exit(130))

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

async function waitForHealth(origin: string) {
  const deadline = Date.now() + 60_000
  for (;;) {
    if (server?.exitCode !== null) throw new Error('the API exited')
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
}

function psql(url: string, command: string): number {
  const bin = spawnSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'])
    .stdout.toString()
    .trim()
  const started = performance.now()
  const res = spawnSync(`${bin}/psql`, [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command])
  if (res.status !== 0) throw new Error(`psql: ${res.stderr.toString()}`)
  return performance.now() - started
}

/** Logs in as P00001 admin01; returns the session cookie. */
async function loginCookie(origin: string): Promise<string> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      participantCode: 'P00001',
      userId: 'admin01',
      password: 'Participant#2026demo',
    }),
  })
  if (!login.ok) throw new Error(`login: ${login.status}`)
  return (login.headers.get('set-cookie') ?? '').split(';')[0] as string
}

async function main() {
  let databaseUrl: string | undefined
  const dataDir = join(work, 'data')
  if (databaseKind === 'postgresql') {
    const started = spawnSync(
      'bash',
      ['scripts/pg-test-server.sh', 'start', pgDir, String(pgPort)],
      { cwd: root },
    )
    if (started.status !== 0) throw new Error(`PostgreSQL: ${started.stderr.toString()}`)
    pgStarted = true
    databaseUrl = started.stdout.toString().trim()
  }
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir })
  await migrateDatabase(database)
  await seedDemoData(database.prisma, { hashPassword })
  await database.close()

  const origin = `http://127.0.0.1:${port}`
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []
  const [node, ...args] = ['node', ...profile, ...apiServerCommand(root)]
  server = spawn(node as string, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
      PUBLIC_ORIGIN: origin,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: join(work, 'no-web'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForHealth(origin)

  // The file, in Shift_JIS. 711: P00001's user01, one certificate per
  // row. 810: the sample row (K10) of a stable resource, its name and grid code numbered.
  let header = HEADER_711
  let row = (i: number) =>
    `user01,${i.toString(16)},${randomBytes(32).toString('hex')},2026/04/01,2099/03/31`
  if (formatCode === '810') {
    const sample = await fetch(`${origin}/api/v1/bulk-formats/810/sample?encoding=utf-8`, {
      headers: { cookie: await loginCookie(origin) },
    })
    if (!sample.ok) throw new Error(`sample: ${sample.status}`)
    const [head, example] = (await sample.text()).replace(/^\uFEFF/, '').split('\r\n')
    header = head as string
    const cells = (example as string).split(',')
    const nameAt = header.split(',').indexOf('電源等の名称')
    const gridAt = header.split(',').indexOf('系統コード')
    row = (i) =>
      cells
        .map((c, at) => (at === nameAt ? `${c}-${i}` : at === gridAt ? `GB${1_000_000 + i}` : c))
        .join(',')
  }
  const columnCount = header.split(',').length
  const lines = [header]
  for (let i = 1; i <= rows; i++) lines.push(row(i))
  const text = lines.join('\r\n') + '\r\n'
  const csvPath = join(work, 'rows.csv')
  writeFileSync(csvPath, text)
  const { default: iconv } = await import('iconv-lite')
  const file = iconv.encode(text, 'Shift_JIS')

  const cookie = await loginCookie(origin)
  const pid = server.pid as number
  const idle = rssMb(pid)
  let peak = idle
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid))
  }, 20)

  async function run(mode: 'validate' | 'apply') {
    const form = new FormData()
    form.append('format', formatCode)
    form.append('mode', mode)
    form.append('file', new Blob([file], { type: 'text/csv' }), 'bench.csv')
    const t0 = performance.now()
    const res = await fetch(`${origin}/api/v1/bulk-imports`, {
      method: 'POST',
      headers: { origin, cookie },
      body: form,
    })
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`)
    const { id } = (await res.json()) as { id: string }
    let longestGet = 0
    for (;;) {
      const asked = performance.now()
      const got = (await (
        await fetch(`${origin}/api/v1/bulk-imports/${id}`, { headers: { cookie } })
      ).json()) as { state: string; appliedCount: number; errorCount: number }
      longestGet = Math.max(longestGet, performance.now() - asked)
      if (got.state === 'succeeded' || got.state === 'failed') {
        if (got.state !== 'succeeded') throw new Error(`${mode}: ${JSON.stringify(got)}`)
        return { ms: performance.now() - t0, longestGet }
      }
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  const validated = await run('validate')
  const applied = await run('apply')
  const validateMs = validated.ms
  const applyMs = applied.ms
  clearInterval(sampler)
  if (cpuProfDir) {
    // The profile is written when the process exits: stop it while the database still runs.
    const exited = new Promise((resolve) => server?.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }

  let copyMs = Number.NaN
  if (databaseUrl) {
    psql(
      databaseUrl,
      `CREATE TABLE bench_copy (${Array.from({ length: columnCount }, (_, i) => `c${i} text`).join(', ')})`,
    )
    copyMs = psql(databaseUrl, `\\copy bench_copy FROM '${csvPath}' WITH (FORMAT csv, HEADER true)`)
  }

  const perSecond = (ms: number) => Math.round(rows / (ms / 1000))
  const pct = (a: number, b: number) => (Number.isNaN(a) ? '—' : `${((a / b) * 100).toFixed(1)} %`)
  console.log(
    `\nBulk import of ${rows.toLocaleString('en')} rows (${formatCode}) on ${databaseKind === 'pglite' ? 'the embedded PGlite' : 'PostgreSQL'}`,
  )
  console.log('| step                          |     time |    rows/s | of COPY |')
  console.log('| ----------------------------- | -------: | --------: | ------: |')
  const line = (name: string, ms: number) =>
    console.log(
      `| ${name.padEnd(29)} | ${(ms / 1000).toFixed(2).padStart(6)} s | ${perSecond(ms)
        .toLocaleString('en')
        .padStart(9)} | ${pct(copyMs, ms).padStart(7)} |`,
    )
  if (databaseUrl) line('COPY into a plain table', copyMs)
  line('validate (upload → succeeded)', validateMs)
  line('apply (upload → succeeded)', applyMs)
  console.log(
    `\nAPI process memory: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, ` +
      `growth ${(peak - idle).toFixed(0)} MB (goal < 200 MB)`,
  )
  console.log(
    `longest GET of the progress while the job ran: validate ${validated.longestGet.toFixed(0)} ms, ` +
      `apply ${applied.longestGet.toFixed(0)} ms`,
  )
  if (databaseUrl)
    console.log(
      `apply rows/s of COPY: ${pct(copyMs, applyMs)} (goal ≥ 25 %); ` +
        `validate and apply together: ${pct(copyMs, validateMs + applyMs)}`,
    )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
