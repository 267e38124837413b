import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSortFields, jstDayStart } from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let participantId: string
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  participantId = (
    await t.database.prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  ).id
  const entry = (at: string, action: string, requestId: string) => ({
    at: new Date(at),
    actorLabel: 'P00001 admin01 佐藤 花子',
    participantId,
    action,
    entityType: 'user',
    entityId: '00000000-0000-0000-0000-000000000001',
    before: { role: 'participantUser', name: '=旧 氏名' },
    after: { role: 'participantAdmin', name: '新 氏名' },
    requestId,
  })
  await t.database.prisma.auditLog.createMany({
    data: [
      // 2026-04-01 00:00 JST and 23:59 JST on 31 March: the JST day decides.
      entry('2026-03-31T15:00:00.000Z', 'user.update', 'req-jst-0401'),
      entry('2026-03-31T14:59:00.000Z', 'user.update', 'req-jst-0331'),
      entry('2026-03-31T16:00:00.000Z', 'user_xupdate', 'req-like'),
    ],
  })
})
afterAll(async () => {
  await t.close()
})

const get = (session: Session, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { ...session, ...headers } })

describe('audit log list', () => {
  it('filters by JST days', async () => {
    const ids = async (query: string) =>
      (
        (await get(operator, `/api/v1/audit-log?pageSize=500&${query}`)).json().items as {
          requestId: string
        }[]
      ).map((e) => e.requestId)
    expect(await ids('from=2026-04-01&to=2026-04-01&sort=requestId')).toEqual([
      'req-jst-0401',
      'req-like',
    ])
    expect(await ids('from=2026-03-31&to=2026-03-31')).toEqual(['req-jst-0331'])
    expect(jstDayStart('2026-04-01').toISOString()).toBe('2026-03-31T15:00:00.000Z')
  })

  it('takes the operation prefix literally', async () => {
    const res = await get(operator, '/api/v1/audit-log?from=2026-03-31&to=2026-04-01&action=user_')
    expect(res.json().items.map((e: { requestId: string }) => e.requestId)).toEqual(['req-like'])
  })

  it('sorts by every column, participant code included', async () => {
    for (const field of auditSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await get(operator, `/api/v1/audit-log?pageSize=500&sort=${sort}`)
        expect(res.statusCode, `${sort}: ${res.body}`).toBe(200)
      }
    }
    const codes = (
      (await get(operator, '/api/v1/audit-log?pageSize=500&sort=participantCode')).json().items as {
        participantCode: string | null
      }[]
    )
      .map((e) => e.participantCode)
      .filter((c): c is string => c !== null)
    expect(codes).toEqual([...codes].sort())
    const own = await get(operator, '/api/v1/audit-log?pageSize=500&participantCode=P00001')
    expect(
      own.json().items.every((e: { participantCode: string }) => e.participantCode === 'P00001'),
    ).toBe(true)
  })

  it('exports CSV with JST times, labels instead of codes and no JSON', async () => {
    const res = await get(
      admin,
      '/api/v1/audit-log?format=csv&encoding=utf-8&from=2026-04-01&to=2026-04-01&action=user.',
    )
    expect(res.statusCode).toBe(200)
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('日時,操作者,事業者コード,操作,対象,対象ID,変更前,変更後,リクエストID')
    expect(lines[1]).toBe(
      '2026/04/01 00:00,P00001 admin01 佐藤 花子,P00001,ユーザの変更,ユーザ,' +
        '00000000-0000-0000-0000-000000000001,"名称・氏名: =旧 氏名\nロール: 一般ユーザ",' +
        '"名称・氏名: 新 氏名\nロール: 管理者ユーザ",req-jst-0401',
    )
    const en = await get(
      admin,
      '/api/v1/audit-log?format=csv&encoding=utf-8&from=2026-04-01&to=2026-04-01&action=user.',
      { 'accept-language': 'en' },
    )
    const enLines = en.rawPayload.toString('utf8').slice(1).split('\r\n')
    expect(enLines[0]).toBe(
      'Time,Actor,Participant code,Operation,Record kind,Record ID,Before,After,Request ID',
    )
    expect(enLines[1]).toContain(',User changed,User,')
  })
})
