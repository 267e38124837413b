import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  ContractAmount,
  ReleaseAmount,
  ReleaseAuction,
  ReleaseOfferList,
  SettlementDocumentRow,
  SettlementRun,
} from '@yoryo/contracts'
import type { Contract, Resource } from '@yoryo/db'
import { createContract, createResource, resourceExample } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { assessmentBasis } from '../assessment-basis/public.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1: Session
let p2: Session
let p1Id: string
let p2Id: string
let ra: Resource
let ca: Contract
let cb: Contract
let cOther: Contract
let auctionId: string

const YEAR = 2021
const MONTH = '2021-08'
const HOUR = 3_600_000

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: session,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })

async function ok<T>(
  session: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  const res = await call(session, method, url, payload)
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json<T>()
}

const offers = (session: Session) =>
  ok<ReleaseOfferList>(session, 'GET', `/api/v1/release-auctions/${auctionId}/offers`)
const offer = (session: Session, payload: object) =>
  call(session, 'POST', `/api/v1/release-auctions/${auctionId}/offers`, payload)

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.prisma
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1 = await loginAs(t.app, 'P00001', 'admin01')
  p2 = await loginAs(t.app, 'P00002', 'admin01')
  p1Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
  ra = await createResource(db, { participantId: p1Id, values: resourceExample('stable') })
  const rb = await createResource(db, { participantId: p2Id, values: resourceExample('stable') })
  // ca: 10,000 kW, A = 120,000,000 (10,000,000 a month); cb: 5,000 kW, A = 50,000,000
  ca = await createContract(db, {
    resource: ra,
    deliveryYear: YEAR,
    contractKw: 10_000,
    areaPrice: 12_000,
    state: 'active',
  })
  cb = await createContract(db, {
    resource: rb,
    deliveryYear: YEAR,
    contractKw: 5_000,
    state: 'active',
  })
  cOther = await createContract(db, { resource: ra, deliveryYear: YEAR + 1, state: 'active' })
})

afterAll(async () => {
  await t.close()
})

describe('[F30] release auction: set-up, offers, clearing, publishing', () => {
  it('sets up a release auction through the auctions (120) and a target here', async () => {
    const now = Date.now()
    const created = await call(operator, 'POST', '/api/v1/auctions', {
      type: 'main',
      subtype: 'release',
      deliveryYear: YEAR,
      windows: {
        expectedCapacity: {
          opensAt: new Date(now + 1 * HOUR).toISOString(),
          closesAt: new Date(now + 2 * HOUR).toISOString(),
        },
        bidding: {
          opensAt: new Date(now + 3 * HOUR).toISOString(),
          closesAt: new Date(now + 48 * HOUR).toISOString(),
        },
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    auctionId = created.json().id
    // A participant neither sees a draft nor sets a target
    expect((await call(p1, 'GET', `/api/v1/release-auctions/${auctionId}`)).statusCode).toBe(404)
    const denied = await call(p1, 'PUT', `/api/v1/release-auctions/${auctionId}/target`, {
      targetKw: 6_000,
    })
    expect(denied.statusCode).toBe(403)
    const set = await ok<ReleaseAuction>(
      operator,
      'PUT',
      `/api/v1/release-auctions/${auctionId}/target`,
      { targetKw: 5_000 },
    )
    expect(set).toMatchObject({ targetKw: 5_000, version: 1, state: 'draft', releasePrice: null })
    const stale = await call(operator, 'PUT', `/api/v1/release-auctions/${auctionId}/target`, {
      targetKw: 6_000,
    })
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const changed = await ok<ReleaseAuction>(
      operator,
      'PUT',
      `/api/v1/release-auctions/${auctionId}/target`,
      { targetKw: 6_000, version: 1 },
    )
    expect(changed).toMatchObject({ targetKw: 6_000, version: 2 })
    // A procurement auction is not a release auction
    const procurement = await t.database.prisma.auction.findFirstOrThrow({
      where: { subtype: 'procurement' },
    })
    const wrong = await call(operator, 'GET', `/api/v1/release-auctions/${procurement.id}`)
    expect(wrong.json().messageId).toBe('E-REL-001')
    // Open it (120), then bidding opens (moved by the clock here)
    const auction = await ok<{ version: number }>(operator, 'GET', `/api/v1/auctions/${auctionId}`)
    await ok(operator, 'POST', `/api/v1/auctions/${auctionId}/transitions`, {
      to: 'open',
      version: auction.version,
    })
    await t.database.prisma.marketWindow.updateMany({
      where: { auctionId, kind: 'bidding' },
      data: { opensAt: new Date(now - HOUR) },
    })
    const list = await ok<{ items: ReleaseAuction[] }>(
      p1,
      'GET',
      `/api/v1/release-auctions?deliveryYear=${YEAR}`,
    )
    expect(list.items.map((a) => a.auctionId)).toEqual([auctionId])
  })

  it('takes offers of own contracts inside the window: rules, versions, isolation, audit', async () => {
    const mine = await offers(p1)
    expect(mine.items.map((i) => i.contractNo)).toEqual([ca.contractNo])
    expect(mine.items[0]).toMatchObject({ unreleasedKw: 10_000, areaPrice: 12_000, offer: null })

    const tooMuch = await offer(p1, { contractId: ca.id, action: 'register', kw: 10_001, price: 0 })
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json().messageId).toBe('E-REL-003')
    const tooSmall = await offer(p1, { contractId: ca.id, action: 'register', kw: 999, price: 0 })
    expect(tooSmall.json().messageId).toBe('E-REL-003')
    const dear = await offer(p1, {
      contractId: ca.id,
      action: 'register',
      kw: 4_000,
      price: 12_001,
    })
    expect(dear.json().messageId).toBe('E-REL-004')
    const otherYear = await offer(p1, {
      contractId: cOther.id,
      action: 'register',
      kw: 1_000,
      price: 1,
    })
    expect(otherYear.json().messageId).toBe('E-REL-008')
    // Another participant's contract: not found
    const foreign = await offer(p1, { contractId: cb.id, action: 'register', kw: 1_000, price: 1 })
    expect(foreign.statusCode).toBe(404)

    const first = await offer(p1, {
      contractId: ca.id,
      action: 'register',
      kw: 4_000,
      price: 2_500,
    })
    expect(first.statusCode, first.body).toBe(200)
    const twice = await offer(p1, { contractId: ca.id, action: 'register', kw: 4_000, price: 1 })
    expect(twice.json().messageId).toBe('E-REL-006')
    const changed = await offer(p1, {
      contractId: ca.id,
      action: 'change',
      kw: 4_000,
      price: 3_000,
      version: 1,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const stale = await offer(p1, {
      contractId: ca.id,
      action: 'change',
      kw: 5_000,
      price: 3_000,
      version: 1,
    })
    expect(stale.json().messageId).toBe('E-REL-005')
    // Two changes based on the same version at once: one wins, the other is told the version
    const change = { contractId: ca.id, action: 'change', kw: 4_000, price: 3_000, version: 2 }
    const raced = await Promise.all([offer(p1, change), offer(p1, change)])
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect(raced.find((r) => r.statusCode === 409)?.json().messageId).toBe('E-REL-005')

    // p2: withdraws and offers again (the submission time of the last version counts)
    await ok(p2, 'POST', `/api/v1/release-auctions/${auctionId}/offers`, {
      contractId: cb.id,
      action: 'register',
      kw: 5_000,
      price: 2_000,
    })
    await ok(p2, 'POST', `/api/v1/release-auctions/${auctionId}/offers`, {
      contractId: cb.id,
      action: 'withdraw',
      version: 1,
    })
    const noOffer = await offer(p2, { contractId: cb.id, action: 'withdraw', version: 2 })
    expect(noOffer.json().messageId).toBe('E-REL-007')
    await ok(p2, 'POST', `/api/v1/release-auctions/${auctionId}/offers`, {
      contractId: cb.id,
      action: 'register',
      kw: 5_000,
      price: 2_000,
    })

    // Each sees its own; the operator all
    expect((await offers(p2)).items.map((i) => [i.contractNo, i.offer?.version])).toEqual([
      [cb.contractNo, 3],
    ])
    const all = await offers(operator)
    expect(all.items.map((i) => [i.contractNo, i.offer?.kw, i.offer?.price])).toEqual([
      [ca.contractNo, 4_000, 3_000],
      [cb.contractNo, 5_000, 2_000],
    ])
    expect(all.auction.offerCount).toBe(2)
    const versions = await t.database.prisma.releaseOfferVersion.count({
      where: { offer: { auctionId } },
    })
    expect(versions).toBe(6)
    const audited = await t.database.prisma.auditLog.count({
      where: { entityType: 'releaseOffer', action: { startsWith: 'releaseOffer.' } },
    })
    expect(audited).toBe(6)
    // Clearing before the close: refused
    const early = await call(operator, 'POST', `/api/v1/release-auctions/${auctionId}/clearing`, {
      version: 2,
    })
    expect(early.json().messageId).toBe('E-REL-009')
  })

  it('refuses a write after the close with the window in the message', async () => {
    await t.database.prisma.marketWindow.updateMany({
      where: { auctionId, kind: 'bidding' },
      data: { closesAt: new Date(Date.now() - 1_000) },
    })
    const late = await offer(p1, {
      contractId: ca.id,
      action: 'change',
      kw: 4_000,
      price: 1,
      version: 3,
    })
    expect(late.statusCode).toBe(409)
    expect(late.json().messageId).toBe('E-REL-002')
    expect(late.json().detail).toContain('応札受付')
  })

  it('clears by price descending to the target (re-run: the same), then publishes', async () => {
    const auction = await ok<{ version: number }>(operator, 'GET', `/api/v1/auctions/${auctionId}`)
    await ok(operator, 'POST', `/api/v1/auctions/${auctionId}/transitions`, {
      to: 'biddingClosed',
      version: auction.version,
    })
    const denied = await call(p1, 'POST', `/api/v1/release-auctions/${auctionId}/clearing`, {
      version: 2,
    })
    expect(denied.statusCode).toBe(403)
    // Not by the procurement clearing (120), and not in the bid screen's auctions (110)
    const procurement = await call(operator, 'POST', `/api/v1/auctions/${auctionId}/clearings`, {})
    expect(procurement.json().messageId).toBe('E-REL-011')
    const bidding = await ok<{ items: { id: string }[] }>(p1, 'GET', '/api/v1/bids/auctions')
    expect(bidding.items.map((a) => a.id)).not.toContain(auctionId)
    const cleared = await ok<ReleaseOfferList>(
      operator,
      'POST',
      `/api/v1/release-auctions/${auctionId}/clearing`,
      { version: 2 },
    )
    expect(cleared.auction).toMatchObject({
      state: 'cleared',
      releasePrice: 2_000,
      releasedKw: 6_000,
      version: 3,
    })
    expect(cleared.items.map((i) => i.offer?.releasedKw)).toEqual([4_000, 2_000])
    const first = await t.database.prisma.releaseAuction.findUniqueOrThrow({ where: { auctionId } })
    const again = await ok<ReleaseOfferList>(
      operator,
      'POST',
      `/api/v1/release-auctions/${auctionId}/clearing`,
      { version: 3 },
    )
    expect(again.items).toEqual(cleared.items)
    const second = await t.database.prisma.releaseAuction.findUniqueOrThrow({
      where: { auctionId },
    })
    expect(second.clearingResult).toEqual(first.clearingResult)
    expect(second.clearingInput).toEqual(first.clearingInput)
    expect(second.algorithmVersion).toBe('release-1')

    const published = await ok<ReleaseOfferList>(
      operator,
      'POST',
      `/api/v1/release-auctions/${auctionId}/publication`,
      { version: 4 },
    )
    expect(published.auction.state).toBe('published')
    expect(published.auction.publishedAt).not.toBeNull()
    const twice = await call(
      operator,
      'POST',
      `/api/v1/release-auctions/${auctionId}/publication`,
      {
        version: 5,
      },
    )
    expect(twice.json().messageId).toBe('E-REL-009')
    const releases = await t.database.prisma.contractRelease.findMany({
      where: { auctionId },
      orderBy: { releasedKw: 'desc' },
    })
    expect(releases.map((r) => [r.contractId, r.releasedKw, r.price, r.fromMonth])).toEqual([
      [ca.id, 4_000, 2_000, `${YEAR}-04`],
      [cb.id, 2_000, 2_000, `${YEAR}-04`],
    ])
    const audit = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'releaseAuction', entityId: auctionId },
      select: { action: true },
      orderBy: { at: 'asc' },
    })
    expect(audit.map((a) => a.action)).toEqual([
      'releaseAuction.setTarget',
      'releaseAuction.setTarget',
      'releaseAuction.clear',
      'releaseAuction.clear',
      'releaseAuction.publish',
    ])
  })
})

describe('[F30] effects: assessment basis, amounts, settlement', () => {
  it('assesses the contract released 40 % on 6,000 kW with A scaled the same way', async () => {
    const [basis] = await assessmentBasis(t.database.prisma, MONTH, { resourceIds: [ra.id] })
    expect(basis).toMatchObject({
      contractKw: 6_000,
      annualAmount: 72_000_000,
      releases: [{ contractNo: ca.contractNo, kw: 4_000, annualAmount: 48_000_000 }],
    })
  })

  it('lists 交付額 and 請求額 per month; the twelve months bill price × kW exactly', async () => {
    const page = await ok<{ items: ReleaseAmount[]; total: number }>(
      p1,
      'GET',
      `/api/v1/release-amounts?deliveryYear=${YEAR}&pageSize=100`,
    )
    expect(page.total).toBe(12)
    expect(page.items.every((r) => r.contractNo === ca.contractNo)).toBe(true)
    expect(page.items.map((r) => r.month)).toEqual([
      ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `${YEAR}-${m}`),
      ...['01', '02', '03'].map((m) => `${YEAR + 1}-${m}`),
    ])
    const billed = page.items.map((r) => r.billedAmount)
    expect(billed.slice(0, 11)).toEqual(Array(11).fill(666_666))
    expect(billed[11]).toBe(8_000_000 - 11 * 666_666)
    expect(billed.reduce((a, b) => a + b, 0)).toBe(2_000 * 4_000)
    expect(page.items[0]).toMatchObject({
      releasedKw: 4_000,
      releasePrice: 2_000,
      monthlyAmount: 10_000_000,
      grantedAmount: 4_000_000,
    })
    // p2 sees its own only; the operator filters by participant, month and contract
    const p2Rows = await ok<{ items: ReleaseAmount[] }>(p2, 'GET', '/api/v1/release-amounts')
    expect(new Set(p2Rows.items.map((r) => r.contractNo))).toEqual(new Set([cb.contractNo]))
    const one = await ok<{ items: ReleaseAmount[] }>(
      operator,
      'GET',
      `/api/v1/release-amounts?month=${MONTH}&participantId=${p1Id}&contract=${ca.contractNo}`,
    )
    expect(one.items.map((r) => [r.contractNo, r.month, r.billedAmount])).toEqual([
      [ca.contractNo, MONTH, 666_666],
    ])
    const sorted = await ok<{ items: ReleaseAmount[] }>(
      operator,
      'GET',
      `/api/v1/release-amounts?month=${MONTH}&sort=-releasedKw`,
    )
    expect(sorted.items.map((r) => r.releasedKw)).toEqual([4_000, 2_000])
    const csv = await call(p1, 'GET', `/api/v1/release-amounts?format=csv&encoding=utf-8`)
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('交付額(円)')
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(13)
  })

  it('settles the month: billed on the contract line, net = amount − penalty − billed; money', async () => {
    const start = await call(operator, 'POST', '/api/v1/assessments/runs', { month: MONTH })
    expect(start.statusCode, start.body).toBe(202)
    await t.app.jobs.drain()
    const res = await call(operator, 'POST', '/api/v1/settlements', { month: MONTH })
    expect(res.statusCode, res.body).toBe(202)
    await t.app.jobs.drain()
    const run = await ok<SettlementRun>(operator, 'GET', `/api/v1/settlements/${res.json().id}`)
    expect(run.state, run.error ?? '').toBe('succeeded')
    expect(run.billed).toBe(666_666 + 333_333)

    const lines = await ok<{ items: ContractAmount[] }>(
      operator,
      'GET',
      `/api/v1/contract-amounts?month=${MONTH}&pageSize=500`,
    )
    const a = lines.items.find((l) => l.contractId === ca.id)!
    expect(a).toMatchObject({
      releasedKw: 4_000,
      grantedAmount: 4_000_000,
      billedAmount: 666_666,
      amount: 10_000_000,
    })
    expect(a.net).toBe(a.amount - a.penalty - a.billedAmount)
    const b = lines.items.find((l) => l.contractId === cb.id)!
    expect(b).toMatchObject({ releasedKw: 2_000, billedAmount: 333_333 })
    const detail = await ok<ContractAmount>(p1, 'GET', `/api/v1/contract-amounts/${a.id}`)
    expect(detail.billedAmount).toBe(666_666)

    // The money check with the release: documents = amounts − penalties − billed + tax
    const issued = await call(operator, 'POST', `/api/v1/settlements/${run.id}/documents`, {})
    expect(issued.statusCode, issued.body).toBe(201)
    const docs = await ok<{ items: SettlementDocumentRow[] }>(
      operator,
      'GET',
      `/api/v1/settlement-documents?month=${MONTH}&pageSize=500`,
    )
    const notices = docs.items.filter((x) => x.kind === 'paymentNotice')
    const invoices = docs.items.filter((x) => x.kind === 'invoice')
    const payable = notices.reduce((s, x) => s + x.total, 0)
    const invoiced = invoices.reduce((s, x) => s + x.total, 0)
    const signedTax =
      notices.reduce((s, x) => s + x.tax, 0) - invoices.reduce((s, x) => s + x.tax, 0)
    const sum = (f: (l: ContractAmount) => number) => lines.items.reduce((s, l) => s + f(l), 0)
    expect(sum((l) => l.billedAmount)).toBe(run.billed)
    expect(payable - invoiced).toBe(
      sum((l) => l.monthlyAmount) - sum((l) => l.penalty) - sum((l) => l.billedAmount) + signedTax,
    )
  })
})
