import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestApp,
  DEMO_PASSWORD,
  loginAs,
  ORIGIN,
  type TestContext,
} from '../../test/harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

async function freshUser(userId: string, mustChangePassword: boolean, changedDaysAgo = 0) {
  const template = await t.database.prisma.user.findFirstOrThrow({
    where: { userId: 'user01', participant: { code: 'P00001' } },
  })
  await t.database.prisma.user.create({
    data: {
      participantId: template.participantId,
      userId,
      name: 'テスト 太郎',
      email: `${userId}@example.jp`,
      role: 'participantUser',
      passwordHash: template.passwordHash,
      passwordChangedAt: new Date(Date.now() - changedDaysAgo * 86_400_000),
      mustChangePassword,
    },
  })
  return loginAs(t.app, 'P00001', userId)
}

function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { origin: ORIGIN, ...headers },
  })
}

describe('[010] login', () => {
  it('logs in with participant code, user ID and password and sets an HTTP-only session cookie', async () => {
    const res = await post('/api/v1/auth/login', {
      participantCode: 'P00001',
      userId: 'admin01',
      password: DEMO_PASSWORD,
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.user).toMatchObject({ userId: 'admin01', role: 'participantAdmin' })
    expect(body.participant.code).toBe('P00001')
    expect(body.mustChangePassword).toBe(false)
    const cookie = res.cookies.find((c) => c.name === 'yoryo_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `yoryo_session=${cookie?.value}` },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json().user.userId).toBe('admin01')
  })

  it('refuses a wrong password with problem details, a message ID and the request ID', async () => {
    const res = await post('/api/v1/auth/login', {
      participantCode: 'P00001',
      userId: 'user01',
      password: 'wrong-password',
    })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json()
    expect(body).toMatchObject({ status: 401, messageId: 'E-AUTH-001' })
    expect(body.requestId).toBe(res.headers['x-request-id'])
  })

  it('answers the same for an unknown user as for a wrong password', async () => {
    const res = await post('/api/v1/auth/login', {
      participantCode: 'P99999',
      userId: 'nobody',
      password: 'whatever',
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().messageId).toBe('E-AUTH-001')
  })

  it('validates the body field by field', async () => {
    const res = await post('/api/v1/auth/login', { participantCode: 'P00001' })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.messageId).toBe('E-COMMON-001')
    expect(body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
      'password',
      'userId',
    ])
    expect(body.errors[0].messageId).toBe('E-COMMON-007')
  })

  it('locks a user after 5 failures in a row; then even the right password is refused', async () => {
    const user = await t.database.prisma.user.findFirstOrThrow({
      where: { userId: 'user01', participant: { code: 'P00002' } },
    })
    const attempt = (password: string) =>
      post('/api/v1/auth/login', { participantCode: 'P00002', userId: 'user01', password })
    for (let i = 1; i <= 4; i++) expect((await attempt('wrong')).statusCode).toBe(401)
    const fifth = await attempt('wrong')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().messageId).toBe('E-AUTH-002')
    const right = await attempt(DEMO_PASSWORD)
    expect(right.statusCode).toBe(423)
    expect(right.json().messageId).toBe('E-AUTH-002')
    const locked = await t.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(locked.lockedAt).not.toBeNull()
    await t.database.prisma.user.update({
      where: { id: user.id },
      data: { lockedAt: null, failedLoginCount: 0 },
    })
  })

  it('resets the failure count after a successful login', async () => {
    await freshUser('reset01', false)
    const attempt = (password: string) =>
      post('/api/v1/auth/login', { participantCode: 'P00001', userId: 'reset01', password })
    for (let i = 0; i < 4; i++) await attempt('wrong')
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200)
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).statusCode).toBe(401)
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200)
  })
})

describe('[010] sessions', () => {
  it('answers 401 without a session on every protected route', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/portal', '/api/v1/auth/tokens']) {
      const res = await t.app.inject({ url })
      expect(res.statusCode, url).toBe(401)
      expect(res.json().messageId).toBe('E-AUTH-003')
    }
  })

  it('ends the session at logout, for every SPA using the cookie', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s })
    expect(out.statusCode).toBe(200)
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: s })
    expect(me.statusCode).toBe(401)
    expect(me.json().messageId).toBe('E-AUTH-004')
  })

  it('expires a session idle for 30 minutes', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    const session = await t.database.prisma.session.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
    })
    await t.database.prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    })
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: s })
    expect(me.statusCode).toBe(401)
    expect(me.json().messageId).toBe('E-AUTH-004')
  })

  it('expires a session after 12 hours even when active', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    const session = await t.database.prisma.session.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
    })
    await t.database.prisma.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: s })).statusCode).toBe(401)
  })

  it('refuses a state-changing request whose Origin is not the public origin (CSRF)', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    for (const origin of ['https://evil.example', undefined]) {
      const headers: Record<string, string> = { cookie: s.cookie }
      if (origin) headers.origin = origin
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })
      expect(res.statusCode).toBe(403)
      expect(res.json().messageId).toBe('E-AUTH-006')
    }
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: s })).statusCode).toBe(200)
  })

  it('reports the previous login time', async () => {
    await loginAs(t.app, 'OCCTO', 'operator01')
    const s = await loginAs(t.app, 'OCCTO', 'operator01')
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: s })).json()
    expect(me.previousLoginAt).not.toBeNull()
    expect(me.user.role).toBe('operator')
  })
})

describe('[010] password change', () => {
  it('forces a change at first login: only me, logout and the change itself answer', async () => {
    const s = await freshUser('first01', true)
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: s })
    expect(me.json().mustChangePassword).toBe(true)
    const portal = await t.app.inject({ url: '/api/v1/portal', headers: s })
    expect(portal.statusCode).toBe(403)
    expect(portal.json().messageId).toBe('E-AUTH-013')
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Kawasaki-2026-spring' },
    })
    expect(change.statusCode).toBe(200)
    expect(change.json().mustChangePassword).toBe(false)
    expect((await t.app.inject({ url: '/api/v1/portal', headers: s })).statusCode).toBe(200)
  })

  it('forces a change 90 days after the last one', async () => {
    const s = await freshUser('old01', false, 91)
    expect(
      (await t.app.inject({ url: '/api/v1/auth/me', headers: s })).json().mustChangePassword,
    ).toBe(true)
    expect((await t.app.inject({ url: '/api/v1/portal', headers: s })).statusCode).toBe(403)
  })

  it('enforces the password policy with field-level messages', async () => {
    const s = await freshUser('policy01', false)
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: s,
        payload: { currentPassword, newPassword },
      })
    const cases: [string, string, string, string][] = [
      [DEMO_PASSWORD, 'Short#1a', 'newPassword', 'E-AUTH-007'],
      [DEMO_PASSWORD, 'alllowercaseletters1', 'newPassword', 'E-AUTH-008'],
      [DEMO_PASSWORD, 'Xx#policy01-2026', 'newPassword', 'E-AUTH-009'],
      [DEMO_PASSWORD, DEMO_PASSWORD, 'newPassword', 'E-AUTH-010'],
      ['not-the-password', 'Fine-Password-2026', 'currentPassword', 'E-AUTH-011'],
    ]
    for (const [current, next, field, messageId] of cases) {
      const res = await change(current, next)
      expect(res.statusCode, messageId).toBe(400)
      expect(res.json().errors[0]).toMatchObject({ path: [field], messageId })
    }
    // Field messages follow the request's language, placeholders filled.
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { ...s, 'accept-language': 'en' },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Short#1a' },
    })
    expect(en.json().errors[0].message).toBe('The password must have at least 12 characters.')
    // The last three passwords cannot come back.
    const passwords = [
      DEMO_PASSWORD,
      'Second-Password-01',
      'Third-Password-02',
      'Fourth-Password-03',
    ]
    for (let i = 1; i < passwords.length; i++) {
      expect((await change(passwords[i - 1] as string, passwords[i] as string)).statusCode).toBe(
        200,
      )
    }
    expect(
      (await change('Fourth-Password-03', 'Second-Password-01')).json().errors[0].messageId,
    ).toBe('E-AUTH-010')
    expect((await change('Fourth-Password-03', DEMO_PASSWORD)).statusCode).toBe(200)
  })
})

describe('[010] API tokens', () => {
  it('creates a token shown once, authenticates with it, and stops it at revocation', async () => {
    const s = await loginAs(t.app, 'P00001', 'admin01')
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: s,
      payload: { name: '需給システム連携', expiresInDays: 30 },
    })
    expect(created.statusCode).toBe(201)
    const { token, id } = created.json()
    expect(token).toMatch(/^yoryo_pat_/)
    const list = await t.app.inject({ url: '/api/v1/auth/tokens', headers: s })
    expect(list.json()[0]).not.toHaveProperty('token')
    const stored = await t.database.prisma.apiToken.findUniqueOrThrow({ where: { id } })
    expect(stored.tokenHash).not.toContain(token)

    const bearer = { authorization: `Bearer ${token}` }
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ user: { userId: 'admin01' }, session: { via: 'token' } })
    // Bearer requests carry no cookie, so no Origin is needed.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: bearer,
          payload: { name: 'x', expiresInDays: 1 },
        })
      ).statusCode,
    ).toBe(201)

    const other = await loginAs(t.app, 'P00002', 'admin01')
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${id}`,
      headers: other,
    })
    expect(foreign.statusCode).toBe(404)

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${id}`,
      headers: s,
    })
    expect(revoked.statusCode).toBe(200)
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })
    expect(after.statusCode).toBe(401)
    expect(after.json().messageId).toBe('E-AUTH-014')
  })

  it('refuses an expired token', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    const { token, id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: s,
        payload: { name: 'short', expiresInDays: 1 },
      })
    ).json()
    await t.database.prisma.apiToken.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1) },
    })
    const res = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode).toBe(401)
  })
})
