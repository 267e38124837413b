import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fiscalYearOf } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { bulkErrors, bulkImport } from '../../test/bulk.ts'
import { seedDemoExpectedCapacities } from './demo.ts'

type Session = { cookie: string; origin: string }
let t: TestContext
let admin1: Session
let p1: string
const year = fiscalYearOf(new Date()) + 4

beforeAll(async () => {
  t = await createTestApp()
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  p1 = (await t.database.prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  // The demo's approved expected capacities (FY+4) the 840 / 841 samples change.
  await seedDemoExpectedCapacities(t.database.prisma)
})
afterAll(async () => {
  await t.close()
})

async function sample(code: string): Promise<Buffer> {
  const res = await t.app.inject({
    url: `/api/v1/bulk-formats/${code}/sample?encoding=utf-8`,
    headers: admin1,
  })
  expect(res.statusCode, res.body).toBe(200)
  return Buffer.from(res.body.replace(/^\uFEFF/, ''))
}

/** A Shift_JIS file: the format's headers, then rows of cells by key (others: the example). */
async function fileOf(code: string, rows: Record<string, string>[]): Promise<Buffer> {
  const res = await t.app.inject({ url: `/api/v1/bulk-formats/${code}`, headers: admin1 })
  const list = (res.json() as { items: { key: string; header: string; example: string }[] }).items
  const lines = [list.map((i) => i.header).join(',')]
  for (const row of rows) lines.push(list.map((i) => row[i.key] ?? i.example).join(','))
  return iconv.encode(lines.join('\r\n') + '\r\n', 'Shift_JIS')
}

const applications = (where: object = {}) =>
  t.database.prisma.application.findMany({
    where: { entityType: 'expectedCapacity', ...where },
    orderBy: { createdAt: 'asc' },
  })

/** Closes the expected capacity window for the duration of `body`. */
async function withWindowClosed<T>(body: () => Promise<T>): Promise<T> {
  const db = t.database.prisma
  const where = { kind: 'expectedCapacityRegistration' }
  const windows = await db.marketWindow.findMany({ where })
  const past = new Date(Date.now() - 5 * 86_400_000)
  await db.marketWindow.updateMany({
    where,
    data: { opensAt: new Date(past.getTime() - 86_400_000), closesAt: past },
  })
  try {
    return await body()
  } finally {
    for (const w of windows) {
      await db.marketWindow.update({
        where: { id: w.id },
        data: { opensAt: w.opensAt, closesAt: w.closesAt },
      })
    }
  }
}

async function validateThenApply(code: string, file: Buffer) {
  const validated = await bulkImport(t.app, admin1, { format: code, mode: 'validate' }, file)
  expect(
    validated.import,
    JSON.stringify(await bulkErrors(t.app, admin1, validated.import.id)),
  ).toMatchObject({ state: 'succeeded', errorCount: 0 })
  return bulkImport(t.app, admin1, { format: code, mode: 'apply' }, file)
}

describe('expected capacity bulk formats (830, 840, 841)', () => {
  it('lists them with their item lists', async () => {
    const res = await t.app.inject({ url: '/api/v1/bulk-formats', headers: admin1 })
    const codes = (res.json() as { items: { code: string }[] }).items.map((f) => f.code)
    expect(codes).toEqual(expect.arrayContaining(['824', '830', '840', '841']))
    const items = (
      (await t.app.inject({ url: '/api/v1/bulk-formats/830', headers: admin1 })).json() as {
        items: { key: string; header: string; type: string; required: boolean }[]
      }
    ).items
    expect(items.map((i) => i.header)).toEqual([
      '電源等識別番号',
      '対象実需給年度',
      '設備容量(kW)',
      '所内率(%)',
      '継続運転可能時間(h)',
      '提供可能容量(kW)',
      '根拠資料ID',
      '備考',
    ])
    expect(items.find((i) => i.key === 'installedKw')).toMatchObject({
      type: 'integer',
      required: false,
    })
  })

  it.each(['830', '840', '841'])(
    '%s: the sample validates, then files a submitted application for review',
    async (code) => {
      const before = (await applications()).length
      const applied = await validateThenApply(code, await sample(code))
      expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
      const after = await applications()
      expect(after.length).toBe(before + 1)
      const filed = after.at(-1)!
      expect(filed).toMatchObject({
        state: 'submitted',
        kind: code === '830' ? 'register' : 'change',
        participantId: p1,
      })
      expect(filed.proposed).toMatchObject(
        code === '830'
          ? { deliveryYear: year - 2, overrides: {} }
          : { afterAuction: code === '841', overrides: {} },
      )
      const audits = await t.database.prisma.auditLog.count({
        where: { entityType: 'application', entityId: filed.id, action: 'application.create' },
      })
      expect(audits).toBe(1)
    },
  )

  it('830: lists every bad row with its column and applies nothing', async () => {
    const before = (await applications()).length
    const file = await fileOf('830', [
      { resourceCode: '03V0000001', deliveryYear: String(year - 1) }, // line 2: good
      { resourceCode: '03X9999999' }, // 3: not a resource code
      { resourceCode: '03S9999999' }, // 4: no such resource of the participant
      { resourceCode: '03V0000001', deliveryYear: String(year - 1) }, // 5: twice in the file
      { resourceCode: '03S0000001', deliveryYear: String(year) }, // 6: already registered (demo)
      { resourceCode: '03A0000001', deliveryYear: String(year - 2), installedKw: '900' }, // 7
      { resourceCode: '03A0000001', deliveryYear: '１９９９' }, // 8: full-width, out of range
    ])
    const applied = await bulkImport(t.app, admin1, { format: '830', mode: 'apply' }, file)
    expect(applied.import).toMatchObject({ state: 'failed' })
    const errors = await bulkErrors(t.app, admin1, applied.import.id)
    const byLine = errors.map(([line, header, , messageId]) => [line, header, messageId])
    expect(byLine).toEqual([
      ['3', '電源等識別番号', 'E-RES-001'],
      ['4', '電源等識別番号', 'E-EC-020'],
      ['5', '', 'E-EC-022'],
      ['6', '対象実需給年度', 'E-EC-012'],
      ['7', '根拠資料ID', 'E-EC-013'],
      ['8', '対象実需給年度', 'E-EC-001'],
    ])
    expect((await applications()).length).toBe(before)
  })

  it('840: a resource and year without a registered expected capacity is refused', async () => {
    const file = await fileOf('840', [
      { resourceCode: '03S0000001', deliveryYear: String(year - 3) },
    ])
    const validated = await bulkImport(t.app, admin1, { format: '840', mode: 'validate' }, file)
    expect(validated.import).toMatchObject({ state: 'failed', errorCount: 1 })
    expect((await bulkErrors(t.app, admin1, validated.import.id))[0]).toEqual(
      expect.arrayContaining(['2', '対象実需給年度', 'E-EC-021']),
    )
  })

  it('refuses 830 and 840 outside the window, stating it; accepts 841', async () => {
    await withWindowClosed(async () => {
      for (const code of ['830', '840']) {
        const file = await fileOf(code, [
          {
            resourceCode: code === '830' ? '03S0000001' : '03A0000001',
            deliveryYear: String(code === '830' ? year - 1 : year),
          },
        ])
        const before = (await applications()).length
        const res = await bulkImport(t.app, admin1, { format: code, mode: 'apply' }, file)
        expect(res.import).toMatchObject({ state: 'failed' })
        const [error] = await bulkErrors(t.app, admin1, res.import.id)
        expect(error?.[0]).toBe('2')
        expect(error?.[3]).toBe('E-APP-004')
        expect(error?.[4]).toMatch(/期待容量登録受付.*受付期間外/)
        expect((await applications()).length).toBe(before)
      }
      const file = await fileOf('841', [{ resourceCode: '03A0000001', deliveryYear: String(year) }])
      const res = await bulkImport(t.app, admin1, { format: '841', mode: 'apply' }, file)
      expect(res.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    })
  })
})

describe('effectiveness test results (824)', () => {
  it('the sample records a test with its achievement rate, as the screen does', async () => {
    const before = await t.database.prisma.effectivenessTest.count()
    const applied = await validateThenApply('824', await sample('824'))
    expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const rows = await t.database.prisma.effectivenessTest.findMany({
      orderBy: { createdAt: 'desc' },
      take: 1,
    })
    expect(await t.database.prisma.effectivenessTest.count()).toBe(before + 1)
    // (1980 + 2010 + 1995 + 2000 + 1990 + 2005) / 6 / 2000 = 0.99833… → 0.998
    expect(rows[0]).toMatchObject({
      participantId: p1,
      testDate: '2025-07-15',
      instructedKw: 2000,
      deliveredKw: [1980, 2010, 1995, 2000, 1990, 2005],
      createdByName: expect.any(String),
    })
    expect(rows[0]!.achievementRate.toFixed(3)).toBe('0.998')
    const audits = await t.database.prisma.auditLog.count({
      where: { entityId: rows[0]!.id, action: 'effectivenessTest.create' },
    })
    expect(audits).toBe(1)
  })

  it('lists every bad row and records nothing', async () => {
    const before = await t.database.prisma.effectivenessTest.count()
    const file = await fileOf('824', [
      {}, // good
      { resourceCode: '03S0000001' }, // not a dispatch-order resource
      { resourceCode: '03D9999999' }, // not the participant's
      { instructedKw: '0', deliveredKw3: '-1' },
      { testDate: '2025-02-30' },
    ])
    const res = await bulkImport(t.app, admin1, { format: '824', mode: 'apply' }, file)
    expect(res.import).toMatchObject({ state: 'failed' })
    const errors = (await bulkErrors(t.app, admin1, res.import.id)).map(
      ([line, header, , messageId]) => [line, header, messageId],
    )
    expect(errors).toEqual([
      ['3', '電源等識別番号', 'E-EC-016'],
      ['4', '電源等識別番号', 'E-EC-020'],
      ['5', '指令容量(kW)', expect.any(String)],
      ['5', '実績(kW)3コマ目', expect.any(String)],
      ['6', '実施日', expect.any(String)],
    ])
    expect(await t.database.prisma.effectivenessTest.count()).toBe(before)
  })
})
