import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CsvSample, DocumentSample, OutputFile } from '@yoryo/contracts'
import { documentTemplates } from '../../lib/documents.ts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { operationsOf } from '../../test/suites/openapi-operations.ts'

let t: TestContext
type Headers = { cookie: string; origin: string }
let operator: Headers
let admin: Headers
let user: Headers
let tso: Headers
beforeAll(async () => {
  t = await createTestApp()
  const prisma = t.database.prisma
  const template = await prisma.user.findFirstOrThrow({
    where: { userId: 'admin01', participant: { code: 'P00001' } },
  })
  const tsoOrg = await prisma.participant.create({
    data: { code: 'T90001', kind: 'tso', name: '東北送配電', nameKana: 'トウホク', nameEn: 'TSO' },
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
  // A general user without any right (A40).
  await prisma.userPermission.deleteMany({
    where: { user: { userId: 'user01', participant: { code: 'P00001' } } },
  })
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  user = await loginAs(t.app, 'P00001', 'user01')
  tso = await loginAs(t.app, 'T90001', 'tso01')
}, 120_000)
afterAll(async () => t.close())

const get = (who: Headers, url: string) => t.app.inject({ url, headers: who })

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'k00-'))
  writeFileSync(join(dir, 's.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' })
}

describe('[K20] the screen ↔ output file map', () => {
  it('everyone may read it; it holds every list route, document template and bulk format', async () => {
    for (const who of [operator, admin, user, tso]) {
      expect((await get(who, '/api/v1/output-files')).statusCode).toBe(200)
    }
    const items = (await get(user, '/api/v1/output-files')).json().items as OutputFile[]
    const lists = t.app.listRoutes.all()
    expect(lists.length).toBeGreaterThan(20)
    for (const list of lists) {
      // Every list serves at least one function (its `config.access` names it).
      expect(list.functions.length, list.operationId).toBeGreaterThan(0)
      const rows = items.filter((r) => r.source === 'list' && r.ref === list.operationId)
      expect(rows.map((r) => r.functionKey).sort(), list.operationId).toEqual(
        [...list.functions].sort(),
      )
      for (const row of rows) {
        expect(row.kind).toBe('csv')
        expect(row.columns.length).toBeGreaterThan(0)
      }
    }
    for (const template of documentTemplates()) {
      const row = items.find((r) => r.source === 'document' && r.ref === template.kind)
      expect(row, template.kind).toMatchObject({ kind: 'pdf', columns: [] })
    }
    for (const format of t.app.bulkFormats.all()) {
      const rows = items.filter((r) => r.ref === format.code)
      expect(rows.map((r) => r.source).sort(), format.code).toEqual(['bulkErrors', 'bulkSample'])
    }
    // Both SPAs' functions, the pre-delivery ones too.
    expect(new Set(items.map((r) => r.app))).toEqual(new Set(['preDelivery', 'delivery']))
  })

  it('every CSV list of the OpenAPI document is in the map (nothing exports unmapped)', async () => {
    const items = (await get(operator, '/api/v1/output-files')).json().items as OutputFile[]
    const mapped = new Set(items.map((r) => r.ref))
    const csvLists = operationsOf(t.app).filter(
      (op) =>
        'format' in op.queryParams &&
        Object.values(op.responses).some((types) => types.includes('text/csv')),
    )
    expect(csvLists.length).toBe(t.app.listRoutes.all().length)
    for (const op of csvLists) expect(mapped.has(op.operationId), op.operationId).toBe(true)
  })

  it('gives a list its CSV columns as the list route declares them (A30 notices)', async () => {
    const items = (await get(operator, '/api/v1/output-files')).json().items as OutputFile[]
    const notices = items.find((r) => r.ref === 'listNotices')
    expect(notices).toMatchObject({
      code: 'A30',
      app: 'delivery',
      path: '/notices',
      fileName: expect.stringMatching(/\.csv$/),
      apiPath: '/api/v1/notices',
    })
    const csv = await get(operator, '/api/v1/notices?format=csv&encoding=utf-8')
    const header = csv.rawPayload
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]
    expect(notices?.columns.map((c) => c.ja).join(',')).toBe(header)
  })
})

describe('[K21] CSV samples', () => {
  it('lists the lists of the screens the caller may use, with their headers', async () => {
    const of = async (who: Headers) =>
      (await get(who, '/api/v1/csv-samples')).json().items as CsvSample[]
    const all = await of(operator)
    const byUser = await of(user)
    const byTso = await of(tso)
    expect(all.length).toBeGreaterThanOrEqual(t.app.listRoutes.all().length)
    // A general user without rights sees fewer lists; the user list is for administrators.
    expect(byUser.length).toBeLessThan(all.length)
    expect(byUser.some((s) => s.functionKey === 'users')).toBe(false)
    expect((await of(admin)).some((s) => s.functionKey === 'users')).toBe(true)
    expect(byTso.some((s) => s.functionKey === 'contracts')).toBe(false)
    const notices = all.find((s) => s.operationId === 'listNotices')
    expect(notices).toMatchObject({ needsQuery: false, apiPath: '/api/v1/notices' })
    const qualifications = all.find((s) => s.operationId === 'listQualifications')
    expect(qualifications?.needsQuery).toBe(true)
  })
})

describe('[K00] document samples', () => {
  it('lists every template with its group and SPA', async () => {
    const items = (await get(user, '/api/v1/document-samples')).json().items as DocumentSample[]
    expect(items.map((i) => i.kind).sort()).toEqual(
      documentTemplates()
        .map((d) => d.kind)
        .sort(),
    )
    expect(items.find((i) => i.kind === 'capacityContract')).toMatchObject({
      title: '容量確保契約書',
      prefix: 'CC',
      functionGroup: '130',
      app: 'preDelivery',
    })
  })

  it('renders every template’s sample: its title, marked 見本, never a real number', async () => {
    const templates = documentTemplates()
    expect(templates.length).toBeGreaterThanOrEqual(7)
    const before = await t.database.prisma.document.count()
    for (const template of templates) {
      // A template without a sample fails here.
      expect(template.sample, `${template.kind} has no sample`).toBeDefined()
      const res = await get(tso, `/api/v1/document-samples/${template.kind}/pdf`)
      expect(res.statusCode, template.kind).toBe(200)
      expect(res.headers['content-type']).toBe('application/pdf')
      const text = pdfText(res.rawPayload)
      const title = template.title(template.schema.parse(template.sample))
      expect(text.replace(/\s+/g, ''), template.kind).toContain(title.replace(/\s+/g, ''))
      expect(text).toContain('文書番号 見本')
      expect(text).toContain('SAMPLE')
      if (template.prefix) expect(text).not.toMatch(new RegExp(`${template.prefix}\\d{4}-\\d{6}`))
    }
    // Nothing was issued or numbered.
    expect(await t.database.prisma.document.count()).toBe(before)
    expect((await get(tso, '/api/v1/document-samples/noSuchKind/pdf')).statusCode).toBe(404)
  })
})
