import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Area, AuctionResults, BidSimulation, Clearing, ClearingRun } from '@yoryo/contracts'
import type { Auction, Participant } from '@yoryo/db'
import {
  auctionParametersExample,
  createAuction,
  createParticipant,
  createQualification,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import { clearAuction, type ClearingInput, type ClearingResult } from '@yoryo/domain'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1Admin: Session
let p2Admin: Session
let p1: Participant
let p2: Participant
let other: Participant

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1Admin = await loginAs(t.app, 'P00001', 'admin01')
  p2Admin = await loginAs(t.app, 'P00002', 'admin01')
  const db = t.database.prisma
  p1 = await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  p2 = await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })
  other = await createParticipant(db)
})
afterAll(async () => {
  await t.close()
})

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: s,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })

let serial = 0
/** A qualified resource of a participant with its bid in force (direct writes, as 110 leaves them). */
async function bid(
  auction: Auction,
  participant: Participant,
  area: Area,
  kw: number,
  price: number,
  extra: { withdrawn?: boolean; qualified?: boolean } = {},
) {
  const db = t.database.prisma
  serial++
  const resource = await createResource(db, {
    participantId: participant.id,
    values: { ...resourceExample('stable', serial), area },
  })
  const q = await createQualification(db, { auctionId: auction.id, resource, expectedKw: 50_000 })
  if (extra.qualified === false) {
    await db.auctionQualification.update({ where: { id: q.id }, data: { state: 'excluded' } })
  }
  const row = await db.bid.create({
    data: {
      auctionId: auction.id,
      resourceId: resource.id,
      participantId: participant.id,
      kw,
      price,
      submittedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, serial)),
      withdrawnAt: extra.withdrawn ? new Date() : null,
    },
  })
  return { resource, bid: row }
}

/** Nine areas, 10,000 kW each required; hokkaido gets little cheap supply (a split block). */
async function closedAuction() {
  const auction = await createAuction(t.database.prisma, { state: 'biddingClosed' })
  const own = await bid(auction, p1, 'tokyo', 8_000, 0)
  const ownHigh = await bid(auction, p1, 'tokyo', 6_000, 14_000)
  const others = []
  others.push(await bid(auction, p2, 'hokkaido', 4_000, 0))
  others.push(await bid(auction, p2, 'hokkaido', 7_000, 12_000))
  for (const area of [
    'tohoku',
    'tokyo',
    'chubu',
    'hokuriku',
    'kansai',
    'chugoku',
    'shikoku',
    'kyushu',
  ] as const) {
    others.push(await bid(auction, other, area, 9_000, 0))
    others.push(await bid(auction, other, area, 3_000, 4_000 + 300 * others.length))
  }
  const withdrawn = await bid(auction, p2, 'tokyo', 5_000, 1, { withdrawn: true })
  const excluded = await bid(auction, p2, 'tokyo', 5_000, 1, { qualified: false })
  return { auction, own, ownHigh, others, withdrawn, excluded }
}

async function cleared() {
  const setup = await closedAuction()
  const res = await call(operator, 'POST', `/api/v1/auctions/${setup.auction.id}/clearings`)
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
  return { ...setup, run: res.json<ClearingRun>() }
}

describe('[120] clearing as a job', () => {
  it('refuses an auction still open for bidding', async () => {
    const auction = await createAuction(t.database.prisma, { state: 'open' })
    const res = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-CLR-001')
  })

  it('is for the operator only', async () => {
    const { auction } = await closedAuction()
    const res = await call(p1Admin, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(res.statusCode).toBe(403)
  })

  it('snapshots the bids in force of qualified resources, stores input, result and version, and a re-run from the snapshot gives the same result', async () => {
    const { auction, run, own, withdrawn, excluded } = await cleared()
    expect(run.state).toBe('queued')
    const runs = await call(operator, 'GET', `/api/v1/auctions/${auction.id}/clearings`)
    const [done] = runs.json<{ items: ClearingRun[] }>().items
    expect(done, done?.error ?? '').toMatchObject({
      runNo: 1,
      state: 'succeeded',
      bidCount: 20,
      published: false,
    })
    const state = await t.database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id } })
    expect(state.state).toBe('cleared')

    const res = await call(operator, 'GET', `/api/v1/auctions/${auction.id}/clearing`)
    expect(res.statusCode, res.body).toBe(200)
    const clearing = res.json<Clearing>()
    expect(clearing.algorithmVersion).toMatch(/^yoryo-clearing\//)
    const ids = clearing.input.bids.map((b) => b.bidId)
    expect(ids).toContain(own.bid.id)
    expect(ids).not.toContain(withdrawn.bid.id)
    expect(ids).not.toContain(excluded.bid.id)
    expect(clearing.input.bids.find((b) => b.bidId === own.bid.id)).toEqual({
      bidId: own.bid.id,
      resourceCode: own.resource.code,
      area: 'tokyo',
      kind: 'stable',
      kw: 8_000,
      price: 0,
      submittedAt: own.bid.submittedAt.toISOString(),
    })
    expect(clearing.input).not.toHaveProperty('deductionTable')

    // The stored snapshot, cleared again, gives exactly the stored result.
    const stored = await t.database.prisma.clearing.findFirstOrThrow({
      where: { auctionId: auction.id },
    })
    expect(clearAuction(stored.input as unknown as ClearingInput)).toEqual(stored.result)
    expect(clearing.result).toEqual(stored.result)
    // …whatever the order of the bids.
    const shuffled = { ...clearing.input, bids: [...clearing.input.bids].reverse() }
    const byId = (r: ClearingResult) => ({
      ...r,
      bids: [...r.bids].sort((a, b) => a.bidId.localeCompare(b.bidId)),
    })
    expect(byId(clearAuction(shuffled))).toEqual(byId(stored.result as unknown as ClearingResult))
    // Market splitting: hokkaido is short at the national price.
    expect(clearing.result.blocks.length).toBeGreaterThan(0)
  })

  it('re-runs after a correction as run 2, and stores an engine refusal as a failed run', async () => {
    const { auction } = await cleared()
    const db = t.database.prisma
    // A correction the engine refuses: a bid above the price cap.
    const first = await db.bid.findFirstOrThrow({ where: { auctionId: auction.id } })
    await db.bid.update({ where: { id: first.id }, data: { price: 99_999 } })
    const res = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(res.statusCode).toBe(202)
    expect(res.json<ClearingRun>().runNo).toBe(2)
    await t.app.jobs.drain()
    const runs = (await call(operator, 'GET', `/api/v1/auctions/${auction.id}/clearings`)).json<{
      items: ClearingRun[]
    }>().items
    expect(runs.map((r) => [r.runNo, r.state])).toEqual([
      [2, 'failed'],
      [1, 'succeeded'],
    ])
    expect(runs[0]?.error).toMatch(/^E-RULES-/)
    // The run in force stays the latest succeeded one.
    const clearing = await call(operator, 'GET', `/api/v1/auctions/${auction.id}/clearing`)
    expect(clearing.statusCode).toBe(200)
  })

  it('refuses a second run while one is queued, but not after its job failed unexpectedly', async () => {
    const { auction } = await closedAuction()
    const first = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(first.statusCode).toBe(202)
    const again = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-CLR-002')
    // The job ends failed outside the handler (e.g. interrupted too often).
    await t.database.prisma.job.update({
      where: { id: first.json<ClearingRun>().jobId as string },
      data: {
        state: 'failed',
        error: 'interrupted 3 times; not run again',
        finishedAt: new Date(),
      },
    })
    const retry = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(retry.statusCode, retry.body).toBe(202)
    await t.app.jobs.drain()
    const runs = (await call(operator, 'GET', `/api/v1/auctions/${auction.id}/clearings`)).json<{
      items: ClearingRun[]
    }>().items
    expect(runs.map((r) => [r.runNo, r.state])).toEqual([
      [2, 'succeeded'],
      [1, 'failed'],
    ])
  })
})

describe('[120] publication and visibility', () => {
  it('shows participants nothing before publication, then only their own bids and the aggregates', async () => {
    const { auction, run, own, ownHigh, others } = await cleared()
    for (const path of ['clearing', 'results']) {
      const before = await call(p1Admin, 'GET', `/api/v1/auctions/${auction.id}/${path}`)
      expect(before.statusCode).toBe(404)
      expect(before.json().messageId).toBe('E-CLR-004')
    }
    const pub = await call(p1Admin, 'POST', `/api/v1/auctions/${auction.id}/publication`, {
      clearingId: run.id,
    })
    expect(pub.statusCode).toBe(403)
    const published = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/publication`, {
      clearingId: run.id,
    })
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json().state).toBe('published')
    const audit = await t.database.prisma.auditLog.findFirst({
      where: { action: 'clearing.publish', entityId: run.id },
    })
    expect(audit).not.toBeNull()

    const full = (
      await call(operator, 'GET', `/api/v1/auctions/${auction.id}/clearing`)
    ).json<Clearing>()
    const mine = await call(p1Admin, 'GET', `/api/v1/auctions/${auction.id}/clearing`)
    expect(mine.statusCode).toBe(200)
    const view = mine.json<Clearing>()
    expect(view.input.bids.map((b) => b.bidId).sort()).toEqual([own.bid.id, ownHigh.bid.id].sort())
    expect(view.result.bids.map((b) => b.bidId).sort()).toEqual([own.bid.id, ownHigh.bid.id].sort())
    expect(view.result.areas).toEqual(full.result.areas)
    expect(view.result.nationalPrice).toBe(full.result.nationalPrice)
    for (const o of others) expect(mine.body).not.toContain(o.bid.id)
    for (const o of others) expect(mine.body).not.toContain(o.resource.code)

    const results = (
      await call(p2Admin, 'GET', `/api/v1/auctions/${auction.id}/results`)
    ).json<AuctionResults>()
    expect(results.nationalPrice).toBe(full.result.nationalPrice)
    expect(results.areas).toHaveLength(9)
    expect(results.demandCurve).toHaveLength(4)
    expect(results.supplyCurve.at(-1)?.kw).toBe(results.bidKw)

    const ownResults = await call(p1Admin, 'GET', `/api/v1/auctions/${auction.id}/results/own`)
    const items = ownResults.json<{
      items: { bidId: string; reason: string; explanation: string }[]
    }>().items
    expect(items.map((i) => i.bidId).sort()).toEqual([own.bid.id, ownHigh.bid.id].sort())
    const low = items.find((i) => i.bidId === own.bid.id)
    expect(low?.reason).toBe('national')
    expect(low?.explanation).toContain(
      `全国の約定価格${full.result.nationalPrice.toLocaleString('ja-JP')}円/kW`,
    )
    const high = items.find((i) => i.bidId === ownHigh.bid.id)
    expect(high?.reason).toBe('notAwarded')
    expect(high?.explanation).toContain('応札価格14,000円/kWが約定価格')

    const list = await call(
      p1Admin,
      'GET',
      `/api/v1/auctions/${auction.id}/results/bids?sort=-price`,
    )
    expect(list.json<{ total: number }>().total).toBe(2)
    const all = await call(
      operator,
      'GET',
      `/api/v1/auctions/${auction.id}/results/bids?pageSize=5`,
    )
    expect(all.json<{ total: number; items: unknown[] }>()).toMatchObject({ total: 20 })
    const again = await call(operator, 'POST', `/api/v1/auctions/${auction.id}/clearings`)
    expect(again.statusCode).toBe(409)

    const listed = await call(p2Admin, 'GET', '/api/v1/auction-results?pageSize=100')
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(auction.id)
  })

  it('sorts the per-bid list by every field', async () => {
    const { auction } = await cleared()
    for (const field of [
      'resourceCode',
      'resourceName',
      'area',
      'kind',
      'kw',
      'price',
      'awardedKw',
      'areaPrice',
      'reason',
    ]) {
      for (const sort of [field, `-${field}`]) {
        const res = await call(
          operator,
          'GET',
          `/api/v1/auctions/${auction.id}/results/bids?sort=${sort}`,
        )
        expect(res.statusCode, sort).toBe(200)
      }
    }
    for (const sort of ['code', '-deliveryYear', 'state', '-publishedAt']) {
      expect((await call(operator, 'GET', `/api/v1/auction-results?sort=${sort}`)).statusCode).toBe(
        200,
      )
    }
  })
})

describe('[110] what-if simulator', () => {
  it("clears draft bids against the last published supply, stores nothing and shows no other participant's bid", async () => {
    const { auction: basis, run, others } = await cleared()
    await call(operator, 'POST', `/api/v1/auctions/${basis.id}/publication`, { clearingId: run.id })
    const open = await createAuction(t.database.prisma, {
      state: 'open',
      parameters: auctionParametersExample(),
    })
    const resource = await createResource(t.database.prisma, {
      participantId: p1.id,
      values: { ...resourceExample('stable', 900), area: 'hokkaido' },
    })
    await createQualification(t.database.prisma, {
      auctionId: open.id,
      resource,
      expectedKw: 20_000,
    })
    const db = t.database.prisma
    const counts = async () => [
      await db.bid.count(),
      await db.bidVersion.count(),
      await db.clearing.count(),
      await db.job.count(),
      await db.auditLog.count(),
    ]
    const options = await call(p1Admin, 'GET', '/api/v1/bid-simulations/options')
    const offered = options
      .json<{ auctions: { id: string; resources: { resourceId: string }[] }[] }>()
      .auctions.find((a) => a.id === open.id)
    expect(offered?.resources.map((r) => r.resourceId)).toEqual([resource.id])
    const before = await counts()
    const res = await call(p1Admin, 'POST', '/api/v1/bid-simulations', {
      auctionId: open.id,
      bids: [{ resourceId: resource.id, kw: 10_000, price: 0 }],
    })
    expect(res.statusCode, res.body).toBe(200)
    const sim = res.json<BidSimulation>()
    expect(sim.basedOn.id).toBe(basis.id)
    expect(sim.bids).toEqual([
      expect.objectContaining({ resourceCode: resource.code, awarded: true, awardedKw: 10_000 }),
    ])
    // Cheap supply in hokkaido ends its shortage block: its price falls.
    const hokkaido = (p: BidSimulation['with']) => p.areas.find((a) => a.area === 'hokkaido')?.price
    expect(hokkaido(sim.with)).toBeLessThan(hokkaido(sim.without) ?? 0)
    expect(await counts()).toEqual(before)
    for (const o of others) {
      expect(res.body).not.toContain(o.bid.id)
      expect(res.body).not.toContain(o.resource.code)
    }

    // Only own qualified resources, within expected capacity and the price cap.
    const foreign = await call(p2Admin, 'POST', '/api/v1/bid-simulations', {
      auctionId: open.id,
      bids: [{ resourceId: resource.id, kw: 10_000, price: 0 }],
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().errors[0].messageId).toBe('E-CLR-007')
    const tooMuch = await call(p1Admin, 'POST', '/api/v1/bid-simulations', {
      auctionId: open.id,
      bids: [{ resourceId: resource.id, kw: 20_001, price: 20_000 }],
    })
    expect(tooMuch.json().errors.map((e: { messageId: string }) => e.messageId)).toEqual([
      'E-CLR-008',
      'E-CLR-009',
    ])
    const closed = await call(p1Admin, 'POST', '/api/v1/bid-simulations', {
      auctionId: basis.id,
      bids: [{ resourceId: resource.id, kw: 10_000, price: 0 }],
    })
    expect(closed.json().messageId).toBe('E-CLR-006')
  })
})
