import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messages } from '@yoryo/contracts'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('system', () => {
  it('reports health with a database check, without login', async () => {
    const res = await t.app.inject({ url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok' })
  })

  it('puts a request ID and security headers on every response', async () => {
    const res = await t.app.inject({ url: '/api/health' })
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    const given = await t.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    })
    expect(given.headers['x-request-id']).toBe('trace-12345678')
  })

  it('answers unknown API paths with problem details', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().messageId).toBe('E-COMMON-006')
  })

  it('answers in English when the client prefers it', async () => {
    const res = await t.app.inject({
      url: '/api/v1/portal',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    })
    expect(res.json().detail).toBe(messages['E-AUTH-003'].en)
    const ja = await t.app.inject({ url: '/api/v1/portal' })
    expect(ja.json().detail).toBe(messages['E-AUTH-003'].ja)
  })

  it('[600] serves the message catalogue without login', async () => {
    const res = await t.app.inject({ url: '/api/v1/messages' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toContainEqual({ id: 'E-AUTH-001', ...messages['E-AUTH-001'] })
  })

  it('serves the OpenAPI document and its reference', async () => {
    const doc = await t.app.inject({ url: '/api/openapi.json' })
    expect(doc.json().openapi).toBe('3.1.0')
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200)
  })
})

describe('[010] portal', () => {
  it('lists open windows with deadlines and pending tasks', async () => {
    const s = await loginAs(t.app, 'P00001', 'user01')
    const res = await t.app.inject({ url: '/api/v1/portal', headers: s })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.windows.length).toBeGreaterThan(0)
    for (const w of body.windows) expect(new Date(w.closesAt).getTime()).toBeGreaterThan(Date.now())
    expect(
      body.tasks.some((task: { messageId: string }) => task.messageId === 'W-SYSTEM-001'),
    ).toBe(true)
  })
})

describe('[010] maintenance mode', () => {
  it('is switched by an operator only', async () => {
    const participant = await loginAs(t.app, 'P00001', 'admin01')
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/system/maintenance',
      headers: participant,
      payload: { active: true },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().messageId).toBe('E-AUTH-005')
  })

  it('gives participants 503 while operators keep working', async () => {
    const operator = await loginAs(t.app, 'OCCTO', 'operator01')
    const participant = await loginAs(t.app, 'P00001', 'user01')
    const on = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/system/maintenance',
      headers: operator,
      payload: {
        active: true,
        messageJa: 'システム更新作業',
        messageEn: 'System upgrade',
        endsAt: '2030-01-01T09:00:00+09:00',
      },
    })
    expect(on.statusCode).toBe(200)
    try {
      const blocked = await t.app.inject({ url: '/api/v1/portal', headers: participant })
      expect(blocked.statusCode).toBe(503)
      expect(blocked.json().messageId).toBe('E-COMMON-005')
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: ORIGIN },
        payload: { participantCode: 'P00002', userId: 'user01', password: 'Participant#2026demo' },
      })
      expect(login.statusCode).toBe(503)
      expect((await t.app.inject({ url: '/api/v1/portal', headers: operator })).statusCode).toBe(
        200,
      )
      const state = (await t.app.inject({ url: '/api/v1/system/maintenance' })).json()
      expect(state).toMatchObject({ active: true, messageJa: 'システム更新作業' })
      // The participant can still see who it is, to show the maintenance screen.
      expect(
        (await t.app.inject({ url: '/api/v1/auth/me', headers: participant })).statusCode,
      ).toBe(200)
    } finally {
      const off = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/system/maintenance',
        headers: operator,
        payload: { active: false },
      })
      expect(off.statusCode).toBe(200)
    }
    expect((await t.app.inject({ url: '/api/v1/portal', headers: participant })).statusCode).toBe(
      200,
    )
  })
})

describe('access', () => {
  /** Routes anyone may call: login, the maintenance status, the public catalogues. */
  const PUBLIC = new Set([
    'POST /api/v1/auth/login',
    'GET /api/v1/system/maintenance',
    'GET /api/v1/messages/',
    'POST /api/v1/applications/system-use',
    // The applicant's own routes need its receipt number and access key instead of a login.
    'GET /api/v1/applications/system-use/{receiptNo}',
    'PUT /api/v1/applications/system-use/{receiptNo}',
    'POST /api/v1/applications/system-use/{receiptNo}/transitions/{action}',
    'GET /api/v1/applications/system-use/{receiptNo}/pdf',
  ])

  it('answers 401 without a session or token on every other /api/v1 route', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json()
    const checked: string[] = []
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue
      for (const method of Object.keys(item)) {
        const key = `${method.toUpperCase()} ${path}`
        if (PUBLIC.has(key)) continue
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers: { origin: ORIGIN },
        })
        expect(res.statusCode, key).toBe(401)
        expect(res.json().messageId, key).toBe('E-AUTH-003')
        checked.push(key)
      }
    }
    expect(checked.length).toBeGreaterThan(5)
  })
})
