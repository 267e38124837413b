import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bulkErrors, bulkImport, postBulkImport } from '../../test/bulk.ts'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }
type Res = Awaited<ReturnType<TestContext['app']['inject']>>

const here = dirname(fileURLToPath(import.meta.url))
const EXPIRED_PEM = readFileSync(join(here, 'fixtures', 'expired-certificate.pem'), 'utf8')
const work = mkdtempSync(join(tmpdir(), 'yoryo-cert-'))

/** A self-signed certificate made by openssl, with what openssl says about it. */
function makeCertificate(days: number, cn = 'user01') {
  const name = `c${Math.random().toString(16).slice(2)}`
  const key = join(work, `${name}.key`)
  const cert = join(work, `${name}.pem`)
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      String(days),
      '-subj',
      `/C=JP/O=Sakura Power/CN=${cn}`,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  )
  const info = execFileSync('openssl', [
    'x509',
    '-in',
    cert,
    '-noout',
    '-serial',
    '-fingerprint',
    '-sha256',
  ]).toString()
  return {
    pem: readFileSync(cert, 'utf8'),
    key: readFileSync(key, 'utf8'),
    serial: /serial=([0-9A-F]+)/.exec(info)?.[1] as string,
    fingerprint: (/Fingerprint=([0-9A-F:]+)/.exec(info)?.[1] as string).replaceAll(':', ''),
  }
}

let t: TestContext
let p1: string
let p2: string
let admin1: Session
let user1: Session
let admin2: Session
let operator: Session
let user1Id: string
let p2User1Id: string
beforeAll(async () => {
  t = await createTestApp()
  const participant = async (code: string) =>
    (await t.database.prisma.participant.findUniqueOrThrow({ where: { code } })).id
  p1 = await participant('P00001')
  p2 = await participant('P00002')
  const user = async (participantId: string, userId: string) =>
    (await t.database.prisma.user.findFirstOrThrow({ where: { participantId, userId } })).id
  user1Id = await user(p1, 'user01')
  p2User1Id = await user(p2, 'user01')
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  user1 = await loginAs(t.app, 'P00001', 'user01')
  admin2 = await loginAs(t.app, 'P00002', 'admin01')
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
})
afterAll(async () => {
  await t.close()
  rmSync(work, { recursive: true, force: true })
})

const db = () => t.database.prisma

function call(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: session, ...(payload ? { payload } : {}) })
}
const auditOf = (res: Res) =>
  db().auditLog.findMany({ where: { requestId: String(res.headers['x-request-id']) } })

function register(session: Session, user: string, certificate: string) {
  return call(session, 'POST', '/api/v1/client-certificates', { user, certificate })
}

/** Imports the certificate information file (711) through the bulk-file pipeline. */
function importFile(session: Session, content: Buffer, fields: Record<string, string> = {}) {
  return bulkImport(t.app, session, { format: '711', mode: 'apply', ...fields }, content)
}

const HEADER = 'ユーザID,シリアル番号,SHA-256フィンガープリント,有効期間開始,有効期間終了'
const hex64 = () =>
  Array.from({ length: 32 }, () =>
    Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0'),
  )
    .join(':')
    .toUpperCase()

async function expectFieldError(res: Res, messageId: string) {
  expect(res.statusCode, res.body).toBe(400)
  expect(res.json().errors).toEqual([expect.objectContaining({ path: ['certificate'], messageId })])
  expect(await auditOf(res)).toHaveLength(0)
}

describe('[710] register client certificates from PEM', () => {
  it("registers a user's certificate: serial, SHA-256 fingerprint, subject, validity", async () => {
    const cert = makeCertificate(365)
    const res = await register(admin1, user1Id, cert.pem)
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      user: { id: user1Id, userId: 'user01' },
      participant: { id: p1, code: 'P00001' },
      serialNumber: cert.serial,
      fingerprint: cert.fingerprint,
      status: 'active',
      revokedAt: null,
      version: 1,
    })
    expect(body.subject).toContain('CN=user01')
    expect(Date.parse(body.validTo) - Date.now()).toBeGreaterThan(364 * 86_400_000)
    const entries = await auditOf(res)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'clientCertificate.create',
      entityType: 'clientCertificate',
      entityId: body.id,
      participantId: p1,
    })

    // Renewal: a new certificate is registered beside the old one; both log in until revoked.
    const renewal = await register(admin1, user1Id, makeCertificate(730).pem)
    expect(renewal.statusCode).toBe(201)
    const list = (await call(admin1, 'GET', `/api/v1/client-certificates?user=${user1Id}`)).json()
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([body.id, renewal.json().id]),
    )
  })

  it('refuses malformed, expired, duplicate PEM and private keys, writing nothing', async () => {
    const before = await db().clientCertificate.count()
    const cert = makeCertificate(30)
    await expectFieldError(await register(admin1, user1Id, 'not a certificate'), 'E-CERT-001')
    await expectFieldError(
      await register(admin1, user1Id, cert.pem.replace(/[A-Za-z0-9+/]{60}/, 'A'.repeat(60))),
      'E-CERT-001',
    )
    await expectFieldError(await register(admin1, user1Id, cert.key + cert.pem), 'E-CERT-004')
    const expired = await register(admin1, user1Id, EXPIRED_PEM)
    await expectFieldError(expired, 'E-CERT-002')
    expect(expired.json().errors[0].message).toContain('2021/01/01 09:00')
    expect(await db().clientCertificate.count()).toBe(before)

    expect((await register(admin1, user1Id, cert.pem)).statusCode).toBe(201)
    // The same certificate again, for this or another participant's user.
    await expectFieldError(await register(admin1, user1Id, cert.pem), 'E-CERT-003')
    await expectFieldError(await register(admin2, p2User1Id, cert.pem), 'E-CERT-003')
    expect(await db().clientCertificate.count()).toBe(before + 1)
  })

  it('refuses a cancelled user', async () => {
    const created = await call(admin1, 'POST', '/api/v1/users', {
      userId: 'leaver01',
      name: '退職 予定',
      email: 'leaver01@sakura-power.example',
      role: 'participantUser',
    })
    const id = created.json().user.id as string
    await call(admin1, 'POST', `/api/v1/users/${id}/cancel`, { version: 1 })
    const res = await register(admin1, id, makeCertificate(30).pem)
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-USER-012')
  })
})

describe('[711] certificate information file', () => {
  const importedBy = async (requestId: string) =>
    db().auditLog.findMany({ where: { requestId }, orderBy: { at: 'asc' } })

  it('imports a UTF-8 file with BOM and CRLF, all rows, one audit entry per certificate', async () => {
    const rows = [
      `user01,0A:1B:2C,${hex64()},2026/04/01,2099/03/31`,
      `admin01,ff01,${hex64().replaceAll(':', '').toLowerCase()},2026-04-01 09:00,2099-03-31 17:00:00`,
    ]
    const content = Buffer.from('\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n', 'utf8')
    const res = await importFile(admin1, content)
    expect(res.import).toMatchObject({ state: 'succeeded', totalRows: 2, appliedCount: 2 })
    const entries = await importedBy(String(res.upload.headers['x-request-id']))
    expect(entries).toHaveLength(2)
    expect(entries.every((e) => e.action === 'clientCertificate.import')).toBe(true)
    const certificates = await db().clientCertificate.findMany({
      where: { id: { in: entries.map((e) => e.entityId) } },
      include: { user: true },
      orderBy: { serialNumber: 'asc' },
    })
    expect(certificates[0]).toMatchObject({
      user: { userId: 'user01' },
      serialNumber: '0A1B2C',
      validFrom: new Date('2026-03-31T15:00:00.000Z'),
      validTo: new Date('2099-03-31T14:59:59.000Z'),
    })
    expect(certificates[1]).toMatchObject({
      user: { userId: 'admin01' },
      serialNumber: 'FF01',
      validFrom: new Date('2026-04-01T00:00:00.000Z'),
      validTo: new Date('2099-03-31T08:00:00.000Z'),
    })
    expect(certificates[1]?.fingerprint).toMatch(/^[0-9A-F]{64}$/)
  })

  it('imports a Shift_JIS file with LF line ends', async () => {
    const text = [HEADER, `user01,01,${hex64()},2026/04/01,2099/03/31`].join('\n') + '\n'
    const res = await importFile(admin1, iconv.encode(text, 'Shift_JIS'))
    expect(res.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    // The user chose the encoding explicitly.
    const chosen = await importFile(
      admin1,
      iconv.encode(
        [HEADER, `user01,02,${hex64()},2026/04/01,2099/03/31`].join('\r\n'),
        'Shift_JIS',
      ),
      { encoding: 'shift_jis' },
    )
    expect(chosen.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
  })

  it('rejects the whole file listing every bad row and field, writing nothing', async () => {
    const before = await db().clientCertificate.count()
    const auditBefore = await db().auditLog.count()
    const registered = (await db().clientCertificate.findFirstOrThrow()).fingerprint
    const dup = hex64()
    const lines = [
      HEADER,
      `user01,01,${hex64()},2026/04/01,2099/03/31`, // 2: good
      `nobody,01,${hex64()},2026/04/01,2099/03/31`, // 3: unknown user
      `user01,xyz,12AB,2026/02/30,`, // 4: serial, fingerprint, date, missing date
      `user01,01,${dup},2026/04/01,2099/03/31`, // 5: good
      `user01,02,${dup},2026/04/01,2099/03/31`, // 6: same fingerprint as line 5
      `user01,03,${registered},2026/04/01,2099/03/31`, // 7: registered already
      `user01,04,${hex64()},2020/04/01,2021/03/31`, // 8: expired
      `user01,05,${hex64()},2027/04/01,2026/04/01`, // 9: ends before it starts
      `user01,06`, // 10: too few columns
    ]
    const res = await importFile(admin1, iconv.encode(lines.join('\r\n'), 'Shift_JIS'))
    expect(res.import).toMatchObject({ state: 'failed', errorCount: 10, appliedCount: 0 })
    const found = (await bulkErrors(t.app, admin1, res.import.id)).map((r) => [r[0], r[1], r[3]])
    expect(found).toEqual([
      ['3', 'ユーザID', 'E-CERT-007'],
      ['4', 'シリアル番号', 'E-CERT-008'],
      ['4', 'SHA-256フィンガープリント', 'E-CERT-009'],
      ['4', '有効期間開始', 'E-CERT-010'],
      ['4', '有効期間終了', 'E-COMMON-007'],
      ['6', 'SHA-256フィンガープリント', 'E-CERT-013'],
      ['7', 'SHA-256フィンガープリント', 'E-CERT-003'],
      ['8', '有効期間終了', 'E-CERT-002'],
      ['9', '有効期間終了', 'E-USER-011'],
      ['10', '', 'E-BULK-004'],
    ])
    expect(await db().clientCertificate.count()).toBe(before)
    expect(await db().auditLog.count()).toBe(auditBefore)
  })

  it('rejects a file without the header row, without rows, or empty', async () => {
    const noHeader = await importFile(
      admin1,
      Buffer.from(`user01,01,${hex64()},2026/04/01,2099/03/31`),
    )
    expect(noHeader.import.state).toBe('failed')
    expect((await bulkErrors(t.app, admin1, noHeader.import.id))[0]?.[3]).toBe('E-BULK-002')
    const noRows = await importFile(admin1, Buffer.from(HEADER + '\r\n\r\n'))
    expect((await bulkErrors(t.app, admin1, noRows.import.id))[0]?.[3]).toBe('E-BULK-003')
    const empty = await postBulkImport(
      t.app,
      admin1,
      { format: '711', mode: 'apply' },
      Buffer.alloc(0),
    )
    expect(empty.json().messageId).toBe('E-ATTACH-003')
  })

  it("reads user IDs within the importer's own participant", async () => {
    // P00002 also has a user01: the file of P00002's administrator registers for that one.
    const fingerprint = hex64()
    const res = await importFile(
      admin2,
      Buffer.from([HEADER, `user01,01,${fingerprint},2026/04/01,2099/03/31`].join('\n')),
    )
    expect(res.import).toMatchObject({ state: 'succeeded', participant: { id: p2 } })
    const stored = await db().clientCertificate.findUniqueOrThrow({
      where: { fingerprint: fingerprint.replaceAll(':', '') },
    })
    expect(stored.userId).toBe(p2User1Id)
    // The operator names the participant.
    const other = hex64()
    const byOperator = await importFile(
      operator,
      Buffer.from([HEADER, `user01,02,${other},2026/04/01,2099/03/31`].join('\n')),
      { participantId: p2 },
    )
    expect(byOperator.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const byOp = await db().clientCertificate.findUniqueOrThrow({
      where: { fingerprint: other.replaceAll(':', '') },
    })
    expect(byOp.userId).toBe(p2User1Id)
  })
})

describe('[710] list, export and revoke', () => {
  it("lists the own participant's certificates; the operator all; CSV in Shift_JIS", async () => {
    const own = (await call(admin1, 'GET', '/api/v1/client-certificates?pageSize=500')).json()
    expect(own.total).toBeGreaterThan(0)
    expect(own.items.every((c: { participant: { id: string } }) => c.participant.id === p1)).toBe(
      true,
    )
    const all = (await call(operator, 'GET', '/api/v1/client-certificates?pageSize=500')).json()
    const codes = new Set(
      all.items.map((c: { participant: { code: string } }) => c.participant.code),
    )
    expect(codes.has('P00001') && codes.has('P00002')).toBe(true)
    const active = (
      await call(admin1, 'GET', '/api/v1/client-certificates?status=active&sort=-validTo')
    ).json()
    expect(active.items.every((c: { status: string }) => c.status === 'active')).toBe(true)

    const csv = await call(admin1, 'GET', '/api/v1/client-certificates?format=csv')
    const text = iconv.decode(csv.rawPayload, 'Shift_JIS')
    expect(text.split('\r\n')[0]).toBe(
      '事業者コード,ユーザID,氏名,シリアル番号,SHA-256フィンガープリント,サブジェクト,有効期間開始,有効期間終了,状態,失効日時,登録日時',
    )
    expect(text).toContain('P00001,user01,鈴木 一郎')
    expect(text).not.toContain('P00002')
  })

  it('revokes a certificate with its version', async () => {
    const cert = (await register(admin1, user1Id, makeCertificate(90).pem)).json()
    const stale = await call(admin1, 'POST', `/api/v1/client-certificates/${cert.id}/revoke`, {
      version: 5,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const res = await call(admin1, 'POST', `/api/v1/client-certificates/${cert.id}/revoke`, {
      version: 1,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'revoked', version: 2 })
    const entries = await auditOf(res)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'clientCertificate.revoke', entityId: cert.id })
    const again = await call(admin1, 'POST', `/api/v1/client-certificates/${cert.id}/revoke`, {
      version: 2,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-CERT-011')
  })
})

describe('[710] who may do what', () => {
  it("answers 404 for every read, write and transition on another participant's certificates", async () => {
    const cert = (await register(admin1, user1Id, makeCertificate(90).pem)).json()
    const file = Buffer.from([HEADER, `user01,01,${hex64()},2026/04/01,2099/03/31`].join('\n'))
    const responses: [string, Res][] = [
      ['get', await call(admin2, 'GET', `/api/v1/client-certificates/${cert.id}`)],
      [
        'revoke',
        await call(admin2, 'POST', `/api/v1/client-certificates/${cert.id}/revoke`, {
          version: 1,
        }),
      ],
      ['register', await register(admin2, user1Id, makeCertificate(30).pem)],
      ['list', await call(admin2, 'GET', `/api/v1/client-certificates?participantId=${p1}`)],
      [
        'import',
        await postBulkImport(
          t.app,
          admin2,
          { format: '711', mode: 'apply', participantId: p1 },
          file,
        ),
      ],
    ]
    for (const [name, res] of responses) {
      expect(res.statusCode, name).toBe(404)
      expect(res.json().messageId).toBe('E-COMMON-002')
      expect(await auditOf(res)).toHaveLength(0)
    }
    const list = (await call(admin2, 'GET', '/api/v1/client-certificates?pageSize=500')).json()
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(cert.id)
    expect(
      (await db().clientCertificate.findUniqueOrThrow({ where: { id: cert.id } })).revokedAt,
    ).toBeNull()
  })

  it('refuses general users on every route (403)', async () => {
    const cert = await db().clientCertificate.findFirstOrThrow({ where: { userId: user1Id } })
    const file = Buffer.from([HEADER, `user01,01,${hex64()},2026/04/01,2099/03/31`].join('\n'))
    const responses = [
      await call(user1, 'GET', '/api/v1/client-certificates'),
      await call(user1, 'GET', `/api/v1/client-certificates/${cert.id}`),
      await register(user1, user1Id, makeCertificate(30).pem),
      await call(user1, 'POST', `/api/v1/client-certificates/${cert.id}/revoke`, { version: 1 }),
      await postBulkImport(t.app, user1, { format: '711', mode: 'apply' }, file),
    ]
    for (const res of responses) {
      expect(res.statusCode).toBe(403)
      expect(res.json().messageId).toBe('E-AUTH-005')
      expect(await auditOf(res)).toHaveLength(0)
    }
  })
})

describe('[010] [710] portal warning before a certificate expires', () => {
  it('warns the user and its administrator 30 days ahead, until it is renewed', async () => {
    // A fresh user, so the certificates of the other tests do not count.
    const created = (
      await call(admin1, 'POST', '/api/v1/users', {
        userId: 'expiring01',
        name: '期限 近',
        email: 'expiring01@sakura-power.example',
        role: 'participantUser',
      })
    ).json()
    const expiring = (await register(admin1, created.user.id, makeCertificate(10).pem)).json()
    const tasksOf = async (session: Session) =>
      (
        (await call(session, 'GET', '/api/v1/portal')).json().tasks as {
          messageId: string
          params: Record<string, string>
        }[]
      ).filter((task) => task.messageId === 'W-CERT-001')

    const forAdmin = await tasksOf(admin1)
    expect(forAdmin).toContainEqual(
      expect.objectContaining({
        kind: 'certificateExpiry',
        function: '710',
        dueAt: expiring.validTo,
        params: expect.objectContaining({
          userId: 'expiring01',
          serialNumber: expiring.serialNumber,
        }),
      }),
    )
    const session = await loginAs(t.app, 'P00001', 'expiring01', created.oneTimePassword)
    const password = 'Expiring#Passw0rd-26'
    await call(session, 'POST', '/api/v1/auth/password', {
      currentPassword: created.oneTimePassword,
      newPassword: password,
    })
    expect((await tasksOf(session)).map((x) => x.params.userId)).toEqual(['expiring01'])
    // Another participant's administrator is not told.
    expect((await tasksOf(admin2)).map((x) => x.params.userId)).not.toContain('expiring01')

    await register(admin1, created.user.id, makeCertificate(365).pem)
    expect(await tasksOf(session)).toEqual([])
    expect((await tasksOf(admin1)).map((x) => x.params.userId)).not.toContain('expiring01')
  })
})

describe('[010] [710] login with a registered certificate', () => {
  let proxied: TestContext
  beforeAll(async () => {
    proxied = await createTestApp({
      clientCertificates: { mode: 'proxy', proxyHeader: 'x-client-cert-sha256', required: true },
    })
  })
  afterAll(async () => {
    await proxied.close()
  })

  it('logs in with a certificate registered through the API until it is revoked', async () => {
    const prisma = proxied.database.prisma
    const admin = await prisma.user.findFirstOrThrow({
      where: { userId: 'admin01', participant: { code: 'P00001' } },
    })
    const adminCert = makeCertificate(30, 'admin01')
    await prisma.clientCertificate.create({
      data: {
        userId: admin.id,
        serialNumber: adminCert.serial,
        fingerprint: adminCert.fingerprint,
        validFrom: new Date(Date.now() - 60_000),
        validTo: new Date(Date.now() + 86_400_000),
      },
    })
    const login = (userId: string, fingerprint: string) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: ORIGIN, 'x-client-cert-sha256': fingerprint },
        payload: { participantCode: 'P00001', userId, password: 'Participant#2026demo' },
      })
    const adminLogin = await login('admin01', adminCert.fingerprint)
    expect(adminLogin.statusCode).toBe(200)
    const cookie = `yoryo_session=${adminLogin.cookies.find((c) => c.name === 'yoryo_session')?.value}`
    const adminSession = { cookie, origin: ORIGIN }

    const userCert = makeCertificate(30)
    const user = await prisma.user.findFirstOrThrow({
      where: { userId: 'user01', participant: { code: 'P00001' } },
    })
    expect((await login('user01', userCert.fingerprint)).statusCode).toBe(403)
    const registered = await proxied.app.inject({
      method: 'POST',
      url: '/api/v1/client-certificates',
      headers: adminSession,
      payload: { user: user.id, certificate: userCert.pem },
    })
    expect(registered.statusCode, registered.body).toBe(201)
    const userLogin = await login('user01', userCert.fingerprint)
    expect(userLogin.statusCode).toBe(200)
    const userCookie = `yoryo_session=${userLogin.cookies.find((c) => c.name === 'yoryo_session')?.value}`

    const revoked = await proxied.app.inject({
      method: 'POST',
      url: `/api/v1/client-certificates/${registered.json().id}/revoke`,
      headers: adminSession,
      payload: { version: 1 },
    })
    expect(revoked.statusCode).toBe(200)
    // Its sessions end, and it logs in no more.
    const me = await proxied.app.inject({ url: '/api/v1/auth/me', headers: { cookie: userCookie } })
    expect(me.statusCode).toBe(401)
    const refused = await login('user01', userCert.fingerprint)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().messageId).toBe('E-AUTH-012')
  })
})
