import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  deliveryResourceSearchSchema,
  dispatchOrderDetailSchema,
  dispatchOrderPageSchema,
  meteredDayPageSchema,
  meteredSlotPageSchema,
  reserveNoticePageSchema,
  reserveOfferPageSchema,
  supplyInstructionPageSchema,
} from '@yoryo/contracts'
import { createParticipant } from '@yoryo/db/factories'
import type { AuthContext } from '../../lib/context.ts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { seedDemoDeliveryYear } from '../assessment-basis/public.ts'
import { putDaySeries, putReserveNoticeDay } from '../feeds/public.ts'
import { seedDemoDeliveryData } from './demo.ts'
import { deliveryDataScope } from './scope.ts'
import { getResource, searchResources } from './service.ts'

const NOW = new Date('2026-12-02T03:00:00Z')
const MONTH = '2026-11'
const BASE = '/api/v1/delivery-data'

type Headers = Awaited<ReturnType<typeof loginAs>>
let t: TestContext
let p1: Headers
let p2: Headers
let operator: Headers
let tsoAuth: AuthContext
let resources: { id: string; code: string; kind: string; area: string; participant: string }[]

const own = (participant: string, kind: string) => {
  const r = resources.find((x) => x.participant === participant && x.kind === kind)
  if (!r) throw new Error(`no ${kind} resource of ${participant}`)
  return r
}

async function get(headers: Headers, url: string) {
  return t.app.inject({ method: 'GET', url: `${BASE}${url}`, headers })
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.prisma
  await seedDemoDeliveryYear(db, NOW)
  await seedDemoDeliveryData(db, NOW)
  resources = (
    await db.resource.findMany({
      where: { participant: { code: { in: ['P00001', 'P00002'] } } },
      include: { participant: true },
    })
  ).map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind,
    area: r.area,
    participant: r.participant.code,
  }))
  const serviceArea = own('P00001', 'stable').area as 'tokyo'
  const tsoParticipant = await createParticipant(db, { kind: 'tso', serviceArea })
  tsoAuth = {
    user: { role: 'tso' },
    participant: { id: tsoParticipant.id },
  } as unknown as AuthContext
  p1 = await loginAs(t.app, 'P00001', 'admin01')
  p2 = await loginAs(t.app, 'P00002', 'admin01')
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
}, 300_000)
afterAll(async () => {
  await t.close()
})

describe('[B60] metered generation', () => {
  it('lists every day of the month with its total; a participant sees only its own resources', async () => {
    const r = own('P00001', 'variableSingle')
    const res = await get(p1, `/metered-generation?resourceId=${r.id}&month=${MONTH}`)
    expect(res.statusCode).toBe(200)
    const page = meteredDayPageSchema.parse(res.json())
    expect(page.total).toBe(30)
    expect(page.items[0]).toMatchObject({ date: '2026-11-01', slotsFed: 48 })
    expect(page.items.every((d) => (d.totalKwh ?? 0) > 0)).toBe(true)

    const other = own('P00002', 'variableSingle')
    expect(
      (await get(p1, `/metered-generation?resourceId=${other.id}&month=${MONTH}`)).statusCode,
    ).toBe(404)
    expect((await get(p1, `/metered-generation/resources/${other.id}`)).statusCode).toBe(404)
    const search = deliveryResourceSearchSchema.parse(
      (await get(p1, '/metered-generation/resources')).json(),
    )
    expect(search.items.length).toBeGreaterThan(0)
    expect(search.items.every((i) => i.participantCode === 'P00001')).toBe(true)
  })

  it('shows a day as 48 slots with average kW = kWh × 2; the solar curve is zero at night', async () => {
    const r = own('P00001', 'variableSingle')
    const res = await get(p1, `/metered-generation/slots?resourceId=${r.id}&date=2026-11-10`)
    const page = meteredSlotPageSchema.parse(res.json())
    expect(page.total).toBe(48)
    expect(page.items[0]).toMatchObject({ slot: 1, time: '00:00–00:30', kwh: 0, averageKw: 0 })
    expect(page.items[47]?.time).toBe('23:30–24:00')
    const noon = page.items[24]
    expect(noon?.kwh).toBeGreaterThan(0)
    expect(noon?.averageKw).toBe((noon?.kwh ?? 0) * 2)
    // A day outside the feed: slots without values.
    const empty = meteredSlotPageSchema.parse(
      (await get(p1, `/metered-generation/slots?resourceId=${r.id}&date=2027-01-10`)).json(),
    )
    expect(empty.items.every((s) => s.kwh === null && s.averageKw === null)).toBe(true)
  })

  it('the operator sees every resource; a TSO the resources of its service area', async () => {
    const other = own('P00002', 'stable')
    expect((await get(operator, `/metered-generation/resources/${other.id}`)).statusCode).toBe(200)
    // The TSO's rights on the delivery groups come with the feeds part (its role's permissions):
    // the scope rule is checked on its own here.
    const area = own('P00001', 'stable').area
    const scope = await deliveryDataScope(t.database.prisma, tsoAuth)
    const seen = await searchResources(t.database.prisma, scope, {})
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((i) => i.area === area)).toBe(true)
    const elsewhere = resources.find((x) => x.area !== area)
    if (elsewhere) {
      await expect(getResource(t.database.prisma, scope, elsewhere.id)).rejects.toMatchObject({
        status: 404,
      })
    }
    // A TSO without a service area reads nothing: refused as by the feeds (one rule).
    const arealess = await createParticipant(t.database.prisma, { kind: 'tso' })
    await expect(
      deliveryDataScope(t.database.prisma, {
        ...tsoAuth,
        participant: { id: arealess.id },
      } as AuthContext),
    ).rejects.toMatchObject({ status: 403, messageId: 'E-FEED-013' })
  })

  it('exports the days and the slots as CSV (K21)', async () => {
    const r = own('P00001', 'stable')
    const days = await get(
      p1,
      `/metered-generation?resourceId=${r.id}&month=${MONTH}&format=csv&encoding=utf-8`,
    )
    expect(days.headers['content-type']).toContain('text/csv')
    const lines = days.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('対象日,登録コマ数,日量(kWh),最大(kW)')
    expect(lines).toHaveLength(31)
    expect(lines[1]).toMatch(/^2026\/11\/01,48,\d+,\d+$/)
    const slots = await get(
      p1,
      `/metered-generation/slots?resourceId=${r.id}&date=2026-11-01&format=csv&encoding=utf-8`,
    )
    const rows = slots.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).toBe('コマ,時間帯,電力量(kWh),平均電力(kW)')
    expect(rows[1]).toMatch(/^1,00:00–00:30,\d+,\d+$/)
    expect(rows).toHaveLength(49)
  })
})

describe('[B70] supply instructions', () => {
  it('lists the instructed slots with delivered and shortfall kW, own resources only', async () => {
    const mine = supplyInstructionPageSchema.parse(
      (await get(p2, `/supply-instructions?month=${MONTH}`)).json(),
    )
    expect(mine.total).toBe(3)
    expect(mine.items.every((i) => i.participantCode === 'P00002')).toBe(true)
    const short = supplyInstructionPageSchema.parse(
      (await get(p2, `/supply-instructions?month=${MONTH}&shortfall=true`)).json(),
    )
    expect(short.total).toBe(1)
    const [slot] = short.items
    expect(slot).toMatchObject({ date: '2026-11-17', slot: 37, time: '18:00–18:30' })
    expect(slot?.shortfallKw).toBe((slot?.instructedKw ?? 0) - (slot?.deliveredKw ?? 0))
    const all = supplyInstructionPageSchema.parse(
      (await get(operator, `/supply-instructions?month=${MONTH}&sort=-shortfallKw`)).json(),
    )
    expect(all.total).toBe(6)
    expect(all.items[0]?.shortfallKw).toBeGreaterThan(0)
  })
})

describe('[B80] reserve-margin notices', () => {
  it('lists the notice slots in the areas of own resources, margin below 8 %', async () => {
    const page = reserveNoticePageSchema.parse(
      (await get(p1, `/reserve-notices?month=${MONTH}&pageSize=500`)).json(),
    )
    const areas = new Set(resources.filter((r) => r.participant === 'P00001').map((r) => r.area))
    expect(page.total).toBe(areas.size * 3 * 6)
    expect(page.items.every((i) => areas.has(i.area) && i.marginPercent < 8)).toBe(true)
    expect(page.items[0]).toMatchObject({ date: '2026-11-09', slot: 35, noticeKind: 'dayAhead' })
  })

  it('shows per resource the offered and unoffered kW against contract kW', async () => {
    const r = own('P00002', 'variableAggregate')
    const page = reserveOfferPageSchema.parse(
      (
        await get(p2, `/reserve-notices/offers?month=${MONTH}&resourceId=${r.id}&pageSize=100`)
      ).json(),
    )
    expect(page.total).toBe(18)
    const first = page.items[0]
    expect(first?.contractKw).toBeGreaterThan(0)
    expect(first?.offeredKw).toBe(Math.round((first?.contractKw ?? 0) * 0.6))
    expect(first?.unofferedKw).toBe((first?.contractKw ?? 0) - (first?.offeredKw ?? 0))
    expect(page.items.filter((i) => i.unofferedKw > 0)).toHaveLength(6)
    expect(
      (await get(p1, `/reserve-notices/offers?month=${MONTH}&resourceId=${r.id}`)).statusCode,
    ).toBe(404)
  })
})

describe('[B70] [B80] lists paged in PostgreSQL', () => {
  // A month no demo data touches: two days of one resource, every slot instructed; two days of
  // notices in its area, every slot noticed — 96 rows each, five pages of 20.
  const month = '2025-01'
  const dates = ['2025-01-14', '2025-01-15']
  const slots = Array.from({ length: 48 }, (_, i) => i + 1)
  const writer = { source: 'test', userId: null }

  beforeAll(async () => {
    const db = t.database.prisma
    const r = own('P00001', 'stable')
    for (const [d, date] of dates.entries()) {
      await db.$transaction(async (tx) => {
        await putDaySeries(tx, writer, {
          resourceId: r.id,
          resourceCode: r.code,
          date,
          series: {
            instructedKw: slots.map((s) => 1_000 + s),
            // Day 1 meets every other slot; day 2 falls short by the slot number × 10.
            deliveredKw: slots.map((s) => (d === 0 && s % 2 ? 1_000 + s : 1_000 - 10 * s)),
          },
        })
        await putReserveNoticeDay(tx, writer, {
          area: r.area as 'tokyo',
          date,
          marginBp: slots.map((s) => 800 - s),
          noticeKind: slots.map((s) => (s % 2 ? 'dayAhead' : 'intraday')),
        })
      })
    }
  })

  async function pages<T>(
    headers: Headers,
    url: string,
    parse: (body: unknown) => { items: T[]; total: number },
  ) {
    const whole = parse((await get(headers, `${url}&pageSize=100`)).json())
    const paged: T[] = []
    for (let page = 1; page <= 5; page++) {
      const one = parse((await get(headers, `${url}&pageSize=20&page=${page}`)).json())
      expect(one.total).toBe(whole.total)
      expect(one.items).toHaveLength(page < 5 ? 20 : whole.total - 80)
      paged.push(...one.items)
    }
    return { whole, paged }
  }

  it('B70: pages, sorts and counts past the first page as the whole list does', async () => {
    const r = own('P00001', 'stable')
    const url = `/supply-instructions?month=${month}&resourceId=${r.id}`
    const { whole, paged } = await pages(p1, url, (b) => supplyInstructionPageSchema.parse(b))
    expect(whole.total).toBe(96)
    expect(paged).toEqual(whole.items)
    expect(paged[20]).toMatchObject({ date: '2025-01-14', slot: 21, time: '10:00–10:30' })
    expect(paged[95]).toMatchObject({ date: '2025-01-15', slot: 48, instructedKw: 1_048 })
    expect(paged[95]?.shortfallKw).toBe(1_048 - (1_000 - 480))

    // By shortfall, largest first; ties by date and slot.
    const short = await pages(p1, `${url}&sort=-shortfallKw`, (b) =>
      supplyInstructionPageSchema.parse(b),
    )
    expect(short.paged).toEqual(short.whole.items)
    const expected = [...whole.items].sort(
      (a, b) => b.shortfallKw - a.shortfallKw || a.date.localeCompare(b.date) || a.slot - b.slot,
    )
    expect(short.paged.map((i) => `${i.date}#${i.slot}`)).toEqual(
      expected.map((i) => `${i.date}#${i.slot}`),
    )
    const onlyShort = supplyInstructionPageSchema.parse(
      (await get(p1, `${url}&shortfall=true&pageSize=20&page=4`)).json(),
    )
    expect(onlyShort.total).toBe(72)
    expect(onlyShort.items).toHaveLength(12)
    expect(onlyShort.items.every((i) => i.shortfallKw > 0)).toBe(true)
    // Another participant's resource: nothing.
    expect(supplyInstructionPageSchema.parse((await get(p2, url)).json()).total).toBe(0)
  })

  it('B80: pages, sorts and counts past the first page as the whole list does', async () => {
    const area = own('P00001', 'stable').area
    const url = `/reserve-notices?month=${month}&area=${area}`
    const { whole, paged } = await pages(operator, url, (b) => reserveNoticePageSchema.parse(b))
    expect(whole.total).toBe(96)
    expect(paged).toEqual(whole.items)
    expect(paged[49]).toMatchObject({
      date: '2025-01-15',
      slot: 2,
      time: '00:30–01:00',
      marginPercent: 7.98,
      noticeKind: 'intraday',
    })
    const low = await pages(operator, `${url}&sort=marginPercent`, (b) =>
      reserveNoticePageSchema.parse(b),
    )
    expect(low.paged).toEqual(low.whole.items)
    expect(low.paged.slice(0, 3).map((i) => `${i.date}#${i.slot}`)).toEqual([
      '2025-01-14#48',
      '2025-01-15#48',
      '2025-01-14#47',
    ])
    const csv = await get(operator, `${url}&format=csv&encoding=utf-8`)
    expect(csv.body.trim().split('\r\n')).toHaveLength(97)
  })
})

describe('[C10] dispatch orders', () => {
  it('lists own orders and shows an order with baseline, actual and delivered kW', async () => {
    const page = dispatchOrderPageSchema.parse(
      (await get(p2, `/dispatch-orders?month=${MONTH}`)).json(),
    )
    expect(page.total).toBe(3)
    const order = page.items[0]
    expect(order).toMatchObject({ slots: 6, participantCode: 'P00002' })
    const detail = dispatchOrderDetailSchema.parse(
      (await get(p2, `/dispatch-orders/${order?.id}`)).json(),
    )
    expect(detail.slotValues).toHaveLength(6)
    for (const s of detail.slotValues) {
      expect(s.deliveredKw).toBe(
        Math.min(detail.instructedKw, Math.max(0, s.baselineKw - s.actualKw)),
      )
    }
    expect(detail.slotValues[0]).toMatchObject({ slot: 35, time: '17:00–17:30' })
    expect((await get(p1, `/dispatch-orders/${order?.id}`)).statusCode).toBe(404)

    const full = dispatchOrderPageSchema.parse(
      (await get(p1, `/dispatch-orders?month=${MONTH}`)).json(),
    )
    expect(full.total).toBe(1)
    expect(full.items[0]?.averageDeliveredKw).toBe(full.items[0]?.instructedKw)

    const csv = await get(p2, `/dispatch-orders/${order?.id}/slots?format=csv&encoding=utf-8`)
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).toBe('順,対象日,コマ,時間帯,ベースライン(kW),実績(kW),供出量(kW)')
    expect(rows).toHaveLength(7)
  })
})
