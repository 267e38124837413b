import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../config.ts'
import type * as PasswordModule from './password.ts'
import {
  createTestApp,
  DEMO_PASSWORD,
  loginAs,
  ORIGIN,
  type TestContext,
} from '../../test/harness.ts'

// Counts password verifications: a locked or unknown account must cost one, like any other.
const verifications = vi.hoisted(() => ({ count: 0 }))
vi.mock('./password.ts', async (importOriginal) => {
  const original = await importOriginal<typeof PasswordModule>()
  return {
    ...original,
    verifyPassword: async (hashed: string, plain: string) => {
      verifications.count += 1
      return original.verifyPassword(hashed, plain)
    },
  }
})

let t: TestContext
beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerAccountPerMinute: 20 })
})
afterAll(async () => {
  await t.close()
})

const login = (participantCode: string, userId: string, password: string, headers = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: ORIGIN, ...headers },
    payload: { participantCode, userId, password },
  })

async function newUser(userId: string) {
  const template = await t.database.prisma.user.findFirstOrThrow({
    where: { userId: 'user01', participant: { code: 'P00001' } },
  })
  return t.database.prisma.user.create({
    data: {
      participantId: template.participantId,
      userId,
      name: 'ロック 試験',
      email: `${userId}@example.jp`,
      role: 'participantUser',
      passwordHash: template.passwordHash,
      passwordChangedAt: new Date(),
    },
  })
}

async function answers(participantCode: string, userId: string, passwords: string[]) {
  const out: string[] = []
  for (const password of passwords) {
    const before = verifications.count
    const res = await login(participantCode, userId, password)
    out.push(`${res.statusCode}:${res.json().messageId ?? 'ok'}:${verifications.count - before}`)
  }
  return out
}

describe('issue 8 defect 2: the lockout cannot tell which accounts exist', () => {
  it('answers an unknown account with the same sequence and the same work as a known one', async () => {
    await newUser('lock01')
    const tries = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', DEMO_PASSWORD]
    const known = await answers('P00001', 'lock01', tries)
    const unknown = await answers('P00001', 'nosuch01', tries)
    expect(known).toEqual([
      '401:E-AUTH-001:1',
      '401:E-AUTH-001:1',
      '401:E-AUTH-001:1',
      '401:E-AUTH-001:1',
      '423:E-AUTH-002:1',
      '423:E-AUTH-002:1',
      '423:E-AUTH-002:1',
    ])
    expect(unknown).toEqual(known)
  })

  it('ends the lock by itself after LOGIN_LOCK_MINUTES (default 30)', async () => {
    expect(loadConfig({}).loginLockMinutes).toBe(30)
    expect(loadConfig({ LOGIN_LOCK_MINUTES: '5' }).loginLockMinutes).toBe(5)
    const user = await newUser('lock02')
    for (let i = 0; i < 5; i++) await login('P00001', 'lock02', 'wrong')
    expect((await login('P00001', 'lock02', DEMO_PASSWORD)).statusCode).toBe(423)
    await t.database.prisma.user.update({
      where: { id: user.id },
      data: { lockedAt: new Date(Date.now() - 31 * 60_000) },
    })
    expect((await login('P00001', 'lock02', DEMO_PASSWORD)).statusCode).toBe(200)
    const after = await t.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after).toMatchObject({ lockedAt: null, failedLoginCount: 0 })
  })

  it('keeps API tokens and open sessions working while the password login is locked', async () => {
    await newUser('lock03')
    const s = await loginAs(t.app, 'P00001', 'lock03')
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: s,
      payload: { name: '連携', expiresInDays: 10 },
    })
    const bearer = { authorization: `Bearer ${created.json().token}` }
    for (let i = 0; i < 5; i++) await login('P00001', 'lock03', 'wrong')
    expect((await login('P00001', 'lock03', DEMO_PASSWORD)).statusCode).toBe(423)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: s })).statusCode).toBe(200)
  })

  it('limits login attempts per account, whatever the client address', async () => {
    const limited = await createTestApp({ loginRateLimitPerAccountPerMinute: 3 })
    try {
      const attempt = (ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: ip,
          headers: { origin: ORIGIN },
          payload: { participantCode: 'P00002', userId: 'user01', password: 'wrong' },
        })
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
        expect((await attempt(ip)).statusCode).toBe(401)
      }
      const res = await attempt('10.0.0.4')
      expect(res.statusCode).toBe(429)
      expect(res.json().messageId).toBe('E-COMMON-010')
      expect(res.headers['retry-after']).toBeDefined()
    } finally {
      await limited.close()
    }
  })

  it('trusts a proxy only through its own setting, not through CLIENT_CERT_MODE', () => {
    const proxied = loadConfig({
      CLIENT_CERT_MODE: 'proxy',
    })
    expect(proxied.trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ])
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
  })

  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    const behind = await createTestApp({ trustProxy: ['127.0.0.1'] })
    try {
      const res = await behind.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { origin: ORIGIN, 'x-forwarded-for': '203.0.113.7' },
        payload: { participantCode: 'P00001', userId: 'user01', password: DEMO_PASSWORD },
      })
      expect(res.statusCode).toBe(200)
      const session = await behind.database.prisma.session.findFirstOrThrow({
        orderBy: { createdAt: 'desc' },
      })
      expect(session.ipAddress).toBe('203.0.113.7')
    } finally {
      await behind.close()
    }
  })
})

describe('issue 8 defect 3: logins, logouts and the automatic lock are audited', () => {
  it('writes auth.login, auth.loginFailure, user.lock and auth.logout entries', async () => {
    const user = await newUser('audit01')
    const failed = await login('P00001', 'audit01', 'wrong')
    for (let i = 0; i < 4; i++) await login('P00001', 'audit01', 'wrong')
    const entries = await t.database.prisma.auditLog.findMany({
      where: { entityId: user.id },
      orderBy: { at: 'asc' },
    })
    expect(entries.map((e) => e.action)).toEqual([
      'auth.loginFailure',
      'auth.loginFailure',
      'auth.loginFailure',
      'auth.loginFailure',
      'auth.loginFailure',
      'user.lock',
    ])
    expect(entries[0]?.requestId).toBe(failed.headers['x-request-id'])
    const unknown = await login('P00001', 'ghost99', 'wrong')
    expect(
      await t.database.prisma.auditLog.count({
        where: { action: 'auth.loginFailure', requestId: String(unknown.headers['x-request-id']) },
      }),
    ).toBe(1)

    const ok = await login('P00001', 'user01', DEMO_PASSWORD)
    const cookie = `yoryo_session=${ok.cookies.find((c) => c.name === 'yoryo_session')?.value}`
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: ORIGIN },
    })
    for (const [res, action] of [
      [ok, 'auth.login'],
      [out, 'auth.logout'],
    ] as const) {
      const entry = await t.database.prisma.auditLog.findFirst({
        where: { requestId: String(res.headers['x-request-id']) },
      })
      expect(entry?.action).toBe(action)
    }
  })
})

describe('issue 8 defect 8: sessions at login and at password change', () => {
  it('ends the session a browser held when it logs in again', async () => {
    const first = await loginAs(t.app, 'P00001', 'user01')
    const again = await login('P00001', 'admin01', DEMO_PASSWORD, first)
    expect(again.statusCode).toBe(200)
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: first })
    expect(me.statusCode).toBe(401)
  })

  it("ends the user's other sessions at a password change, keeping the one making it", async () => {
    await newUser('pwd01')
    const a = await loginAs(t.app, 'P00001', 'pwd01')
    const b = await loginAs(t.app, 'P00001', 'pwd01')
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Another-Password-2026' },
    })
    expect(change.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: a })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: b })).statusCode).toBe(401)
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { requestId: String(change.headers['x-request-id']) },
    })
    expect(entry?.action).toBe('user.passwordChange')
  })

  it('holds the auth hook for a request whose target is an absolute URL', async () => {
    // The hook refuses before validation; without it the invalid ID would answer 400.
    const res = await t.app.inject({ url: 'http://127.0.0.1:3000/api/v1/users/not-a-uuid' })
    expect(res.statusCode).toBe(401)
    expect(res.json().messageId).toBe('E-AUTH-003')
    expect(res.headers['cache-control']).toBe('no-store')
  })
})
