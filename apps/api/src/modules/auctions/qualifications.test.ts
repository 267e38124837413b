import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, qualificationSortFields, type Qualification } from '@yoryo/contracts'
import type { Auction, Resource } from '@yoryo/db'
import {
  createAuction,
  createExpectedCapacity,
  createParticipant,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let otherAdmin: Session
let p1: string
let p2: string
let year = 2060

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  otherAdmin = await loginAs(t.app, 'P00002', 'admin01')
  const db = t.database.prisma
  p1 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})
afterAll(async () => {
  await t.close()
})

let n = 0
async function resourceWith(
  participantId: string,
  deliveryYear: number,
  expectedKw: number,
  changes: Partial<{ supportScheme: 'fit' | 'fip' | 'none'; status: 'cancelled' }> = {},
): Promise<Resource> {
  n++
  const resource = await createResource(t.database.prisma, {
    participantId,
    values: {
      ...resourceExample('stable', 100 + n),
      ...('supportScheme' in changes ? { supportScheme: changes.supportScheme! } : {}),
    },
  })
  if (changes.status) {
    await t.database.prisma.resource.update({
      where: { id: resource.id },
      data: { status: changes.status },
    })
  }
  await createExpectedCapacity(t.database.prisma, { resource, deliveryYear, expectedKw })
  return resource
}

/** A fresh delivery year with its auction (bidding a week ahead unless given). */
async function auction(state: 'draft' | 'open' | 'biddingClosed' = 'open'): Promise<Auction> {
  year++
  return createAuction(t.database.prisma, {
    deliveryYear: year,
    state,
    bidding: {
      opensAt: new Date(Date.now() + 7 * DAY_MS),
      closesAt: new Date(Date.now() + 14 * DAY_MS),
    },
  })
}

function propose(a: { id: string }, session = operator) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/auctions/${a.id}/qualifications/propose`,
    headers: session,
  })
}

async function list(a: { id: string }, session = operator, query = ''): Promise<Qualification[]> {
  const res = await t.app.inject({
    url: `/api/v1/auctions/${a.id}/qualifications?pageSize=500${query}`,
    headers: session,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items
}

function decide(a: { id: string }, q: Qualification, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/auctions/${a.id}/qualifications/${q.id}/decision`,
    headers: operator,
    payload: { version: q.version, ...body },
  })
}

function byCode(rows: Qualification[], r: Resource): Qualification {
  const row = rows.find((q) => q.resource.code === r.code)
  if (!row) throw new Error(`no qualification for ${r.code}`)
  return row
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yoryo-aq-'))
  writeFileSync(join(dir, 'n.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'n.pdf'), '-'], { encoding: 'utf8' })
}

describe('[100] qualification proposals', () => {
  it('propose ≥ 1,000 kW, not FIT, active; else say why', async () => {
    const a = await auction()
    const ok = await resourceWith(p1, year, 5_000)
    const exactly = await resourceWith(p1, year, 1_000)
    const small = await resourceWith(p1, year, 999)
    const fit = await resourceWith(p1, year, 8_000, { supportScheme: 'fit' })
    const fip = await resourceWith(p1, year, 8_000, { supportScheme: 'fip' })
    const cancelled = await resourceWith(p1, year, 8_000, { status: 'cancelled' })
    const gone = await createParticipant(t.database.prisma, { status: 'cancelled' })
    const ofGone = await resourceWith(gone.id, year, 8_000)
    const otherYear = await resourceWith(p1, year + 100, 8_000)
    const res = await propose(a)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ created: 7, updated: 0, removed: 0, proposed: 3, notProposed: 4 })
    const rows = await list(a)
    expect(rows).toHaveLength(7)
    const why = (r: Resource) => [byCode(rows, r).proposed, byCode(rows, r).notProposedMessageId]
    expect(why(ok)).toEqual([true, null])
    expect(why(exactly)).toEqual([true, null])
    expect(why(fip)).toEqual([true, null])
    expect(why(small)).toEqual([false, 'E-AUC-020'])
    expect(why(fit)).toEqual([false, 'E-AUC-021'])
    expect(why(cancelled)).toEqual([false, 'E-AUC-022'])
    expect(why(ofGone)).toEqual([false, 'E-AUC-023'])
    expect(rows.map((r) => r.resource.code)).not.toContain(otherYear.code)
    expect(rows.every((r) => r.state === 'pending')).toBe(true)
    expect(byCode(rows, ok).expectedKw).toBe(5_000)
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { action: 'qualification.propose', entityId: a.id },
    })
    expect(entry?.after).toMatchObject({ created: 7, proposed: 3 })
  })

  it('are idempotent: proposing again keeps the decisions and follows the expected capacity', async () => {
    const a = await auction()
    const r1 = await resourceWith(p1, year, 5_000)
    const r2 = await resourceWith(p1, year, 6_000)
    const r3 = await resourceWith(p1, year, 7_000)
    await propose(a)
    const rows = await list(a)
    expect((await decide(a, byCode(rows, r1), { state: 'qualified' })).statusCode).toBe(200)
    await t.database.prisma.expectedCapacity.updateMany({
      where: { resourceId: { in: [r1.id, r2.id] } },
      data: { expectedKw: 500 },
    })
    await t.database.prisma.expectedCapacity.updateMany({
      where: { resourceId: r3.id },
      data: { status: 'cancelled' },
    })
    const again = await propose(a)
    expect(again.json()).toEqual({
      created: 0,
      updated: 1,
      removed: 1,
      proposed: 1,
      notProposed: 1,
    })
    const after = await list(a)
    expect(byCode(after, r1)).toMatchObject({ state: 'qualified', expectedKw: 5_000 })
    expect(byCode(after, r2)).toMatchObject({
      state: 'pending',
      proposed: false,
      notProposedMessageId: 'E-AUC-020',
    })
    expect(after.map((q) => q.resource.code)).not.toContain(r3.code)
    expect((await propose(a)).json()).toMatchObject({ created: 0, updated: 0, removed: 0 })
  })

  it('are the operator’s, and closed once bidding closed', async () => {
    const a = await auction()
    expect((await propose(a, admin)).statusCode).toBe(403)
    const closed = await auction('biddingClosed')
    const res = await propose(closed)
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-AUC-030')
  })
})

describe('[100] decisions', () => {
  it('confirm or exclude with a reason, audited; a not-proposed one cannot be qualified', async () => {
    const a = await auction()
    const ok = await resourceWith(p1, year, 5_000)
    const other = await resourceWith(p1, year, 5_000)
    const small = await resourceWith(p1, year, 10)
    await propose(a)
    const rows = await list(a)
    const noReason = await decide(a, byCode(rows, other), { state: 'excluded' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors[0]).toMatchObject({ path: ['reason'], messageId: 'E-AUC-031' })
    const excluded = await decide(a, byCode(rows, other), {
      state: 'excluded',
      reason: '系統連系が未了のため',
    })
    expect(excluded.statusCode, excluded.body).toBe(200)
    expect(excluded.json()).toMatchObject({
      state: 'excluded',
      excludedReason: '系統連系が未了のため',
      decidedByName: expect.any(String),
    })
    const qualified = await decide(a, byCode(rows, ok), { state: 'qualified' })
    expect(qualified.json()).toMatchObject({ state: 'qualified', excludedReason: null })
    const stale = await decide(a, byCode(rows, ok), { state: 'excluded', reason: 'x' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const notProposed = await decide(a, byCode(rows, small), { state: 'qualified' })
    expect(notProposed.statusCode).toBe(409)
    expect(notProposed.json().messageId).toBe('E-AUC-032')
    expect(notProposed.json().detail).toContain('1,000 kW')
    const entry = await t.database.prisma.auditLog.findFirst({
      where: { action: 'qualification.decide', entityId: byCode(rows, other).id },
    })
    expect(entry?.after).toMatchObject({ state: 'excluded', resourceCode: other.code })
    expect(entry?.participantId).toBe(p1)
  })

  it('confirms every proposed pending one at once', async () => {
    const a = await auction()
    const r1 = await resourceWith(p1, year, 5_000)
    const r2 = await resourceWith(p2, year, 5_000)
    const r3 = await resourceWith(p2, year, 10)
    await propose(a)
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${a.id}/qualifications/confirm`,
      headers: operator,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ confirmed: 2 })
    const rows = await list(a)
    expect(byCode(rows, r1).state).toBe('qualified')
    expect(byCode(rows, r2).state).toBe('qualified')
    expect(byCode(rows, r3).state).toBe('pending')
    expect(
      await t.database.prisma.auditLog.count({
        where: { action: 'qualification.confirmAll', entityId: { in: rows.map((q) => q.id) } },
      }),
    ).toBe(2)
  })
})

describe('[100] what participants see', () => {
  it('only their own resources, and nothing of a draft auction', async () => {
    const a = await auction()
    const mine = await resourceWith(p1, year, 5_000)
    const theirs = await resourceWith(p2, year, 5_000)
    await propose(a)
    expect((await list(a, admin)).map((q) => q.resource.code)).toEqual([mine.code])
    expect((await list(a, otherAdmin)).map((q) => q.resource.code)).toEqual([theirs.code])
    expect((await list(a, admin, `&participantId=${p2}`)).map((q) => q.resource.code)).toEqual([
      mine.code,
    ])
    const d = await auction('draft')
    const res = await t.app.inject({
      url: `/api/v1/auctions/${d.id}/qualifications`,
      headers: admin,
    })
    expect(res.statusCode).toBe(404)
  })

  it('sorts by every column and filters', async () => {
    const a = await auction()
    await resourceWith(p1, year, 5_000)
    await resourceWith(p1, year, 10)
    await propose(a)
    for (const field of qualificationSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await t.app.inject({
          url: `/api/v1/auctions/${a.id}/qualifications?sort=${sort}`,
          headers: operator,
        })
        expect(res.statusCode, sort).toBe(200)
      }
    }
    expect(await list(a, operator, '&proposed=false')).toHaveLength(1)
    expect(await list(a, operator, '&state=qualified')).toHaveLength(0)
    const file = await t.app.inject({
      url: `/api/v1/auctions/${a.id}/qualifications?format=csv&encoding=utf-8`,
      headers: operator,
    })
    expect(file.body).toContain('期待容量が1,000 kW未満')
  })
})

describe('[100] [800] qualification notices', () => {
  it('are issued per participant once all proposals are decided, and downloaded', async () => {
    const a = await auction()
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${a.id}/qualifications/notices`,
      headers: operator,
    })
    expect(empty.statusCode).toBe(409)
    expect(empty.json().messageId).toBe('E-AUC-034')
    const mine = await resourceWith(p1, year, 5_000)
    const small = await resourceWith(p1, year, 10)
    const theirs = await resourceWith(p2, year, 7_000)
    await propose(a)
    const pending = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${a.id}/qualifications/notices`,
      headers: operator,
    })
    expect(pending.statusCode).toBe(409)
    expect(pending.json().messageId).toBe('E-AUC-033')
    const rows = await list(a)
    await decide(a, byCode(rows, mine), { state: 'qualified' })
    await decide(a, byCode(rows, theirs), { state: 'excluded', reason: '設備の廃止予定のため' })
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${a.id}/qualifications/notices`,
      headers: operator,
    })
    expect(issued.statusCode, issued.body).toBe(201)
    const notices = issued.json().items as {
      participant: { code: string }
      document: { id: string; documentNo: string; title: string }
    }[]
    expect(notices.map((x) => x.participant.code).sort()).toEqual(['P00001', 'P00002'])
    const own = notices.find((x) => x.participant.code === 'P00001')!
    expect(own.document.title).toBe('容量オークション参加資格通知書')
    expect(own.document.documentNo).toMatch(/^AQ\d{4}-\d{6}$/)

    const seen = await t.app.inject({
      url: `/api/v1/auctions/${a.id}/qualifications/notices`,
      headers: admin,
    })
    expect(seen.json().items.map((x: { document: { id: string } }) => x.document.id)).toEqual([
      own.document.id,
    ])
    const pdf = await t.app.inject({
      url: `/api/v1/documents/${own.document.id}/pdf`,
      headers: admin,
    })
    expect(pdf.statusCode).toBe(200)
    const text = pdfText(pdf.rawPayload)
    expect(text).toContain('容量オークション参加資格通知書')
    expect(text).toContain(a.code)
    expect(text).toContain(mine.code)
    expect(text).toContain(small.code)
    expect(text).toContain('期待容量が1,000 kW未満')
    expect(text).not.toContain(theirs.code)
    const forbidden = await t.app.inject({
      url: `/api/v1/documents/${own.document.id}/pdf`,
      headers: otherAdmin,
    })
    expect(forbidden.statusCode).toBe(404)
    const operatorPdf = await t.app.inject({
      url: `/api/v1/documents/${own.document.id}/pdf`,
      headers: operator,
    })
    expect(operatorPdf.statusCode).toBe(200)
    const theirsPdf = notices.find((x) => x.participant.code === 'P00002')!
    const theirText = pdfText(
      (
        await t.app.inject({
          url: `/api/v1/documents/${theirsPdf.document.id}/pdf`,
          headers: otherAdmin,
        })
      ).rawPayload,
    )
    expect(theirText).toContain('設備の廃止予定のため')
    expect(
      await t.database.prisma.auditLog.count({
        where: { action: 'document.issue', entityId: { in: notices.map((x) => x.document.id) } },
      }),
    ).toBe(2)
  })
})
