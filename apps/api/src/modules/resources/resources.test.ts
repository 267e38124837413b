import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourceKinds, type ResourceInput, type ResourceKind } from '@yoryo/contracts'
import { resourceExample } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { renderDocument } from '../../lib/documents.ts'

type Session = { cookie: string; origin: string }
let t: TestContext
let operator: Session
let admin1: Session
let user1: Session
let admin2: Session
let user2: Session
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  user1 = await loginAs(t.app, 'P00001', 'user01')
  admin2 = await loginAs(t.app, 'P00002', 'admin01')
  user2 = await loginAs(t.app, 'P00002', 'user01')
})
afterAll(async () => {
  await t.close()
})

let serial = 100
function example(kind: ResourceKind): ResourceInput {
  return resourceExample(kind, ++serial)
}

function register(session: Session, proposed: unknown, submit = true) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/resources/registration-applications',
    headers: session,
    payload: { proposed, submit },
  })
}

async function act(id: string, action: string, session = operator, comment = '') {
  const current = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: session })
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/transitions/${action}`,
    headers: session,
    payload: { version: current.json().version, comment },
  })
}

/** Review and approve an application; returns the approved application. */
async function approve(id: string) {
  expect((await act(id, 'startReview')).statusCode).toBe(200)
  const res = await act(id, 'approve')
  expect(res.statusCode, res.body).toBe(200)
  return res.json().application
}

function fieldErrors(res: { json(): { errors?: { path: string[]; messageId: string }[] } }) {
  return (res.json().errors ?? []).map((e) => `${e.path.join('.')}:${e.messageId}`)
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yoryo-notice-'))
  writeFileSync(join(dir, 'n.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'n.pdf'), '-'], { encoding: 'utf8' })
}

async function registered(kind: ResourceKind, session = admin1) {
  const values = example(kind)
  const filed = await register(session, values)
  expect(filed.statusCode, filed.body).toBe(201)
  const approved = await approve(filed.json().id)
  const detail = await t.app.inject({
    url: `/api/v1/resources/${approved.entityId}`,
    headers: session,
  })
  expect(detail.statusCode).toBe(200)
  return { values, application: approved, resource: detail.json() }
}

describe('[050] resources', () => {
  it.each(resourceKinds)(
    'registers a %s resource: approval issues the code and the registration notice (800)',
    async (kind) => {
      const { values, application, resource } = await registered(kind)
      const letter = {
        stable: 'S',
        variableSingle: 'V',
        variableAggregate: 'A',
        dispatchOrder: 'D',
      }
      expect(resource.code).toMatch(new RegExp(`^03${letter[kind]}\\d{7}$`))
      expect(application.result.resourceCode).toBe(resource.code)
      // The applicant is the participant (lists sort by it).
      expect(application.applicantName).toBe(resource.participant.name)
      expect(resource.kind).toBe(kind)
      expect(resource.members).toEqual('members' in values ? values.members : [])
      expect(resource.sites).toEqual('sites' in values ? values.sites : [])
      expect(resource.applications.map((a: { kind: string }) => a.kind)).toEqual(['register'])
      expect(resource.applications[0].events.map((e: { action: string }) => e.action)).toEqual([
        'submit',
        'startReview',
        'approve',
      ])
      expect(resource.documents).toHaveLength(1)
      const notice = resource.documents[0]
      expect(notice.documentNo).toMatch(/^RN\d{4}-\d{6}$/)
      expect(notice.documentNo).toMatch(/^RN\d{4}-\d{6}$/)

      for (const session of [admin1, operator]) {
        const res = await t.app.inject({
          url: `/api/v1/documents/${notice.id}/pdf`,
          headers: session,
        })
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toBe('application/pdf')
        const text = pdfText(res.rawPayload)
        expect(text).toContain('電源等登録通知書')
        expect(text).toContain(resource.code)
        expect(text).toContain(notice.documentNo)
        expect(text).toContain(values.name)
        expect(text).toContain('電力広域的運営推進機関')
        if (kind === 'dispatchOrder' && values.kind === 'dispatchOrder') {
          expect(text).toContain(values.sites[0]?.supplyPointId)
        }
      }
    },
  )

  it('issues codes in sequence per area and kind, none twice under concurrent approvals', async () => {
    const filed = await Promise.all(
      [1, 2, 3].map(async () => (await register(admin1, example('variableSingle'))).json()),
    )
    for (const a of filed) expect((await act(a.id, 'startReview')).statusCode).toBe(200)
    const results = await Promise.all(filed.map((a) => act(a.id, 'approve')))
    const codes = results.map((r) => r.json().application.result.resourceCode as string)
    expect(new Set(codes).size).toBe(3)
  })

  it('renders the same bytes from the same snapshot', async () => {
    const { resource } = await registered('variableAggregate')
    const row = await t.database.prisma.document.findUniqueOrThrow({
      where: { id: resource.documents[0].id },
    })
    const first = await renderDocument(row)
    const second = await renderDocument(row)
    expect(first.equals(second)).toBe(true)
    // The download is rendered from the same row: the same bytes again.
    const res = await t.app.inject({
      url: `/api/v1/documents/${row.id}/pdf`,
      headers: admin1,
    })
    expect(res.rawPayload.equals(first)).toBe(true)
  })

  it('validates per kind: generation type fit, members < 1,000 kW, 22-digit supply point IDs, katakana', async () => {
    const before = await t.database.prisma.application.count()
    const solarStable = { ...example('stable'), generationType: 'solar' }
    expect(fieldErrors(await register(admin1, solarStable))).toEqual([
      'proposed.generationType:E-RES-002',
    ])
    const aggregate = example('variableAggregate')
    if (aggregate.kind !== 'variableAggregate') throw new Error('kind')
    aggregate.members[1]!.installedKw = 1000
    aggregate.nameKana = 'ひらがな'
    expect(fieldErrors(await register(admin1, aggregate))).toEqual([
      'proposed.nameKana:E-PART-003',
      'proposed.members.1.installedKw:E-RES-006',
    ])
    const dispatch = example('dispatchOrder')
    if (dispatch.kind !== 'dispatchOrder') throw new Error('kind')
    dispatch.sites[0]!.supplyPointId = '030000000000000000001'
    expect(fieldErrors(await register(admin1, dispatch))).toEqual([
      'proposed.sites.0.supplyPointId:E-RES-007',
    ])
    const battery = { ...example('stable'), generationType: 'battery', storageHours: 2 }
    expect(fieldErrors(await register(admin1, battery))).toEqual([
      'proposed.storageHours:E-RES-009',
    ])
    expect(await t.database.prisma.application.count()).toBe(before)
  })

  it('changes a resource against its version, shows members element by element, refuses a stale approval', async () => {
    const { values, resource } = await registered('variableAggregate')
    if (values.kind !== 'variableAggregate') throw new Error('kind')
    const changed = {
      ...values,
      name: '変更後アグリゲート',
      members: [
        values.members[0],
        { ...values.members[1], installedKw: 950 },
        { name: '追加太陽光', generationType: 'solar', gridCode: 'GADD1', installedKw: 300 },
        values.members[2],
      ],
    }
    const change = (version: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/resources/${resource.id}/change-applications`,
        headers: admin1,
        payload: { proposed: changed, version },
      })
    expect((await change(resource.version + 1)).statusCode).toBe(409)
    const first = await change(resource.version)
    const second = await change(resource.version)
    expect(first.statusCode).toBe(201)
    // Members are matched by grid code: the inserted one is one added row, nothing else moves.
    expect(first.json().diff).toEqual([
      { path: 'name', current: values.name, proposed: '変更後アグリゲート' },
      { path: 'members[1].installedKw', current: values.members[1]?.installedKw, proposed: 950 },
      { path: 'members[2]', current: null, proposed: changed.members[2] },
    ])
    // The kind and the area stay.
    const area = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resource.id}/change-applications`,
      headers: admin1,
      payload: { proposed: { ...changed, area: 'kansai' }, version: resource.version },
    })
    expect(fieldErrors(area)).toEqual(['area:E-RES-013'])

    await approve(first.json().id)
    const after = await t.app.inject({ url: `/api/v1/resources/${resource.id}`, headers: admin1 })
    expect(after.json().name).toBe('変更後アグリゲート')
    expect(after.json().members.map((m: { name: string }) => m.name)).toEqual(
      changed.members.map((m) => m?.name),
    )
    expect(after.json().version).toBe(resource.version + 1)
    expect(after.json().code).toBe(resource.code)

    // The second change was filed against the old version: approval is refused.
    expect((await act(second.json().id, 'startReview')).statusCode).toBe(200)
    const stale = await act(second.json().id, 'approve')
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-APP-003')
  })

  it('cancels a resource; a cancelled resource takes no further application', async () => {
    const { resource } = await registered('stable')
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resource.id}/cancel-applications`,
      headers: admin1,
      payload: { proposed: { reason: '設備の廃止' }, version: resource.version },
    })
    expect(cancel.statusCode).toBe(201)
    await approve(cancel.json().id)
    const after = await t.app.inject({ url: `/api/v1/resources/${resource.id}`, headers: admin1 })
    expect(after.json().status).toBe('cancelled')
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resource.id}/cancel-applications`,
      headers: admin1,
      payload: { proposed: { reason: '再度' }, version: after.json().version },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-RES-014')
  })

  it('shows a participant only its own resources and documents; the operator all', async () => {
    const { resource } = await registered('variableSingle')
    const noticeId = resource.documents[0].id
    for (const url of [`/api/v1/resources/${resource.id}`, `/api/v1/documents/${noticeId}/pdf`]) {
      expect((await t.app.inject({ url, headers: admin2 })).statusCode, url).toBe(404)
      expect((await t.app.inject({ url, headers: operator })).statusCode, url).toBe(200)
      expect((await t.app.inject({ url, headers: user1 })).statusCode, url).toBe(200)
    }
    const own = await t.app.inject({ url: '/api/v1/resources?pageSize=500', headers: admin2 })
    expect(own.json().items.map((r: { id: string }) => r.id)).not.toContain(resource.id)
    const all = await t.app.inject({
      url: `/api/v1/resources?q=${resource.code}`,
      headers: operator,
    })
    expect(all.json().items.map((r: { id: string }) => r.id)).toEqual([resource.id])
    const change = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resource.id}/change-applications`,
      headers: admin2,
      payload: { proposed: example('variableSingle'), version: resource.version },
    })
    expect(change.statusCode).toBe(404)
    const csv = await t.app.inject({
      url: `/api/v1/resources?format=csv&encoding=utf-8&q=${resource.code}`,
      headers: operator,
    })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('電源等識別番号')
    expect(csv.body).toContain('変動電源(単独)')
  })

  it('refuses a general user without the edit right on 050, and the operator, to apply', async () => {
    expect((await register(user2, example('stable'))).statusCode).toBe(403)
    expect((await register(operator, example('stable'))).statusCode).toBe(403)
    expect((await register(user1, example('stable'))).statusCode).toBe(201)
  })
})

describe('demo data', () => {
  it('gives each demo resource its approved registration and notice (050, 800), once', async () => {
    const { seedDemoResourceHistory } = await import('./demo.ts')
    const first = await seedDemoResourceHistory(t.database.prisma)
    expect(first).toBeGreaterThanOrEqual(8)
    expect(await seedDemoResourceHistory(t.database.prisma)).toBe(0)
    // A seeded one: filed a month ago (the other tests' resources were filed today).
    const seeded = await t.database.prisma.application.findFirstOrThrow({
      where: {
        entityType: 'resource',
        submittedAt: { lt: new Date(Date.now() - 20 * 86_400_000) },
        participant: { code: 'P00001' },
      },
    })
    const resource = (
      await t.app.inject({ url: `/api/v1/resources/${seeded.entityId}`, headers: admin1 })
    ).json()
    expect(
      resource.applications.map((a: { kind: string; state: string }) => [a.kind, a.state]),
    ).toContainEqual(['register', 'approved'])
    const application = resource.applications.find((a: { kind: string }) => a.kind === 'register')
    expect(application.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'startReview',
      'approve',
    ])
    const notice = resource.documents[0]
    expect(notice.documentNo).toMatch(/^RN\d{4}-\d{6}$/)
    const pdf = await t.app.inject({ url: `/api/v1/documents/${notice.id}/pdf`, headers: admin1 })
    expect(pdf.statusCode).toBe(200)
    expect(pdfText(pdf.rawPayload)).toContain(resource.code)
  })
})
