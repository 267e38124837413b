import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { openSqlSession } from '@yoryo/db/client'
import { SHORT_LIVED_MS } from '../../lib/short-lived.ts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

/**
 * Sessions, tokens and maintenance mode are cached per process for a moment (lib/short-lived.ts):
 * a write through this process must be seen by the very next request, a cache must never keep a
 * revoked credential alive, and reads write `lastSeenAt` / `lastUsedAt` at most once a minute.
 */
let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})
afterEach(() => {
  vi.useRealTimers()
})

const me = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/auth/me', headers })

async function tokenFor(participantCode: string, userId: string) {
  const session = await loginAs(t.app, participantCode, userId)
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: session,
    payload: { name: 'cache test', expiresInDays: 1 },
  })
  const { token, id } = res.json() as { token: string; id: string }
  return { session, id, bearer: { authorization: `Bearer ${token}` } }
}

describe('[010] cached sessions and tokens', () => {
  it('refuses a used session right after logout', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    expect((await me(s)).statusCode).toBe(200)
    expect((await me(s)).statusCode).toBe(200)
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s })
    expect(out.statusCode).toBe(200)
    const after = await me(s)
    expect(after.statusCode).toBe(401)
    expect(after.json().messageId).toBe('E-AUTH-004')
  })

  it('refuses a used token right after it is revoked', async () => {
    const { session, id, bearer } = await tokenFor('P00001', 'user01')
    expect((await me(bearer)).statusCode).toBe(200)
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${id}`,
      headers: session,
    })
    expect(revoked.statusCode).toBe(200)
    expect((await me(bearer)).statusCode).toBe(401)
  })

  it('refuses the sessions and tokens of a user cancelled by its administrator at once', async () => {
    const admin = await loginAs(t.app, 'P00002', 'admin01')
    const s = await loginAs(t.app, 'P00002', 'user01')
    const { bearer } = await tokenFor('P00002', 'user01')
    expect((await me(s)).statusCode).toBe(200)
    expect((await me(bearer)).statusCode).toBe(200)
    const user = await t.database.prisma.user.findFirstOrThrow({
      where: { userId: 'user01', participant: { code: 'P00002' } },
    })
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/cancel`,
      headers: admin,
      payload: { version: user.version },
    })
    expect(cancel.statusCode).toBe(200)
    expect((await me(s)).statusCode).toBe(401)
    expect((await me(bearer)).statusCode).toBe(401)
  })

  it('sees a write through the same database client at once (a user whose validity ended)', async () => {
    const { bearer } = await tokenFor('P00001', 'admin01')
    expect((await me(bearer)).statusCode).toBe(200)
    const user = await t.database.prisma.user.findFirstOrThrow({
      where: { userId: 'admin01', participant: { code: 'P00001' } },
    })
    await t.database.prisma.user.update({ where: { id: user.id }, data: { validTo: new Date() } })
    try {
      expect((await me(bearer)).statusCode).toBe(401)
    } finally {
      await t.database.prisma.user.update({ where: { id: user.id }, data: { validTo: null } })
    }
    expect((await me(bearer)).statusCode).toBe(200)
  })

  it('sees a write by another process within SHORT_LIVED_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const s = await loginAs(t.app, 'P00001', 'user01')
    expect((await me(s)).statusCode).toBe(200)
    // Another API instance ends every session: our process learns it only from the database.
    const sql = await openSqlSession(t.database)
    try {
      await sql.query(`UPDATE session SET ended_at = now(), end_reason = 'logout'`)
    } finally {
      await sql.release()
    }
    vi.setSystemTime(Date.now() + SHORT_LIVED_MS)
    expect((await me(s)).statusCode).toBe(401)
  })

  it('applies maintenance mode to the next participant request', async () => {
    const operator = await loginAs(t.app, 'OCCTO', 'operator01')
    const participant = await loginAs(t.app, 'P00001', 'user01')
    expect((await t.app.inject({ url: '/api/v1/portal', headers: participant })).statusCode).toBe(
      200,
    )
    const switchTo = (active: boolean) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/system/maintenance',
        headers: operator,
        payload: { active, messageJa: '作業中', messageEn: 'Work in progress' },
      })
    expect((await switchTo(true)).statusCode).toBe(200)
    try {
      expect((await t.app.inject({ url: '/api/v1/portal', headers: participant })).statusCode).toBe(
        503,
      )
    } finally {
      expect((await switchTo(false)).statusCode).toBe(200)
    }
    expect((await t.app.inject({ url: '/api/v1/portal', headers: participant })).statusCode).toBe(
      200,
    )
  })
})

describe('[010] last use is written at most once a minute', () => {
  it('writes lastSeenAt of a session once, then not again within the minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const s = await loginAs(t.app, 'P00001', 'user01')
    const session = await t.database.prisma.session.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
    })
    vi.setSystemTime(Date.now() + 61_000)
    expect((await me(s)).statusCode).toBe(200)
    const touched = await t.database.prisma.session.findUniqueOrThrow({ where: { id: session.id } })
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(session.lastSeenAt.getTime())
    vi.setSystemTime(Date.now() + 45_000)
    await Promise.all([me(s), me(s), me(s)])
    const again = await t.database.prisma.session.findUniqueOrThrow({ where: { id: session.id } })
    expect(again.lastSeenAt).toEqual(touched.lastSeenAt)
  })

  it('writes lastUsedAt of a token once for concurrent requests', async () => {
    const { id, bearer } = await tokenFor('P00001', 'user01')
    const results = await Promise.all([me(bearer), me(bearer), me(bearer), me(bearer)])
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200])
    const first = await t.database.prisma.apiToken.findUniqueOrThrow({ where: { id } })
    expect(first.lastUsedAt).not.toBeNull()
    expect((await me(bearer)).statusCode).toBe(200)
    const second = await t.database.prisma.apiToken.findUniqueOrThrow({ where: { id } })
    expect(second.lastUsedAt).toEqual(first.lastUsedAt)
  })
})
