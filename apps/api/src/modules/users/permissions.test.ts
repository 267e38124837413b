import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '@yoryo/db/testing'
import { seedDemoData, type Database } from '@yoryo/db'
import { functionGroupCodes } from '@yoryo/contracts'
import { buildApp, type App } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { requireAuth } from '../../lib/guards.ts'
import { hashPassword } from '../auth/public.ts'
import { loginAs, ORIGIN } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }
type Res = Awaited<ReturnType<App['inject']>>

// The harness's app, plus two routes that declare a right on 050 (as the later modules'
// routes will), to prove the auth plugin enforces A40 rights on every route that declares one.
let app: App
let database: Database
let admin1: Session
let general: Session
let generalId: string
let admin1Id: string
beforeAll(async () => {
  database = await createTestDatabase()
  await seedDemoData(database.prisma, { hashPassword })
  app = await buildApp(testConfig({ publicOrigin: ORIGIN, webDistDir: undefined }), {
    db: database.prisma,
  })
  app.get(
    '/api/v1/probe/resources',
    { config: { access: { permission: { function: '050', mode: 'view' } } } },
    async (request) => ({ userId: requireAuth(request).user.userId }),
  )
  app.post(
    '/api/v1/probe/resources',
    { config: { access: { permission: { function: '050', mode: 'edit' } } } },
    async (request) => ({ userId: requireAuth(request).user.userId }),
  )
  await app.ready()
  admin1 = await loginAs(app, 'P00001', 'admin01')
  admin1Id = (
    await database.prisma.user.findFirstOrThrow({
      where: { userId: 'admin01', participant: { code: 'P00001' } },
    })
  ).id
  // A new general user (the demo users already have rights), logged in after its first change.
  const created = await call(admin1, 'POST', '/api/v1/users', {
    userId: 'rights01',
    name: '権限 確認',
    email: 'rights01@sakura-power.example',
    role: 'participantUser',
  })
  generalId = created.json().user.id
  const oneTimePassword = created.json().oneTimePassword as string
  const password = 'Rights#Passw0rd-2026'
  general = await loginAs(app, 'P00001', 'rights01', oneTimePassword)
  await call(general, 'POST', '/api/v1/auth/password', {
    currentPassword: oneTimePassword,
    newPassword: password,
  })
})
afterAll(async () => {
  await app.close()
  await database.close()
})

function call(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return app.inject({ method, url, headers: session, ...(payload ? { payload } : {}) })
}
const auditOf = (res: Res) =>
  database.prisma.auditLog.findMany({ where: { requestId: String(res.headers['x-request-id']) } })

async function setRights(
  rights: { functionGroup: string; canView: boolean; canEdit: boolean }[],
): Promise<Res> {
  const current = (await call(admin1, 'GET', `/api/v1/users/${generalId}/permissions`)).json()
  return call(admin1, 'PUT', `/api/v1/users/${generalId}/permissions`, {
    permissions: rights,
    version: current.version,
  })
}

describe('[A40] user permissions', () => {
  it('shows every function group; a general user starts with none', async () => {
    const res = await call(admin1, 'GET', `/api/v1/users/${generalId}/permissions`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ id: generalId, role: 'participantUser', editable: true })
    expect(body.permissions.map((p: { functionGroup: string }) => p.functionGroup)).toEqual(
      functionGroupCodes,
    )
    expect(body.permissions.every((p: { canView: boolean }) => !p.canView)).toBe(true)
    const admin = (await call(admin1, 'GET', `/api/v1/users/${admin1Id}/permissions`)).json()
    expect(admin.editable).toBe(false)
    expect(admin.permissions.every((p: { canEdit: boolean }) => p.canEdit)).toBe(true)
  })

  it('sets view and edit rights (edit implies view) with one audit entry', async () => {
    const before = (await call(admin1, 'GET', `/api/v1/users/${generalId}/permissions`)).json()
    const res = await setRights([
      { functionGroup: '050', canView: true, canEdit: false },
      { functionGroup: '110', canView: false, canEdit: true },
      { functionGroup: 'B40', canView: false, canEdit: false },
    ])
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.version).toBe(before.version + 1)
    const granted = body.permissions.filter((p: { canView: boolean }) => p.canView)
    expect(granted).toEqual([
      { functionGroup: '050', canView: true, canEdit: false },
      { functionGroup: '110', canView: true, canEdit: true },
    ])
    const entries = await auditOf(res)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'user.updatePermissions',
      entityType: 'user',
      entityId: generalId,
      before: { view: [], edit: [] },
      after: { view: ['050', '110'], edit: ['110'] },
    })

    // The user's effective rights (the SPAs build their menus from them).
    const me = (await call(general, 'GET', '/api/v1/auth/me')).json()
    expect(me.permissions).toEqual(granted)
    // A general user may read its own rights, not a colleague's.
    expect((await call(general, 'GET', `/api/v1/users/${generalId}/permissions`)).statusCode).toBe(
      200,
    )
    const other = await call(general, 'GET', `/api/v1/users/${admin1Id}/permissions`)
    expect(other.statusCode).toBe(403)
    expect(other.json().messageId).toBe('E-AUTH-005')
  })

  it('enforces the rights on routes that declare them (403 E-AUTH-005)', async () => {
    const probe = (method: 'GET' | 'POST', session = general) =>
      call(session, method, '/api/v1/probe/resources')
    await setRights([])
    for (const method of ['GET', 'POST'] as const) {
      const res = await probe(method)
      expect(res.statusCode, method).toBe(403)
      expect(res.json().messageId).toBe('E-AUTH-005')
    }
    await setRights([{ functionGroup: '050', canView: true, canEdit: false }])
    expect((await probe('GET')).statusCode).toBe(200)
    expect((await probe('POST')).statusCode).toBe(403)
    await setRights([{ functionGroup: '050', canView: false, canEdit: true }])
    expect((await probe('GET')).statusCode).toBe(200)
    expect((await probe('POST')).statusCode).toBe(200)
    // A right on another group does not help; administrators have every right.
    await setRights([{ functionGroup: '110', canView: true, canEdit: true }])
    expect((await probe('GET')).statusCode).toBe(403)
    expect((await probe('POST', admin1)).statusCode).toBe(200)
  })

  it('refuses rights for administrators, repeated groups, unknown groups and stale versions', async () => {
    const admin = (await call(admin1, 'GET', `/api/v1/users/${admin1Id}/permissions`)).json()
    const forAdmin = await call(admin1, 'PUT', `/api/v1/users/${admin1Id}/permissions`, {
      permissions: [{ functionGroup: '050', canView: true, canEdit: false }],
      version: admin.version,
    })
    expect(forAdmin.statusCode).toBe(400)
    expect(forAdmin.json().messageId).toBe('E-USER-016')

    const before = await database.prisma.userPermission.findMany({ where: { userId: generalId } })
    const repeated = await setRights([
      { functionGroup: '050', canView: true, canEdit: false },
      { functionGroup: '050', canView: true, canEdit: true },
    ])
    expect(repeated.statusCode).toBe(400)
    expect(repeated.json().errors).toEqual([
      expect.objectContaining({
        path: ['permissions', '1', 'functionGroup'],
        messageId: 'E-USER-017',
      }),
    ])
    const unknown = await setRights([{ functionGroup: '999', canView: true, canEdit: false }])
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].path).toEqual(['permissions', '0', 'functionGroup'])
    const stale = await call(admin1, 'PUT', `/api/v1/users/${generalId}/permissions`, {
      permissions: [],
      version: 1,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    for (const res of [forAdmin, repeated, unknown, stale])
      expect(await auditOf(res)).toHaveLength(0)
    expect(await database.prisma.userPermission.findMany({ where: { userId: generalId } })).toEqual(
      before,
    )
  })

  it("lets only administrators set rights, and only on their own participant's users", async () => {
    const res = await call(general, 'PUT', `/api/v1/users/${generalId}/permissions`, {
      permissions: [{ functionGroup: '050', canView: true, canEdit: true }],
      version: 1,
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().messageId).toBe('E-AUTH-005')
    const admin2 = await loginAs(app, 'P00002', 'admin01')
    for (const method of ['GET', 'PUT'] as const) {
      const other = await call(
        admin2,
        method,
        `/api/v1/users/${generalId}/permissions`,
        method === 'PUT' ? { permissions: [], version: 1 } : undefined,
      )
      expect(other.statusCode, method).toBe(404)
      expect(other.json().messageId).toBe('E-COMMON-002')
    }
  })
})
