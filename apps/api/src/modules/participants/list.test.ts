import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { participantSortFields } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
})
afterAll(async () => {
  await t.close()
})

const get = (session: Session, url: string) => t.app.inject({ url, headers: session })

describe('[030] participant list', () => {
  it('sorts by every column, both ways', async () => {
    for (const field of participantSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await get(operator, `/api/v1/participants?pageSize=500&sort=${sort}`)
        expect(res.statusCode, `${sort}: ${res.body}`).toBe(200)
      }
    }
    const codes = (
      (await get(operator, '/api/v1/participants?pageSize=500&sort=-code')).json().items as {
        code: string
      }[]
    ).map((p) => p.code)
    expect(codes).toEqual([...codes].sort().reverse())
    expect((await get(operator, '/api/v1/participants?sort=bankAccountNumber')).statusCode).toBe(
      400,
    )
  })

  it('matches search text literally and shows a participant only its own row', async () => {
    const all = (await get(operator, '/api/v1/participants?q=_')).json()
    expect(all.total).toBe(0)
    const own = (await get(admin, '/api/v1/participants?pageSize=500')).json()
    expect(own.items.map((p: { code: string }) => p.code)).toEqual(['P00001'])
  })

  it('exports CSV with labels instead of codes and JST times', async () => {
    const res = await get(operator, '/api/v1/participants?format=csv&encoding=utf-8&q=P00001')
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe(
      '事業者コード,事業者名,事業者名（カナ）,法人番号,ライセンス区分,状態,登録日時',
    )
    expect(lines[1]).toMatch(
      /^P00001,.*,(発電|小売|特定卸供給|区分なし（需要抑制）),有効,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/,
    )
  })
})
