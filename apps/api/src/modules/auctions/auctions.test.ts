import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  areas,
  auctionSortFields,
  DAY_MS,
  type Auction,
  type AuctionParameters,
  type AuctionWindows,
} from '@yoryo/contracts'
import { clearAuction } from '@yoryo/domain'
import { auctionParametersExample, createAuction } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { race, tally } from '../../test/race.ts'
import { deductionRate, referenceAuctionParameters } from './reference.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let user: Session

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  user = await loginAs(t.app, 'P00001', 'user01')
})
afterAll(async () => {
  await t.close()
})

/** Windows from `days` days ahead: expected capacity for 10 days, bidding 5 days later for 7. */
function windows(days = 20): AuctionWindows {
  const at = (d: number) => new Date(Date.now() + d * DAY_MS).toISOString()
  return {
    expectedCapacity: { opensAt: at(days), closesAt: at(days + 10) },
    bidding: { opensAt: at(days + 15), closesAt: at(days + 22) },
  }
}

async function create(
  body: Record<string, unknown> = {},
  session: Session = operator,
): Promise<{ statusCode: number; json: () => Auction; body: string }> {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auctions',
    headers: session,
    payload: { type: 'main', deliveryYear: 2029, windows: windows(), ...body },
  })
}

async function draft(body: Record<string, unknown> = {}): Promise<Auction> {
  const res = await create(body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

function get(id: string, session: Session = operator) {
  return t.app.inject({ url: `/api/v1/auctions/${id}`, headers: session })
}

function transition(a: { id: string; version: number }, to: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/auctions/${a.id}/transitions`,
    headers: operator,
    payload: { to, version: a.version },
  })
}

describe('reference parameters', () => {
  it('give the published FY2024 curve, nine areas meeting the target, ten pairs both ways', () => {
    const p = referenceAuctionParameters(2024)
    expect(p.demandCurve).toEqual({
      priceCap: 14_137.5,
      netCone: 9_425,
      targetQuantity: 177_470_000,
      quantityAtCap: 176_530_000,
      quantityAtZero: 182_120_000,
    })
    expect(p.areas.map((a) => a.area)).toEqual([...areas])
    const total = p.areas.reduce((s, a) => s + a.requiredKw, 0)
    expect(total).toBeGreaterThanOrEqual(p.demandCurve.targetQuantity)
    expect(total - p.demandCurve.targetQuantity).toBeLessThan(900_000)
    for (const a of p.areas) expect(a.requiredKw % 100_000).toBe(0)
    expect(p.interconnections).toHaveLength(20)
    expect(p.interconnections).toContainEqual({ from: 'hokkaido', to: 'tohoku', limitKw: 900_000 })
    expect(p.interconnections).toContainEqual({ from: 'kyushu', to: 'chugoku', limitKw: 2_800_000 })
    expect(p.dispatchOrderCapKw).toBe(7_100_000)
    expect(p.deductionTable).toEqual([
      { commissionedUpTo: 2010, rate: 0.42 },
      { commissionedUpTo: null, rate: 0 },
    ])
  })

  it('use the nearest published year and clear in the engine', () => {
    expect(referenceAuctionParameters(2035).demandCurve.netCone).toBe(10_075)
    expect(referenceAuctionParameters(2026, 'additional').demandCurve.netCone).toBe(10_156)
    expect([2024, 2027, 2029, 2030, 2031].map(deductionRate)).toEqual([0.42, 0.21, 0.07, 0, 0])
    const { deductionTable: _, ...input } = referenceAuctionParameters(2029)
    const result = clearAuction({ ...input, bids: [] })
    expect(result.nationalPrice).toBe(15_112)
  })

  it('are offered to the operator only', async () => {
    const ok = await t.app.inject({
      url: '/api/v1/auctions/reference-parameters?deliveryYear=2029',
      headers: operator,
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().demandCurve.netCone).toBe(10_075)
    const refused = await t.app.inject({
      url: '/api/v1/auctions/reference-parameters?deliveryYear=2029',
      headers: admin,
    })
    expect(refused.statusCode).toBe(403)
  })
})

describe('[120] auction set-up', () => {
  it('creates a draft from the reference parameters, audited, with its two windows', async () => {
    const w = windows()
    const a = await draft({ windows: w })
    expect(a).toMatchObject({
      type: 'main',
      subtype: 'procurement',
      deliveryYear: 2029,
      state: 'draft',
      parametersVersion: 1,
      windows: w,
      parameterIssues: [],
      editable: true,
    })
    expect(a.code).toMatch(/^A2029M\d+$/)
    expect(a.parameters).toEqual(referenceAuctionParameters(2029))
    expect(a.parameterVersions.map((v) => v.versionNo)).toEqual([1])
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { action: 'auction.create', entityId: a.id },
    })
    expect(entry?.after).toMatchObject({ auctionCode: a.code, state: 'draft' })
    const market = await t.database.prisma.marketWindow.findMany({ where: { auctionId: a.id } })
    expect(market.map((m) => [m.kind, m.function, m.deliveryYear]).sort()).toEqual([
      ['bidding', '110', 2029],
      ['expectedCapacityRegistration', '070', 2029],
    ])
  })

  it('takes the parameters given instead of the reference ones', async () => {
    const a = await draft({ parameters: auctionParametersExample() })
    expect(a.parameters).toEqual(auctionParametersExample())
  })

  it('refuses participants (403) and bad windows with the rule broken', async () => {
    expect((await create({}, admin)).statusCode).toBe(403)
    const w = windows()
    const reversed = await create({
      windows: { ...w, bidding: { opensAt: w.bidding.closesAt, closesAt: w.bidding.opensAt } },
    })
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json()).toMatchObject({
      errors: [{ path: ['windows', 'bidding', 'closesAt'], messageId: 'E-AUC-004' }],
    })
    const overlapping = await create({
      windows: {
        ...w,
        bidding: { opensAt: w.expectedCapacity.opensAt, closesAt: w.bidding.closesAt },
      },
    })
    expect(overlapping.statusCode).toBe(400)
    expect(overlapping.json()).toMatchObject({
      errors: [{ path: ['windows', 'bidding', 'opensAt'], messageId: 'E-AUC-005' }],
    })
  })

  it('keeps drafts from participants: not listed, 404 on read', async () => {
    const a = await draft()
    const list = await t.app.inject({ url: '/api/v1/auctions?pageSize=500', headers: admin })
    expect(list.statusCode).toBe(200)
    const codes = list.json().items.map((x: { code: string }) => x.code)
    expect(codes).not.toContain(a.code)
    expect((await get(a.id, admin)).statusCode).toBe(404)
    const opened = await createAuction(t.database.prisma, { deliveryYear: 2029 })
    const again = await t.app.inject({ url: '/api/v1/auctions?pageSize=500', headers: user })
    expect(again.json().items.map((x: { code: string }) => x.code)).toContain(opened.code)
    expect((await get(opened.id, user)).statusCode).toBe(200)
    const drafts = await t.app.inject({ url: '/api/v1/auctions?state=draft', headers: admin })
    expect(drafts.json().total).toBe(0)
    const operatorDrafts = await t.app.inject({
      url: '/api/v1/auctions?state=draft&pageSize=500',
      headers: operator,
    })
    expect(operatorDrafts.json().items.map((x: { code: string }) => x.code)).toContain(a.code)
  })

  it('sorts by every column it shows and exports CSV', async () => {
    await draft()
    for (const field of auctionSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await t.app.inject({ url: `/api/v1/auctions?sort=${sort}`, headers: operator })
        expect(res.statusCode, sort).toBe(200)
      }
    }
    const byYear = await t.app.inject({
      url: '/api/v1/auctions?sort=-deliveryYear&pageSize=500',
      headers: operator,
    })
    const years = byYear.json().items.map((x: { deliveryYear: number }) => x.deliveryYear)
    expect(years).toEqual([...years].sort((a, b) => b - a))
    const file = await t.app.inject({
      url: '/api/v1/auctions?format=csv&encoding=utf-8',
      headers: operator,
    })
    expect(file.statusCode).toBe(200)
    expect(file.body).toContain('オークションID')
    expect(file.body).toContain('メインオークション')
  })
})

describe('[120] parameters, versioned', () => {
  it('saves a new version and keeps the earlier ones', async () => {
    const a = await draft()
    const changed: AuctionParameters = { ...a.parameters, dispatchOrderCapKw: 5_000_000 }
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/parameters`,
      headers: operator,
      payload: { parameters: changed, version: a.version },
    })
    expect(res.statusCode, res.body).toBe(200)
    const saved: Auction = res.json()
    expect(saved.parametersVersion).toBe(2)
    expect(saved.parameters.dispatchOrderCapKw).toBe(5_000_000)
    expect(saved.parameterVersions.map((v) => v.versionNo)).toEqual([2, 1])
    expect(saved.parameterVersions[1]?.parameters).toEqual(a.parameters)
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { action: 'auction.updateParameters', entityId: a.id },
    })
    expect(entry?.after).toEqual({ parametersVersion: 2 })
  })

  it('refuses a write against a version seen before another (409) and a bad shape (400)', async () => {
    const a = await draft()
    const first = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/parameters`,
      headers: operator,
      payload: { parameters: a.parameters, version: a.version },
    })
    expect(first.statusCode).toBe(200)
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/parameters`,
      headers: operator,
      payload: { parameters: a.parameters, version: a.version },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/parameters`,
      headers: operator,
      payload: {
        parameters: { ...a.parameters, areas: [{ area: 'tokyo', requiredKw: -1 }] },
        version: first.json().version,
      },
    })
    expect(bad.statusCode).toBe(400)
  })

  it('take exactly one of several saves against the same version', async () => {
    const a = await draft()
    const results = await race(5, (i) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/auctions/${a.id}/parameters`,
        headers: operator,
        payload: {
          parameters: { ...a.parameters, dispatchOrderCapKw: 1_000_000 * (i + 1) },
          version: a.version,
        },
      }),
    )
    expect(tally(results, (r) => r.statusCode)).toEqual({ 200: 1, 409: 4 })
    const saved: Auction = (await get(a.id)).json()
    expect(saved.parameterVersions.map((v) => v.versionNo)).toEqual([2, 1])
    const winner = results.find((r) => r.statusCode === 200)?.json() as Auction
    expect(saved.parameters).toEqual(winner.parameters)
  })

  it('are locked once bidding has opened, with a message saying when it opened', async () => {
    const opensAt = new Date(Date.now() - DAY_MS)
    const a = await createAuction(t.database.prisma, {
      state: 'open',
      bidding: { opensAt, closesAt: new Date(Date.now() + DAY_MS) },
    })
    const detail: Auction = (await get(a.id)).json()
    expect(detail.editable).toBe(false)
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/parameters`,
      headers: operator,
      payload: { parameters: detail.parameters, version: detail.version },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-AUC-002')
    expect(res.json().detail).toContain('応札受付が')
    expect(res.json().detail).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}に始まっている/)
    const moved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/windows`,
      headers: operator,
      payload: { windows: windows(), version: detail.version },
    })
    expect(moved.statusCode).toBe(409)
    expect(moved.json().messageId).toBe('E-AUC-002')
  })

  it('are locked after the bidding closed, saying the state', async () => {
    const a = await createAuction(t.database.prisma, {
      state: 'biddingClosed',
      bidding: {
        opensAt: new Date(Date.now() + DAY_MS),
        closesAt: new Date(Date.now() + 2 * DAY_MS),
      },
    })
    const detail: Auction = (await get(a.id)).json()
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/parameters`,
      headers: { ...operator, 'accept-language': 'ja' },
      payload: { parameters: detail.parameters, version: detail.version },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-AUC-001')
    expect(res.json().detail).toContain('「応札締切」')
  })
})

describe('[120] windows', () => {
  it('are changed before bidding opens, audited', async () => {
    const a = await draft()
    const w = windows(40)
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/windows`,
      headers: operator,
      payload: { windows: w, version: a.version },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().windows).toEqual(w)
    const before = await t.database.prisma.marketWindow.findMany({ where: { auctionId: a.id } })
    expect(before).toHaveLength(2)
    const again = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/auctions/${a.id}/windows`,
      headers: operator,
      payload: { windows: windows(50), version: res.json().version },
    })
    expect(again.statusCode).toBe(200)
    const after = await t.database.prisma.marketWindow.findMany({ where: { auctionId: a.id } })
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort())
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { action: 'auction.updateWindows', entityId: a.id },
    })
    expect(entry?.after).toEqual({ windows: w })
  })
})

describe('[120] state transitions', () => {
  it('open a draft with valid parameters, once, audited', async () => {
    const a = await draft()
    const res = await transition(a, 'open')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().state).toBe('open')
    const again = await transition(res.json(), 'open')
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-AUC-003')
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { action: 'auction.transition', entityId: a.id },
    })
    expect(entry?.before).toEqual({ state: 'draft' })
    expect(entry?.after).toEqual({ state: 'open' })
  })

  it('refuse to open parameters the engine rejects, naming the field', async () => {
    const parameters = auctionParametersExample()
    parameters.areas = [...parameters.areas, { area: 'tokyo', requiredKw: 1 }]
    const a = await draft({ parameters })
    expect(a.parameterIssues).toHaveLength(1)
    const res = await transition(a, 'open')
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-AUC-006')
    expect(res.json().errors[0].path.slice(0, 2)).toEqual(['parameters', 'areas'])
    expect(res.json().errors[0].messageId).toMatch(/^E-RULES-/)
  })

  it('refuse to open when the bidding window is over', async () => {
    const a = await createAuction(t.database.prisma, {
      state: 'draft',
      bidding: {
        opensAt: new Date(Date.now() - 2 * DAY_MS),
        closesAt: new Date(Date.now() - DAY_MS),
      },
    })
    const res = await transition({ id: a.id, version: a.version }, 'open')
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-AUC-008')
  })

  it('close bidding only after the window closes by the server clock', async () => {
    const a = await createAuction(t.database.prisma, { state: 'open' })
    const early = await transition({ id: a.id, version: a.version }, 'biddingClosed')
    expect(early.statusCode).toBe(409)
    expect(early.json().messageId).toBe('E-AUC-007')
    const b = await createAuction(t.database.prisma, {
      state: 'open',
      bidding: { opensAt: new Date(Date.now() - 2 * DAY_MS), closesAt: new Date(Date.now() - 1) },
    })
    const closed = await transition({ id: b.id, version: b.version }, 'biddingClosed')
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json().state).toBe('biddingClosed')
    const fromDraft = await transition(await draft(), 'biddingClosed')
    expect(fromDraft.statusCode).toBe(409)
    expect(fromDraft.json().messageId).toBe('E-AUC-003')
  })

  it('are the operator’s only', async () => {
    const a = await draft()
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${a.id}/transitions`,
      headers: admin,
      payload: { to: 'open', version: a.version },
    })
    expect(res.statusCode).toBe(403)
  })
})
