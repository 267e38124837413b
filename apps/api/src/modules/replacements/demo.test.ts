import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { seedDemoPostings } from './demo.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('[140] demo postings', () => {
  it('puts an offer of P00002 and a request of P00001 on the board, once', async () => {
    expect(await seedDemoPostings(t.database.prisma)).toBe(2)
    expect(await seedDemoPostings(t.database.prisma)).toBe(0)
    const p1 = await loginAs(t.app, 'P00001', 'admin01')
    const res = await t.app.inject({ url: '/api/v1/replacement-board', headers: p1 })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json<{ items: { postingType: string; status: string }[] }>().items
    expect(items.map((i) => [i.postingType, i.status]).sort()).toEqual([
      ['offer', 'open'],
      ['request', 'open'],
    ])
  })
})
