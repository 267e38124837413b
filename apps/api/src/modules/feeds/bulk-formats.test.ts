import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, jstToday } from '@yoryo/contracts'
import { TSO_DEMO_PASSWORD } from '@yoryo/db'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { bulkErrors, bulkImport, postBulkImport } from '../../test/bulk.ts'
import { dateValue } from './store.ts'

type Session = { cookie: string; origin: string }
let t: TestContext
let tokyo: Session
let kansai: Session
let operator: Session
let admin1: Session
/** The samples' day: yesterday (JST). */
const day = addDays(jstToday(), -1)

beforeAll(async () => {
  t = await createTestApp()
  tokyo = await loginAs(t.app, 'T0001', 'tso01', TSO_DEMO_PASSWORD)
  kansai = await loginAs(t.app, 'T0002', 'tso01', TSO_DEMO_PASSWORD)
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
})
afterAll(async () => {
  await t.close()
})

async function sample(code: string): Promise<Buffer> {
  const res = await t.app.inject({
    url: `/api/v1/bulk-formats/${code}/sample?encoding=utf-8`,
    headers: tokyo,
  })
  expect(res.statusCode, res.body).toBe(200)
  return Buffer.from(res.body.replace(/^\uFEFF/, ''))
}

/** A Shift_JIS file: the format's headers, then rows of cells by key (others: the example). */
async function fileOf(code: string, rows: Record<string, string>[]): Promise<Buffer> {
  const res = await t.app.inject({ url: `/api/v1/bulk-formats/${code}`, headers: tokyo })
  const list = (res.json() as { items: { key: string; header: string; example: string }[] }).items
  const lines = [list.map((i) => i.header).join(',')]
  for (const row of rows) lines.push(list.map((i) => row[i.key] ?? i.example).join(','))
  return iconv.encode(lines.join('\r\n') + '\r\n', 'Shift_JIS')
}

async function apply(session: Session, code: string, file: Buffer) {
  const validated = await bulkImport(t.app, session, { format: code, mode: 'validate' }, file)
  expect(
    validated.import,
    JSON.stringify(await bulkErrors(t.app, session, validated.import.id)),
  ).toMatchObject({ state: 'succeeded', errorCount: 0 })
  return bulkImport(t.app, session, { format: code, mode: 'apply' }, file)
}

const storedDay = async (code: string, date = day) => {
  const resource = await t.database.prisma.resource.findUniqueOrThrow({ where: { code } })
  return t.database.prisma.deliveryDay.findUnique({
    where: { resourceId_date: { resourceId: resource.id, date: dateValue(date) } },
  })
}

describe('feed bulk formats (G60, G70, G80, G81, G90, G95)', () => {
  it('the formats belong to the delivery functions; a participant may not import them', async () => {
    const res = await t.app.inject({ url: '/api/v1/bulk-formats', headers: admin1 })
    const formats = (
      res.json() as { items: { code: string; function: { code: string }; canImport: boolean }[] }
    ).items
    // The feeds' formats (G96, the bank statement, belongs to F10).
    const feeds = formats.filter((f) => f.code.startsWith('G') && f.function.code !== 'F10')
    expect(feeds.map((f) => [f.code, f.function.code])).toEqual([
      ['G60', 'B60'],
      ['G70', 'B70'],
      ['G80', 'B80'],
      ['G81', 'B80'],
      ['G90', 'B90'],
      ['G95', 'C10'],
    ])
    expect(feeds.every((f) => !f.canImport)).toBe(true)
    const refused = await postBulkImport(
      t.app,
      admin1,
      { format: 'G60', mode: 'apply' },
      await sample('G60'),
    )
    expect(refused.statusCode).toBe(403)
  })

  it('every sample imports for the TSO of its area, once; again it changes nothing', async () => {
    for (const code of ['G60', 'G70', 'G80', 'G81', 'G90', 'G95']) {
      const applied = await apply(tokyo, code, await sample(code))
      expect(applied.import, code).toMatchObject({ state: 'succeeded', appliedCount: 1 })
      const again = await apply(tokyo, code, await sample(code))
      expect(again.import, code).toMatchObject({ state: 'succeeded', appliedCount: 0 })
    }
    const stored = await storedDay('03S0000001')
    expect(stored?.meteredKwh).toHaveLength(48)
    expect(stored?.meteredKwh[20]).toBe(500)
    expect(stored?.instructedKw[34]).toBe(1000)
    expect(stored?.offeredKw[34]).toBe(1000)
    expect(stored?.restrainedKw[34]).toBe(500)
    const notice = await t.database.prisma.reserveNoticeDay.findUniqueOrThrow({
      where: { area_date: { area: 'tokyo', date: dateValue(day) } },
    })
    expect(notice.marginBp[34]).toBe(250)
    expect(notice.noticeKind[34]).toBe('dayAhead')
    const order = await t.database.prisma.dispatchOrder.findUniqueOrThrow({
      where: { orderId: 'DO-SAMPLE-0001' },
    })
    expect(order).toMatchObject({ instructedKw: 1000, baselineKw: [1500, 1500, 1500, 1500] })
    const audits = await t.database.prisma.auditLog.count({ where: { action: 'feed.write' } })
    expect(audits).toBe(12)
  })

  it('G70: the slot rows of a day replace its instructions as a whole, with a revision', async () => {
    const date = addDays(day, -1).replaceAll('-', '/')
    await apply(
      tokyo,
      'G70',
      await fileOf('G70', [
        { date, slot: '10' },
        { date, slot: '11' },
      ]),
    )
    const applied = await apply(operator, 'G70', await fileOf('G70', [{ date, slot: '12' }]))
    expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const stored = await storedDay('03S0000001', addDays(day, -1))
    expect(stored?.instructedKw.slice(9, 12)).toEqual([0, 0, 1000])
    const revisions = await t.database.prisma.deliveryDayRevision.count({
      where: { subject: '03S0000001', key: addDays(day, -1), series: 'instructedKw' },
    })
    expect(revisions).toBe(1)
  })

  it('lists every bad row and writes nothing', async () => {
    const before = await t.database.prisma.deliveryDay.count()
    const file = await fileOf('G60', [
      { date: '2030/02/30' },
      { resourceCode: '03S9999999' },
      { s01: '-1' },
      {},
      {},
    ])
    const res = await bulkImport(t.app, tokyo, { format: 'G60', mode: 'apply' }, file)
    expect(res.import).toMatchObject({ state: 'failed' })
    const errors = await bulkErrors(t.app, tokyo, res.import.id)
    expect(errors.map((e) => [e[0], e[3]])).toEqual([
      ['2', 'E-FEED-001'],
      ['3', 'E-FEED-007'],
      ['4', 'E-COMMON-008'],
      ['6', 'E-FEED-011'],
    ])
    expect(await t.database.prisma.deliveryDay.count()).toBe(before)
  })

  it('refuses a TSO of another area and slot rows twice', async () => {
    const other = await bulkImport(
      t.app,
      kansai,
      { format: 'G60', mode: 'validate' },
      await sample('G60'),
    )
    expect(other.import).toMatchObject({ state: 'failed' })
    expect((await bulkErrors(t.app, kansai, other.import.id)).map((e) => e[3])).toEqual([
      'E-FEED-008',
    ])
    const margins = await bulkImport(
      t.app,
      kansai,
      { format: 'G80', mode: 'validate' },
      await sample('G80'),
    )
    expect((await bulkErrors(t.app, kansai, margins.import.id)).map((e) => e[3])).toEqual([
      'E-FEED-009',
    ])
    const twice = await bulkImport(
      t.app,
      tokyo,
      { format: 'G90', mode: 'validate' },
      await fileOf('G90', [{ slot: '5' }, { slot: '5' }]),
    )
    expect((await bulkErrors(t.app, tokyo, twice.import.id)).map((e) => e[3])).toEqual([
      'E-FEED-011',
    ])
  })

  it('G95: baselines and actuals up to the slot count, a dispatch-order resource only', async () => {
    const file = await fileOf('G95', [
      { orderId: 'DO-X-1', slotCount: '3' },
      { orderId: 'DO-X-2', resourceCode: '03S0000001' },
      { orderId: 'DO-X-3', startAt: `${day.replaceAll('-', '/')} 17:15` },
    ])
    const res = await bulkImport(t.app, tokyo, { format: 'G95', mode: 'validate' }, file)
    const errors = (await bulkErrors(t.app, tokyo, res.import.id)).map((e) => [e[0], e[3]])
    expect(errors).toEqual([
      ['2', 'E-FEED-015'],
      ['2', 'E-FEED-015'],
      ['3', 'E-FEED-010'],
      ['4', 'E-FEED-006'],
    ])
  })
})
