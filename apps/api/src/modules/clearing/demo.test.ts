import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionResults } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { seedDemoAuctions } from './demo.ts'

let t: TestContext
let ids: { published: string; open: string }

beforeAll(async () => {
  t = await createTestApp()
  ids = await seedDemoAuctions(t.database.prisma, t.app.jobs)
})
afterAll(async () => {
  await t.close()
})

describe('[120] demo auctions', () => {
  it('publishes a main auction at national scale with about 2,000 bids and a split block', async () => {
    const db = t.database.prisma
    const auction = await db.auction.findUniqueOrThrow({ where: { id: ids.published } })
    expect(auction.state).toBe('published')
    const bids = await db.bid.findMany({ where: { auctionId: auction.id } })
    expect(bids.length).toBeGreaterThan(1_900)
    const zero = bids.filter((b) => b.price === 0).length / bids.length
    expect(zero).toBeGreaterThan(0.65)
    expect(zero).toBeLessThan(0.8)
    expect(await db.bidVersion.count({ where: { bid: { auctionId: auction.id } } })).toBe(
      bids.length,
    )
    const p1 = await loginAs(t.app, 'P00001', 'admin01')
    const res = await t.app.inject({ url: `/api/v1/auctions/${auction.id}/results`, headers: p1 })
    const results = res.json<AuctionResults>()
    expect(results.totalAwardedKw).toBeGreaterThan(170_000_000)
    expect(results.blocks.map((b) => b.areas)).toContainEqual(['hokkaido'])
    const hokkaido = results.areas.find((a) => a.area === 'hokkaido')
    expect(hokkaido?.price).toBeGreaterThan(results.nationalPrice)
    const own = await t.app.inject({
      url: `/api/v1/auctions/${auction.id}/results/own`,
      headers: p1,
    })
    expect(own.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0)
    // The demo bidders are complete participants: the operator's list shows them.
    const operator = await loginAs(t.app, 'OCCTO', 'operator01')
    const list = await t.app.inject({ url: '/api/v1/participants?pageSize=100', headers: operator })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json<{ total: number }>().total).toBeGreaterThan(40)
  })

  it('opens the demo year main auction with the demo resources of P00001 and P00002 qualified', async () => {
    const db = t.database.prisma
    const open = await db.auction.findUniqueOrThrow({
      where: { id: ids.open },
      include: { qualifications: { include: { participant: true } }, windows: true },
    })
    expect(open.state).toBe('open')
    expect(new Set(open.qualifications.map((q) => q.participant.code))).toEqual(
      new Set(['P00001', 'P00002']),
    )
    const bidding = open.windows.find((w) => w.kind === 'bidding')
    expect(bidding && bidding.opensAt < new Date() && new Date() < bidding.closesAt).toBe(true)
  })
})
