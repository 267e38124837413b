import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../harness.ts'

/**
 * Suite: security headers and cookies on HTML and API answers (issue 8). HTML comes from a
 * stand-in build folder so the suite needs no SPA build.
 */
let t: TestContext
let tls: TestContext
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'yoryo-web-'))
  for (const spa of ['pre-delivery', 'delivery']) {
    mkdirSync(join(dist, spa))
    writeFileSync(join(dist, spa, 'index.html'), '<!doctype html><title>Yoryo</title>')
  }
  t = await createTestApp({ webDistDir: dist })
  tls = await createTestApp({
    webDistDir: dist,
    publicOrigin: 'https://capacity.example.jp',
    session: { idleMinutes: 30, absoluteHours: 12, cookieSecure: true },
  })
})
afterAll(async () => {
  await t.close()
  await tls.close()
})

const checked: string[] = []
afterAll(() => {
  console.log(`[suite headers] checked ${checked.length} answers: ${checked.join(', ')}`)
})

function expectCommonHeaders(headers: Record<string, unknown>, what: string) {
  checked.push(what)
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('no-referrer')
  const csp = String(headers['content-security-policy'])
  expect(csp, what).toContain("default-src 'self'")
  expect(csp, what).toContain("frame-ancestors 'self'")
  expect(csp, what).toContain("object-src 'none'")
  expect(csp, what).not.toContain("script-src 'self' 'unsafe-inline'")
  expect(headers['x-frame-options'], what).toBe('SAMEORIGIN')
}

describe('suite: security headers and cookies', () => {
  it('puts CSP, frame-ancestors, nosniff and Referrer-Policy on HTML pages of both SPAs', async () => {
    for (const url of ['/', '/portal', '/delivery/', '/delivery/anything']) {
      const res = await t.app.inject({ url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type'], url).toContain('text/html')
      expectCommonHeaders(res.headers, `HTML ${url}`)
      expect(res.headers['strict-transport-security'], url).toBeUndefined()
    }
  })

  it('puts them on API answers, success and error, with Cache-Control: no-store', async () => {
    const s = await loginAs(t.app, 'P00001', 'admin01')
    const cases: [string, Record<string, string>, number][] = [
      ['/api/health', {}, 200],
      ['/api/v1/messages', {}, 200],
      ['/api/v1/auth/me', s, 200],
      ['/api/v1/auth/tokens', s, 200],
      ['/api/v1/portal', {}, 401],
      ['/api/v1/nothing-here', {}, 404],
      ['/api/v1/users/%ff', s, 400],
    ]
    for (const [url, headers, status] of cases) {
      const res = await t.app.inject({ url, headers })
      expect(res.statusCode, url).toBe(status)
      expectCommonHeaders(res.headers, `API ${url}`)
      expect(res.headers['cache-control'], url).toBe('no-store')
    }
  })

  it('never lets a token secret or a one-time password be cached', async () => {
    const s = await loginAs(t.app, 'P00001', 'admin01')
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: s,
      payload: { name: 'cache', expiresInDays: 1 },
    })
    expect(token.statusCode).toBe(201)
    expect(token.headers['cache-control']).toBe('no-store')
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: s,
      payload: {
        userId: 'cache01',
        name: 'キャッシュ 試験',
        email: 'cache01@example.jp',
        phone: '03-1234-5678',
        role: 'participantUser',
      },
    })
    expect(user.statusCode, user.body).toBe(201)
    expect(user.json().oneTimePassword ?? user.json().password).toBeDefined()
    expect(user.headers['cache-control']).toBe('no-store')
    checked.push('POST /api/v1/auth/tokens', 'POST /api/v1/users')
  })

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ and Secure under TLS', async () => {
    const login = (ctx: TestContext, origin: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin },
        payload: { participantCode: 'P00001', userId: 'user01', password: 'Participant#2026demo' },
      })
    const plain = (await login(t, ORIGIN)).cookies.find((c) => c.name === 'yoryo_session')
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(plain?.secure).toBeFalsy()
    const secure = (await login(tls, 'https://capacity.example.jp')).cookies.find(
      (c) => c.name === 'yoryo_session',
    )
    expect(secure).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true })
    checked.push('Set-Cookie (HTTP)', 'Set-Cookie (TLS)')
  })

  it('sends HSTS when the public origin is https', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await tls.app.inject({ url })
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d{7,}/)
      expectCommonHeaders(res.headers, `TLS ${url}`)
    }
  })
})
