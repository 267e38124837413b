import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type Database } from '@yoryo/db/testing'
import { repoRoot } from '../../config.ts'
import { OPERATOR_PASSWORD } from '../harness.ts'

/**
 * Suite: crash durability (issue 8). Starts the real server (`server.ts`) on the embedded
 * database (PGlite) or, when TEST_DATABASE_URL is set, on a fresh PostgreSQL database; streams
 * acknowledged writes (API tokens: the token row and its audit entry in one transaction);
 * kills the process with SIGKILL while writes are in flight; starts it again on the same data
 * and checks that every acknowledged write is there and nothing is half-written (a token
 * without its audit entry, or the reverse).
 */
const serverUrl = process.env.TEST_DATABASE_URL
const kind = serverUrl ? 'PostgreSQL' : 'PGlite'
/** Acknowledged writes to collect before the kill. */
const WRITES = Number(process.env.CRASH_WRITES ?? 40)
const IN_FLIGHT = 4

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface Server {
  child: ChildProcess
  origin: string
  exited: Promise<number | null>
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: join(repoRoot, 'apps', 'api'),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: origin,
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      WEB_DIST_DIR: join(tmpdir(), 'yoryo-no-web'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + 120_000
  for (;;) {
    if (gone) throw new Error(`server exited at start: ${stderr}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not answer: ${stderr}`)
    }
    const ok = await fetch(`${origin}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false)
    if (ok) return { child, origin, exited }
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function login(origin: string): Promise<Record<string, string>> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({
      participantCode: 'OCCTO',
      userId: 'operator01',
      password: OPERATOR_PASSWORD,
    }),
  })
  expect(res.status).toBe(200)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string
  return { cookie, origin }
}

const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe(`suite: crash durability (${kind})`, () => {
  it('keeps every acknowledged write after SIGKILL, and nothing half-written', async () => {
    let env: Record<string, string>
    if (serverUrl) {
      const database: Database = await createTestDatabase()
      cleanups.push(() => database.close())
      const [row] = await database.prisma.$queryRaw<{ name: string }[]>`
        SELECT current_database() AS name`
      const url = new URL(serverUrl)
      url.pathname = `/${row?.name}`
      env = { DATABASE_URL: url.toString() }
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'yoryo-crash-'))
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
      env = { DATA_DIR: dataDir }
    }

    const first = await startServer(env)
    cleanups.push(() => void first.child.kill('SIGKILL'))
    const session = await login(first.origin)
    const acknowledged: string[] = []
    let sent = 0
    let stop = false
    const worker = async () => {
      while (!stop) {
        sent += 1
        const res = await fetch(`${first.origin}/api/v1/auth/tokens`, {
          method: 'POST',
          headers: { ...session, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `crash-${sent}`, expiresInDays: 1 }),
        }).catch(() => null)
        if (!res) return
        if (res.status === 201) {
          acknowledged.push(((await res.json()) as { id: string }).id)
          if (acknowledged.length >= WRITES && !stop) {
            stop = true
            first.child.kill('SIGKILL')
          }
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    expect(await first.exited).toBeNull()

    const second = await startServer(env)
    cleanups.push(() => void second.child.kill('SIGKILL'))
    const again = await login(second.origin)
    const tokens = (await (
      await fetch(`${second.origin}/api/v1/auth/tokens`, { headers: again })
    ).json()) as { id: string; name: string }[]
    const stored = new Set(tokens.filter((t) => t.name.startsWith('crash-')).map((t) => t.id))
    const audit = (await (
      await fetch(`${second.origin}/api/v1/audit-log?action=apiToken.create&pageSize=500`, {
        headers: again,
      })
    ).json()) as { items: { entityId: string }[] }
    const audited = new Set(audit.items.map((e) => e.entityId))
    const lost = acknowledged.filter((id) => !stored.has(id))
    const halfWritten = [
      ...[...stored].filter((id) => !audited.has(id)),
      ...[...audited].filter((id) => !stored.has(id)),
    ]
    console.log(
      `[suite crash ${kind}] ${sent} writes sent, ${acknowledged.length} acknowledged before ` +
        `SIGKILL, ${stored.size} stored after restart (${stored.size - acknowledged.length} ` +
        `committed but unacknowledged), ${lost.length} lost, ${halfWritten.length} half-written`,
    )
    expect(lost).toEqual([])
    expect(halfWritten).toEqual([])
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  }, 240_000)
})
