/**
 * The consistency walk (G50): every model with a `participantId` is classified
 * (`participantTables`), and after a succession and a merger every classified table's rows are
 * as the classification says — `follows` rows of the moved records switched to the receiver, all
 * others (and every `keeps` row) unchanged, the holder history written.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Succession } from '@yoryo/contracts'
import { jstDayStart } from '@yoryo/contracts'
import {
  createContract,
  createExpectedCapacity,
  createParticipant,
  createResource,
  createUser,
  resourceExample,
  TEST_PASSWORD,
} from '@yoryo/db/factories'
import type { Participant } from '@yoryo/db'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { hashPassword } from '../auth/public.ts'
import { participantTables } from './consistency.ts'

type Session = { cookie: string; origin: string }
let t: TestContext
let operator: Session

/** The models of the schema with a `participantId` field, with their table names. */
function modelsWithParticipant(): { model: string; table: string }[] {
  const schema = readFileSync(
    join(import.meta.dirname, '../../../../../prisma/schema.prisma'),
    'utf8',
  )
  const out: { model: string; table: string }[] = []
  for (const m of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const body = m[2] as string
    const fields = body
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0])
      .filter((f) => f && !f.startsWith('//') && !f.startsWith('@@'))
    if (!fields.includes('participantId')) continue
    const table = /@@map\("(\w+)"\)/.exec(body)?.[1] ?? (m[1] as string)
    out.push({ model: m[1] as string, table })
  }
  return out
}

type Row = Record<string, unknown> & { participant_id: string }

/** Every row of a table, keyed by id (or by its other columns when it has none). */
async function snapshot(table: string): Promise<Map<string, Row>> {
  const rows = await t.database.prisma.$queryRawUnsafe<{ row: Row }[]>(
    `SELECT to_jsonb(t) AS row FROM "${table}" t`,
  )
  return new Map(
    rows.map(({ row }) => {
      const { participant_id: _p, version: _v, updated_at: _u, ...rest } = row
      return [typeof row.id === 'string' ? row.id : JSON.stringify(rest), row]
    }),
  )
}

async function party(): Promise<{ p: Participant; admin: Session }> {
  const db = t.database.prisma
  const p = await createParticipant(db)
  const admin = await createUser(db, {
    participantId: p.id,
    role: 'participantAdmin',
    hashPassword,
  })
  return { p, admin: await loginAs(t.app, p.code, admin.userId, TEST_PASSWORD) }
}

async function ok<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url,
    headers: session,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json() as T
}

async function move(id: string, action: string) {
  const { version } = await ok<{ version: number }>(operator, 'GET', `/api/v1/applications/${id}`)
  await ok(operator, 'POST', `/api/v1/applications/${id}/transitions/${action}`, { version })
}

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
})

afterAll(async () => {
  await t.close()
})

describe('[G50] consistency walk', () => {
  const models = modelsWithParticipant()

  it('classifies every model of the schema that names a participant', () => {
    expect(models.length).toBeGreaterThan(15)
    expect(models.map((m) => m.model).filter((m) => !(m in participantTables))).toEqual([])
    // And nothing classified that the schema does not have (a renamed model).
    const names = new Set(models.map((m) => m.model))
    expect(Object.keys(participantTables).filter((m) => !names.has(m))).toEqual([])
  })

  it('after a succession and a merger, each table is as the classification says', async () => {
    const db = t.database.prisma
    const a = await party()
    const b = await party()
    const m = await party()
    const values = { ...resourceExample('stable'), area: 'kyushu' as const }
    const r = await createResource(db, { participantId: a.p.id, values })
    const kept = await createResource(db, { participantId: a.p.id, values })
    const rm = await createResource(db, { participantId: m.p.id, values })
    const c = await createContract(db, { resource: r, deliveryYear: 2015, state: 'active' })
    const old = await createContract(db, { resource: r, deliveryYear: 2014, state: 'active' })
    const ck = await createContract(db, { resource: kept, deliveryYear: 2015, state: 'active' })
    const cm = await createContract(db, { resource: rm, deliveryYear: 2015, state: 'active' })
    for (const [res, year] of [
      [r, 2014],
      [r, 2015],
      [kept, 2015],
      [rm, 2015],
    ] as const) {
      await createExpectedCapacity(db, { resource: res, deliveryYear: year })
    }
    let planNo = 0
    for (const [contract, date] of [
      [c, '2015-10-05'],
      [c, '2015-12-01'],
      [cm, '2015-12-01'],
      [ck, '2015-12-01'],
    ] as const) {
      await db.outagePlan.create({
        data: {
          planNo: `OPT2015-${String(++planNo).padStart(6, '0')}`,
          participantId: contract.participantId,
          resourceId: contract.resourceId,
          contractId: contract.id,
          deliveryYear: 2015,
          startAt: jstDayStart(date),
          endAt: new Date(jstDayStart(date).getTime() + 3_600_000),
          reducedKw: 100,
          reason: 'inspection',
        },
      })
    }

    const succession = await ok<Succession>(a.admin, 'POST', '/api/v1/successions', {
      kind: 'succession',
      resourceIds: [r.id],
      toParticipantCode: b.p.code,
      effectiveMonth: '2015-11',
      reason: '承継',
    })
    const merger = await ok<Succession>(m.admin, 'POST', '/api/v1/successions', {
      kind: 'merger',
      toParticipantCode: b.p.code,
      effectiveMonth: '2015-11',
      reason: '統合',
    })
    const before = new Map<string, Map<string, Row>>()
    for (const { table } of models) before.set(table, await snapshot(table))

    for (const s of [succession, merger]) {
      const applied = await ok<Succession>(b.admin, 'POST', `/api/v1/successions/${s.id}/consent`, {
        version: s.version,
      })
      await move(applied.applicationId as string, 'startReview')
      await move(applied.applicationId as string, 'approve')
    }

    const movedResources = new Set([r.id, rm.id])
    const movedContracts = new Set([c.id, cm.id])
    const from = jstDayStart('2015-11-01').getTime()
    /** The rows a `follows` table switches to the receiver. */
    const follows: Record<string, (row: Row) => boolean> = {
      Resource: (row) => movedResources.has(row.id as string),
      Contract: (row) => movedContracts.has(row.id as string),
      ExpectedCapacity: (row) =>
        movedResources.has(row.resource_id as string) && Number(row.delivery_year) >= 2015,
      OutagePlan: (row) =>
        movedContracts.has(row.contract_id as string) &&
        new Date(row.start_at as string).getTime() >= from,
    }
    const checked: string[] = []
    for (const { model, table } of models) {
      const rule = participantTables[model]
      const after = await snapshot(table)
      const prior = before.get(table) as Map<string, Row>
      if (rule?.rule === 'history') continue
      let switched = 0
      for (const [key, row] of prior) {
        const now = after.get(key)
        if (!now) continue
        const expected =
          rule?.rule === 'follows' && (follows[model] as (row: Row) => boolean)(row)
            ? b.p.id
            : row.participant_id
        if (expected !== row.participant_id) switched++
        expect([model, key, now.participant_id]).toEqual([model, key, expected])
      }
      if (rule?.rule === 'follows') expect([model, switched]).not.toEqual([model, 0])
      checked.push(model)
    }
    expect(checked).toContain('AuditLog')
    // Not vacuous: the keeps tables had the old parties' rows (users, applications, log).
    for (const table of ['app_user', 'audit_log']) {
      const rows = [...(before.get(table) as Map<string, Row>).values()]
      expect(rows.some((row) => row.participant_id === a.p.id)).toBe(true)
      expect(rows.some((row) => row.participant_id === m.p.id)).toBe(true)
    }

    // history: the old holder since always, the receiver from the effective month.
    const holders = await db.contractHolder.findMany({
      where: { contractId: { in: [c.id, cm.id, old.id, ck.id] } },
      orderBy: [{ contractId: 'asc' }, { fromMonth: 'asc' }],
    })
    expect(holders.map((h) => [h.contractId, h.participantId, h.fromMonth]).sort()).toEqual(
      [
        [c.id, a.p.id, '0000-01'],
        [c.id, b.p.id, '2015-11'],
        [cm.id, m.p.id, '0000-01'],
        [cm.id, b.p.id, '2015-11'],
      ].sort(),
    )
    const resourceHolders = await db.resourceHolder.findMany({
      where: { resourceId: { in: [r.id, rm.id, kept.id] } },
    })
    expect(resourceHolders).toHaveLength(4)
    expect((await db.participant.findUniqueOrThrow({ where: { id: m.p.id } })).status).toBe(
      'cancelled',
    )
  })
})
