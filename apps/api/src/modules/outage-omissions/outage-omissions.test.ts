import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutageOmission } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { race, tally } from '../../test/race.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1Admin: Session
let p2Admin: Session
let p1Resource: { id: string; participantId: string }
let p2Resource: { id: string; participantId: string }
let nextSlot = 1

/** A slot the assessment flagged (the job of the assessment writes them). */
async function flagged(
  resource: { id: string; participantId: string },
  month = '2041-05',
): Promise<OutageOmission> {
  const slot = nextSlot++
  const row = await t.database.prisma.outageOmission.create({
    data: {
      month,
      resourceId: resource.id,
      participantId: resource.participantId,
      date: new Date(`${month}-0${1 + Math.floor(slot / 48)}T00:00:00Z`),
      slot: (slot % 48) + 1,
      contractKw: 10_000,
      plannedKw: 0,
      availableKw: 6_000,
      shortfallKw: 4_000,
    },
  })
  return get(operator, row.id)
}

async function list(session: Session, query = ''): Promise<OutageOmission[]> {
  const res = await t.app.inject({
    url: `/api/v1/outage-omissions?pageSize=500${query}`,
    headers: session,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items
}

async function get(session: Session, id: string): Promise<OutageOmission> {
  const found = (await list(session)).find((o) => o.id === id)
  if (!found) throw new Error(`slot ${id} not listed`)
  return found
}

const ref = (o: OutageOmission) => ({ id: o.id, version: o.version })

function answer(session: Session, items: OutageOmission[], text = '点検のため停止しました') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/outage-omissions/answer',
    headers: session,
    payload: { items: items.map(ref), answer: text },
  })
}

function decide(
  session: Session,
  items: { id: string; version: number }[],
  decision: 'accept' | 'reject',
  reason?: string,
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/outage-omissions/decide',
    headers: session,
    payload: { items, decision, ...(reason !== undefined ? { reason } : {}) },
  })
}

beforeAll(async () => {
  t = await createTestApp()
  const prisma = t.database.prisma
  p1Resource = await prisma.resource.findFirstOrThrow({
    where: { participant: { code: 'P00001' } },
    select: { id: true, participantId: true },
  })
  p2Resource = await prisma.resource.findFirstOrThrow({
    where: { participant: { code: 'P00002' } },
    select: { id: true, participantId: true },
  })
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1Admin = await loginAs(t.app, 'P00001', 'admin01')
  p2Admin = await loginAs(t.app, 'P00002', 'admin01')
})

afterAll(async () => {
  await t?.close()
})

describe('[B50] outage omission review', () => {
  it('answers several slots at once, changes the answer, and the operator accepts', async () => {
    const a = await flagged(p1Resource)
    const b = await flagged(p1Resource)
    expect(a.state).toBe('flagged')

    const res = await answer(p1Admin, [a, b])
    expect(res.statusCode, res.body).toBe(200)
    const answered: OutageOmission[] = res.json().items
    expect(answered.map((o) => [o.state, o.version, o.answer])).toEqual([
      ['answered', 2, '点検のため停止しました'],
      ['answered', 2, '点検のため停止しました'],
    ])

    // The answer may change until the operator decides.
    const changed = await answer(p1Admin, [answered[0] as OutageOmission], '系統事故による停止')
    expect(changed.statusCode, changed.body).toBe(200)
    const a3 = changed.json().items[0] as OutageOmission
    expect([a3.answer, a3.version]).toEqual(['系統事故による停止', 3])

    const accepted = await decide(operator, [ref(a3), ref(answered[1] as OutageOmission)], 'accept')
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json().items.map((o: OutageOmission) => o.state)).toEqual([
      'accepted',
      'accepted',
    ])

    // Decided: no more answers.
    const late = await answer(p1Admin, accepted.json().items)
    expect(late.statusCode).toBe(409)
    expect(late.json().messageId).toBe('E-ASMT-050')

    const log = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'outageOmission', entityId: a.id },
      orderBy: { at: 'asc' },
    })
    expect(log.map((l) => l.action)).toEqual([
      'outageOmission.answer',
      'outageOmission.answer',
      'outageOmission.accept',
    ])
  })

  it('rejects with a reason only; a rejected slot may be answered again', async () => {
    const a = await flagged(p1Resource)
    const answered = (await answer(p1Admin, [a])).json().items[0] as OutageOmission

    const noReason = await decide(operator, [ref(answered)], 'reject')
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors[0]).toMatchObject({ path: ['reason'], messageId: 'E-ASMT-052' })

    const rejected = await decide(operator, [ref(answered)], 'reject', '計画の提出がありません')
    expect(rejected.statusCode, rejected.body).toBe(200)
    const r = rejected.json().items[0] as OutageOmission
    expect([r.state, r.decisionNote]).toEqual(['rejected', '計画の提出がありません'])

    // Deciding again needs an answer first.
    const again = await decide(operator, [ref(r)], 'accept')
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-ASMT-051')

    const reanswered = await answer(p1Admin, [r], '計画は別途提出済みです')
    expect(reanswered.statusCode, reanswered.body).toBe(200)
    expect(reanswered.json().items[0]).toMatchObject({ state: 'answered', decisionNote: null })
  })

  it('refuses a flagged slot to be decided before it is answered, naming the slot', async () => {
    const a = await flagged(p1Resource)
    const res = await decide(operator, [ref(a)], 'accept')
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-ASMT-051')
    expect(res.json().detail ?? res.json().title).toContain(a.date)
  })

  it('validates the answer: required, at most 1,000 characters, each slot once', async () => {
    const a = await flagged(p1Resource)
    const empty = await answer(p1Admin, [a], '  ')
    expect(empty.statusCode).toBe(400)
    expect(empty.json().errors[0]).toMatchObject({ path: ['answer'], messageId: 'E-COMMON-007' })
    const long = await answer(p1Admin, [a], 'あ'.repeat(1001))
    expect(long.statusCode).toBe(400)
    const twice = await answer(p1Admin, [a, a])
    expect(twice.statusCode).toBe(400)
    expect(twice.json().errors[0].messageId).toBe('E-ASMT-054')
    expect((await answer(p1Admin, [a], 'あ'.repeat(1000))).statusCode).toBe(200)
  })

  it('keeps a stale version out, all or nothing', async () => {
    const a = await flagged(p1Resource)
    const b = await flagged(p1Resource)
    expect((await answer(p1Admin, [a])).statusCode).toBe(200)
    // `a` is stale now: neither slot is written.
    const res = await answer(p1Admin, [b, a])
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-COMMON-004')
    expect((await get(p1Admin, b.id)).state).toBe('flagged')
  })

  it('shows a participant its own slots only; another participant cannot answer them', async () => {
    const mine = await flagged(p1Resource, '2041-06')
    const theirs = await flagged(p2Resource, '2041-06')
    const p1List = await list(p1Admin, '&month=2041-06')
    expect(p1List.map((o) => o.id)).toEqual([mine.id])
    expect((await list(operator, '&month=2041-06')).map((o) => o.id).sort()).toEqual(
      [mine.id, theirs.id].sort(),
    )
    const res = await answer(p2Admin, [mine])
    expect(res.statusCode).toBe(404)
    // The operator decides but does not answer; a participant does not decide.
    const byOperator = await answer(operator, [mine])
    expect(byOperator.statusCode).toBe(403)
    expect(byOperator.json().messageId).toBe('E-ASMT-053')
    const answered = (await answer(p1Admin, [mine])).json().items[0] as OutageOmission
    const self = await decide(p1Admin, [ref(answered)], 'accept')
    expect(self.statusCode).toBe(403)
    expect(self.json().messageId).toBe('E-AUTH-005')
  })

  it('filters by state and resource, and exports CSV', async () => {
    const a = await flagged(p1Resource, '2041-07')
    await flagged(p1Resource, '2041-07')
    await answer(p1Admin, [a])
    expect((await list(p1Admin, '&month=2041-07&state=answered')).map((o) => o.id)).toEqual([a.id])
    expect(await list(p1Admin, '&month=2041-07&resource=no-such-resource')).toEqual([])
    expect(await list(p1Admin, `&month=2041-07&resource=${a.resourceCode}`)).toHaveLength(2)
    const res = await t.app.inject({
      url: '/api/v1/outage-omissions?format=csv&month=2041-07&sort=-state',
      headers: p1Admin,
    })
    expect(res.statusCode).toBe(200)
    const text = iconv.decode(res.rawPayload, 'Shift_JIS')
    const lines = text.trim().split('\r\n')
    expect(lines[0]).toContain('電源等識別番号')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toContain('回答済み')
  })

  it('two decisions on one slot at once: exactly one wins', async () => {
    const a = await flagged(p1Resource)
    const answered = (await answer(p1Admin, [a])).json().items[0] as OutageOmission
    const results = await race(2, (i) =>
      decide(operator, [ref(answered)], i === 0 ? 'accept' : 'reject', '理由'),
    )
    expect(tally(results, (r) => r.statusCode)).toEqual({ 200: 1, 409: 1 })
    const after = await get(operator, a.id)
    expect(after.version).toBe(3)
    const log = await t.database.prisma.auditLog.count({
      where: { entityType: 'outageOmission', entityId: a.id },
    })
    expect(log).toBe(2)
  })
})
