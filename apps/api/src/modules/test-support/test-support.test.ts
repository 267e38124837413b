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

  it("brings the end of the caller's session near, and a request then extends it again", async () => {
    const made = (
      await t.app.inject({ method: 'POST', url: '/api/test-support/participants', payload: {} })
    ).json() as { code: string; admin: { userId: string; password: string } }
    const session = await loginAs(t.app, made.code, made.admin.userId, made.admin.password)
    const idleMs = t.app.config.session.idleMinutes * 60_000

    const soon = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/session',
      headers: session,
      payload: { idleSeconds: 240 },
    })
    expect(soon.statusCode, soon.body).toBe(200)
    const left = Date.parse(soon.json().idleExpiresAt) - Date.now()
    expect(left).toBeGreaterThan(200_000)
    expect(left).toBeLessThanOrEqual(240_000)
    // The next request is a use of the session: it runs for the whole idle time again.
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: session })
    expect(me.statusCode).toBe(200)
    expect(Date.parse(me.json().session.idleExpiresAt) - Date.now()).toBeGreaterThan(
      idleMs - 60_000,
    )

    const ended = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/session',
      headers: session,
      payload: { idleSeconds: 0 },
    })
    expect(ended.statusCode).toBe(200)
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: session })
    expect(after.statusCode).toBe(401)
    expect(after.json().messageId).toBe('E-AUTH-004')
    // Without a session there is nothing to shorten.
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/session',
      payload: { idleSeconds: 0 },
    })
    expect(none.statusCode).toBe(404)
  })

  it('makes contracts of a participant on resources of its own with approved expected capacity', async () => {
    const made = (
      await t.app.inject({ method: 'POST', url: '/api/test-support/participants', payload: {} })
    ).json() as { id: string; code: string }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/contracts',
      payload: { participantCode: made.code, contracts: 2, contractKw: 3_000, area: 'kyushu' },
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as {
      auctionId: string
      contracts: { id: string; resourceId: string }[]
    }
    expect(body.contracts).toHaveLength(2)
    const db = t.database.prisma
    const rows = await db.contract.findMany({
      where: { auctionId: body.auctionId },
      include: { resource: true },
    })
    expect(rows.map((r) => [r.participantId, r.contractKw, r.state, r.resource.area])).toEqual([
      [made.id, 3_000, 'confirmed', 'kyushu'],
      [made.id, 3_000, 'confirmed', 'kyushu'],
    ])
    const ec = await db.expectedCapacity.count({
      where: { resourceId: { in: body.contracts.map((c) => c.resourceId) } },
    })
    expect(ec).toBe(2)
  })

  it('writes delivery-period data of a resource through the feed store', async () => {
    const made = (
      await t.app.inject({ method: 'POST', url: '/api/test-support/participants', payload: {} })
    ).json() as { id: string; code: string }
    const contracts = (
      await t.app.inject({
        method: 'POST',
        url: '/api/test-support/contracts',
        payload: { participantCode: made.code, kind: 'dispatchOrder', state: 'active' },
      })
    ).json() as { contracts: { resourceId: string }[] }
    const resourceId = contracts.contracts[0]?.resourceId as string
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test-support/delivery-data',
      payload: {
        days: [{ resourceId, date: '2030-06-01', series: { meteredKwh: Array(48).fill(5) } }],
        orders: [
          {
            orderId: `T-${made.code}`,
            resourceId,
            orderedAt: '2030-06-01T00:00:00+09:00',
            startAt: '2030-06-01T17:00:00+09:00',
            instructedKw: 1_000,
            baselineKw: [3_000, 3_000],
            actualKw: [2_000, 2_500],
          },
        ],
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    const db = t.database.prisma
    expect((await db.resource.findUniqueOrThrow({ where: { id: resourceId } })).kind).toBe(
      'dispatchOrder',
    )
    expect(await db.deliveryDay.count({ where: { resourceId } })).toBe(1)
    expect(await db.dispatchOrder.count({ where: { resourceId } })).toBe(1)
  })
})
