import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParticipant, createResource } from '@yoryo/db/factories'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { dateValue, putDaySeries, putDispatchOrder, putReserveNoticeDay } from './store.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const writer = { source: 'test', userId: null }
const flat = (v: number) => Array<number>(48).fill(v)

describe('[B60] feed store', () => {
  it('writes a series of a resource-day once, replaces it with a revision, ignores a resend', async () => {
    const db = t.database.prisma
    const p = await createParticipant(db)
    const r = await createResource(db, { participantId: p.id })
    const put = (series: Parameters<typeof putDaySeries>[2]['series']) =>
      db.$transaction((tx) =>
        putDaySeries(tx, writer, {
          resourceId: r.id,
          resourceCode: r.code,
          date: '2030-05-01',
          series,
        }),
      )
    expect(await put({ meteredKwh: flat(100) })).toEqual({ meteredKwh: 'created' })
    expect(await put({ meteredKwh: flat(100) })).toEqual({ meteredKwh: 'unchanged' })
    expect(await put({ meteredKwh: flat(90), restrainedKw: flat(0) })).toEqual({
      meteredKwh: 'replaced',
      restrainedKw: 'created',
    })
    const row = await db.deliveryDay.findUniqueOrThrow({
      where: { resourceId_date: { resourceId: r.id, date: dateValue('2030-05-01') } },
    })
    expect(row.meteredKwh).toEqual(flat(90))
    expect(row.instructedKw).toEqual([])
    expect(row.version).toBe(3)
    const revisions = await db.deliveryDayRevision.findMany({ where: { subject: r.code } })
    expect(revisions).toMatchObject([
      { key: '2030-05-01', series: 'meteredKwh', previous: flat(100) },
    ])
    await expect(put({ meteredKwh: [1, 2] })).rejects.toThrow(RangeError)
  })

  it('keys reserve margins by area and day, dispatch orders by their ID', async () => {
    const db = t.database.prisma
    const p = await createParticipant(db)
    const r = await createResource(db, { participantId: p.id, kind: 'dispatchOrder' })
    const notice = {
      area: 'tokyo' as const,
      date: '2030-08-01',
      marginBp: flat(1200),
      noticeKind: Array<string>(48).fill(''),
    }
    expect(await db.$transaction((tx) => putReserveNoticeDay(tx, writer, notice))).toBe('created')
    expect(await db.$transaction((tx) => putReserveNoticeDay(tx, writer, notice))).toBe('unchanged')
    const tight = { ...notice, marginBp: flat(700), noticeKind: Array<string>(48).fill('intraday') }
    expect(await db.$transaction((tx) => putReserveNoticeDay(tx, writer, tight))).toBe('replaced')

    const order = {
      orderId: 'ORD-1',
      resourceId: r.id,
      orderedAt: new Date('2030-08-01T01:00:00Z'),
      startAt: new Date('2030-08-01T05:00:00Z'),
      instructedKw: 2_000,
      baselineKw: [5_000, 5_000],
      actualKw: [3_000, 3_500],
    }
    expect(await db.$transaction((tx) => putDispatchOrder(tx, writer, order))).toBe('created')
    expect(await db.$transaction((tx) => putDispatchOrder(tx, writer, order))).toBe('unchanged')
    expect(
      await db.$transaction((tx) =>
        putDispatchOrder(tx, writer, { ...order, actualKw: [3_000, 3_000] }),
      ),
    ).toBe('replaced')
    expect(
      await db.deliveryDayRevision.count({ where: { subject: { in: ['tokyo', 'ORD-1'] } } }),
    ).toBe(2)
  })
})
