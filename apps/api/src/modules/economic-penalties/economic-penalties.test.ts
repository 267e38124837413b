import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  penaltyAmountSortFields,
  penaltyTargetSortFields,
  type AssessmentLineView,
  type PenaltyAmount,
  type PenaltyTarget,
  type PenaltyTargetDetail,
  type PenaltyYear,
} from '@yoryo/contracts'
import type { Resource } from '@yoryo/db'
import { createContract, createResource, resourceExample } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { putDaySeries, putDispatchOrder, putReserveNoticeDay } from '../feeds/public.ts'

type Session = { cookie: string; origin: string }
type Page<T> = { items: T[]; total: number }

let t: TestContext
let operator: Session
let p1: Session
let p2: Session
let p1Id: string
let p2Id: string
let s: Resource
let d: Resource

const writer = { source: 'test', userId: null }
const flat = (v: number) => Array<number>(48).fill(v)
const withSlots = (base: number, slots: Record<number, number>) =>
  flat(base).map((v, i) => slots[i + 1] ?? v)

async function get<T>(session: Session, url: string): Promise<T> {
  const res = await t.app.inject({ url: `/api/v1${url}`, headers: session })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function runMonth(month: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/assessments/runs',
    headers: operator,
    payload: { month },
  })
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
  const done = await get<{ state: string }>(operator, `/assessments/runs/${res.json().id}`)
  expect(done.state).toBe('succeeded')
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.prisma
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1 = await loginAs(t.app, 'P00001', 'admin01')
  p2 = await loginAs(t.app, 'P00002', 'admin01')
  p1Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id

  // s (P00001, stable, Kyushu): U = 8,760 yen/kW-year. d (P00002, dispatch order): three orders
  // with nothing delivered cost 3 × A / 12 = 25 % of A, above the monthly cap of 18.3 %.
  s = await createResource(db, {
    participantId: p1Id,
    values: { ...resourceExample('stable'), area: 'kyushu' },
  })
  await createContract(db, {
    resource: s,
    deliveryYear: 2011,
    contractKw: 10_000,
    annualAmount: 87_600_000,
    state: 'active',
  })
  d = await createResource(db, { participantId: p2Id, kind: 'dispatchOrder' })
  await createContract(db, {
    resource: d,
    deliveryYear: 2011,
    contractKw: 5_000,
    annualAmount: 60_000_000,
    state: 'active',
  })
  await db.$transaction(async (tx) => {
    await putReserveNoticeDay(tx, writer, {
      area: 'kyushu',
      date: '2011-06-03',
      marginBp: flat(700),
      noticeKind: Array.from({ length: 48 }, (_, i) => (i + 1 === 37 ? 'dayAhead' : '')),
    })
    await putDaySeries(tx, writer, {
      resourceId: s.id,
      resourceCode: s.code,
      date: '2011-06-03',
      series: {
        meteredKwh: flat(4_000),
        offeredKw: flat(6_000),
        instructedKw: withSlots(0, { 20: 5_000, 21: 5_000 }),
        deliveredKw: withSlots(0, { 20: 3_000, 21: 4_000 }),
        restrainedKw: withSlots(0, { 10: 2_500 }),
      },
    })
    await putDaySeries(tx, writer, {
      resourceId: s.id,
      resourceCode: s.code,
      date: '2011-07-04',
      series: {
        meteredKwh: flat(5_000),
        instructedKw: withSlots(0, { 30: 10_000 }),
        deliveredKw: withSlots(0, { 30: 9_000 }),
      },
    })
    for (const n of [1, 2, 3]) {
      await putDispatchOrder(tx, writer, {
        orderId: `T-EPN-2011-${n}`,
        resourceId: d.id,
        orderedAt: new Date(`2011-06-1${n}T00:00:00Z`),
        startAt: new Date(`2011-06-1${n}T05:00:00Z`),
        instructedKw: 5_000,
        baselineKw: [5_000, 5_000],
        actualKw: [5_000, 5_000],
      })
    }
  })
  await runMonth('2011-06')
  await runMonth('2011-07')
})

afterAll(async () => {
  await t.close()
})

/** Walks a list one row per page: the pages, their total and their order are the whole list's. */
async function pagedAsWhole<T>(url: string): Promise<T[]> {
  const whole = await get<Page<T>>(operator, url)
  expect(whole.total).toBeGreaterThan(1)
  const paged: T[] = []
  for (let page = 1; page <= whole.total; page++) {
    const one = await get<Page<T>>(operator, `${url}&pageSize=1&page=${page}`)
    expect(one.total).toBe(whole.total)
    paged.push(...one.items)
  }
  expect(paged).toEqual(whole.items)
  return paged
}

describe('[D00] penalty targets', () => {
  it('lists one row per penalty line of the latest assessed month, own data only', async () => {
    // No month: the latest month with a succeeded run (2011-07).
    const latest = await get<Page<PenaltyTarget>>(operator, '/penalty-targets')
    expect(latest.items.map((r) => `${r.month} ${r.resourceCode} ${r.requirement}`)).toEqual([
      `2011-07 ${s.code} supplyInstruction`,
    ])
    expect(latest.items[0]).toMatchObject({ count: 1, shortfallKw: 1_000, amount: 1_500 })

    const all = await get<Page<PenaltyTarget>>(operator, '/penalty-targets?month=2011-06')
    const key = (r: PenaltyTarget) => `${r.resourceCode} ${r.requirement}`
    expect(all.items.map(key).sort()).toEqual(
      [
        `${d.code} dispatchOrder`,
        `${s.code} reserveNotice`,
        `${s.code} supplyInstruction`,
        `${s.code} unplannedOutage`,
      ].sort(),
    )
    const order = all.items.find((r) => r.requirement === 'dispatchOrder')
    expect(order).toMatchObject({ count: 3, shortfallKw: null, waived: true, amount: 15_000_000 })
    const instruction = all.items.find((r) => r.requirement === 'supplyInstruction')
    // Slots 20 and 21: 2,000 + 1,000 kW short; 1.5 yen per kW-slot.
    expect(instruction).toMatchObject({
      count: 2,
      shortfallKw: 3_000,
      amount: 4_500,
      waived: false,
    })

    const own = await get<Page<PenaltyTarget>>(p1, '/penalty-targets?month=2011-06')
    expect(new Set(own.items.map((r) => r.resourceCode))).toEqual(new Set([s.code]))
    // A participant's participantId filter does not widen its view.
    const widened = await get<Page<PenaltyTarget>>(
      p1,
      `/penalty-targets?month=2011-06&participantId=${p2Id}`,
    )
    expect(widened.items.every((r) => r.participantCode === 'P00001')).toBe(true)

    const filtered = await get<Page<PenaltyTarget>>(
      operator,
      `/penalty-targets?month=2011-06&resourceCode=${s.code}&requirement=reserveNotice`,
    )
    expect(filtered.items.map(key)).toEqual([`${s.code} reserveNotice`])
    const byParticipant = await get<Page<PenaltyTarget>>(
      operator,
      `/penalty-targets?month=2011-06&participantId=${p2Id}`,
    )
    expect(byParticipant.items.map(key)).toEqual([`${d.code} dispatchOrder`])
  })

  it('pages in the database as the whole list reads (one row per page)', async () => {
    await pagedAsWhole<PenaltyTarget>('/penalty-targets?month=2011-06&sort=-amount')
  })

  it('sorts by every column both ways and exports CSV', async () => {
    for (const field of penaltyTargetSortFields) {
      for (const sort of [field, `-${field}`]) {
        const page = await get<Page<PenaltyTarget>>(
          operator,
          `/penalty-targets?month=2011-06&sort=${sort}`,
        )
        const values = page.items.map((r) => r[field])
        const ordered = [...values].sort((a, b) => {
          if (a === b) return 0
          if (a === null) return -1
          if (b === null) return 1
          return a < b ? -1 : 1
        })
        if (sort.startsWith('-')) ordered.reverse()
        expect(values, sort).toEqual(ordered)
      }
    }
    const bad = await t.app.inject({ url: '/api/v1/penalty-targets?sort=nope', headers: operator })
    expect(bad.statusCode).toBe(400)

    const csv = await t.app.inject({
      url: '/api/v1/penalty-targets?month=2011-06&format=csv&encoding=utf-8',
      headers: p1,
    })
    expect(csv.statusCode).toBe(200)
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toContain('リクワイアメント')
    expect(lines).toHaveLength(4) // header + s's three lines
    expect(csv.body).not.toContain(d.code)
  })

  it('shows a resource-month with its lines, the evidence values and the exempt slots', async () => {
    const row = (await get<Page<PenaltyTarget>>(p1, `/penalty-targets?month=2011-06`)).items[0]
    const detail = await get<PenaltyTargetDetail>(p1, `/penalty-targets/${row?.resultId}`)
    const stored = await t.database.prisma.assessmentResult.findUniqueOrThrow({
      where: { id: detail.id },
    })
    expect(detail).toMatchObject({
      resourceCode: s.code,
      month: '2011-06',
      current: true,
      subtotal: Number(stored.subtotal),
      total: Number(stored.total),
      monthlyCap: 16_030_800,
    })
    const storedLines = stored.lines as unknown as AssessmentLineView[]
    expect(detail.lines.map((l) => [l.requirement, l.amount])).toEqual(
      storedLines.map((l) => [l.requirement, l.amount]),
    )
    const instruction = detail.lines.find((l) => l.requirement === 'supplyInstruction')
    expect(instruction?.slots).toEqual([
      {
        date: '2011-06-03',
        slot: 20,
        kw: 2_000,
        contractKw: 10_000,
        plannedKw: 0,
        availableKw: 8_000,
        instructedKw: 5_000,
        deliveredKw: 3_000,
        offeredKw: 6_000,
        changedAfterRun: false,
      },
      expect.objectContaining({ slot: 21, kw: 1_000, instructedKw: 5_000, deliveredKw: 4_000 }),
    ])
    expect(instruction?.multiplier).toBe(3)
    const notice = detail.lines.find((l) => l.requirement === 'reserveNotice')
    expect(notice?.slots).toEqual([
      expect.objectContaining({ slot: 37, kw: 2_000, availableKw: 8_000, offeredKw: 6_000 }),
    ])
    expect(detail.exemptSlots).toEqual([{ date: '2011-06-03', slot: 10, restrainedKw: 2_500 }])

    const orders = (await get<Page<PenaltyTarget>>(operator, `/penalty-targets?month=2011-06`))
      .items
    const orderRow = orders.find((r) => r.requirement === 'dispatchOrder')
    const dDetail = await get<PenaltyTargetDetail>(
      operator,
      `/penalty-targets/${orderRow?.resultId}`,
    )
    expect(dDetail.lines[0]?.orders).toEqual(
      [1, 2, 3].map((n) =>
        expect.objectContaining({
          orderId: `T-EPN-2011-${n}`,
          ratio: 0,
          slotCount: 2,
          instructedKw: 10_000,
          deliveredKw: 0,
          date: `2011-06-1${n}`,
          firstSlot: 29,
        }),
      ),
    )
    expect(dDetail).toMatchObject({ subtotal: 15_000_000, waivedMonthly: 4_020_000 })

    // Another participant's result is not there.
    const other = await t.app.inject({
      url: `/api/v1/penalty-targets/${orderRow?.resultId}`,
      headers: p1,
    })
    expect(other.statusCode).toBe(404)
  })

  it('marks evidence whose day was fed again after the run', async () => {
    await t.database.prisma.$transaction((tx) =>
      putDaySeries(tx, writer, {
        resourceId: s.id,
        resourceCode: s.code,
        date: '2011-07-04',
        series: { deliveredKw: withSlots(0, { 30: 9_500 }) },
      }),
    )
    const row = (await get<Page<PenaltyTarget>>(p1, `/penalty-targets?month=2011-07`)).items[0]
    const detail = await get<PenaltyTargetDetail>(p1, `/penalty-targets/${row?.resultId}`)
    // The stored shortfall stays; the values shown are as fed now, marked.
    expect(detail.lines[0]?.slots[0]).toMatchObject({
      kw: 1_000,
      deliveredKw: 9_500,
      changedAfterRun: true,
    })
  })
})

describe('[D20] economic penalty amounts', () => {
  it('lists the resource-months of a delivery year; the amounts are the stored results', async () => {
    const page = await get<Page<PenaltyAmount>>(operator, '/penalty-amounts?deliveryYear=2011')
    const stored = await t.database.prisma.assessmentResult.findMany({
      where: { resourceId: { in: [s.id, d.id] } },
    })
    expect(page.items).toHaveLength(stored.length)
    expect(page.total).toBe(4) // s and d in June and July
    for (const row of page.items) {
      const result = stored.find((r) => r.id === row.resultId)
      expect(result, row.resultId).toBeDefined()
      expect(row).toMatchObject({
        month: result?.month,
        annualAmount: Number(result?.annualAmount),
        subtotal: Number(result?.subtotal),
        waivedMonthly: Number(result?.waivedMonthly),
        waivedAnnual: Number(result?.waivedAnnual),
        total: Number(result?.total),
        penaltiesBefore: Number(result?.penaltiesBefore),
        yearToDate: Number(result?.penaltiesBefore) + Number(result?.total),
      })
    }
    const waived = page.items.find((r) => r.resourceCode === d.code && r.month === '2011-06')
    expect(waived).toMatchObject({
      subtotal: 15_000_000,
      monthlyCapShare: 0.183,
      monthlyCap: 10_980_000,
      waivedMonthly: 4_020_000,
      annualCap: 66_000_000,
      total: 10_980_000,
    })

    const own = await get<Page<PenaltyAmount>>(p2, '/penalty-amounts?deliveryYear=2011')
    expect(new Set(own.items.map((r) => r.resourceCode))).toEqual(new Set([d.code]))
    const none = await get<Page<PenaltyAmount>>(operator, '/penalty-amounts?deliveryYear=2012')
    expect(none.total).toBe(0)
    const one = await get<Page<PenaltyAmount>>(
      operator,
      `/penalty-amounts?deliveryYear=2011&resourceCode=${s.code}`,
    )
    expect(one.items.map((r) => r.month).sort()).toEqual(['2011-06', '2011-07'])
  })

  it('pages in the database as the whole list reads (one row per page)', async () => {
    const rows = await pagedAsWhole<PenaltyAmount>('/penalty-amounts?deliveryYear=2011&sort=total')
    expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((a, b) => a - b))
  })

  it('sorts by every column both ways and exports CSV', async () => {
    for (const field of penaltyAmountSortFields) {
      for (const sort of [field, `-${field}`]) {
        const page = await get<Page<PenaltyAmount>>(
          operator,
          `/penalty-amounts?deliveryYear=2011&sort=${sort}`,
        )
        const values = page.items.map((r) => r[field])
        const ordered = [...values].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1))
        if (sort.startsWith('-')) ordered.reverse()
        expect(values, sort).toEqual(ordered)
      }
    }
    const csv = await t.app.inject({
      url: '/api/v1/penalty-amounts?deliveryYear=2011&format=csv&encoding=utf-8',
      headers: { ...p2, 'accept-language': 'en' },
    })
    expect(csv.statusCode).toBe(200)
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toContain('Waived, monthly cap (yen)')
    expect(lines).toHaveLength(3) // header + d's June and July
    expect(lines.filter((l) => l.includes(',4020000,'))).toHaveLength(1)
  })

  it('shows a resource’s year: twelve months, the totals and the caps; own only', async () => {
    const year = await get<PenaltyYear>(p2, `/penalty-amounts/resources/${d.id}?deliveryYear=2011`)
    expect(year.months.map((m) => m.month)).toHaveLength(12)
    expect(year.months[0]?.month).toBe('2011-04')
    expect(year.months[2]?.amount).toMatchObject({ month: '2011-06', waivedMonthly: 4_020_000 })
    expect(year.months[3]?.amount).toMatchObject({ month: '2011-07', total: 0 })
    expect(year.months[0]?.amount).toBeNull()
    expect(year.totals).toEqual({
      subtotal: 15_000_000,
      waivedMonthly: 4_020_000,
      waivedAnnual: 0,
      total: 10_980_000,
    })
    expect(year).toMatchObject({ annualCap: 66_000_000, annualCapShare: 1.1 })

    const other = await t.app.inject({
      url: `/api/v1/penalty-amounts/resources/${d.id}?deliveryYear=2011`,
      headers: p1,
    })
    expect(other.statusCode).toBe(404)
  })
})
