import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userSortFields } from '@yoryo/contracts'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }
type Res = Awaited<ReturnType<TestContext['app']['inject']>>

let t: TestContext
let p1: string
let p2: string
let occto: string
let admin1: Session
let user1: Session
let admin2: Session
let operator: Session
beforeAll(async () => {
  t = await createTestApp()
  const id = async (code: string) =>
    (await t.database.prisma.participant.findUniqueOrThrow({ where: { code } })).id
  p1 = await id('P00001')
  p2 = await id('P00002')
  occto = await id('OCCTO')
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  user1 = await loginAs(t.app, 'P00001', 'user01')
  admin2 = await loginAs(t.app, 'P00002', 'admin01')
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
})
afterAll(async () => {
  await t.close()
})

const db = () => t.database.prisma

function call(
  session: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    headers: { ...session, ...headers },
    ...(payload ? { payload } : {}),
  })
}

/** The audit entries written by one request. */
const auditOf = (res: Res) =>
  db().auditLog.findMany({ where: { requestId: String(res.headers['x-request-id']) } })

async function expectOneAudit(res: Res, action: string, entityId: string) {
  const entries = await auditOf(res)
  expect(entries).toHaveLength(1)
  expect(entries[0]).toMatchObject({ action, entityType: 'user', entityId })
  return entries[0]
}

async function expectFieldError(res: Res, path: (string | number)[], messageId: string) {
  expect(res.statusCode, res.body).toBe(400)
  expect(res.json().messageId).toBe('E-COMMON-001')
  expect(res.json().errors).toContainEqual(expect.objectContaining({ path, messageId }))
  expect(await auditOf(res)).toHaveLength(0)
}

let sequence = 0
function newUser(overrides: Record<string, unknown> = {}) {
  sequence++
  return {
    userId: `staff${String(sequence).padStart(3, '0')}`,
    name: `山田 太郎${sequence}`,
    email: `staff${sequence}@sakura-power.example`,
    phone: '03-1234-5678',
    role: 'participantUser',
    ...overrides,
  }
}

async function create(session: Session, overrides: Record<string, unknown> = {}) {
  const res = await call(session, 'POST', '/api/v1/users', newUser(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as {
    user: { id: string; userId: string; version: number; participant: { code: string } }
    oneTimePassword: string
  }
}

function login(participantCode: string, userId: string, password: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: ORIGIN },
    payload: { participantCode, userId, password },
  })
}

describe('[020] register users', () => {
  it('registers a user with a one-time password, forced to change at first login', async () => {
    const body = newUser({ validTo: '2099-03-31T15:00:00.000Z' })
    const res = await call(admin1, 'POST', '/api/v1/users', body)
    expect(res.statusCode, res.body).toBe(201)
    const { user, oneTimePassword } = res.json()
    expect(user).toMatchObject({
      userId: body.userId,
      name: body.name,
      role: 'participantUser',
      status: 'active',
      mustChangePassword: true,
      participant: { id: p1, code: 'P00001' },
      validFrom: null,
      validTo: '2099-03-31T15:00:00.000Z',
      version: 1,
    })
    expect(user).not.toHaveProperty('passwordHash')
    expect(oneTimePassword).toMatch(/^.{16}$/)

    const entry = await expectOneAudit(res, 'user.create', user.id)
    expect(entry?.participantId).toBe(p1)
    expect(JSON.stringify(entry?.after)).not.toContain(oneTimePassword)
    expect(JSON.stringify(entry?.after)).not.toContain('argon2')

    // The one-time password is not stored in clear and works once, for a forced change.
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } })
    expect(stored.passwordHash).not.toContain(oneTimePassword)
    const first = await login('P00001', body.userId, oneTimePassword)
    expect(first.statusCode).toBe(200)
    expect(first.json().mustChangePassword).toBe(true)
    const cookie = first.cookies.find((c) => c.name === 'yoryo_session')
    const blocked = await t.app.inject({
      url: `/api/v1/users/${user.id}`,
      headers: { cookie: `yoryo_session=${cookie?.value}` },
    })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().messageId).toBe('E-AUTH-013')
  })

  it('refuses a user ID already used in the participant, and writes nothing', async () => {
    const before = await db().user.count()
    await expectFieldError(
      await call(admin1, 'POST', '/api/v1/users', newUser({ userId: 'user01' })),
      ['userId'],
      'E-USER-001',
    )
    expect(await db().user.count()).toBe(before)
    // The same user ID in another participant is fine: unique within the participant only.
    const taken = newUser()
    await create(admin1, { userId: taken.userId })
    const other = await call(admin2, 'POST', '/api/v1/users', {
      ...taken,
      email: 'x@mirai.example',
    })
    expect(other.statusCode).toBe(201)
    expect(other.json().user.participant.code).toBe('P00002')
  })

  it('gives field messages for a bad user ID, period, role, e-mail or phone', async () => {
    const before = await db().user.count()
    const post = (o: Record<string, unknown>) => call(admin1, 'POST', '/api/v1/users', newUser(o))
    await expectFieldError(await post({ userId: 'a' }), ['userId'], 'E-USER-002')
    await expectFieldError(await post({ userId: 'ユーザ01' }), ['userId'], 'E-USER-002')
    await expectFieldError(
      await post({ validFrom: '2027-04-01T00:00:00Z', validTo: '2027-03-31T00:00:00Z' }),
      ['validTo'],
      'E-USER-011',
    )
    await expectFieldError(await post({ role: 'operator' }), ['role'], 'E-USER-010')
    await expectFieldError(await post({ email: 'not-an-address' }), ['email'], 'E-PART-005')
    await expectFieldError(await post({ phone: '12345' }), ['phone'], 'E-PART-006')
    await expectFieldError(await post({ name: '' }), ['name'], 'E-COMMON-007')
    expect(await db().user.count()).toBe(before)
  })

  it('answers in English when asked', async () => {
    const res = await call(admin1, 'POST', '/api/v1/users', newUser({ userId: 'admin01' }), {
      'accept-language': 'en',
    })
    expect(res.json().errors[0].message).toBe('This user ID is already in use. Choose another.')
  })

  it('lets the operator register users of any participant and its own staff', async () => {
    const forP2 = await call(operator, 'POST', '/api/v1/users', newUser({ participantId: p2 }))
    expect(forP2.statusCode, forP2.body).toBe(201)
    expect(forP2.json().user.participant.id).toBe(p2)
    const staff = await call(operator, 'POST', '/api/v1/users', newUser({ role: 'operator' }))
    expect(staff.statusCode, staff.body).toBe(201)
    expect(staff.json().user.participant.id).toBe(occto)
    await expectFieldError(
      await call(operator, 'POST', '/api/v1/users', newUser({ role: 'participantAdmin' })),
      ['role'],
      'E-USER-010',
    )
  })
})

describe('[020] list and export users', () => {
  it("lists the own participant's users with paging, sorting and filters", async () => {
    const res = await call(admin1, 'GET', '/api/v1/users?pageSize=2&sort=-userId')
    expect(res.statusCode, res.body).toBe(200)
    const page = res.json()
    expect(page.items).toHaveLength(2)
    expect(page.total).toBeGreaterThan(2)
    const all = (await call(admin1, 'GET', '/api/v1/users?pageSize=500')).json().items as {
      userId: string
      participant: { id: string }
    }[]
    expect(all.every((u) => u.participant.id === p1)).toBe(true)
    const ids = all.map((u) => u.userId)
    expect(page.items.map((u: { userId: string }) => u.userId)).toEqual(
      [...ids].sort().reverse().slice(0, 2),
    )

    const admins = (await call(admin1, 'GET', '/api/v1/users?role=participantAdmin')).json()
    expect(admins.items.map((u: { userId: string }) => u.userId)).toEqual(['admin01'])
    const search = (
      await call(admin1, 'GET', `/api/v1/users?q=${encodeURIComponent('鈴木')}`)
    ).json()
    expect(search.items.map((u: { userId: string }) => u.userId)).toEqual(['user01'])
    const bySubstring = (await call(admin1, 'GET', '/api/v1/users?q=USER0')).json()
    expect(bySubstring.items.map((u: { userId: string }) => u.userId)).toEqual(['user01'])

    const badSort = await call(admin1, 'GET', '/api/v1/users?sort=passwordHash')
    expect(badSort.statusCode).toBe(400)
  })

  it('lets the operator list every participant or one', async () => {
    const all = (await call(operator, 'GET', '/api/v1/users?pageSize=500')).json()
    const codes = new Set(
      all.items.map((u: { participant: { code: string } }) => u.participant.code),
    )
    expect([...codes].sort()).toEqual(['OCCTO', 'P00001', 'P00002', 'T0001', 'T0002'])
    const one = (
      await call(operator, 'GET', `/api/v1/users?participantId=${p2}&pageSize=500`)
    ).json()
    expect(one.items.every((u: { participant: { id: string } }) => u.participant.id === p2)).toBe(
      true,
    )
  })

  it('exports the same filtered list as Shift_JIS CSV with Japanese headers', async () => {
    const res = await call(admin1, 'GET', '/api/v1/users?format=csv&role=participantAdmin')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('Shift_JIS')
    const text = iconv.decode(res.rawPayload, 'Shift_JIS')
    const lines = text.split('\r\n')
    expect(lines[0]).toBe(
      '事業者コード,事業者名,ユーザID,氏名,メールアドレス,電話番号,ロール,状態,有効期間開始,有効期間終了,最終ログイン日時,取消日時,登録日時',
    )
    expect(lines[1]).toContain('P00001,さくら発電株式会社,admin01,佐藤 花子')
    expect(lines[1]).toContain(',管理者ユーザ,有効,')
    // Times in JST as yyyy/MM/dd HH:mm (登録日時 is the last column).
    expect(lines[1]).toMatch(/,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/)
    expect(lines.filter(Boolean)).toHaveLength(2)

    const utf8 = await call(admin1, 'GET', '/api/v1/users?format=csv&encoding=utf-8')
    expect(utf8.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true)
    expect(utf8.rawPayload.toString('utf8')).toContain('ユーザID')
  })
})

describe('[020] list kit: search, sorting, CSV cells', () => {
  it('matches % and _ in the search text literally', async () => {
    await create(admin2, { userId: 'under_score1', name: '下線 太郎' })
    await create(admin2, { userId: 'percent1', name: '百分率%花子' })
    const ids = async (q: string) =>
      (
        (await call(admin2, 'GET', `/api/v1/users?q=${encodeURIComponent(q)}`)).json().items as {
          userId: string
        }[]
      ).map((u) => u.userId)
    expect(await ids('_')).toEqual(['under_score1'])
    expect(await ids('%')).toEqual(['percent1'])
    expect(await ids('r_s')).toEqual(['under_score1'])
    expect(await ids('\\')).toEqual([])
  })

  it('sorts by every declared column, both ways', async () => {
    for (const field of userSortFields) {
      for (const sort of [field, `-${field}`]) {
        const res = await call(operator, 'GET', `/api/v1/users?pageSize=500&sort=${sort}`)
        expect(res.statusCode, `${sort}: ${res.body}`).toBe(200)
      }
    }
    const emails = async (sort: string) =>
      (
        (await call(admin1, 'GET', `/api/v1/users?pageSize=500&sort=${sort}`)).json().items as {
          email: string
        }[]
      ).map((u) => u.email)
    const ascending = await emails('email')
    expect(ascending).toEqual([...ascending].sort())
    expect(await emails('-email')).toEqual([...ascending].reverse())
    const statuses = (
      (await call(admin1, 'GET', '/api/v1/users?pageSize=500&sort=status')).json().items as {
        status: string
      }[]
    ).map((u) => u.status)
    const rank = { active: 0, locked: 1, cancelled: 2 } as Record<string, number>
    expect(statuses).toEqual([...statuses].sort((a, b) => rank[a]! - rank[b]!))
  })

  it('neutralises formulas in CSV cells and quotes what needs it', async () => {
    await create(admin2, { userId: 'formula1', name: '=1+2' })
    await create(admin2, { userId: 'formula2', name: '@SUM(A1)' })
    await create(admin2, { userId: 'formula3', name: '-3+4' })
    await create(admin2, { userId: 'formula4', name: '+81 "quoted", name' })
    const res = await call(admin2, 'GET', '/api/v1/users?format=csv&encoding=utf-8&q=formula')
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n')
    expect(lines[1]).toContain(",formula1,'=1+2,")
    expect(lines[2]).toContain(",formula2,'@SUM(A1),")
    expect(lines[3]).toContain(",formula3,'-3+4,")
    expect(lines[4]).toContain(',formula4,"\'+81 ""quoted"", name",')
  })

  it('writes headers and enumerations in English when asked', async () => {
    const res = await call(admin1, 'GET', '/api/v1/users?format=csv&encoding=utf-8', undefined, {
      'accept-language': 'en',
    })
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toMatch(/^Participant code,Participant name,User ID,Name,E-mail/)
    expect(lines.find((l) => l.includes(',admin01,'))).toContain(',Administrator,Active,')
  })
})

describe('[020] change, cancel, unlock and reissue', () => {
  it('changes a user with its version; a stale version gets 409 and changes nothing', async () => {
    const { user } = await create(admin1)
    const change = { ...newUser(), name: '山田 次郎', role: 'participantAdmin', version: 1 }
    const res = await call(admin1, 'PUT', `/api/v1/users/${user.id}`, change)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ name: '山田 次郎', role: 'participantAdmin', version: 2 })
    const entry = await expectOneAudit(res, 'user.update', user.id)
    expect(entry?.before).toMatchObject({ role: 'participantUser', version: 1 })
    expect(entry?.after).toMatchObject({ role: 'participantAdmin', version: 2 })

    const stale = await call(admin1, 'PUT', `/api/v1/users/${user.id}`, { ...change, name: 'x' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    expect(await auditOf(stale)).toHaveLength(0)
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } })
    expect(stored.name).toBe('山田 次郎')
    expect(stored.version).toBe(2)
  })

  it('does not let an administrator demote or cancel itself', async () => {
    const me = (await call(admin1, 'GET', '/api/v1/auth/me')).json().user.id as string
    const current = (await call(admin1, 'GET', `/api/v1/users/${me}`)).json()
    const demote = await call(admin1, 'PUT', `/api/v1/users/${me}`, {
      name: current.name,
      email: current.email,
      phone: current.phone,
      role: 'participantUser',
      version: current.version,
    })
    await expectFieldError(demote, ['role'], 'E-USER-014')
    const cancel = await call(admin1, 'POST', `/api/v1/users/${me}/cancel`, {
      version: current.version,
    })
    expect(cancel.statusCode).toBe(400)
    expect(cancel.json().messageId).toBe('E-USER-013')
    expect((await db().user.findUniqueOrThrow({ where: { id: me } })).cancelledAt).toBeNull()
  })

  it('cancels a user: its sessions and API tokens end and it can no longer log in', async () => {
    const { user, oneTimePassword } = await create(admin1)
    const first = await login('P00001', user.userId, oneTimePassword)
    const cookie = `yoryo_session=${first.cookies.find((c) => c.name === 'yoryo_session')?.value}`
    const session = { cookie, origin: ORIGIN }
    const password = 'New#Passw0rd-2026'
    await call(session, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: password,
    })
    const token = (
      await call(session, 'POST', '/api/v1/auth/tokens', { name: 'batch', expiresInDays: 30 })
    ).json().token as string
    expect((await call(session, 'GET', `/api/v1/users/${user.id}`)).statusCode).toBe(200)

    const version = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).version
    const res = await call(admin1, 'POST', `/api/v1/users/${user.id}/cancel`, { version })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'cancelled', version: version + 1 })
    await expectOneAudit(res, 'user.cancel', user.id)

    expect((await call(session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401)
    const viaToken = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(viaToken.statusCode).toBe(401)
    expect((await login('P00001', user.userId, password)).statusCode).toBe(401)
    const openSessions = await db().session.count({ where: { userId: user.id, endedAt: null } })
    expect(openSessions).toBe(0)

    // A cancelled user is not changed any more.
    const again = await call(admin1, 'POST', `/api/v1/users/${user.id}/cancel`, {
      version: version + 1,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-USER-012')
    const cancelled = (await call(admin1, 'GET', '/api/v1/users?status=cancelled')).json()
    expect(cancelled.items.map((u: { id: string }) => u.id)).toContain(user.id)
  })

  it('unlocks a user locked after five failed logins', async () => {
    const { user, oneTimePassword } = await create(admin1)
    for (let i = 0; i < 5; i++) await login('P00001', user.userId, 'wrong-password')
    expect((await login('P00001', user.userId, oneTimePassword)).statusCode).toBe(423)
    const locked = (await call(admin1, 'GET', '/api/v1/users?status=locked')).json()
    expect(locked.items.map((u: { id: string }) => u.id)).toContain(user.id)

    const res = await call(admin1, 'POST', `/api/v1/users/${user.id}/unlock`, { version: 1 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'active', lockedAt: null, version: 2 })
    await expectOneAudit(res, 'user.unlock', user.id)
    expect((await login('P00001', user.userId, oneTimePassword)).statusCode).toBe(200)

    const notLocked = await call(admin1, 'POST', `/api/v1/users/${user.id}/unlock`, { version: 2 })
    expect(notLocked.statusCode).toBe(409)
    expect(notLocked.json().messageId).toBe('E-USER-015')
  })

  it('shows a lock that has run out (LOGIN_LOCK_MINUTES) as active, as the login treats it', async () => {
    const { user, oneTimePassword } = await create(admin1)
    for (let i = 0; i < 5; i++) await login('P00001', user.userId, 'wrong-password')
    const lockMinutes = t.app.config.loginLockMinutes
    const ids = async (status: string) =>
      (
        (await call(admin1, 'GET', `/api/v1/users?status=${status}&pageSize=500`)).json().items as {
          id: string
        }[]
      ).map((u) => u.id)
    expect((await call(admin1, 'GET', `/api/v1/users/${user.id}`)).json().status).toBe('locked')

    // The lock ran out a minute ago (set back in the database rather than waited for).
    await db().user.update({
      where: { id: user.id },
      data: { lockedAt: new Date(Date.now() - (lockMinutes + 1) * 60_000) },
    })
    expect((await call(admin1, 'GET', `/api/v1/users/${user.id}`)).json().status).toBe('active')
    expect(await ids('locked')).not.toContain(user.id)
    expect(await ids('active')).toContain(user.id)
    expect((await login('P00001', user.userId, oneTimePassword)).statusCode).toBe(200)
  })

  it('reissues a one-time password: sessions end, the old password stops working', async () => {
    const { user, oneTimePassword } = await create(admin1)
    const first = await login('P00001', user.userId, oneTimePassword)
    const cookie = `yoryo_session=${first.cookies.find((c) => c.name === 'yoryo_session')?.value}`

    const stale = await call(admin1, 'POST', `/api/v1/users/${user.id}/password-reissue`, {
      version: 7,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')

    const res = await call(admin1, 'POST', `/api/v1/users/${user.id}/password-reissue`, {
      version: 1,
    })
    expect(res.statusCode, res.body).toBe(200)
    const reissued = res.json()
    expect(reissued.oneTimePassword).not.toBe(oneTimePassword)
    expect(reissued.user).toMatchObject({ mustChangePassword: true, version: 2 })
    const entry = await expectOneAudit(res, 'user.reissuePassword', user.id)
    expect(JSON.stringify(entry)).not.toContain(reissued.oneTimePassword)

    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    )
    expect((await login('P00001', user.userId, oneTimePassword)).statusCode).toBe(401)
    const again = await login('P00001', user.userId, reissued.oneTimePassword)
    expect(again.statusCode).toBe(200)
    expect(again.json().mustChangePassword).toBe(true)
  })
})

describe('[020] who may do what', () => {
  it('lets a general user read only itself (403 on the administrator routes)', async () => {
    const me = (await call(user1, 'GET', '/api/v1/auth/me')).json().user.id as string
    expect((await call(user1, 'GET', `/api/v1/users/${me}`)).statusCode).toBe(200)
    const admin = await db().user.findFirstOrThrow({
      where: { participantId: p1, userId: 'admin01' },
    })
    const requests: [string, string, object?][] = [
      ['GET', `/api/v1/users/${admin.id}`],
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users', newUser()],
      ['PUT', `/api/v1/users/${me}`, { ...newUser(), version: 1 }],
      ['POST', `/api/v1/users/${admin.id}/cancel`, { version: 1 }],
      ['POST', `/api/v1/users/${admin.id}/unlock`, { version: 1 }],
      ['POST', `/api/v1/users/${me}/password-reissue`, { version: 1 }],
    ]
    for (const [method, url, payload] of requests) {
      const res = await call(user1, method as 'GET', url, payload)
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().messageId).toBe('E-AUTH-005')
      expect(await auditOf(res)).toHaveLength(0)
    }
  })

  it("answers 404 for every read, write and transition on another participant's user", async () => {
    const { user: target } = await create(admin1)
    const before = await db().user.findUniqueOrThrow({ where: { id: target.id } })
    const requests: [string, string, object?][] = [
      ['GET', `/api/v1/users/${target.id}`],
      ['PUT', `/api/v1/users/${target.id}`, { ...newUser(), version: 1 }],
      ['POST', `/api/v1/users/${target.id}/cancel`, { version: 1 }],
      ['POST', `/api/v1/users/${target.id}/unlock`, { version: 1 }],
      ['POST', `/api/v1/users/${target.id}/password-reissue`, { version: 1 }],
      ['GET', `/api/v1/users/${target.id}/permissions`],
      ['PUT', `/api/v1/users/${target.id}/permissions`, { permissions: [], version: 1 }],
      ['GET', `/api/v1/users?participantId=${p1}`],
      ['POST', '/api/v1/users', newUser({ participantId: p1 })],
    ]
    for (const [method, url, payload] of requests) {
      const res = await call(admin2, method as 'GET', url, payload)
      expect(res.statusCode, `${method} ${url}`).toBe(404)
      expect(res.json().messageId).toBe('E-COMMON-002')
      expect(await auditOf(res)).toHaveLength(0)
    }
    // A general user of B: 404 on the routes open to it, 403 on the administrator routes
    // (refused by role before any record is looked at, so nothing is revealed either way).
    const general = await loginAs(t.app, 'P00002', 'user01')
    for (const [method, url, payload] of requests) {
      const res = await call(general, method as 'GET', url, payload)
      const open = method === 'GET' && url.includes(target.id)
      expect(res.statusCode, `${method} ${url}`).toBe(open ? 404 : 403)
      expect(await auditOf(res)).toHaveLength(0)
    }
    const list = (await call(admin2, 'GET', '/api/v1/users?pageSize=500')).json()
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain(target.id)
    const csv = await call(admin2, 'GET', '/api/v1/users?format=csv&encoding=utf-8')
    expect(csv.rawPayload.toString('utf8')).not.toContain(target.userId)
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before)
    // The operator reaches every participant's users.
    expect((await call(operator, 'GET', `/api/v1/users/${target.id}`)).statusCode).toBe(200)
  })

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ url: '/api/v1/users' })
    expect(res.statusCode).toBe(401)
  })
})
