import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, ORIGIN, type TestContext } from '../../test/harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 3 })
})
afterAll(async () => {
  await t.close()
})

describe('[010] login rate limit', () => {
  it('answers 429 with a message ID once a client exceeds the login attempts per minute', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: ORIGIN },
        payload: { participantCode: 'P00001', userId: 'nobody', password: 'x' },
      })
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401)
    const limited = await attempt()
    expect(limited.statusCode).toBe(429)
    expect(limited.json().messageId).toBe('E-COMMON-010')
    expect(limited.headers['retry-after']).toBeDefined()
  })
})
