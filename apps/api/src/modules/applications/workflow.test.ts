import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createParticipant, createUser } from '@yoryo/db/factories'
import { hashPassword } from '../auth/public.ts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { profile } from '../../test/fixtures.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let participantId: string
let participantCode: string
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
})
afterAll(async () => {
  await t.close()
})
// Each test works on a participant of its own, with its administrator logged in.
beforeEach(async () => {
  const p = await createParticipant(t.database.prisma, profile())
  participantId = p.id
  participantCode = p.code
  const user = await createUser(t.database.prisma, {
    participantId,
    role: 'participantAdmin',
    hashPassword,
  })
  admin = await loginAs(t.app, participantCode, user.userId, user.password)
})

async function act(session: Session, id: string, action: string, version: number, comment = '') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/transitions/${action}`,
    headers: session,
    payload: { version, comment },
  })
}

async function currentProfile() {
  const current = (
    await t.app.inject({ url: `/api/v1/participants/${participantId}`, headers: admin })
  ).json()
  const fields = Object.keys(profile())
  return {
    version: current.version as number,
    values: Object.fromEntries(Object.entries(current).filter(([k]) => fields.includes(k))),
  }
}

async function fileChange(changes: Record<string, string>, submit = true) {
  const { version, values } = await currentProfile()
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/participants/${participantId}/change-applications`,
    headers: admin,
    payload: { proposed: { ...values, ...changes }, version, submit },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** A general user of the test's participant with the rights given (A40), and its session. */
async function generalUser(
  rights: { functionGroup: string; canView: boolean; canEdit: boolean }[],
) {
  const user = await createUser(t.database.prisma, {
    participantId,
    role: 'participantUser',
    hashPassword,
    ...(rights.length ? { permissions: { create: rights } } : {}),
  })
  return loginAs(t.app, participantCode, user.userId, user.password)
}

function multipart(fields: Record<string, string>) {
  const boundary = '----yoryo' + Math.random().toString(16).slice(2)
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  )
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n--${boundary}--\r\n`,
  )
  return { payload: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}` }
}

async function upload(session: Session, ownerType: string, ownerId: string) {
  const body = multipart({ ownerType, ownerId })
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...session, 'content-type': body.contentType },
    payload: body.payload,
  })
}

describe('[030] lost update: an application filed against a version the record has left', () => {
  it('refuses to approve the second of two changes filed against the same version, until it is re-filed', async () => {
    const a = await fileChange({ contactName: '変更 太郎' })
    const b = await fileChange({ bankAccountNumber: '7654321' })
    expect(b.baseVersion).toBe(a.baseVersion)

    await act(operator, a.id, 'startReview', a.version)
    expect((await act(operator, a.id, 'approve', a.version + 1)).statusCode).toBe(200)

    await act(operator, b.id, 'startReview', b.version)
    // The reviewer is told before deciding.
    const seen = (
      await t.app.inject({ url: `/api/v1/applications/${b.id}`, headers: operator })
    ).json()
    expect(seen.stale).toBe(true)
    const refused = await act(operator, b.id, 'approve', b.version + 1)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().messageId).toBe('E-APP-003')
    expect((await currentProfile()).values.contactName).toBe('変更 太郎')

    // Returned for re-filing: the applicant corrects against the record as it is now.
    const returned = await act(
      operator,
      b.id,
      'return',
      b.version + 1,
      '最新の情報で再申込してください。',
    )
    expect(returned.statusCode).toBe(200)
    const { values } = await currentProfile()
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${b.id}`,
      headers: admin,
      payload: { proposed: { ...values, bankAccountNumber: '7654321' }, version: b.version + 2 },
    })
    expect(updated.statusCode, updated.body).toBe(200)
    const resubmitted = await act(admin, b.id, 'resubmit', b.version + 3)
    expect(resubmitted.statusCode).toBe(200)
    const again = resubmitted.json().application
    expect(again.stale).toBe(false)
    expect(again.diff.map((d: { path: string }) => d.path)).toEqual(['bankAccountNumber'])
    // What changed since it was returned.
    expect(again.sinceReturned.map((d: { path: string }) => d.path)).toEqual(['contactName'])
    await act(operator, b.id, 'startReview', again.version)
    expect((await act(operator, b.id, 'approve', again.version + 1)).statusCode).toBe(200)
    const after = (await currentProfile()).values
    expect(after).toMatchObject({ contactName: '変更 太郎', bankAccountNumber: '7654321' })
  })

  it('refuses a cancellation filed before a change that was approved since', async () => {
    const change = await fileChange({ contactPhone: '03-1111-2222' })
    const { version } = await currentProfile()
    const cancel = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${participantId}/cancel-applications`,
        headers: admin,
        payload: { proposed: { reason: '事業撤退のため' }, version },
      })
    ).json()
    await act(operator, change.id, 'startReview', change.version)
    expect((await act(operator, change.id, 'approve', change.version + 1)).statusCode).toBe(200)
    await act(operator, cancel.id, 'startReview', cancel.version)
    const refused = await act(operator, cancel.id, 'approve', cancel.version + 1)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().messageId).toBe('E-APP-003')
    const p = await t.database.prisma.participant.findUniqueOrThrow({
      where: { id: participantId },
    })
    expect(p.status).toBe('active')
    await act(operator, cancel.id, 'reject', cancel.version + 1, '取下げてください。')
  })
})

describe("[A40] rights on applications follow the record kind's function group", () => {
  it("shows a general user without rights nothing of its participant's applications", async () => {
    const application = await fileChange({ contactDepartment: '審査部' }, false)
    const none = await generalUser([])
    expect(
      (await t.app.inject({ url: `/api/v1/participants/${participantId}`, headers: none }))
        .statusCode,
    ).toBe(403)
    const detail = await t.app.inject({
      url: `/api/v1/applications/${application.id}`,
      headers: none,
    })
    expect(detail.statusCode).toBe(403)
    expect(detail.json().messageId).toBe('E-AUTH-005')
    expect(detail.body).not.toContain('bankAccountNumber')
    const list = await t.app.inject({ url: '/api/v1/applications', headers: none })
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toEqual([])
    const csv = await t.app.inject({
      url: '/api/v1/applications?format=csv&encoding=utf-8',
      headers: none,
    })
    expect(csv.body).not.toContain(application.receiptNo)
    expect((await act(none, application.id, 'submit', application.version)).statusCode).toBe(403)
    expect((await act(none, application.id, 'withdraw', application.version)).statusCode).toBe(403)
    await act(admin, application.id, 'withdraw', application.version)
  })

  it('lets a user with view read but not act, and the edit right act', async () => {
    const application = await fileChange({ contactDepartment: '企画部' }, false)
    const viewer = await generalUser([{ functionGroup: '030', canView: true, canEdit: false }])
    expect(
      (await t.app.inject({ url: `/api/v1/applications/${application.id}`, headers: viewer }))
        .statusCode,
    ).toBe(200)
    const listed = (await t.app.inject({ url: '/api/v1/applications', headers: viewer })).json()
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(application.id)
    expect((await act(viewer, application.id, 'submit', application.version)).statusCode).toBe(403)
    const editor = await generalUser([{ functionGroup: '030', canView: true, canEdit: true }])
    expect((await act(editor, application.id, 'withdraw', application.version)).statusCode).toBe(
      200,
    )
  })

  it("keeps a general user without the edit right from uploading or deleting its participant's attachments", async () => {
    const none = await generalUser([])
    const viewer = await generalUser([{ functionGroup: '030', canView: true, canEdit: false }])
    const own = await upload(admin, 'participant', participantId)
    expect(own.statusCode).toBe(201)
    const file = own.json()

    for (const session of [none, viewer]) {
      const up = await upload(session, 'participant', participantId)
      expect(up.statusCode).toBe(403)
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/attachments/${file.id}`,
        headers: session,
      })
      expect(del.statusCode).toBe(403)
    }
    const listNone = await t.app.inject({
      url: `/api/v1/attachments?ownerType=participant&ownerId=${participantId}`,
      headers: none,
    })
    expect(listNone.statusCode).toBe(403)
    const download = await t.app.inject({
      url: `/api/v1/attachments/${file.id}/content`,
      headers: none,
    })
    expect(download.statusCode).toBe(403)
    const listViewer = await t.app.inject({
      url: `/api/v1/attachments?ownerType=participant&ownerId=${participantId}`,
      headers: viewer,
    })
    expect(listViewer.json().map((x: { id: string }) => x.id)).toContain(file.id)
  })

  it("checks the application's rights for files attached to an application", async () => {
    const application = await fileChange({ contactDepartment: '経理部' }, false)
    const none = await generalUser([])
    const editor = await generalUser([{ functionGroup: '030', canView: true, canEdit: true }])
    expect((await upload(none, 'application', application.id)).statusCode).toBe(403)
    const up = await upload(editor, 'application', application.id)
    expect(up.statusCode, up.body).toBe(201)
    const other = await loginAs(t.app, 'P00002', 'admin01')
    expect((await upload(other, 'application', application.id)).statusCode).toBe(404)
    await act(admin, application.id, 'withdraw', application.version)
  })
})
