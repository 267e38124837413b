import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fiscalYearOf } from '@yoryo/contracts'
import { createContract, createResource } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { bulkErrors, bulkImport } from '../../test/bulk.ts'

type Session = { cookie: string; origin: string }
let t: TestContext
let admin1: Session
let operator: Session
let p1: string
/** The samples' year: the demo window's (FY+3). */
const year = fiscalYearOf(new Date()) + 3

beforeAll(async () => {
  t = await createTestApp()
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  const db = t.database.prisma
  p1 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  // The demo resource the samples name gets a contract of the samples' year.
  const resource = await db.resource.findUniqueOrThrow({ where: { code: '03S0000001' } })
  await createContract(db, { resource, deliveryYear: year, contractKw: 5_000, state: 'confirmed' })
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

const applications = () =>
  t.database.prisma.application.findMany({
    where: { entityType: 'outagePlan' },
    orderBy: [{ createdAt: 'asc' }, { receiptNo: 'asc' }],
  })

async function validateThenApply(code: string, file: Buffer) {
  const validated = await bulkImport(t.app, admin1, { format: code, mode: 'validate' }, file)
  expect(
    validated.import,
    JSON.stringify(await bulkErrors(t.app, admin1, validated.import.id)),
  ).toMatchObject({ state: 'succeeded', errorCount: 0 })
  return bulkImport(t.app, admin1, { format: code, mode: 'apply' }, file)
}

async function approve(applicationId: string) {
  const get = () =>
    t.app.inject({ url: `/api/v1/applications/${applicationId}`, headers: operator })
  for (const action of ['startReview', 'approve']) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${applicationId}/transitions/${action}`,
      headers: operator,
      payload: { version: (await get()).json().version, comment: '' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  return (await get()).json()
}

describe('outage plan bulk formats (880, 890, 891)', () => {
  it('880: the sample files a registration application per row, as the screen does', async () => {
    const before = (await applications()).length
    const applied = await validateThenApply('880', await sample('880'))
    expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const filed = (await applications()).slice(before)
    expect(filed).toHaveLength(1)
    expect(filed[0]).toMatchObject({ kind: 'register', state: 'submitted', participantId: p1 })
    expect(filed[0]?.proposed).toMatchObject({
      deliveryYear: year,
      startAt: new Date(`${year}-05-01T09:00:00+09:00`).toISOString(),
      endAt: new Date(`${year}-05-03T18:00:00+09:00`).toISOString(),
      reducedKw: 1000,
      reason: 'inspection',
    })
    const approved = await approve(filed[0]?.id as string)
    expect(approved.result).toEqual({ planNo: `OP${year}-000001` })
  })

  it('890: the sample changes the plan by its plan ID', async () => {
    const before = (await applications()).length
    const applied = await validateThenApply('890', await sample('890'))
    expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const [change] = (await applications()).slice(before)
    expect(change).toMatchObject({ kind: 'change', state: 'submitted' })
    expect(change?.proposed).toMatchObject({
      startAt: new Date(`${year}-05-02T09:00:00+09:00`).toISOString(),
    })
  })

  it('891: registers and changes by 処理区分 (codes or Japanese), reasons in Japanese', async () => {
    const before = (await applications()).length
    const file = await fileOf('891', [
      {
        action: '登録',
        planNo: '',
        startAt: `${year}/06/01 00:00`,
        endAt: `${year}/06/02 00:00`,
        reason: '補修',
      },
      {
        action: 'change',
        planNo: `OP${year}-000001`,
        startAt: `${year}/05/01 09:30`,
        endAt: `${year}/05/01 24:00`,
      },
    ])
    const applied = await validateThenApply('891', file)
    expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 2 })
    const filed = (await applications()).slice(before)
    expect(filed.map((a) => a.kind).sort()).toEqual(['change', 'register'])
    const register = filed.find((a) => a.kind === 'register')
    expect(register?.proposed).toMatchObject({ reason: 'repair', deliveryYear: year })
    const change = filed.find((a) => a.kind === 'change')
    expect(change?.proposed).toMatchObject({
      endAt: new Date(`${year}-05-02T00:00:00+09:00`).toISOString(),
    })
  })

  it('891: every bad row is listed and nothing is filed', async () => {
    const db = t.database.prisma
    const own = await createResource(db, { participantId: p1, kind: 'stable' })
    const before = (await applications()).length
    const file = await fileOf('891', [
      {
        action: 'register',
        planNo: '',
        startAt: `${year}/06/01 09:15`,
        endAt: `${year}/06/02 00:00`,
      }, // E-OUT-001
      {
        action: 'register',
        planNo: '',
        startAt: `${year}/07/02 00:00`,
        endAt: `${year}/07/01 00:00`,
      }, // E-OUT-002
      { action: 'register', planNo: '', reducedKw: '5001' }, // E-OUT-004
      { action: 'register', planNo: '', resourceCode: '03S9999999' }, // E-OUT-015
      { action: 'change', planNo: '' }, // E-OUT-013
      { action: 'change', planNo: `OP${year}-999999` }, // E-OUT-011
      { action: 'change', planNo: `OP${year}-000001`, resourceCode: own.code }, // E-OUT-012
      { action: 'change', planNo: `OP${year}-000001` }, // E-OUT-014
      { action: 'register', planNo: '', startAt: '2030年5月1日' }, // E-OUT-010
      { action: 'register', planNo: '', resourceCode: own.code }, // E-OUT-006
      {
        action: 'register',
        planNo: '',
        startAt: `${year + 1}/03/31 12:00`,
        endAt: `${year + 1}/04/01 12:00`,
      }, // E-OUT-003
    ])
    const result = await bulkImport(t.app, admin1, { format: '891', mode: 'apply' }, file)
    expect(result.import.state).toBe('failed')
    const errors = await bulkErrors(t.app, admin1, result.import.id)
    const byLine = new Map<string, string[]>()
    for (const e of errors)
      byLine.set(e[0] as string, [...(byLine.get(e[0] as string) ?? []), e[3] as string])
    expect(Object.fromEntries(byLine)).toMatchObject({
      '2': ['E-OUT-001'],
      '3': ['E-OUT-002'],
      '4': ['E-OUT-004'],
      '5': ['E-OUT-015'],
      '6': ['E-OUT-013'],
      '7': ['E-OUT-011'],
      '8': ['E-OUT-012'],
      '9': ['E-OUT-014'],
      '10': ['E-OUT-010'],
      '11': ['E-OUT-006'],
      '12': ['E-OUT-003'],
    })
    expect((await applications()).length).toBe(before)
  })

  it('880 outside the window of the plan’s year: E-APP-004 on the row', async () => {
    const db = t.database.prisma
    const closed = year + 5
    const resource = await createResource(db, { participantId: p1, kind: 'stable' })
    await createContract(db, { resource, deliveryYear: closed, state: 'confirmed' })
    await db.marketWindow.create({
      data: {
        kind: 'outagePlanSubmission',
        function: '180',
        deliveryYear: closed,
        titleJa: `容量停止計画提出受付（${closed}年度）`,
        titleEn: `Outage plan submission (FY${closed})`,
        opensAt: new Date(Date.now() - 10 * 86_400_000),
        closesAt: new Date(Date.now() - 86_400_000),
      },
    })
    const file = await fileOf('880', [
      {
        resourceCode: resource.code,
        startAt: `${closed}/05/01 09:00`,
        endAt: `${closed}/05/03 18:00`,
      },
    ])
    const result = await bulkImport(t.app, admin1, { format: '880', mode: 'validate' }, file)
    expect(result.import.state).toBe('failed')
    const errors = await bulkErrors(t.app, admin1, result.import.id)
    expect(errors.map((e) => e[3])).toEqual(['E-APP-004'])
  })
})
