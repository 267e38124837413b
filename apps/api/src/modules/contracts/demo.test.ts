import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { seedDemoAuctions } from '../clearing/public.ts'
import { seedDemoContracts } from './demo.ts'

let t: TestContext
let published: string
let seeded: Awaited<ReturnType<typeof seedDemoContracts>>

beforeAll(async () => {
  t = await createTestApp()
  published = (await seedDemoAuctions(t.database.prisma, t.app.jobs)).published
  seeded = await seedDemoContracts(t.database.prisma, published)
}, 300_000)
afterAll(async () => {
  await t.close()
})

describe('[130] demo contracts', () => {
  it('drafts a contract per award of the published demo auction; P00001 confirmed some and asked to correct one', async () => {
    const db = t.database.prisma
    const auction = await db.auction.findUniqueOrThrow({ where: { id: published } })
    const clearing = await db.clearing.findUniqueOrThrow({
      where: { id: auction.publishedClearingId as string },
    })
    const awarded = (clearing.result as { bids: { awardedKw: number }[] }).bids.filter(
      (b) => b.awardedKw > 0,
    ).length
    expect(awarded).toBeGreaterThan(1_000)
    expect(await db.contract.count({ where: { auctionId: published } })).toBe(awarded)
    const own = await db.contract.findMany({
      where: { auctionId: published, participant: { code: 'P00001' } },
    })
    const states = own.map((c) => c.state)
    expect(seeded.confirmed).toBeGreaterThan(0)
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(seeded.confirmed)
    expect(states.filter((s) => s === 'correctionRequested')).toHaveLength(1)
    expect(
      await db.document.count({
        where: { kind: 'capacityContract', ownerId: { in: own.map((c) => c.id) } },
      }),
    ).toBe(seeded.confirmed)
  })
})
