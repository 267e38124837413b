import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { BulkFormatCode } from '@yoryo/contracts'
import { bulkErrors, bulkImport, postBulkImport } from '../../test/bulk.ts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { csvRecords, decodedChunks, encodingOf, normaliseCell, parseCsv } from './csv.ts'
import { defineBulkFormat } from './formats.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let admin1: Session
let user1: Session
let admin2: Session
let operator: Session
beforeAll(async () => {
  t = await createTestApp()
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  user1 = await loginAs(t.app, 'P00001', 'user01')
  admin2 = await loginAs(t.app, 'P00002', 'admin01')
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  t.app.bulkFormats.register(testFormat)
})
afterAll(async () => {
  await t.close()
})
const db = () => t.database.prisma
/** Runs the upload sweep (the recurring job) now. */
async function sweep() {
  expect(await t.app.jobs.queueRecurring('bulkUploadSweep')).toBe(true)
  await t.app.jobs.drain()
}
const get = (session: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: session })

const HEADER = 'ユーザID,シリアル番号,SHA-256フィンガープリント,有効期間開始,有効期間終了'
const hex64 = () =>
  Array.from({ length: 32 }, () =>
    Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0'),
  )
    .join('')
    .toUpperCase()

/**
 * A format of the tests only: a number per row, written to the audit log; the row whose value
 * is 13 fails while it is written (after earlier batches were written in the same transaction).
 */
const testFormat = defineBulkFormat({
  code: 'T01' as BulkFormatCode,
  functionKey: 'users',
  ja: 'テスト様式',
  en: 'Test format',
  rowSchema: z.object({
    name: z.string().max(10),
    amount: z.coerce.number().int().min(-1000).max(1_000_000),
  }),
  columns: {
    name: { header: '名称', en: 'Name', example: 'あ' },
    amount: { header: '数量', en: 'Amount', example: '1', type: 'integer' },
  },
  apply: async (tx, rows, ctx) => {
    for (const { row } of rows) {
      if (row.amount === 13) throw new Error('unlucky')
      await tx.auditLog.create({
        data: {
          actorUserId: ctx.actor.userId,
          actorLabel: ctx.actor.label,
          participantId: ctx.participantId,
          action: 'test.create',
          entityType: 'test',
          entityId: `${row.name}:${row.amount}`,
          requestId: ctx.actor.requestId,
        },
      })
    }
    return rows.length
  },
})

const testRows = (requestId: string) =>
  db().auditLog.findMany({ where: { requestId, action: 'test.create' } })

describe('[500] [K10] bulk formats', () => {
  it('lists every format with its function; whether the caller may import it', async () => {
    const admin = (await get(admin1, '/api/v1/bulk-formats')).json()
    const f711 = admin.items.find((f: { code: string }) => f.code === '711')
    expect(f711).toMatchObject({
      ja: 'クライアント証明書情報登録更新用ファイル',
      function: { key: 'clientCertificates', code: '710' },
      canImport: true,
    })
    const user = (await get(user1, '/api/v1/bulk-formats')).json()
    expect(user.items.find((f: { code: string }) => f.code === '711').canImport).toBe(false)
  })

  it('gives the item list generated from the row schema', async () => {
    const res = await get(user1, '/api/v1/bulk-formats/711')
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items
    expect(items.map((i: { header: string }) => i.header).join(',')).toBe(HEADER)
    expect(items[0]).toMatchObject({
      no: 1,
      key: 'userId',
      type: 'code',
      required: true,
      example: 'user01',
    })
    expect(items[3]).toMatchObject({ key: 'validFrom', type: 'dateTime', required: true })
    const test = (await get(admin1, '/api/v1/bulk-formats/T01')).json().items
    expect(test[1]).toMatchObject({ type: 'integer', minimum: -1000, maximum: 1_000_000 })
    expect(test[0]).toMatchObject({ type: 'text', maxLength: 10 })
    expect((await get(admin1, '/api/v1/bulk-formats/999')).statusCode).toBe(404)
  })

  it('gives a sample in Shift_JIS with CRLF (or UTF-8) that imports as it is', async () => {
    const sjis = await get(admin1, '/api/v1/bulk-formats/711/sample')
    expect(sjis.statusCode).toBe(200)
    expect(sjis.headers['content-type']).toContain('Shift_JIS')
    const text = iconv.decode(sjis.rawPayload, 'Shift_JIS')
    expect(text.split('\r\n')[0]).toBe(HEADER)
    expect(text.endsWith('\r\n')).toBe(true)
    const utf8 = await get(admin1, '/api/v1/bulk-formats/711/sample?encoding=utf-8')
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    // The round trip: the sample file as downloaded imports without error for P00001.
    const res = await bulkImport(t.app, admin1, { format: '711', mode: 'apply' }, sjis.rawPayload)
    expect(res.import).toMatchObject({ state: 'succeeded', errorCount: 0, appliedCount: 1 })
  })
})

describe('[220] bulk imports', () => {
  it('answers 202 with a queued job, then the result with its progress', async () => {
    const file = Buffer.from(`名称,数量\nA,1\nB,2\n`)
    const res = await postBulkImport(t.app, admin1, { format: 'T01', mode: 'apply' }, file)
    expect(res.statusCode, res.body).toBe(202)
    expect(res.json()).toMatchObject({ state: 'queued' })
    const queued = (await get(admin1, `/api/v1/bulk-imports/${res.json().id}`)).json()
    expect(queued).toMatchObject({ state: 'queued', processedRows: 0, format: 'T01' })
    await t.app.jobs.drain()
    const done = (await get(admin1, `/api/v1/bulk-imports/${res.json().id}`)).json()
    expect(done).toMatchObject({
      state: 'succeeded',
      mode: 'apply',
      phase: 'apply',
      totalRows: 2,
      processedRows: 2,
      appliedCount: 2,
      errorCount: 0,
    })
    expect(await testRows(String(res.headers['x-request-id']))).toHaveLength(2)
  })

  it('reads UTF-8 with and without BOM and Shift_JIS, CRLF or LF, detected or chosen', async () => {
    const text = '名称,数量\r\nあいう,1\r\n"か,き",2\r\n'
    const files: [Buffer, string][] = [
      [Buffer.from(text, 'utf8'), 'auto'],
      [Buffer.from('\uFEFF' + text.replaceAll('\r\n', '\n'), 'utf8'), 'auto'],
      [iconv.encode(text, 'Shift_JIS'), 'auto'],
      [iconv.encode(text, 'Shift_JIS'), 'shift_jis'],
      [Buffer.from(text, 'utf8'), 'utf-8'],
    ]
    for (const [content, encoding] of files) {
      const res = await bulkImport(
        t.app,
        admin1,
        { format: 'T01', mode: 'apply', encoding },
        content,
      )
      expect(res.import, encoding).toMatchObject({ state: 'succeeded', appliedCount: 2 })
      const names = (await testRows(String(res.upload.headers['x-request-id']))).map(
        (r) => r.entityId,
      )
      expect(names.sort()).toEqual(['あいう:1', 'か,き:2'])
    }
  })

  it('normalises full-width digits, signs and spaces in numeric and date cells', async () => {
    const file = Buffer.from('名称,数量\nA,１２\u3000３４５\nB,－１０\nC,＋７\n')
    const res = await bulkImport(t.app, admin1, { format: 'T01', mode: 'apply' }, file)
    expect(res.import).toMatchObject({ state: 'succeeded', appliedCount: 3 })
    const ids = (await testRows(String(res.upload.headers['x-request-id']))).map((r) => r.entityId)
    expect(ids.sort()).toEqual(['A:12345', 'B:-10', 'C:7'])
    // Dates typed in full width (711).
    const cert = `user01,０Ａ,${hex64()},２０２６／０４／０１,２０９９／０３／３１\u3000１７：００`
    const dated = await bulkImport(
      t.app,
      admin1,
      { format: '711', mode: 'apply' },
      iconv.encode(`${HEADER}\r\n${cert}\r\n`, 'Shift_JIS'),
    )
    expect(dated.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    expect(normaliseCell('\u3000１，０００\u3000', 'integer')).toBe('1,000')
    expect(normaliseCell('\u3000', 'text')).toBeUndefined()
  })

  it('stores an upload in pieces of about 1 MB and reads it back across their boundaries', async () => {
    // 3-byte characters, so the 1 MB boundaries fall inside characters; the encoding detected.
    const rows = Array.from({ length: 40_000 }, (_, i) => `あいうえおかきくけ${i % 10},${i % 1000}`)
    const content = Buffer.from(['名称,数量', ...rows].join('\n') + '\n', 'utf8')
    expect(content.length).toBeGreaterThan(1024 * 1024)
    const res = await bulkImport(t.app, admin1, { format: 'T01', mode: 'validate' }, content)
    expect(res.import).toMatchObject({ state: 'succeeded', totalRows: 40_000, errorCount: 0 })
    const chunks = await db().bulkImportChunk.findMany({
      where: { importId: res.import.id },
      orderBy: { seq: 'asc' },
    })
    expect(chunks.length).toBe(2)
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c.data)))).toEqual(content)
  }, 120_000)

  it('apply: a problem only the database checks find rolls the write pass back and is listed', async () => {
    const registered = hex64()
    const first = await bulkImport(
      t.app,
      admin1,
      { format: '711', mode: 'apply' },
      Buffer.from(`${HEADER}\nuser01,01,${registered},2026/04/01,2099/03/31\n`),
    )
    expect(first.import).toMatchObject({ state: 'succeeded', appliedCount: 1 })
    const before = await db().clientCertificate.count()
    const lines = [
      HEADER,
      `user01,01,${hex64()},2026/04/01,2099/03/31`,
      `user01,02,${registered},2026/04/01,2099/03/31`,
      `nobody,03,${hex64()},2026/04/01,2099/03/31`,
    ]
    const res = await bulkImport(
      t.app,
      admin1,
      { format: '711', mode: 'apply' },
      iconv.encode(lines.join('\r\n'), 'Shift_JIS'),
    )
    expect(res.import).toMatchObject({ state: 'failed', errorCount: 2, appliedCount: 0 })
    const found = (await bulkErrors(t.app, admin1, res.import.id)).map((r) => [r[0], r[3]])
    expect(found).toEqual([
      ['3', 'E-CERT-003'],
      ['4', 'E-CERT-007'],
    ])
    expect(await db().clientCertificate.count()).toBe(before)
  })

  it('drops the stored pieces of a refused upload', async () => {
    const before = await db().bulkImportChunk.count()
    const file = Buffer.from('名称,数量\nA,1\n')
    const res = await postBulkImport(t.app, admin1, { format: '999', mode: 'apply' }, file)
    expect(res.statusCode).toBe(400)
    expect(await db().bulkImportChunk.count()).toBe(before)
  })

  it('sweeps the pieces of an upload cut off a day ago (no import), keeps recent ones', async () => {
    const old = { importId: crypto.randomUUID(), seq: 0, data: new Uint8Array([1]) }
    const recent = { importId: crypto.randomUUID(), seq: 0, data: new Uint8Array([2]) }
    await db().bulkImportChunk.createMany({
      data: [{ ...old, createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) }, recent],
    })
    await sweep()
    const left = await db().bulkImportChunk.findMany({
      where: { importId: { in: [old.importId, recent.importId] } },
    })
    expect(left.map((c) => c.importId)).toEqual([recent.importId])
    await db().bulkImportChunk.deleteMany({ where: { importId: recent.importId } })
  })

  it('deletes the uploaded file of an import finished longer ago than the retention; result and error file stay', async () => {
    const days = t.config.bulkImports.uploadRetentionDays
    expect(days).toBe(7)
    const upload = async (text: string) => {
      const res = await postBulkImport(
        t.app,
        admin1,
        { format: 'T01', mode: 'validate' },
        Buffer.from(text),
      )
      expect(res.statusCode, res.body).toBe(202)
      return res.json().id as string
    }
    const expired = await upload('名称,数量\nA,x\n')
    const kept = await upload('名称,数量\nA,1\n')
    await t.app.jobs.drain()
    const running = await upload('名称,数量\nB,1\n')
    const finishedAt = (id: string, at: Date) =>
      db().job.updateMany({ where: { bulkImport: { id } }, data: { finishedAt: at } })
    await finishedAt(expired, new Date(Date.now() - (days * 24 + 1) * 60 * 60 * 1000))
    await finishedAt(kept, new Date(Date.now() - (days * 24 - 1) * 60 * 60 * 1000))
    // An import not finished (its job held by another runner) keeps its file whatever its age.
    const heldElsewhere = { state: 'running', lockedBy: 'another-runner', lockedAt: new Date() }
    await db().job.updateMany({ where: { bulkImport: { id: running } }, data: heldElsewhere })
    await db().bulkImportChunk.updateMany({
      where: { importId: running },
      data: { createdAt: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000) },
    })
    const pieces = (id: string) => db().bulkImportChunk.count({ where: { importId: id } })
    expect(await pieces(expired)).toBe(1)

    await sweep()
    expect(await pieces(expired)).toBe(0)
    expect(await pieces(kept)).toBe(1)
    expect(await pieces(running)).toBe(1)
    // The result and the error file of the swept import stay.
    const result = (await get(admin1, `/api/v1/bulk-imports/${expired}`)).json()
    expect(result).toMatchObject({ state: 'failed', errorCount: 1, totalRows: 1 })
    const errors = await get(admin1, `/api/v1/bulk-imports/${expired}/errors`)
    expect(errors.statusCode).toBe(200)
    expect(iconv.decode(errors.rawPayload, 'Shift_JIS').split('\r\n')).toHaveLength(3)
    await db().job.updateMany({
      where: { bulkImport: { id: running } },
      data: { state: 'queued', lockedBy: null, lockedAt: null },
    })
    await t.app.jobs.drain()
  })

  it('queues one sweep at a time', async () => {
    expect(await t.app.jobs.queueRecurring('bulkUploadSweep')).toBe(true)
    expect(await t.app.jobs.queueRecurring('bulkUploadSweep')).toBe(false)
    await t.app.jobs.drain()
    const sweeps = await db().job.findMany({
      where: { kind: 'bulkUploadSweep' },
      orderBy: { createdAt: 'desc' },
    })
    expect(sweeps[0]).toMatchObject({ state: 'succeeded' })
    expect(await t.app.jobs.queueRecurring('bulkUploadSweep')).toBe(true)
    await t.app.jobs.drain()
  })

  it('one bad row fails the file: every bad row and column in the error file, nothing written', async () => {
    const file = iconv.encode(
      ['名称,数量', 'A,1', 'とても長い名前ですね十一,x', 'C,3', 'D', ',2000000'].join('\r\n'),
      'Shift_JIS',
    )
    const res = await bulkImport(t.app, admin1, { format: 'T01', mode: 'apply' }, file)
    expect(res.import).toMatchObject({ state: 'failed', errorCount: 5, appliedCount: 0 })
    expect(await testRows(String(res.upload.headers['x-request-id']))).toHaveLength(0)
    const errors = await bulkErrors(t.app, admin1, res.import.id)
    expect(errors.map((e) => [e[0], e[1], e[2], e[3]])).toEqual([
      ['3', '名称', 'とても長い名前ですね十一', 'E-COMMON-009'],
      ['3', '数量', 'x', expect.stringMatching(/^E-/)],
      ['5', '', '', 'E-BULK-004'],
      ['6', '名称', '', 'E-COMMON-007'],
      ['6', '数量', '2000000', expect.stringMatching(/^E-/)],
    ])
    expect(errors.every((e) => (e[4] ?? '').length > 0)).toBe(true)
    // In English on request.
    const en = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bulk-imports/${res.import.id}/errors?encoding=utf-8`,
      headers: { ...admin1, 'accept-language': 'en' },
    })
    expect(en.body.replace('\uFEFF', '').split('\r\n')[0]).toBe(
      'Line,Column,Value,Message ID,Message',
    )
  })

  it('validate checks every row and writes nothing, ever', async () => {
    const before = await db().clientCertificate.count()
    const file = Buffer.from(`${HEADER}\nuser01,01,${hex64()},2026/04/01,2099/03/31\n`)
    const res = await bulkImport(t.app, admin1, { format: '711', mode: 'validate' }, file)
    expect(res.import).toMatchObject({ state: 'succeeded', totalRows: 1, appliedCount: 0 })
    expect(await db().clientCertificate.count()).toBe(before)
    const bad = await bulkImport(
      t.app,
      admin1,
      { format: '711', mode: 'validate' },
      Buffer.from(`${HEADER}\nnobody,01,${hex64()},2026/04/01,2099/03/31\n`),
    )
    expect(bad.import).toMatchObject({ state: 'failed', errorCount: 1 })
  })

  it('apply is all or nothing: a failure while writing leaves nothing of the file', async () => {
    // 1,200 rows: the first two batches of 500 are written before row 1,100 (value 13) fails.
    const lines = ['名称,数量']
    for (let i = 1; i <= 1200; i++) lines.push(`n${i},${i === 1100 ? 13 : i + 100}`)
    const res = await bulkImport(
      t.app,
      admin1,
      { format: 'T01', mode: 'apply' },
      Buffer.from(lines.join('\n')),
    )
    expect(res.import).toMatchObject({ state: 'failed', appliedCount: 0 })
    expect(await testRows(String(res.upload.headers['x-request-id']))).toHaveLength(0)
    const errors = await bulkErrors(t.app, admin1, res.import.id)
    expect(errors.map((e) => e[3])).toEqual(['E-BULK-006'])
  })

  it('an import left running by a dead process is re-run from the start, once', async () => {
    const file = Buffer.from('名称,数量\nA,1\nB,2\n')
    const res = await postBulkImport(t.app, admin1, { format: 'T01', mode: 'apply' }, file)
    const id = res.json().id as string
    const { jobId } = await db().bulkImport.findUniqueOrThrow({ where: { id } })
    // The process that claimed it died after validating half of it.
    await db().job.update({
      where: { id: jobId },
      data: {
        state: 'running',
        attempts: 1,
        processed: 1,
        lockedBy: 'dead-process',
        lockedAt: new Date(Date.now() - 3600_000),
      },
    })
    await db().bulkImportError.create({
      data: { importId: id, line: 2, column: 'name', value: 'A', messageId: 'E-COMMON-007' },
    })
    expect(await t.app.jobs.drain()).toBe(1)
    const done = (await get(admin1, `/api/v1/bulk-imports/${id}`)).json()
    expect(done).toMatchObject({ state: 'succeeded', appliedCount: 2, errorCount: 0 })
    expect(await bulkErrors(t.app, admin1, id)).toEqual([])
    expect(await testRows(String(res.headers['x-request-id']))).toHaveLength(2)
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).attempts).toBe(2)
  })

  it('lists the own participant’s imports (operator: all, by participant); hides others', async () => {
    const mine = await bulkImport(
      t.app,
      admin2,
      { format: 'T01', mode: 'validate' },
      Buffer.from('名称,数量\nA,1\n'),
    )
    const list = (await get(admin2, '/api/v1/bulk-imports?pageSize=100')).json()
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([mine.import.id])
    expect((await get(admin1, `/api/v1/bulk-imports/${mine.import.id}`)).statusCode).toBe(404)
    expect((await get(admin1, `/api/v1/bulk-imports/${mine.import.id}/errors`)).statusCode).toBe(
      404,
    )
    const p2 = (mine.import.participant as { id: string }).id
    const byOperator = (
      await get(operator, `/api/v1/bulk-imports?participantId=${p2}&pageSize=100`)
    ).json()
    expect(byOperator.items.map((i: { id: string }) => i.id)).toEqual([mine.import.id])
    const all = (await get(operator, '/api/v1/bulk-imports?pageSize=100')).json()
    expect(all.total).toBeGreaterThan(1)
    for (const sort of [
      'createdAt',
      'format',
      'mode',
      'state',
      'fileName',
      'totalRows',
      'errorCount',
      'appliedCount',
      'participantCode',
    ]) {
      for (const s of [sort, `-${sort}`]) {
        const page = await get(operator, `/api/v1/bulk-imports?sort=${s}`)
        expect(page.statusCode, s).toBe(200)
      }
    }
    const csv = await get(operator, '/api/v1/bulk-imports?format=csv')
    expect(iconv.decode(csv.rawPayload, 'Shift_JIS').split('\r\n')[0]).toContain('受付日時')
  })

  it('refuses a format whose function the caller may not edit, and an unknown format', async () => {
    const file = Buffer.from(`${HEADER}\nuser01,01,${hex64()},2026/04/01,2099/03/31\n`)
    const res = await postBulkImport(t.app, user1, { format: '711', mode: 'apply' }, file)
    expect(res.statusCode).toBe(403)
    expect(res.json().messageId).toBe('E-AUTH-005')
    const unknown = await postBulkImport(t.app, admin1, { format: '999', mode: 'apply' }, file)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].path).toEqual(['format'])
    const noMode = await postBulkImport(t.app, admin1, { format: '711' }, file)
    expect(noMode.statusCode).toBe(400)
  })
})

describe('CSV reading', () => {
  it('detects and decodes the encoding piece by piece, characters split between pieces', async () => {
    const text = '名称,数量\r\nあいう,1\r\n'
    const pieces = (b: Buffer, size: number) =>
      async function* () {
        for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size)
      }
    const decode = async (b: Buffer, size: number, enc: 'utf-8' | 'shift_jis') => {
      let out = ''
      for await (const s of decodedChunks(pieces(b, size), enc)) out += s
      return out
    }
    const utf8 = Buffer.from('\uFEFF' + text, 'utf8')
    const sjis = iconv.encode(text, 'Shift_JIS')
    for (const size of [1, 2, 4, 7]) {
      expect(await encodingOf(pieces(utf8.subarray(3), size), 'auto')).toBe('utf-8')
      expect(await encodingOf(pieces(utf8, size), 'shift_jis')).toBe('utf-8')
      expect(await encodingOf(pieces(sjis, size), 'auto')).toBe('shift_jis')
      expect(await decode(utf8, size, 'utf-8')).toBe(text)
      expect(await decode(sjis, size, 'shift_jis')).toBe(text)
    }
  })

  it('splits records across chunk boundaries exactly as in one piece', () => {
    const text = 'a,"b ""q"" c",d\r\n"x\r\ny",z\n\n"",e\r\n"end"'
    const whole = parseCsv(text)
    expect(whole).toEqual([
      { line: 1, cells: ['a', 'b "q" c', 'd'] },
      { line: 2, cells: ['x\r\ny', 'z'] },
      { line: 5, cells: ['', 'e'] },
      { line: 6, cells: ['end'] },
    ])
    for (let size = 1; size < text.length; size++) {
      const chunks: string[] = []
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size))
      expect([...csvRecords(chunks)], `chunk ${size}`).toEqual(whole)
    }
  })
})
