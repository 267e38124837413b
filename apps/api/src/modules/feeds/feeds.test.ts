import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TSO_DEMO_PASSWORD } from '@yoryo/db'
import { createParticipant, createResource } from '@yoryo/db/factories'
import { resourceExample } from '@yoryo/db/factories'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'

let t: TestContext
let operator: Record<string, string>
let tokyo: Record<string, string>
let kansai: Record<string, string>
let participant: Record<string, string>
let stable: { id: string; code: string }
let dispatch: { id: string; code: string }

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  tokyo = await loginAs(t.app, 'T0001', 'tso01', TSO_DEMO_PASSWORD)
  kansai = await loginAs(t.app, 'T0002', 'tso01', TSO_DEMO_PASSWORD)
  participant = await loginAs(t.app, 'P00001', 'admin01')
  const db = t.database.prisma
  const p = await createParticipant(db)
  stable = await createResource(db, { participantId: p.id })
  dispatch = await createResource(db, {
    participantId: p.id,
    values: resourceExample('dispatchOrder', 901),
  })
})
afterAll(async () => {
  await t.close()
})

const flat = (v: number) => Array<number>(48).fill(v)
const post = (headers: Record<string, string>, path: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/feeds/${path}`,
    headers: { ...headers, origin: ORIGIN },
    payload: payload as object,
  })
const readDay = (headers: Record<string, string>, code: string, date: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/feeds/days/${code}/${date}`, headers })

describe('[B60] metered generation feed', () => {
  it('creates, ignores a resend, replaces with a revision visible in the read-back', async () => {
    const body = (v: number) => ({
      items: [{ resourceCode: stable.code, date: '2030-05-01', meteredKwh: flat(v) }],
    })
    const first = await post(tokyo, 'metered-generation', body(100))
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({
      items: [{ key: `${stable.code}/2030-05-01`, outcome: 'created' }],
      created: 1,
      replaced: 0,
      unchanged: 0,
    })
    expect((await post(tokyo, 'metered-generation', body(100))).json()).toMatchObject({
      items: [{ outcome: 'unchanged' }],
      unchanged: 1,
    })
    expect((await post(operator, 'metered-generation', body(90))).json()).toMatchObject({
      items: [{ outcome: 'replaced' }],
      replaced: 1,
    })
    const day = await readDay(tokyo, stable.code, '2030-05-01')
    expect(day.statusCode).toBe(200)
    expect(day.json()).toMatchObject({
      resourceCode: stable.code,
      area: 'tokyo',
      meteredKwh: flat(90),
      instructedKw: [],
      // Written (1 → 2), then replaced (3); the resend changed nothing.
      version: 3,
      revisions: [{ series: 'meteredKwh', previous: flat(100), source: 'api' }],
    })
    const audits = await t.database.prisma.auditLog.findMany({
      where: { action: 'feed.write', entityId: 'meteredGeneration' },
    })
    expect(audits).toHaveLength(3)
    expect(audits[0]?.after).toMatchObject({ items: 1, created: 1 })
  })

  it('is all or nothing: a bad item refuses the request with its path, nothing is written', async () => {
    const res = await post(operator, 'metered-generation', {
      items: [
        { resourceCode: stable.code, date: '2030-05-02', meteredKwh: flat(1) },
        { resourceCode: '03S9999999', date: '2030-05-02', meteredKwh: flat(1) },
      ],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toMatchObject([
      { path: ['items', 1, 'resourceCode'], messageId: 'E-FEED-007' },
    ])
    expect((await readDay(operator, stable.code, '2030-05-02')).json()).toMatchObject({
      meteredKwh: [],
      version: 0,
    })
  })

  it('validates dates, counts, values and keys once per request', async () => {
    const bad = async (items: unknown[], messageId: string) => {
      const res = await post(operator, 'metered-generation', { items })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors.map((e: { messageId: string }) => e.messageId)).toContain(messageId)
    }
    await bad(
      [{ resourceCode: stable.code, date: '2030-02-30', meteredKwh: flat(1) }],
      'E-FEED-001',
    )
    await bad(
      [{ resourceCode: stable.code, date: '2030-05-03', meteredKwh: flat(1).slice(1) }],
      'E-COMMON-008',
    )
    await bad(
      [{ resourceCode: stable.code, date: '2030-05-03', meteredKwh: flat(-1) }],
      'E-COMMON-008',
    )
    const item = { resourceCode: stable.code, date: '2030-05-03', meteredKwh: flat(1) }
    await bad([item, item], 'E-FEED-011')
    const many = Array.from({ length: 1001 }, () => item)
    expect((await post(operator, 'metered-generation', { items: many })).statusCode).toBe(400)
  })
})

describe('feed scope', () => {
  it('refuses a TSO outside its service area, a participant, and reads back only in scope', async () => {
    const body = { items: [{ resourceCode: stable.code, date: '2030-05-04', meteredKwh: flat(5) }] }
    const other = await post(kansai, 'metered-generation', body)
    expect(other.statusCode).toBe(403)
    expect(other.json()).toMatchObject({
      messageId: 'E-FEED-008',
      errors: [{ path: ['items', 0, 'resourceCode'], messageId: 'E-FEED-008' }],
    })
    expect((await post(participant, 'metered-generation', body)).statusCode).toBe(403)
    expect((await readDay(kansai, stable.code, '2030-05-01')).statusCode).toBe(403)
    // P00001 does not own the test resource: 404, as for any record of another participant.
    expect((await readDay(participant, stable.code, '2030-05-01')).statusCode).toBe(404)
  })

  it('takes a TSO API token (Bearer)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { ...tokyo, origin: ORIGIN },
      payload: { name: 'metering', expiresInDays: 30 },
    })
    expect(created.statusCode).toBe(201)
    const token = created.json().token as string
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/metered-generation',
      headers: { authorization: `Bearer ${token}` },
      payload: { items: [{ resourceCode: stable.code, date: '2030-05-05', meteredKwh: flat(7) }] },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ created: 1 })
  })
})

describe('[B70] [B80] [B90] slot feeds', () => {
  it('replaces the instructed slots of a day as a whole', async () => {
    const send = (slots: unknown[]) =>
      post(tokyo, 'supply-instructions', {
        items: [{ resourceCode: stable.code, date: '2030-06-01', slots }],
      })
    expect((await send([{ slot: 35, instructedKw: 1000, deliveredKw: 900 }])).json()).toMatchObject(
      { created: 1 },
    )
    expect((await send([{ slot: 36, instructedKw: 800, deliveredKw: 800 }])).json()).toMatchObject({
      replaced: 1,
    })
    const day = (await readDay(tokyo, stable.code, '2030-06-01')).json()
    expect(day.instructedKw[34]).toBe(0)
    expect(day.instructedKw[35]).toBe(800)
    expect(day.deliveredKw[35]).toBe(800)
    const twice = await send([
      { slot: 1, instructedKw: 1, deliveredKw: 1 },
      { slot: 1, instructedKw: 2, deliveredKw: 2 },
    ])
    expect(twice.statusCode).toBe(400)
    expect(twice.json().errors[0].messageId).toBe('E-FEED-003')
  })

  it('stores margins per area-day (in scope only) and offers per resource-day', async () => {
    const margins = Array<number>(48).fill(8.5)
    margins[35] = 2.25
    const kinds = Array<string>(48).fill('')
    kinds[35] = 'dayAhead'
    const res = await post(tokyo, 'reserve-notices', {
      areaDays: [{ area: 'tokyo', date: '2030-06-02', marginPercent: margins, noticeKind: kinds }],
      offers: [
        { resourceCode: stable.code, date: '2030-06-02', slots: [{ slot: 36, offeredKw: 700 }] },
      ],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      items: [
        { key: `${stable.code}/2030-06-02`, outcome: 'created' },
        { key: 'tokyo/2030-06-02', outcome: 'created' },
      ],
    })
    const stored = await t.database.prisma.reserveNoticeDay.findFirstOrThrow({
      where: { area: 'tokyo' },
    })
    expect(stored.marginBp[35]).toBe(225)
    expect(stored.noticeKind[35]).toBe('dayAhead')
    const outside = await post(tokyo, 'reserve-notices', {
      areaDays: [{ area: 'kansai', date: '2030-06-02', marginPercent: margins, noticeKind: kinds }],
    })
    expect(outside.statusCode).toBe(403)
    expect(outside.json().errors[0]).toMatchObject({
      path: ['areaDays', 0, 'area'],
      messageId: 'E-FEED-009',
    })
    const decimals = await post(operator, 'reserve-notices', {
      areaDays: [
        { area: 'kansai', date: '2030-06-02', marginPercent: flat(1.234), noticeKind: kinds },
      ],
    })
    expect(decimals.statusCode).toBe(400)
    expect(decimals.json().errors[0].messageId).toBe('E-FEED-002')
  })

  it('stores restraint slots', async () => {
    const res = await post(operator, 'operation-restraint', {
      items: [
        { resourceCode: stable.code, date: '2030-06-03', slots: [{ slot: 48, restrainedKw: 300 }] },
      ],
    })
    expect(res.json()).toMatchObject({ created: 1 })
    const day = (await readDay(operator, stable.code, '2030-06-03')).json()
    expect(day.restrainedKw[47]).toBe(300)
    expect(day.restrainedKw[0]).toBe(0)
  })
})

describe('[C10] dispatch order feed', () => {
  const order = (over: Record<string, unknown> = {}) => ({
    orderId: 'DO-TEST-1',
    resourceCode: dispatch.code,
    orderedAt: '2030-07-01T14:00:00+09:00',
    startAt: '2030-07-01T17:00:00+09:00',
    instructedKw: 1000,
    slots: [
      { baselineKw: 1500, actualKw: 500 },
      { baselineKw: 1500, actualKw: 600 },
    ],
    ...over,
  })
  it('keys orders by ID and takes dispatch-order resources only', async () => {
    expect((await post(tokyo, 'dispatch-orders', { items: [order()] })).json()).toMatchObject({
      created: 1,
    })
    expect((await post(tokyo, 'dispatch-orders', { items: [order()] })).json()).toMatchObject({
      unchanged: 1,
    })
    expect(
      (await post(tokyo, 'dispatch-orders', { items: [order({ instructedKw: 900 })] })).json(),
    ).toMatchObject({ replaced: 1 })
    const stored = await t.database.prisma.dispatchOrder.findUniqueOrThrow({
      where: { orderId: 'DO-TEST-1' },
    })
    expect(stored).toMatchObject({
      instructedKw: 900,
      baselineKw: [1500, 1500],
      actualKw: [500, 600],
    })
    const notDispatch = await post(tokyo, 'dispatch-orders', {
      items: [order({ orderId: 'DO-TEST-2', resourceCode: stable.code })],
    })
    expect(notDispatch.statusCode).toBe(400)
    expect(notDispatch.json().errors[0].messageId).toBe('E-FEED-010')
    const offBoundary = await post(tokyo, 'dispatch-orders', {
      items: [order({ orderId: 'DO-TEST-3', startAt: '2030-07-01T17:10:00+09:00' })],
    })
    expect(offBoundary.statusCode).toBe(400)
    expect(offBoundary.json().errors[0].messageId).toBe('E-FEED-006')
  })
})
