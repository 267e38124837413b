import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchDeliveredKw } from '@yoryo/contracts'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { seedDemoDeliveryYear } from '../assessment-basis/public.ts'
import { seedDemoDeliveryData } from './demo.ts'

const NOW = new Date('2026-12-02T03:00:00Z')
let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
  await seedDemoDeliveryYear(t.database.prisma, NOW)
}, 300_000)
afterAll(async () => {
  await t.close()
})

describe('[B60] demo month of delivery data', () => {
  it('feeds every day of every resource in delivery, fast and deterministically', async () => {
    const db = t.database.prisma
    const started = Date.now()
    const seeded = await seedDemoDeliveryData(db, NOW)
    // About 2 s on PGlite on an idle machine (one transaction, three statements per
    // resource-day); the bound leaves room for a busy CI host and fails on per-slot writes.
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(seeded).toMatchObject({ month: '2026-11', days: seeded.resources * 30, orders: 4 })
    expect(await db.deliveryDay.count()).toBe(seeded.days)
    const days = await db.deliveryDay.findMany({ select: { meteredKwh: true } })
    expect(days.every((d) => d.meteredKwh.length === 48)).toBe(true)
    // The same feed again changes nothing (the store is idempotent; the values deterministic).
    await seedDemoDeliveryData(db, NOW)
    expect(await db.deliveryDayRevision.count()).toBe(0)
  })

  it('gives the month its events: notices below 8 %, one shortfall, restraint, an outage, orders', async () => {
    const db = t.database.prisma
    const notices = await db.reserveNoticeDay.findMany()
    expect(notices.length).toBeGreaterThan(0)
    for (const n of notices) {
      n.noticeKind.forEach((kind, i) => {
        if (kind) expect(n.marginBp[i]).toBeLessThan(800)
      })
    }
    const instructed = await db.deliveryDay.findMany({
      where: { NOT: { instructedKw: { isEmpty: true } } },
    })
    const shortfalls = instructed.flatMap((d) =>
      d.instructedKw.filter((kw, i) => kw > (d.deliveredKw[i] ?? 0)),
    )
    expect(shortfalls).toHaveLength(1)
    const restrained = await db.deliveryDay.findMany({
      where: { NOT: { restrainedKw: { isEmpty: true } }, resource: { kind: 'variableSingle' } },
    })
    expect(restrained.length).toBeGreaterThanOrEqual(3)

    const stable = await db.resource.findFirstOrThrow({
      where: { kind: 'stable', participant: { code: 'P00001' } },
      include: { contracts: { where: { state: 'active' } } },
    })
    const contractKw = stable.contracts.reduce((s, c) => s + c.contractKw, 0)
    const outageDay = await db.deliveryDay.findUniqueOrThrow({
      where: { resourceId_date: { resourceId: stable.id, date: new Date('2026-11-17T00:00:00Z') } },
    })
    const below = outageDay.meteredKwh.filter((kwh) => kwh * 2 < contractKw * 0.5)
    expect(below).toHaveLength(4)

    const orders = await db.dispatchOrder.findMany({
      include: { resource: { include: { participant: true } } },
    })
    const ratio = (o: (typeof orders)[number]) =>
      o.baselineKw.reduce(
        (s, b, i) => s + dispatchDeliveredKw(o.instructedKw, b, o.actualKw[i] ?? 0),
        0,
      ) /
      (o.instructedKw * o.baselineKw.length)
    const failing = orders.filter((o) => o.resource.participant.code === 'P00002')
    expect(failing).toHaveLength(3)
    expect(failing.every((o) => ratio(o) < 0.05)).toBe(true)
    const full = orders.filter((o) => o.resource.participant.code === 'P00001')
    expect(full.map(ratio)).toEqual([1])
  })
})
