import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noticeSortFields, type Notice, type NoticeSummary } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { seedDemoNotices } from './demo.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1Admin: Session
let p1User: Session
let p2Admin: Session
let tso: Session
let p1Id: string
let p2Id: string

const later = (ms: number) => new Date(Date.now() + ms).toISOString()

function post(session: Session, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: session, payload })
}

async function created(payload: Record<string, unknown>): Promise<Notice> {
  const res = await post(operator, {
    title: 'テスト',
    body: '本文',
    category: 'info',
    audience: 'all',
    publication: 'now',
    ...payload,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function get(session: Session, id: string) {
  return t.app.inject({ url: `/api/v1/notices/${id}`, headers: session })
}

async function list(session: Session, query = ''): Promise<NoticeSummary[]> {
  const res = await t.app.inject({ url: `/api/v1/notices?pageSize=500${query}`, headers: session })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items
}

beforeAll(async () => {
  t = await createTestApp()
  const prisma = t.database.prisma
  // A TSO with one user: a recipient of notices to everyone.
  const template = await prisma.user.findFirstOrThrow({
    where: { userId: 'admin01', participant: { code: 'P00001' } },
  })
  const tsoOrg = await prisma.participant.create({
    data: {
      code: 'T90001',
      kind: 'tso',
      name: '東北送配電',
      nameKana: 'トウホク',
      nameEn: 'Tohoku TSO',
    },
  })
  await prisma.user.create({
    data: {
      participantId: tsoOrg.id,
      userId: 'tso01',
      name: '送配電 太郎',
      email: 'tso01@example.jp',
      role: 'tso',
      passwordHash: template.passwordHash,
      passwordChangedAt: new Date(),
    },
  })
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1Admin = await loginAs(t.app, 'P00001', 'admin01')
  // A general user without any right (A40) reads notices too.
  await prisma.userPermission.deleteMany({
    where: { user: { userId: 'user01', participant: { code: 'P00001' } } },
  })
  p1User = await loginAs(t.app, 'P00001', 'user01')
  p2Admin = await loginAs(t.app, 'P00002', 'admin01')
  tso = await loginAs(t.app, 'T90001', 'tso01')
  p1Id = (await prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2Id = (await prisma.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})

afterAll(async () => {
  await t.close()
})

describe('notices (A30)', () => {
  it('numbers notices N<fiscal year>-<6 digits>, keeps line breaks, and audits the post', async () => {
    const notice = await created({ title: '改行のテスト', body: '一行目\n二行目\n\n四行目' })
    expect(notice.noticeNo).toMatch(/^N\d{4}-\d{6}$/)
    expect(notice.state).toBe('published')
    expect(notice.read).toBeNull()
    expect(notice.readCount).toBe(0)
    const read = (await get(p1User, notice.id)).json()
    expect(read.body).toBe('一行目\n二行目\n\n四行目')
    const logged = await t.database.prisma.auditLog.findFirst({
      where: { entityId: notice.id, action: 'notice.create' },
    })
    expect(logged?.after).toMatchObject({ noticeNo: notice.noticeNo, audience: 'all' })
  })

  it('addresses chosen participants only: others get 404 and do not list it', async () => {
    const notice = await created({
      title: 'P00001だけへ',
      audience: 'participants',
      participantIds: [p1Id],
    })
    expect(notice.recipientCount).toBe(1)
    expect((await get(operator, notice.id)).json().participants).toEqual([
      expect.objectContaining({ code: 'P00001' }),
    ])
    expect((await get(p1Admin, notice.id)).statusCode).toBe(200)
    expect((await get(p1User, notice.id)).statusCode).toBe(200)
    expect((await get(p1User, notice.id)).json().participants).toEqual([])
    expect((await get(p2Admin, notice.id)).statusCode).toBe(404)
    expect((await get(tso, notice.id)).statusCode).toBe(404)
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notices/${notice.id}/read`,
      headers: p2Admin,
    })
    expect(read.statusCode).toBe(404)
    expect((await list(p1Admin)).map((n) => n.id)).toContain(notice.id)
    expect((await list(p2Admin)).map((n) => n.id)).not.toContain(notice.id)
    expect((await list(tso)).map((n) => n.id)).not.toContain(notice.id)
  })

  it('counts TSO users as recipients of notices to all', async () => {
    const notice = await created({ title: '全員へ（TSO含む）' })
    expect((await list(tso)).map((n) => n.id)).toContain(notice.id)
    const unread = (await t.app.inject({ url: '/api/v1/notices/unread', headers: tso })).json()
    expect(unread.items.map((n: NoticeSummary) => n.id)).toContain(notice.id)
  })

  it('marks read per user, idempotently, and the portal count follows', async () => {
    const before = (await t.app.inject({ url: '/api/v1/notices/unread', headers: p1User })).json()
    const notice = await created({ title: '既読のテスト' })
    const after = (await t.app.inject({ url: '/api/v1/notices/unread', headers: p1User })).json()
    expect(after.count).toBe(before.count + 1)
    expect(after.items[0].id).toBe(notice.id)
    expect(after.items.length).toBeLessThanOrEqual(5)
    expect((await list(p1User, '&unread=true')).map((n) => n.id)).toContain(notice.id)

    const mark = () =>
      t.app.inject({ method: 'POST', url: `/api/v1/notices/${notice.id}/read`, headers: p1User })
    const first = await mark()
    expect(first.statusCode, first.body).toBe(200)
    const second = await mark()
    expect(second.json().readAt).toBe(first.json().readAt)

    const mine = (await list(p1User)).find((n) => n.id === notice.id)
    expect(mine?.read).toBe(true)
    expect((await list(p1User, '&unread=true')).map((n) => n.id)).not.toContain(notice.id)
    // Another user of the same participant has not read it.
    const admins = (await list(p1Admin)).find((n) => n.id === notice.id)
    expect(admins?.read).toBe(false)
    const count = (await t.app.inject({ url: '/api/v1/notices/unread', headers: p1User })).json()
    expect(count.count).toBe(before.count)
    expect((await get(operator, notice.id)).json().readCount).toBe(1)
    // The operator is no recipient.
    const byOperator = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notices/${notice.id}/read`,
      headers: operator,
    })
    expect(byOperator.statusCode).toBe(404)
  })

  it('hides drafts and scheduled notices from participants until their time', async () => {
    const draft = await created({ title: '下書き', publication: 'draft' })
    expect(draft.state).toBe('draft')
    expect(draft.publishAt).toBeNull()
    const scheduled = await created({
      title: '予約',
      publication: 'at',
      publishAt: later(3_600_000),
    })
    expect(scheduled.state).toBe('scheduled')
    for (const n of [draft, scheduled]) {
      expect((await get(p1Admin, n.id)).statusCode).toBe(404)
      expect((await list(p1Admin)).map((x) => x.id)).not.toContain(n.id)
    }
    expect((await list(operator, '&state=draft')).map((x) => x.id)).toEqual(
      expect.arrayContaining([draft.id]),
    )
    expect((await list(operator, '&state=scheduled')).map((x) => x.id)).toContain(scheduled.id)
    expect((await list(operator, '&state=published')).map((x) => x.id)).not.toContain(draft.id)
    // Time passes: the scheduled one becomes visible.
    await t.database.prisma.notice.update({
      where: { id: scheduled.id },
      data: { publishAt: new Date(Date.now() - 1000) },
    })
    expect((await get(p1Admin, scheduled.id)).statusCode).toBe(200)
  })

  it('refuses a publication time in the past and a missing one', async () => {
    const past = await post(operator, {
      title: 'x',
      body: 'y',
      category: 'info',
      audience: 'all',
      publication: 'at',
      publishAt: new Date(Date.now() - 60_000).toISOString(),
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().errors[0]).toMatchObject({ path: ['publishAt'], messageId: 'E-NTC-002' })
    const missing = await post(operator, {
      title: 'x',
      body: 'y',
      category: 'info',
      audience: 'all',
      publication: 'at',
    })
    expect(missing.statusCode).toBe(400)
    const noOne = await post(operator, {
      title: 'x',
      body: 'y',
      category: 'info',
      audience: 'participants',
      participantIds: [],
      publication: 'now',
    })
    expect(noOne.statusCode).toBe(400)
    expect(noOne.json().errors[0].messageId).toBe('E-NTC-001')
    const operatorOrg = await t.database.prisma.participant.findUniqueOrThrow({
      where: { code: 'OCCTO' },
    })
    const wrong = await post(operator, {
      title: 'x',
      body: 'y',
      category: 'info',
      audience: 'participants',
      participantIds: [operatorOrg.id],
      publication: 'now',
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().messageId).toBe('E-NTC-005')
  })

  it('lets only the operator post, change and withdraw', async () => {
    const res = await post(p1Admin, {
      title: 'x',
      body: 'y',
      category: 'info',
      audience: 'all',
      publication: 'now',
    })
    expect(res.statusCode).toBe(403)
    const notice = await created({ title: '権限' })
    const change = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${notice.id}`,
      headers: p1Admin,
      payload: {
        title: 'x',
        body: 'y',
        category: 'info',
        audience: 'all',
        publication: 'now',
        version: 1,
      },
    })
    expect(change.statusCode).toBe(403)
  })

  it('changes with the version seen (stale: 409), keeps the publication time, and re-addresses', async () => {
    const notice = await created({ title: '変更前' })
    const body = {
      title: '変更後',
      body: '新しい本文',
      category: 'important',
      audience: 'participants',
      participantIds: [p2Id],
      publication: 'now',
      version: notice.version,
    }
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${notice.id}`,
      headers: operator,
      payload: body,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ title: '変更後', category: 'important', version: 2 })
    expect(ok.json().publishAt).toBe(notice.publishAt)
    expect((await get(p1Admin, notice.id)).statusCode).toBe(404)
    expect((await get(p2Admin, notice.id)).statusCode).toBe(200)
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${notice.id}`,
      headers: operator,
      payload: body,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const backToDraft = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${notice.id}`,
      headers: operator,
      payload: { ...body, publication: 'draft', version: 2 },
    })
    expect(backToDraft.statusCode).toBe(409)
    expect(backToDraft.json().messageId).toBe('E-NTC-003')
    const logged = await t.database.prisma.auditLog.findFirst({
      where: { entityId: notice.id, action: 'notice.update' },
    })
    expect(logged?.before).toMatchObject({ title: '変更前', participantCodes: [] })
    expect(logged?.after).toMatchObject({ title: '変更後', participantCodes: ['P00002'] })
  })

  it('withdraws (audited): participants no longer see it, and it is no longer changed', async () => {
    const notice = await created({ title: '取下げ' })
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notices/${notice.id}/withdraw`,
      headers: operator,
      payload: { version: notice.version + 1 },
    })
    expect(stale.statusCode).toBe(409)
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notices/${notice.id}/withdraw`,
      headers: operator,
      payload: { version: notice.version },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().state).toBe('withdrawn')
    expect((await get(p1Admin, notice.id)).statusCode).toBe(404)
    expect((await list(p1Admin)).map((n) => n.id)).not.toContain(notice.id)
    expect((await list(operator, '&state=withdrawn')).map((n) => n.id)).toContain(notice.id)
    const change = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${notice.id}`,
      headers: operator,
      payload: {
        title: 'x',
        body: 'y',
        category: 'info',
        audience: 'all',
        publication: 'now',
        version: res.json().version,
      },
    })
    expect(change.statusCode).toBe(409)
    expect(change.json().messageId).toBe('E-NTC-004')
    const logged = await t.database.prisma.auditLog.count({
      where: { entityId: notice.id, action: 'notice.withdraw' },
    })
    expect(logged).toBe(1)
  })

  it('filters by keyword, category and unread, and sorts by every field', async () => {
    const important = await created({ title: 'キーワード検索用 100%', category: 'important' })
    expect((await list(p1Admin, `&q=${encodeURIComponent('100%')}`)).map((n) => n.id)).toEqual([
      important.id,
    ])
    const byCategory = await list(p1Admin, '&category=important')
    expect(byCategory.every((n) => n.category === 'important')).toBe(true)
    expect(byCategory.map((n) => n.id)).toContain(important.id)
    for (const field of noticeSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await t.app.inject({ url: `/api/v1/notices?sort=${sort}`, headers: operator })
        expect(res.statusCode, `${sort}: ${res.body}`).toBe(200)
      }
    }
    const numbers = (await list(operator, '&sort=noticeNo')).map((n) => n.noticeNo)
    expect(numbers).toEqual([...numbers].sort())
  })

  it('exports the list as CSV with labels', async () => {
    await created({ title: 'CSVのテスト', category: 'maintenance' })
    const res = await t.app.inject({
      url: '/api/v1/notices?format=csv&q=CSV',
      headers: p1Admin,
    })
    expect(res.statusCode).toBe(200)
    const text = iconv.decode(res.rawPayload, 'Shift_JIS')
    expect(text.split('\r\n')[0]).toContain('おしらせ番号')
    expect(text).toContain('メンテナンス')
    expect(text).toContain('未読')
  })

  it('seeds the demo notices once: one important, one to P00001 only', async () => {
    const fresh = await createTestApp()
    try {
      expect(await seedDemoNotices(fresh.database.prisma)).toBe(3)
      expect(await seedDemoNotices(fresh.database.prisma)).toBe(0)
      const rows = await fresh.database.prisma.notice.findMany({ include: { recipients: true } })
      expect(rows.filter((r) => r.category === 'important')).toHaveLength(1)
      const addressed = rows.filter((r) => r.audience === 'participants')
      expect(addressed).toHaveLength(1)
      expect(addressed[0]?.recipients).toHaveLength(1)
    } finally {
      await fresh.close()
    }
  })
})
