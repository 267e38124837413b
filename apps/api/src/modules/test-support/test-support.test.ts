import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp({ testSupport: true })
})
afterAll(async () => {
  await t.close()
})

describe('test support (e2e data through the db factories)', () => {
  it('makes a participant of its own with a complete profile and an administrator who logs in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/participants',
      payload: {},
    })
    expect(res.statusCode, res.body).toBe(200)
    const made = res.json() as {
      id: string
      code: string
      admin: { participantCode: string; userId: string; password: string }
    }
    expect(made.code).toMatch(/^P\d{5}$/)
    expect(made.code).not.toBe('P00001')
    expect(made.admin.participantCode).toBe(made.code)
    const session = await loginAs(t.app, made.code, made.admin.userId, made.admin.password)
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: session })
    expect(me.json()).toMatchObject({ user: { role: 'participantAdmin' } })
    // The profile is filled in (bank account, licence category), as the 030 screens need.
    const profile = await t.app.inject({
      url: `/api/v1/participants/${made.id}`,
      headers: session,
    })
    expect(profile.statusCode).toBe(200)
    expect(profile.json()).toMatchObject({ bankCode: '0005', licenseCategory: 'generation' })

    const user = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/users',
      payload: { participantCode: made.code },
    })
    expect(user.statusCode, user.body).toBe(200)
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/participants',
      headers: { origin: ORIGIN },
      payload: {},
    })
    expect(second.json().code).not.toBe(made.code)
  })
})
