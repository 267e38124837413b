import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { bulkErrors, bulkImport, postBulkImport } from '../../test/bulk.ts'

type Session = { cookie: string; origin: string }
let t: TestContext
let operator: Session
let admin1: Session
beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
})
afterAll(async () => {
  await t.close()
})

const codes = ['810', '811', '812', '813', '820', '821', '822', '822M', '823', '823S'] as const

async function sample(code: string): Promise<string> {
  const res = await t.app.inject({
    url: `/api/v1/bulk-formats/${code}/sample?encoding=utf-8`,
    headers: admin1,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.body.replace(/^\uFEFF/, '')
}

/** The sample's header and a row from cells by column key (the sample's row for the others). */
async function fileOf(code: string, rows: Record<string, string>[]): Promise<Buffer> {
  const res = await t.app.inject({ url: `/api/v1/bulk-formats/${code}`, headers: admin1 })
  const list = (res.json() as { items: { key: string; header: string; example: string }[] }).items
  const lines = [list.map((i) => i.header).join(',')]
  for (const row of rows) lines.push(list.map((i) => row[i.key] ?? i.example).join(','))
  return iconv.encode(lines.join('\r\n') + '\r\n', 'Shift_JIS')
}

async function applications(where: object = {}) {
  return t.app.db.application.findMany({
    where: { entityType: 'resource', ...where },
    orderBy: { createdAt: 'asc' },
  })
}

async function act(id: string, action: string) {
  const current = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: operator })
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/transitions/${action}`,
    headers: operator,
    payload: { version: current.json().version, comment: '' },
  })
}

describe('resource bulk formats (810–813, 820–823, 822M, 823S)', () => {
  it('lists every resource format with its item list', async () => {
    const res = await t.app.inject({ url: '/api/v1/bulk-formats', headers: admin1 })
    const all = (res.json() as { items: { code: string }[] }).items
    for (const code of codes) expect(all.map((f) => f.code)).toContain(code)
  })

  it('gives each format its item list (500) from the row schema', async () => {
    const res = await t.app.inject({ url: '/api/v1/bulk-formats/810', headers: admin1 })
    const items = (res.json() as { items: Record<string, unknown>[] }).items
    const item = (key: string) => items.find((i) => i.key === key)
    expect(items.map((i) => i.key)).toEqual([
      'name',
      'nameKana',
      'area',
      'generationType',
      'gridCode',
      'location',
      'commissionedOn',
      'supportScheme',
      'installedKw',
      'houseLoadPercent',
      'hasAdjustment',
      'storageHours',
    ])
    expect(item('installedKw')).toMatchObject({ type: 'integer', required: true })
    expect(item('storageHours')).toMatchObject({ type: 'decimal', required: false })
    expect(item('area')).toMatchObject({ type: 'code', required: true })
    expect(item('generationType')?.values).toContain('lng')
    const members = await t.app.inject({ url: '/api/v1/bulk-formats/812', headers: admin1 })
    expect(
      (members.json() as { items: { key: string; header: string }[] }).items.slice(0, 1),
    ).toEqual([expect.objectContaining({ key: 'entryNo', header: '整理番号' })])
  })

  it.each(codes)(
    '%s: the sample validates, then applies as submitted applications',
    async (code) => {
      const file = Buffer.from(await sample(code))
      const before = (await applications()).length
      const validated = await bulkImport(t.app, admin1, { format: code, mode: 'validate' }, file)
      expect(
        validated.import,
        JSON.stringify(await bulkErrors(t.app, admin1, validated.import.id)),
      ).toMatchObject({
        state: 'succeeded',
        errorCount: 0,
      })
      // validate applies nothing
      expect((await applications()).length).toBe(before)
      const applied = await bulkImport(t.app, admin1, { format: code, mode: 'apply' }, file)
      expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
      const after = await applications()
      expect(after.length).toBe(before + 1)
      const filed = after.at(-1)!
      expect(filed).toMatchObject({
        state: 'submitted',
        kind: code.startsWith('81') ? 'register' : 'change',
      })
      const audits = await t.app.db.auditLog.count({
        where: { entityType: 'application', entityId: filed.id, action: 'application.create' },
      })
      expect(audits).toBe(1)
    },
  )

  /** Imports a bad file in apply mode: it fails, nothing is filed; returns [line, key, id]. */
  async function failing(code: string, rows: Record<string, string>[]) {
    const before = (await applications()).length
    const res = await bulkImport(
      t.app,
      admin1,
      { format: code, mode: 'apply' },
      await fileOf(code, rows),
    )
    expect(res.import).toMatchObject({ state: 'failed', appliedCount: 0 })
    expect((await applications()).length).toBe(before)
    return (await bulkErrors(t.app, admin1, res.import.id)).map((e) => [e[0], e[1], e[3]])
  }

  it('810/811: a generation type that does not fit the kind, storage without hours, bad numbers', async () => {
    expect(
      await failing('810', [
        { generationType: 'solar' },
        { generationType: 'battery' },
        { installedKw: 'abc', houseLoadPercent: '3.555', hasAdjustment: 'maybe' },
        {},
      ]),
    ).toEqual([
      ['2', '発電方式', 'E-RES-002'],
      ['3', '継続運転可能時間(h)', 'E-RES-009'],
      ['4', '設備容量(発電端)(kW)', 'E-COMMON-008'],
      ['4', '所内率(%)', 'E-RES-008'],
      ['4', '調整機能の有無', 'E-COMMON-008'],
    ])
    expect(await failing('811', [{ generationType: 'lng' }])).toEqual([
      ['2', '発電方式', 'E-RES-002'],
    ])
  })

  it('812/813: members of 1,000 kW, bad supply point IDs, rows of one entry that differ', async () => {
    expect(
      await failing('812', [
        { memberInstalledKw: '1000' },
        { entryNo: '2' },
        { entryNo: '2', name: '別の名前' },
      ]),
    ).toEqual([
      ['2', '構成電源の設備容量(kW)', 'E-RES-006'],
      ['4', '', 'E-RES-017'],
    ])
    expect(
      await failing('813', [
        { supplyPointId: '123' },
        { entryNo: '2', supplyPointId: '0300000000000000000077' },
        { entryNo: '2', supplyPointId: '0300000000000000000077' },
      ]),
    ).toEqual([
      ['2', '供給地点特定番号', 'E-RES-007'],
      ['4', '供給地点特定番号', 'E-RES-010'],
    ])
  })

  it('820–823, 822M, 823S: not own, another kind, cancelled, twice in the file', async () => {
    const cancelled = await t.app.db.resource.create({
      data: {
        participantId: (await t.app.db.participant.findUniqueOrThrow({ where: { code: 'P00001' } }))
          .id,
        code: '03S0999999',
        kind: 'stable',
        name: '廃止済み火力',
        nameKana: 'ハイシ',
        area: 'tokyo',
        generationType: 'lng',
        gridCode: 'GC999999',
        location: '東京都千代田区丸の内1-1-1',
        commissionedOn: '2000-04',
        supportScheme: 'none',
        installedKw: 1000,
        houseLoadPercent: 3,
        hasAdjustment: true,
        status: 'cancelled',
        cancelledAt: new Date(),
      },
    })
    expect(
      await failing('820', [
        { resourceCode: '03S0000002' }, // P00002's
        { resourceCode: '03V0000001' }, // own, another kind
        { resourceCode: cancelled.code },
        { resourceCode: '03S0000001' },
        { resourceCode: '03S0000001' },
        { resourceCode: '03S0000001', area: 'kansai' },
      ]),
    ).toEqual([
      ['2', '電源等識別番号', 'E-RES-015'],
      ['3', '電源等識別番号', 'E-RES-015'],
      ['4', '電源等識別番号', 'E-RES-014'],
      ['6', '電源等識別番号', 'E-RES-016'],
      ['7', 'エリア', 'E-RES-013'],
      ['7', '電源等識別番号', 'E-RES-016'],
    ])
    expect(
      await failing('822M', [{ resourceCode: '03A0000002' }, { installedKw: '1200' }]),
    ).toEqual([
      ['2', '電源等識別番号', 'E-RES-015'],
      ['3', '構成電源の設備容量(kW)', 'E-RES-006'],
    ])
    expect(
      await failing('823S', [{}, {}, { resourceCode: '03D0000002', supplyPointId: 'x' }]),
    ).toEqual([
      ['3', '供給地点特定番号', 'E-RES-010'],
      ['4', '供給地点特定番号', 'E-RES-007'],
    ])
  })

  it('812: the rows of one entry file one application with every member; the operator approves it', async () => {
    const res = await bulkImport(
      t.app,
      admin1,
      { format: '812', mode: 'apply' },
      await fileOf('812', [
        { entryNo: '5', memberName: '屋根A', memberGridCode: 'GMA1' },
        { entryNo: '6', name: '別アグリゲート', memberName: '屋根X', memberGridCode: 'GMX1' },
        { entryNo: '5', memberName: '屋根B', memberGridCode: 'GMA2', memberInstalledKw: '999' },
      ]),
    )
    expect(res.import).toMatchObject({ state: 'succeeded', appliedCount: 2 })
    const filed = (await applications()).slice(-2)
    const membersOf = (a: (typeof filed)[number]) =>
      (a.proposed as { members: { name: string }[] }).members
    const first = filed.find((a) => membersOf(a)[0]?.name === '屋根A')
    const second = filed.find((a) => membersOf(a)[0]?.name === '屋根X')
    expect((second!.proposed as { members: unknown[] }).members).toEqual([
      { name: '屋根X', generationType: 'solar', gridCode: 'GMX1', installedKw: 700 },
    ])
    expect(first!.proposed).toMatchObject({
      kind: 'variableAggregate',
      members: [
        { name: '屋根A', gridCode: 'GMA1', installedKw: 700 },
        { name: '屋根B', gridCode: 'GMA2', installedKw: 999 },
      ],
    })
    expect((await act(first!.id, 'startReview')).statusCode).toBe(200)
    const approved = await act(first!.id, 'approve')
    expect(approved.statusCode, approved.body).toBe(200)
    const resource = await t.app.db.resource.findFirstOrThrow({
      where: { name: '屋根置き太陽光アグリゲート10', kind: 'variableAggregate' },
      include: { members: true },
    })
    expect(resource.code).toMatch(/^03A\d{7}$/)
    expect(resource.members).toHaveLength(2)
  })

  it('812: an entry whose rows stand in different batches of the apply (1,000 rows) is one application', async () => {
    const before = (await applications()).length
    const rows: Record<string, string>[] = [
      { entryNo: '21', name: '分割アグリゲート', memberName: '先頭', memberGridCode: 'GS0001' },
    ]
    for (let i = 0; i < 999; i++) {
      rows.push({
        entryNo: '22',
        name: '中間アグリゲート',
        memberName: `屋根${i}`,
        memberGridCode: `GM${i}`,
      })
    }
    rows.push({
      entryNo: '21',
      name: '分割アグリゲート',
      memberName: '末尾',
      memberGridCode: 'GS0002',
    })
    const res = await bulkImport(
      t.app,
      admin1,
      { format: '812', mode: 'apply' },
      await fileOf('812', rows),
    )
    expect(res.import).toMatchObject({ state: 'succeeded', appliedCount: 2 })
    const filed = (await applications()).slice(before)
    expect(filed).toHaveLength(2)
    const split = filed.find((a) => (a.proposed as { name: string }).name === '分割アグリゲート')
    expect((split!.proposed as { members: { name: string }[] }).members.map((m) => m.name)).toEqual(
      ['先頭', '末尾'],
    )
  })

  it('823S: a site list replaces the sites of the resource once the operator approves the change', async () => {
    const before = await t.app.db.resource.findFirstOrThrow({ where: { code: '03D0000001' } })
    const res = await bulkImport(
      t.app,
      admin1,
      { format: '823S', mode: 'apply' },
      await fileOf('823S', [
        { name: '新工場A', supplyPointId: '0300000000000000000101' },
        { name: '新工場B', supplyPointId: '0300000000000000000102', kw: '1500' },
      ]),
    )
    expect(res.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const filed = (await applications({ kind: 'change', entityId: before.id })).at(-1)!
    expect(filed.baseVersion).toBe(before.version)
    expect((await act(filed.id, 'startReview')).statusCode).toBe(200)
    const approved = await act(filed.id, 'approve')
    expect(approved.statusCode, approved.body).toBe(200)
    const after = await t.app.db.resource.findFirstOrThrow({
      where: { code: '03D0000001' },
      include: { sites: { orderBy: { position: 'asc' } } },
    })
    expect(after.version).toBe(before.version + 1)
    expect(after.sites.map((s) => [s.name, s.supplyPointId, s.kw])).toEqual([
      ['新工場A', '0300000000000000000101', 1300],
      ['新工場B', '0300000000000000000102', 1500],
    ])
  })

  it('refuses the operator: it reviews resource applications, it does not file them', async () => {
    const p1 = await t.app.db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
    const res = await postBulkImport(
      t.app,
      operator,
      { format: '810', mode: 'validate', participantId: p1.id },
      Buffer.from(await sample('810')),
    )
    expect(res.statusCode).toBe(403)
  })
})
