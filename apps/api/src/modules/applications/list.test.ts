import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applicationSortFields } from '@yoryo/contracts'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'
import { systemUseApplication } from '../../test/fixtures.ts'

type Session = { cookie: string; origin: string }
type Summary = { receiptNo: string; applicantName: string; submittedAt: string | null }

let t: TestContext
let operator: Session
let admin: Session
const filed: { receiptNo: string; name: string }[] = []
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  // Three system use applications; one company name starts like a formula.
  for (const name of ['いろは電力株式会社', 'あおば電力株式会社', '=HYPERLINK("x")電力']) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications/system-use',
      headers: { origin: ORIGIN },
      payload: systemUseApplication({ name }),
    })
    expect(res.statusCode, res.body).toBe(201)
    filed.push({ receiptNo: res.json().application.receiptNo, name })
  }
})
afterAll(async () => {
  await t.close()
})

const get = (session: Session, url: string) => t.app.inject({ url, headers: session })
const items = async (session: Session, url: string) =>
  (await get(session, url)).json().items as Summary[]

describe('[030] application list', () => {
  it('sorts by every column, both ways', async () => {
    for (const field of applicationSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await get(operator, `/api/v1/applications?pageSize=500&sort=${sort}`)
        expect(res.statusCode, `${sort}: ${res.body}`).toBe(200)
      }
    }
    const receipts = (
      await items(operator, '/api/v1/applications?pageSize=500&sort=-receiptNo')
    ).map((a) => a.receiptNo)
    expect(receipts).toEqual([...receipts].sort().reverse())
    const names = (
      await items(operator, '/api/v1/applications?pageSize=500&sort=applicantName')
    ).map((a) => a.applicantName)
    const ours = names.filter((n) => filed.some((f) => f.name === n))
    expect(ours).toEqual(filed.map((f) => f.name).sort())
    expect((await get(operator, '/api/v1/applications?sort=proposed')).statusCode).toBe(400)
  })

  it('filters by part of the receipt number, taken literally', async () => {
    const [first] = filed
    const one = await items(
      operator,
      `/api/v1/applications?receiptNo=${first!.receiptNo.slice(-5)}`,
    )
    expect(one.map((a) => a.receiptNo)).toEqual([first!.receiptNo])
    expect((await get(operator, '/api/v1/applications?receiptNo=_')).json().total).toBe(0)
  })

  it('filters by the JST submission date', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date())
    const from = await items(
      operator,
      `/api/v1/applications?pageSize=500&from=${today}&to=${today}`,
    )
    expect(from.map((a) => a.receiptNo)).toEqual(
      expect.arrayContaining(filed.map((f) => f.receiptNo)),
    )
    const before = await items(operator, `/api/v1/applications?pageSize=500&to=2000-01-01`)
    expect(before).toEqual([])
  })

  it("shows a participant's users only their own participant's applications", async () => {
    const own = await items(admin, '/api/v1/applications?pageSize=500')
    expect(own.map((a) => a.receiptNo)).not.toEqual(expect.arrayContaining([filed[0]!.receiptNo]))
    expect(await items(admin, '/api/v1/applications?participantCode=P00002')).toEqual([])
  })

  it('exports CSV with labels instead of codes, JST times and neutralised formulas', async () => {
    const res = await get(
      operator,
      `/api/v1/applications?format=csv&encoding=utf-8&sort=applicantName&receiptNo=${filed[2]!.receiptNo}`,
    )
    expect(res.statusCode).toBe(200)
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('受付番号,申込種別,対象,事業者コード,申込者,状態,申込日時,処理日時')
    expect(lines[1]).toMatch(
      new RegExp(
        `^${filed[2]!.receiptNo},登録,事業者情報,,"'=HYPERLINK\\(""x""\\)電力",申込済,\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2},$`,
      ),
    )
    const english = await t.app.inject({
      url: `/api/v1/applications?format=csv&encoding=utf-8&receiptNo=${filed[0]!.receiptNo}`,
      headers: { ...operator, 'accept-language': 'en' },
    })
    expect(english.rawPayload.toString('utf8').split('\r\n')[1]).toMatch(
      /,Registration,Participant,,いろは電力株式会社,Submitted,/,
    )
  })
})
