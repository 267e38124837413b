import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'
import { profile, systemUseApplication } from '../../test/fixtures.ts'

let t: TestContext
let operator: { cookie: string; origin: string }
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
})
afterAll(async () => {
  await t.close()
})

const json = { origin: ORIGIN }

async function apply(body = systemUseApplication()) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/applications/system-use',
    headers: json,
    payload: body,
  })
  return res
}

async function act(
  session: { cookie: string; origin: string },
  id: string,
  action: string,
  version: number,
  comment = '',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/transitions/${action}`,
    headers: session,
    payload: { version, comment },
  })
}

const auditCount = () => t.database.prisma.auditLog.count()

describe('[700] system use application', () => {
  it('is filed without login and answers a receipt number and an access key', async () => {
    const before = await auditCount()
    const res = await apply()
    expect(res.statusCode).toBe(201)
    const { application, accessKey } = res.json()
    expect(application.receiptNo).toMatch(/^A\d{8}-[0-9A-Z]{5}$/)
    expect(application.state).toBe('submitted')
    expect(accessKey.length).toBeGreaterThan(20)
    expect(await auditCount()).toBe(before + 1)
  })

  it('[701] prints the application as a PDF with the Japanese text embedded', async () => {
    const { application, accessKey } = (await apply()).json()
    const res = await t.app.inject({
      url: `/api/v1/applications/system-use/${application.receiptNo}/pdf`,
      headers: { 'x-application-key': accessKey },
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const dir = mkdtempSync(join(tmpdir(), 'yoryo-pdf-'))
    writeFileSync(join(dir, 'a.pdf'), res.rawPayload)
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], {
      encoding: 'utf8',
    })
    expect(text).toContain('容量市場システム利用申込書')
    expect(text).toContain('あおば電力株式会社')
    expect(text).toContain(application.receiptNo)
    expect(execFileSync('pdffonts', [join(dir, 'a.pdf')], { encoding: 'utf8' })).toMatch(
      /NotoSansJP.*yes/,
    )
  })

  it('refuses a wrong check digit and a holder name that is not half-width kana, writing nothing', async () => {
    const before = await t.database.prisma.application.count()
    const body = systemUseApplication({ bankAccountHolder: 'アオバデンリョク' })
    body.participant.corporateNumber = body.participant.corporateNumber.replace(/^\d/, (d) =>
      String((Number(d) + 1) % 10),
    )
    const res = await apply(body)
    expect(res.statusCode).toBe(400)
    const errors = res
      .json()
      .errors.map((e: { path: string[]; messageId: string }) => [e.path.join('.'), e.messageId])
    expect(errors).toContainEqual(['participant.corporateNumber', 'E-PART-002'])
    expect(errors).toContainEqual(['participant.bankAccountHolder', 'E-PART-008'])
    expect(await t.database.prisma.application.count()).toBe(before)
  })

  it('refuses a second application for the same corporate number', async () => {
    const body = systemUseApplication()
    expect((await apply(body)).statusCode).toBe(201)
    const again = await apply(body)
    expect(again.statusCode).toBe(400)
    expect(again.json().errors[0].messageId).toBe('E-PART-011')
  })

  it('goes apply → return → correct → resubmit → approve, issuing the code and a one-time password', async () => {
    const filed = (await apply()).json()
    const id = filed.application.id
    const receipt = filed.application.receiptNo
    const key = { 'x-application-key': filed.accessKey }

    // The operator's queue lists it, oldest first.
    const queue = await t.app.inject({ url: '/api/v1/applications?state=queue', headers: operator })
    expect(queue.json().items.map((a: { id: string }) => a.id)).toContain(id)
    for (const sort of ['createdAt', '-receiptNo', 'state', '-submittedAt']) {
      const sorted = await t.app.inject({
        url: `/api/v1/applications?sort=${sort}`,
        headers: operator,
      })
      expect(sorted.statusCode, sort).toBe(200)
    }

    let res = await act(operator, id, 'startReview', 1)
    expect(res.statusCode).toBe(200)
    res = await act(operator, id, 'return', 2)
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].messageId).toBe('E-APP-002')
    res = await act(operator, id, 'return', 2, '口座名義を通帳の表記どおりに修正してください。')
    expect(res.json().application.state).toBe('returned')

    // The applicant reads it with its key (a wrong key finds nothing), corrects and resubmits.
    const wrong = await t.app.inject({
      url: `/api/v1/applications/system-use/${receipt}`,
      headers: { 'x-application-key': 'x'.repeat(32) },
    })
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().messageId).toBe('E-APP-006')
    // A key too short to be one is answered the same: no field message to look for.
    const short = await t.app.inject({
      url: `/api/v1/applications/system-use/${receipt}`,
      headers: { 'x-application-key': 'ABCD' },
    })
    expect(short.statusCode).toBe(404)
    expect(short.json().messageId).toBe('E-APP-006')
    const mine = await t.app.inject({
      url: `/api/v1/applications/system-use/${receipt}`,
      headers: key,
    })
    expect(mine.json().events.at(-1).comment).toContain('口座名義')
    const corrected = { ...filed.application.proposed }
    corrected.participant = { ...corrected.participant, bankAccountHolder: 'ｱｵﾊﾞﾃﾞﾝﾘﾖｸ(ｶ)' }
    res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/applications/system-use/${receipt}`,
      headers: { ...key, ...json },
      payload: { proposed: corrected, version: 3 },
    })
    expect(res.statusCode).toBe(200)
    res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/system-use/${receipt}/transitions/resubmit`,
      headers: { ...key, ...json },
      payload: { version: 4 },
    })
    expect(res.json().application.state).toBe('submitted')

    await act(operator, id, 'startReview', 5)
    res = await act(operator, id, 'approve', 6, '承認します。')
    expect(res.statusCode).toBe(200)
    const { application, oneTimePassword } = res.json()
    expect(application.state).toBe('approved')
    expect(application.result.participantCode).toMatch(/^P\d{5}$/)
    expect(oneTimePassword).toBeTruthy()
    // The one-time password is never stored.
    expect(
      JSON.stringify(await t.database.prisma.application.findUnique({ where: { id } })),
    ).not.toContain(oneTimePassword)
    expect(JSON.stringify(await t.database.prisma.auditLog.findMany())).not.toContain(
      oneTimePassword,
    )

    // The new administrator logs in with it and must change it first.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: json,
      payload: {
        participantCode: application.result.participantCode,
        userId: 'admin01',
        password: oneTimePassword,
      },
    })
    expect(login.statusCode).toBe(200)
    expect(login.json().mustChangePassword).toBe(true)
    const approvedEntry = await t.database.prisma.auditLog.findFirstOrThrow({
      where: { entityId: id, action: 'application.approve' },
    })
    expect(approvedEntry.participantId).toBe(application.participant?.id ?? application.entityId)
    const history = (
      await t.app.inject({ url: `/api/v1/applications/${id}`, headers: operator })
    ).json().events
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'startReview',
      'return',
      'update',
      'resubmit',
      'startReview',
      'approve',
    ])
  })

  it('gives a key without look-alikes, accepts it grouped, and never shows staff names; shows the issued code', async () => {
    const filed = (await apply()).json()
    const { accessKey, application } = filed
    expect(accessKey).toMatch(/^[2-9A-HJ-NP-Z]{24}$/)
    await act(operator, application.id, 'startReview', 1)
    await act(operator, application.id, 'approve', 2)
    const grouped = accessKey.toLowerCase().match(/.{4}/g).join('-')
    const res = await t.app.inject({
      url: `/api/v1/applications/system-use/${application.receiptNo}`,
      headers: { 'x-application-key': grouped },
    })
    expect(res.statusCode).toBe(200)
    const seen = res.json()
    expect(seen.events.map((e: { actorLabel: string }) => e.actorLabel)).toEqual([
      'applicant',
      'operator',
      'operator',
    ])
    expect(res.body).not.toContain('operator01')
    expect(seen.result.participantCode).toMatch(/^P\d{5}$/)
  })

  it('lets exactly one of two operators approving at once succeed', async () => {
    const { application } = (await apply()).json()
    await act(operator, application.id, 'startReview', 1)
    const second = await loginAs(t.app, 'OCCTO', 'operator01')
    const results = await Promise.all([
      act(operator, application.id, 'approve', 2),
      act(second, application.id, 'approve', 2),
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const loser = results.find((r) => r.statusCode === 409)
    expect(['E-APP-001', 'E-COMMON-004']).toContain(loser?.json().messageId)
    expect(
      await t.database.prisma.participant.count({
        where: { corporateNumber: application.proposed.participant.corporateNumber },
      }),
    ).toBe(1)
  })

  it('keeps applicant actions from the operator and operator actions from applicants', async () => {
    const filed = (await apply()).json()
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/system-use/${filed.application.receiptNo}/transitions/withdraw`,
      headers: { 'x-application-key': filed.accessKey, ...json },
      payload: { version: 1 },
    })
    expect(res.json().application.state).toBe('withdrawn')
    const late = await act(operator, filed.application.id, 'startReview', 2)
    expect(late.statusCode).toBe(409)
    expect(late.json().messageId).toBe('E-APP-001')
    const p1 = await loginAs(t.app, 'P00001', 'admin01')
    expect((await act(p1, filed.application.id, 'approve', 2)).statusCode).toBe(404)
  })
})

describe('[030] participant information', () => {
  it('applies to change the bank account; the operator sees the difference and approves', async () => {
    const admin = await loginAs(t.app, 'P00001', 'admin01')
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: admin })).json()
    const current = (
      await t.app.inject({ url: `/api/v1/participants/${me.participant.id}`, headers: admin })
    ).json()
    const proposed = profile({
      ...Object.fromEntries(Object.entries(current).filter(([k]) => k in profile())),
      bankBranchCode: '456',
      bankAccountNumber: '7654321',
    })
    const before = await auditCount()
    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/participants/${me.participant.id}/change-applications`,
      headers: admin,
      payload: { proposed, version: current.version },
    })
    expect(filed.statusCode).toBe(201)
    expect(await auditCount()).toBe(before + 1)
    const application = filed.json()
    expect(application.diff.map((d: { path: string }) => d.path).sort()).toEqual([
      'bankAccountNumber',
      'bankBranchCode',
    ])
    await act(operator, application.id, 'startReview', 1)
    const approved = await act(operator, application.id, 'approve', 2)
    expect(approved.statusCode).toBe(200)
    const after = (
      await t.app.inject({ url: `/api/v1/participants/${me.participant.id}`, headers: admin })
    ).json()
    expect(after).toMatchObject({
      bankBranchCode: '456',
      bankAccountNumber: '7654321',
      version: current.version + 1,
    })
    // A change based on an old version is refused.
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/participants/${me.participant.id}/change-applications`,
      headers: admin,
      payload: { proposed, version: current.version },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
  })

  it("never shows or touches another participant's information or applications", async () => {
    const a = await loginAs(t.app, 'P00001', 'admin01')
    const b = await loginAs(t.app, 'P00002', 'admin01')
    const aId = (await t.app.inject({ url: '/api/v1/auth/me', headers: a })).json().participant.id
    const current = (await t.app.inject({ url: `/api/v1/participants/${aId}`, headers: a })).json()
    const filed = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${aId}/change-applications`,
        headers: a,
        payload: {
          proposed: profile({ name: current.name }),
          version: current.version,
          submit: false,
        },
      })
    ).json()
    const before = await auditCount()
    const attempts = [
      t.app.inject({ url: `/api/v1/participants/${aId}`, headers: b }),
      t.app.inject({ url: `/api/v1/applications/${filed.id}`, headers: b }),
      act(b, filed.id, 'submit', 1),
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${filed.id}`,
        headers: b,
        payload: { proposed: {}, version: 1 },
      }),
      t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${aId}/change-applications`,
        headers: b,
        payload: { proposed: profile(), version: current.version },
      }),
      t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${aId}/cancel-applications`,
        headers: b,
        payload: { proposed: { reason: 'x' }, version: current.version },
      }),
    ]
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404)
    }
    expect(await auditCount()).toBe(before)
    const list = (await t.app.inject({ url: '/api/v1/applications', headers: b })).json()
    expect(
      list.items.every(
        (x: { participant: { code: string } | null }) => x.participant?.code === 'P00002',
      ),
    ).toBe(true)
    const participants = (await t.app.inject({ url: '/api/v1/participants', headers: b })).json()
    expect(participants.items.map((p: { code: string }) => p.code)).toEqual(['P00002'])
  })

  it('needs the edit right on 030 for a general user', async () => {
    const user = await loginAs(t.app, 'P00002', 'user01')
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: user })).json()
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/participants/${me.participant.id}/cancel-applications`,
      headers: user,
      payload: { proposed: { reason: '事業撤退のため' }, version: 1 },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().messageId).toBe('E-AUTH-005')
  })
})

describe('audit log', () => {
  it('is searched by the operator in full and by an administrator for its own participant, also as CSV', async () => {
    const all = (
      await t.app.inject({ url: '/api/v1/audit-log?pageSize=500', headers: operator })
    ).json()
    expect(all.total).toBeGreaterThan(0)
    const admin = await loginAs(t.app, 'P00001', 'admin01')
    const own = (
      await t.app.inject({ url: '/api/v1/audit-log?pageSize=500', headers: admin })
    ).json()
    expect(own.items.length).toBeGreaterThan(0)
    expect(
      own.items.every((e: { participantCode: string }) => e.participantCode === 'P00001'),
    ).toBe(true)
    const user = await loginAs(t.app, 'P00001', 'user01')
    expect((await t.app.inject({ url: '/api/v1/audit-log', headers: user })).statusCode).toBe(403)
    const csv = await t.app.inject({ url: '/api/v1/audit-log?format=csv', headers: admin })
    expect(csv.headers['content-type']).toContain('Shift_JIS')
    const text = new TextDecoder('shift_jis').decode(csv.rawPayload)
    expect(text.split('\r\n')[0]).toBe(
      '日時,操作者,事業者コード,操作,対象,対象ID,変更前,変更後,リクエストID',
    )
    const entry = own.items[0]
    expect(entry.requestId).toBeTruthy()
  })
})
