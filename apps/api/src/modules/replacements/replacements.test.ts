import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  deliveryMonths,
  fiscalYearOf,
  replacementPostingSortFields,
  replacementSortFields,
} from '@yoryo/contracts'
import {
  createContract,
  createExpectedCapacity,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import type { ResourceKind } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1Admin: Session
let p2Admin: Session
let p1: string
let p2: string
const year = fiscalYearOf(new Date()) + 4
const months = deliveryMonths(year)

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1Admin = await loginAs(t.app, 'P00001', 'admin01')
  p2Admin = await loginAs(t.app, 'P00002', 'admin01')
  const db = t.database.prisma
  p1 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})
afterAll(async () => {
  await t.close()
})

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session, payload: payload as object })
}
function get(session: Session, url: string) {
  return t.app.inject({ url, headers: session })
}

let serial = 0
/** A resource of a participant with approved expected capacity for `year` (none: no EC). */
async function resource(
  participantId: string,
  options: { kind?: ResourceKind; area?: 'tokyo' | 'kansai'; expectedKw?: number | null } = {},
) {
  const example = resourceExample(options.kind ?? 'stable', 700_000 + ++serial)
  const r = await createResource(t.database.prisma, {
    participantId,
    values: { ...example, area: options.area ?? 'tokyo' } as typeof example,
  })
  if (options.expectedKw !== null) {
    await createExpectedCapacity(t.database.prisma, {
      resource: r,
      deliveryYear: year,
      expectedKw: options.expectedKw ?? 10_000,
    })
  }
  return r
}

/** A confirmed contract of `contractKw` on a new resource of the participant. */
async function contract(participantId: string, contractKw = 10_000, kind: ResourceKind = 'stable') {
  const r = await resource(participantId, { kind, expectedKw: contractKw })
  return createContract(t.database.prisma, {
    resource: r,
    deliveryYear: year,
    contractKw,
    state: 'confirmed',
  })
}

function filing(contractId: string, replacingResourceCode: string, extra: object = {}) {
  return {
    contractId,
    replacingResourceCode,
    kw: 1_000,
    fromMonth: months[0],
    toMonth: months[2],
    reason: '定期点検のため',
    ...extra,
  }
}

async function transition(applicationId: string, action: string, comment = '') {
  const app = (await get(operator, `/api/v1/applications/${applicationId}`)).json()
  return post(operator, `/api/v1/applications/${applicationId}/transitions/${action}`, {
    version: app.version,
    comment,
  })
}

async function approve(applicationId: string) {
  expect((await transition(applicationId, 'startReview')).statusCode).toBe(200)
  return transition(applicationId, 'approve')
}

describe('[140] replacement board', () => {
  const posting = {
    postingType: 'offer',
    area: 'tokyo',
    kind: 'stable',
    kw: 5_000,
    fromMonth: months[0],
    toMonth: months[5],
    contact: 'replace@example.jp',
    note: '',
  }

  it('posts, lists with filters, edits with the version, withdraws; others may not', async () => {
    const created = await post(p1Admin, '/api/v1/replacement-board', posting)
    expect(created.statusCode, created.body).toBe(201)
    const p = created.json()
    expect(p.status).toBe('open')
    expect(p.participantCode).toBe('P00001')
    // Default expiry: end of the last month (JST).
    expect(new Date(p.expiresAt).toISOString()).toBe(
      new Date(`${months[6]}-01T00:00:00+09:00`).toISOString(),
    )

    // The operator and other participants read the board.
    const listed = await get(
      p2Admin,
      `/api/v1/replacement-board?area=tokyo&postingType=offer&kwMin=5000&kwMax=5000&month=${months[3]}`,
    )
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(p.id)
    const outside = await get(operator, `/api/v1/replacement-board?month=${months[8]}`)
    expect(outside.json().items.map((i: { id: string }) => i.id)).not.toContain(p.id)

    // Only the owner changes and withdraws.
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/replacement-board/${p.id}`,
      headers: p2Admin,
      payload: { posting: { ...posting, kw: 1 }, version: p.version },
    })
    expect(foreign.statusCode).toBe(403)
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/replacement-board/${p.id}`,
      headers: p1Admin,
      payload: { posting: { ...posting, kw: 4_000 }, version: p.version },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().kw).toBe(4_000)
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/replacement-board/${p.id}`,
      headers: p1Admin,
      payload: { posting, version: p.version },
    })
    expect(stale.json().messageId).toBe('E-COMMON-004')

    expect(
      (await post(p2Admin, `/api/v1/replacement-board/${p.id}/withdraw`, { version: 2 }))
        .statusCode,
    ).toBe(403)
    const withdrawn = await post(p1Admin, `/api/v1/replacement-board/${p.id}/withdraw`, {
      version: 2,
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(withdrawn.json().status).toBe('withdrawn')
    const again = await post(p1Admin, `/api/v1/replacement-board/${p.id}/withdraw`, { version: 3 })
    expect([again.statusCode, again.json().messageId]).toEqual([409, 'E-RPL-005'])
    const open = await get(p1Admin, '/api/v1/replacement-board')
    expect(open.json().items.map((i: { id: string }) => i.id)).not.toContain(p.id)
    const all = await get(p1Admin, '/api/v1/replacement-board?includeClosed=true&mine=true')
    expect(all.json().items.map((i: { id: string }) => i.id)).toContain(p.id)
    // The operator reads but does not post.
    expect((await post(operator, '/api/v1/replacement-board', posting)).statusCode).toBe(403)
  })

  it('an expired posting is shown as expired and cannot be changed', async () => {
    const created = (await post(p1Admin, '/api/v1/replacement-board', posting)).json()
    await t.database.prisma.replacementPosting.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    const one = await get(p2Admin, `/api/v1/replacement-board/${created.id}`)
    expect(one.json().status).toBe('expired')
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/replacement-board/${created.id}`,
      headers: p1Admin,
      payload: { posting, version: created.version },
    })
    expect([edit.statusCode, edit.json().messageId]).toEqual([409, 'E-RPL-005'])
  })

  it('validates months in one delivery year, from ≤ to, kW ≥ 1 and the expiry', async () => {
    const cases: [object, string][] = [
      [{ toMonth: `${year + 1}-04` }, 'E-RPL-001'],
      [{ fromMonth: months[3], toMonth: months[1] }, 'E-RPL-002'],
      [{ kw: 0 }, 'E-RPL-003'],
      [{ expiresOn: `${year + 1}-04-01` }, 'E-RPL-004'],
      [{ expiresOn: '2020-01-01' }, 'E-RPL-004'],
    ]
    for (const [change, messageId] of cases) {
      const res = await post(p1Admin, '/api/v1/replacement-board', { ...posting, ...change })
      expect(res.statusCode, JSON.stringify(change)).toBe(400)
      expect(res.json().errors.map((e: { messageId: string }) => e.messageId)).toContain(messageId)
    }
  })
})

describe('[160] replacements', () => {
  it('between two participants: consent, review, approval with allocations and the amendment', async () => {
    const c = await contract(p1, 10_000)
    const r = await resource(p2, { expectedKw: 5_000 })
    const filed = await post(p1Admin, '/api/v1/replacements', filing(c.id, r.code))
    expect(filed.statusCode, filed.body).toBe(201)
    const rp = filed.json()
    expect([rp.state, rp.applicationId]).toEqual(['pendingConsent', null])
    expect(rp.months).toHaveLength(3)
    expect(rp.months[0]).toEqual({ month: months[0], originalKw: 9_000, replacingKw: 1_000 })

    // Only the counterparty consents; the giver cannot, a third party does not see it.
    const self = await post(p1Admin, `/api/v1/replacements/${rp.id}/consent`, { version: 1 })
    expect([self.statusCode, self.json().messageId]).toEqual([403, 'E-RPL-021'])
    expect((await get(p2Admin, `/api/v1/replacements/${rp.id}`)).statusCode).toBe(200)
    const consented = await post(p2Admin, `/api/v1/replacements/${rp.id}/consent`, { version: 1 })
    expect(consented.statusCode, consented.body).toBe(200)
    const applied = consented.json()
    expect(applied.state).toBe('applied')
    expect(applied.applicationId).toBeTruthy()
    expect(applied.consentedByName).toContain('P00002')

    // The application belongs to the contract holder.
    const application = (await get(p1Admin, `/api/v1/applications/${applied.applicationId}`)).json()
    expect([application.entityType, application.state]).toEqual(['replacement', 'submitted'])

    const approved = await approve(applied.applicationId)
    expect(approved.statusCode, approved.body).toBe(200)
    const after = (await get(p1Admin, `/api/v1/replacements/${rp.id}`)).json()
    expect(after.state).toBe('approved')
    const db = t.database.prisma
    const allocations = await db.replacementAllocation.findMany({
      where: { replacementId: rp.id },
      orderBy: { month: 'asc' },
    })
    expect(allocations.map((a) => [a.month, a.kw, a.resourceId])).toEqual(
      months.slice(0, 3).map((m) => [m, 1_000, r.id]),
    )
    const amendment = await db.contractAmendment.findFirstOrThrow({ where: { contractId: c.id } })
    expect([amendment.source, amendment.sourceId]).toEqual(['replacement', rp.id])
    // The change contract (変更契約書) is issued with the allocation by month in its annex.
    expect((amendment.after as { allocation?: unknown[] }).allocation).toEqual(
      months.slice(0, 3).map((month) => ({ month, kw: 1_000, resourceCode: r.code })),
    )
    expect(amendment.documentId).not.toBeNull()
    const amended = await db.contract.findUniqueOrThrow({ where: { id: c.id } })
    expect([amended.state, amended.contractKw]).toEqual(['amended', 10_000])
    const audit = await db.auditLog.findFirst({
      where: { entityId: rp.id, action: 'replacement.approve' },
    })
    expect(audit).not.toBeNull()

    // The free capacity now counts the allocation.
    const free = await get(
      p1Admin,
      `/api/v1/replacements/free-capacity?resourceCode=${r.code}&deliveryYear=${year}&contractId=${c.id}`,
    )
    expect(free.statusCode, free.body).toBe(200)
    expect(free.json().months[0]).toMatchObject({
      month: months[0],
      carriedKw: 1_000,
      freeKw: 4_000,
      contractAvailableKw: 9_000,
    })
    expect(free.json().months[3]).toMatchObject({ freeKw: 5_000, contractAvailableKw: 10_000 })

    // Lists: given for P00001, received for P00002, all for the operator.
    const given = await get(p1Admin, '/api/v1/replacements?side=given')
    expect(given.json().items.map((i: { id: string }) => i.id)).toContain(rp.id)
    const received = await get(p2Admin, '/api/v1/replacements?side=received')
    expect(received.json().items.map((i: { id: string }) => i.id)).toContain(rp.id)
    const all = await get(operator, `/api/v1/replacements?state=approved`)
    expect(all.json().items.map((i: { id: string }) => i.id)).toContain(rp.id)
  })

  it('to an own resource: applied at once; rejected; withdrawn through the application', async () => {
    const c = await contract(p1, 10_000)
    const r = await resource(p1, { expectedKw: 5_000 })
    const one = (await post(p1Admin, '/api/v1/replacements', filing(c.id, r.code))).json()
    expect(one.state).toBe('applied')
    expect((await transition(one.applicationId, 'startReview')).statusCode).toBe(200)
    expect((await transition(one.applicationId, 'reject', '容量不足')).statusCode).toBe(200)
    expect((await get(p1Admin, `/api/v1/replacements/${one.id}`)).json().state).toBe('rejected')

    const two = (await post(p1Admin, '/api/v1/replacements', filing(c.id, r.code))).json()
    const app = (await get(p1Admin, `/api/v1/applications/${two.applicationId}`)).json()
    const w = await post(
      p1Admin,
      `/api/v1/applications/${two.applicationId}/transitions/withdraw`,
      {
        version: app.version,
        comment: '',
      },
    )
    expect(w.statusCode, w.body).toBe(200)
    expect((await get(p1Admin, `/api/v1/replacements/${two.id}`)).json().state).toBe('withdrawn')
  })

  it('returned: a correction may not change the consented terms; resubmitted as filed, approved', async () => {
    const c = await contract(p1, 10_000)
    const r = await resource(p2, { expectedKw: 5_000 })
    const a = (await post(p1Admin, '/api/v1/replacements', filing(c.id, r.code))).json()
    const applied = (
      await post(p2Admin, `/api/v1/replacements/${a.id}/consent`, { version: 1 })
    ).json()
    expect((await transition(applied.applicationId, 'startReview')).statusCode).toBe(200)
    expect((await transition(applied.applicationId, 'return', '理由を詳しく')).statusCode).toBe(200)
    let app = (await get(p1Admin, `/api/v1/applications/${applied.applicationId}`)).json()
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${applied.applicationId}`,
      headers: p1Admin,
      payload: { proposed: { ...app.proposed, kw: 2_000 }, version: app.version },
    })
    expect([changed.statusCode, changed.json().messageId]).toEqual([409, 'E-RPL-020'])
    const reason = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${applied.applicationId}`,
      headers: p1Admin,
      payload: {
        proposed: { ...app.proposed, reason: '定期点検（発電機の分解点検）のため' },
        version: app.version,
      },
    })
    expect(reason.statusCode, reason.body).toBe(200)
    app = (await get(p1Admin, `/api/v1/applications/${applied.applicationId}`)).json()
    const resubmit = await post(
      p1Admin,
      `/api/v1/applications/${applied.applicationId}/transitions/resubmit`,
      { version: app.version, comment: '' },
    )
    expect(resubmit.statusCode, resubmit.body).toBe(200)
    expect((await approve(applied.applicationId)).statusCode).toBe(200)
    const done = (await get(p1Admin, `/api/v1/replacements/${a.id}`)).json()
    expect([done.state, done.reason]).toEqual(['approved', '定期点検（発電機の分解点検）のため'])
  })

  it('the counterparty declines; the giver withdraws while waiting; others see nothing', async () => {
    const c = await contract(p1, 10_000)
    const r = await resource(p2, { expectedKw: 5_000 })
    const a = (await post(p1Admin, '/api/v1/replacements', filing(c.id, r.code))).json()
    const declined = await post(p2Admin, `/api/v1/replacements/${a.id}/decline`, {
      version: 1,
      reason: '点検と重なるため',
    })
    expect(declined.statusCode, declined.body).toBe(200)
    expect([declined.json().state, declined.json().declineReason]).toEqual([
      'declined',
      '点検と重なるため',
    ])
    const late = await post(p2Admin, `/api/v1/replacements/${a.id}/consent`, { version: 2 })
    expect([late.statusCode, late.json().messageId]).toEqual([409, 'E-RPL-019'])

    const b = (await post(p1Admin, '/api/v1/replacements', filing(c.id, r.code))).json()
    expect(
      (await post(p2Admin, `/api/v1/replacements/${b.id}/withdraw`, { version: 1 })).statusCode,
    ).toBe(403)
    const w = await post(p1Admin, `/api/v1/replacements/${b.id}/withdraw`, { version: 1 })
    expect(w.json().state).toBe('withdrawn')

    const third = await loginAs(t.app, 'P00003', 'admin01').catch(() => null)
    if (third) expect((await get(third, `/api/v1/replacements/${b.id}`)).statusCode).toBe(404)
    // The operator does not file.
    const op = await post(operator, '/api/v1/replacements', filing(c.id, r.code))
    expect([op.statusCode, op.json().messageId]).toEqual([403, 'E-RPL-022'])
  })

  it('refuses each rule with its own message and the numbers', async () => {
    const c = await contract(p1, 3_000)
    const other = await contract(p2, 3_000)
    const kansai = await resource(p1, { area: 'kansai' })
    const variable = await resource(p1, { kind: 'variableSingle' })
    const noEc = await resource(p1, { expectedKw: null })
    const small = await resource(p1, { expectedKw: 500 })
    const big = await resource(p1, { expectedKw: 50_000 })
    const draft = await createContract(t.database.prisma, {
      resource: await resource(p1),
      deliveryYear: year,
      state: 'draft',
    })
    const cases: [object, number, string, Record<string, unknown>?][] = [
      [filing(draft.id, big.code), 409, 'E-RPL-010'],
      [filing(c.id, '03S9999999'), 409, 'E-RPL-011'],
      [filing(c.id, kansai.code), 409, 'E-RPL-012'],
      [filing(c.id, variable.code), 409, 'E-RPL-013'],
      [
        filing(c.id, big.code, { fromMonth: `${year - 1}-04`, toMonth: `${year - 1}-05` }),
        409,
        'E-RPL-014',
      ],
      [filing(c.id, small.code), 409, 'E-RPL-015'],
      [filing(c.id, big.code, { kw: 3_001 }), 409, 'E-RPL-016'],
      [filing(c.id, noEc.code), 409, 'E-RPL-018'],
      [filing(other.id, big.code), 404, 'E-COMMON-002'],
    ]
    for (const [body, status, messageId] of cases) {
      const res = await post(p1Admin, '/api/v1/replacements', body)
      expect([res.statusCode, res.json().messageId], JSON.stringify(body)).toEqual([
        status,
        messageId,
      ])
    }
    const small2 = await post(p1Admin, '/api/v1/replacements', filing(c.id, small.code))
    expect(small2.json().detail ?? small2.json().title).toContain('500')
    const own = await post(p1Admin, '/api/v1/replacements', {
      ...filing(c.id, big.code),
      replacingResourceCode: (
        await t.database.prisma.resource.findUniqueOrThrow({ where: { id: c.resourceId } })
      ).code,
    })
    expect(own.json().messageId).toBe('E-RPL-017')
  })

  it('two replacements racing for the same free capacity: one approval fails', async () => {
    const c1 = await contract(p1, 5_000)
    const c2 = await contract(p1, 5_000)
    const r = await resource(p1, { expectedKw: 1_500 })
    const a = (await post(p1Admin, '/api/v1/replacements', filing(c1.id, r.code))).json()
    const b = (await post(p1Admin, '/api/v1/replacements', filing(c2.id, r.code))).json()
    expect([a.state, b.state]).toEqual(['applied', 'applied'])
    for (const x of [a, b]) {
      expect((await transition(x.applicationId, 'startReview')).statusCode).toBe(200)
    }
    const results = await Promise.all([
      transition(a.applicationId, 'approve'),
      transition(b.applicationId, 'approve'),
    ])
    const codes = results.map((res) => res.statusCode).sort()
    expect(codes).toEqual([200, 409])
    const failed = results.find((res) => res.statusCode === 409)
    expect(failed?.json().messageId).toBe('E-RPL-015')
    const allocated = await t.database.prisma.replacementAllocation.aggregate({
      where: { resourceId: r.id, month: months[0] },
      _sum: { kw: true },
    })
    expect(allocated._sum.kw).toBe(1_000)
  })
})

describe('[140] [160] lists', () => {
  it('sort by every column both ways, and export CSV', async () => {
    for (const [path, fields] of [
      ['/api/v1/replacement-board?includeClosed=true', replacementPostingSortFields],
      ['/api/v1/replacements', replacementSortFields],
    ] as const) {
      for (const field of fields) {
        for (const sort of [field, `-${field}`]) {
          const res = await get(operator, `${path}${path.includes('?') ? '&' : '?'}sort=${sort}`)
          expect(res.statusCode, `${path} ${sort}`).toBe(200)
        }
      }
      const csv = await get(
        p1Admin,
        `${path}${path.includes('?') ? '&' : '?'}format=csv&encoding=utf-8`,
      )
      expect(csv.statusCode).toBe(200)
      expect(csv.headers['content-type']).toContain('text/csv')
    }
  })
})
