import { connect } from 'node:net'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const PROBLEM = 'application/problem+json'

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
) {
  expect(res.statusCode).toBe(status)
  expect(String(res.headers['content-type'])).toContain(PROBLEM)
  const body = res.json() as { messageId: string; requestId: string; status: number }
  expect(body.messageId).toMatch(/^E-[A-Z]+-\d{3}$/)
  expect(body.requestId).toBe(res.headers['x-request-id'])
  expect(body.status).toBe(status)
  return body
}

describe('issue 8 defect 1: NUL and control characters in input', () => {
  it('refuses a NUL in a string field of a public operation with 400 and a message ID', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN },
      payload: { participantCode: 'P00001', userId: 'a\u0000', password: 'x' },
    })
    const body = expectProblem(res, 400) as unknown as {
      errors: { path: string[]; messageId: string }[]
    }
    expect(body.errors[0]).toMatchObject({ path: ['userId'], messageId: 'E-COMMON-012' })
  })

  it('refuses control characters in filters and path values', async () => {
    const s = await loginAs(t.app, 'OCCTO', 'operator01')
    for (const url of [
      '/api/v1/users?q=%00x',
      '/api/v1/users?q=a%01b',
      '/api/v1/applications?sort=%00',
      '/api/v1/audit-log?action=%1b',
    ]) {
      const res = await t.app.inject({ url, headers: s })
      const body = expectProblem(res, 400) as unknown as { errors: { messageId: string }[] }
      expect(
        body.errors.map((e) => e.messageId),
        url,
      ).toContain('E-COMMON-012')
    }
  })

  it('keeps line breaks and tabs where text may hold them', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN },
      payload: { participantCode: 'P00001', userId: 'nobody', password: 'pass\tword\n' },
    })
    expect(res.statusCode).toBe(401)
  })
})

describe('issue 8 defect 7: every error is a problem document', () => {
  it('answers a malformed percent-encoding in the path with a problem document', async () => {
    const s = await loginAs(t.app, 'OCCTO', 'operator01')
    const res = await t.app.inject({ url: '/api/v1/users/%ff', headers: s })
    const body = expectProblem(res, 400)
    expect(body.messageId).toBe('E-COMMON-008')
  })

  it('answers malformed JSON and a wrong content type with a problem document', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: '{"userId":',
    })
    expectProblem(bad, 400)
    const type = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN, 'content-type': 'text/x-unknown' },
      payload: 'x',
    })
    expectProblem(type, 415)
  })

  it('answers a malformed request line or header on the socket with a problem document', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = t.app.server.address() as AddressInfo
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n')
      })
      let data = ''
      socket.on('data', (c: Buffer) => (data += c.toString()))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(raw.toLowerCase()).toContain('content-type: application/problem+json')
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>
    expect(body).toMatchObject({ status: 400, messageId: 'E-COMMON-008' })
    expect(body.requestId).toEqual(expect.any(String))
    void httpRequest
  })
})

describe('issue 8 defect 8: a field of the wrong type', () => {
  it('is reported as a format error, not as missing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN },
      payload: { participantCode: 'P00001', userId: 42, password: ['x'] },
    })
    const body = expectProblem(res, 400) as unknown as {
      errors: { path: string[]; messageId: string }[]
    }
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['userId'], messageId: 'E-COMMON-008' }),
        expect.objectContaining({ path: ['password'], messageId: 'E-COMMON-008' }),
      ]),
    )
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN },
      payload: { participantCode: 'P00001', password: 'x' },
    })
    expect(missing.json().errors[0]).toMatchObject({ path: ['userId'], messageId: 'E-COMMON-007' })
  })
})
