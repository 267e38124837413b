import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toCsv } from '../../lib/list.ts'
import { createTestApp, type TestContext } from '../harness.ts'
import { fillPath, operationsOf } from './openapi-operations.ts'
import { buildWorld, pathValues, type World } from './world.ts'

/**
 * Suite: every list exports what it shows (K21). Generated over the list routes the app
 * registered (`app.listRoutes`): for each, the operator's CSV export (`format=csv`) and the JSON
 * page of the same query are read; the CSV's header must be exactly the declared columns, and its
 * rows the same records in the same order as the page — the declared columns applied to the
 * page's items must give the very CSV text the route sent.
 */
let t: TestContext
let world: World
beforeAll(async () => {
  t = await createTestApp()
  world = await buildWorld(t)
}, 120_000)
afterAll(async () => {
  await t.close()
})

/** RFC 4180 rows of a CSV text (CRLF line ends). */
function rowsOf(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

describe('suite: every list’s CSV is its page', () => {
  it('gives, for every list route, the declared header and the page’s records in its order', async () => {
    const operator = world.callers.operator
    const lists = t.app.listRoutes.all()
    const operations = new Map(operationsOf(t.app).map((op) => [op.operationId, op]))
    expect(lists.length).toBeGreaterThan(20)
    const resource = await t.database.prisma.resource.findUniqueOrThrow({
      where: { code: world.own.resourceCode },
    })
    // Lists of one resource and period (B60, B80) need their query; C10's slots are of one order.
    const required: Record<string, string> = {
      resourceId: resource.id,
      month: '2030-05',
      date: '2030-05-01',
    }
    const order = await t.database.prisma.dispatchOrder.create({
      data: {
        orderId: 'CSV-LIST-1',
        resourceId: resource.id,
        orderedAt: new Date('2030-05-01T00:00:00Z'),
        startAt: new Date('2030-05-01T08:00:00Z'),
        instructedKw: 1_000,
        baselineKw: [3_000, 3_000],
        actualKw: [2_500, 1_800],
      },
    })
    const report: string[] = []
    let withRows = 0
    for (const list of lists) {
      const op = operations.get(list.operationId)
      if (!op) throw new Error(`${list.operationId} is not in the OpenAPI document`)
      const values = pathValues(op.path, world.own, operator, world, 'own')
      if (op.path.startsWith('/api/v1/delivery-data/dispatch-orders/')) values.id = order.id
      const url = fillPath(op.path, values)
      const query = Object.entries(op.queryParams)
        .filter(([name, p]) => p.required && name in required)
        .map(([name]) => `&${name}=${encodeURIComponent(required[name] as string)}`)
        .join('')
      const page = await t.app.inject({
        url: `${url}?pageSize=500${query}`,
        headers: operator.headers,
      })
      expect(page.statusCode, `${list.operationId} ${page.body}`).toBe(200)
      const { items, total } = page.json() as { items: never[]; total: number }
      // The page holds every record of the query, so the export must hold the same.
      expect(total, list.operationId).toBeLessThanOrEqual(500)
      expect(items.length, list.operationId).toBe(total)
      const res = await t.app.inject({
        url: `${url}?format=csv&encoding=utf-8${query}`,
        headers: operator.headers,
      })
      expect(res.statusCode, list.operationId).toBe(200)
      const text = res.rawPayload.toString('utf8').replace(/^\uFEFF/, '')
      const [header, ...rows] = rowsOf(text)
      expect(header, list.operationId).toEqual(
        list.csv.columns.map((c) => (typeof c.header === 'string' ? c.header : c.header.ja)),
      )
      expect(rows.length, list.operationId).toBe(items.length)
      // The same records in the same order: the declared columns of the page's items.
      expect(text, list.operationId).toBe(toCsv(list.csv.columns, items, 'ja'))
      if (items.length > 0) withRows++
      report.push(`${list.operationId}: ${items.length}`)
    }
    console.log(
      `[suite csv=page] ${lists.length} lists, ${withRows} with rows — ${report.join('; ')}`,
    )
    // Most lists have records in the world: the comparison is of rows, not of empty files.
    expect(withRows).toBeGreaterThanOrEqual(Math.ceil(lists.length / 2))
  }, 180_000)
})
