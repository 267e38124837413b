import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMessage } from '@yoryo/contracts'
import type {
  ContractAmount,
  ContractAmountDetail,
  SettlementDocumentDetail,
  SettlementDocumentRow,
  SettlementIssueResult,
  SettlementRun,
} from '@yoryo/contracts'
import type { Contract, Resource } from '@yoryo/db'
import { createContract, createResource, resourceExample } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { putDaySeries, putDispatchOrder, putReserveNoticeDay } from '../feeds/public.ts'
import { shareByLargestRemainder } from './compute.ts'
import { settlementJob, startSettlementRun } from './job.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1: Session
let p2: Session
let p1Id: string
let p2Id: string
let s: Resource
let r9: Resource
let d: Resource
let c1: Contract
let c2: Contract
let c3: Contract

const MONTH = '2013-06'
const writer = { source: 'test', userId: null }
const flat = (v: number) => Array<number>(48).fill(v)

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: session,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })

async function ok<T>(session: Session, url: string): Promise<T> {
  const res = await call(session, 'GET', url)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yoryo-settlement-'))
  writeFileSync(join(dir, 'd.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' })
}

async function settle(month: string): Promise<SettlementRun> {
  const res = await call(operator, 'POST', '/api/v1/settlements', { month })
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
  const run = await ok<SettlementRun>(operator, `/api/v1/settlements/${res.json().id}`)
  expect(run.state, run.error ?? '').toBe('succeeded')
  return run
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.prisma
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1 = await loginAs(t.app, 'P00001', 'admin01')
  p2 = await loginAs(t.app, 'P00002', 'admin01')
  p1Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id

  // P00001: s with two contracts (U = 8,760 yen/kW-year); c1 hands 1,000 kW of June to r9
  // (P00002). P00002: d, a dispatch-order resource whose two orders delivered nothing (a
  // penalty of twice its monthly amount: a negative net, an invoice).
  s = await createResource(db, {
    participantId: p1Id,
    values: { ...resourceExample('stable'), area: 'kyushu' },
  })
  r9 = await createResource(db, {
    participantId: p2Id,
    values: { ...resourceExample('stable'), area: 'kyushu' },
  })
  d = await createResource(db, { participantId: p2Id, kind: 'dispatchOrder' })
  c1 = await createContract(db, {
    resource: s,
    deliveryYear: 2013,
    contractKw: 6_000,
    annualAmount: 52_560_000,
    state: 'active',
  })
  c2 = await createContract(db, {
    resource: s,
    deliveryYear: 2013,
    contractKw: 4_000,
    annualAmount: 35_040_000,
    state: 'active',
  })
  c3 = await createContract(db, {
    resource: d,
    deliveryYear: 2013,
    contractKw: 5_000,
    annualAmount: 60_000_000,
    state: 'active',
  })
  const replacement = await db.replacement.create({
    data: {
      contractId: c1.id,
      participantId: p1Id,
      replacingResourceId: r9.id,
      replacingParticipantId: p2Id,
      kw: 1_000,
      fromMonth: MONTH,
      toMonth: MONTH,
      state: 'approved',
    },
  })
  await db.replacementAllocation.create({
    data: {
      contractId: c1.id,
      replacementId: replacement.id,
      resourceId: r9.id,
      month: MONTH,
      kw: 1_000,
    },
  })
  await db.$transaction(async (tx) => {
    await putReserveNoticeDay(tx, writer, {
      area: 'kyushu',
      date: '2013-06-03',
      marginBp: flat(700),
      noticeKind: Array.from({ length: 48 }, (_, i) => (i === 36 || i === 37 ? 'dayAhead' : '')),
    })
    await putDaySeries(tx, writer, {
      resourceId: s.id,
      resourceCode: s.code,
      date: '2013-06-03',
      series: { meteredKwh: flat(3_333) },
    })
    for (const [n, date] of [
      [1, '2013-06-05'],
      [2, '2013-06-12'],
    ] as const) {
      await putDispatchOrder(tx, writer, {
        orderId: `T-STL-2013-${n}`,
        resourceId: d.id,
        orderedAt: new Date(`${date}T00:00:00Z`),
        startAt: new Date(`${date}T05:00:00Z`),
        instructedKw: 1_000,
        baselineKw: [3_000, 3_000],
        actualKw: [3_000, 3_000],
      })
    }
  })
  const res = await call(operator, 'POST', '/api/v1/assessments/runs', { month: MONTH })
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
})

afterAll(async () => {
  await t.close()
})

describe('[E10] settlement runs and contract amounts', () => {
  it('refuses a month not ended, one without an assessment, and participants', async () => {
    const future = await call(operator, 'POST', '/api/v1/settlements', { month: '2099-01' })
    expect(future.statusCode).toBe(409)
    expect(future.json().messageId).toBe('E-STL-001')
    const none = await call(operator, 'POST', '/api/v1/settlements', { month: '2013-05' })
    expect(none.statusCode).toBe(409)
    expect(none.json().messageId).toBe('E-STL-002')
    const participant = await call(p1, 'POST', '/api/v1/settlements', { month: MONTH })
    expect(participant.statusCode).toBe(403)
    const empty = await call(operator, 'GET', `/api/v1/contract-amounts?month=${MONTH}`)
    expect(empty.statusCode).toBe(404)
    expect(empty.json().messageId).toBe('E-STL-005')
  })

  it('settles a month: monthly amounts, replacement moves, penalty shares; versions', async () => {
    const v1 = await settle(MONTH)
    expect(v1).toMatchObject({ version: 1, current: true, lineCount: 4, assessmentVersion: 1 })
    const v2 = await settle(MONTH)
    expect(v2).toMatchObject({ version: 2, current: true })
    const runs = await ok<{ items: SettlementRun[] }>(
      operator,
      `/api/v1/settlements?month=${MONTH}`,
    )
    expect(runs.items.map((r) => [r.version, r.current])).toEqual([
      [2, true],
      [1, false],
    ])

    const all = await ok<{ items: ContractAmount[]; total: number }>(
      operator,
      `/api/v1/contract-amounts?month=${MONTH}&pageSize=100`,
    )
    expect(all.total).toBe(4)
    expect(all.items.every((l) => l.runId === v2.id)).toBe(true)
    const row = (c: Contract, r: Resource) =>
      all.items.find((l) => l.contractId === c.id && l.resourceId === r.id) as ContractAmount
    // June = index 2: floor(A / 12). c1 moves floor(4,380,000 × 1,000 / 6,000) = 730,000 to r9.
    expect(row(c1, s)).toMatchObject({
      kind: 'contract',
      participantId: p1Id,
      monthlyAmount: 4_380_000,
      replacementKw: -1_000,
      replacementAmount: -730_000,
      amount: 3_650_000,
    })
    expect(row(c1, r9)).toMatchObject({
      kind: 'replacement',
      participantId: p2Id,
      monthlyAmount: 0,
      replacementKw: 1_000,
      replacementAmount: 730_000,
      amount: 730_000,
    })
    expect(row(c2, s)).toMatchObject({ monthlyAmount: 2_920_000, amount: 2_920_000 })
    // d: two orders at ratio 0 → 2 × 60,000,000 / 12 = 10,000,000 (under the monthly cap).
    expect(row(c3, d)).toMatchObject({
      monthlyAmount: 5_000_000,
      penalty: 10_000_000,
      net: -5_000_000,
    })
    const sum = (f: (l: ContractAmount) => number) => all.items.reduce((a, l) => a + f(l), 0)
    expect(sum((l) => l.amount)).toBe(4_380_000 + 2_920_000 + 5_000_000)
    expect(sum((l) => l.monthlyAmount)).toBe(v2.monthlyAmount)

    // s's penalty is shared between c1 and c2 by their amounts (largest remainder).
    const results = await t.database.prisma.assessmentResult.findMany({
      where: { month: MONTH },
      select: { id: true, resourceId: true, total: true },
    })
    const sTotal = Number(results.find((r) => r.resourceId === s.id)?.total)
    expect(sTotal).toBeGreaterThan(0)
    expect([row(c1, s).penalty, row(c2, s).penalty]).toEqual(
      shareByLargestRemainder(sTotal, [
        { weight: 3_650_000, order: c1.contractNo },
        { weight: 2_920_000, order: c2.contractNo },
      ]),
    )
    expect(sum((l) => l.penalty)).toBe(results.reduce((a, r) => a + Number(r.total), 0))
    for (const l of all.items) expect(l.net).toBe(l.amount - l.penalty)

    // A participant sees its own lines only; filters; sorting; CSV.
    const own = await ok<{ items: ContractAmount[] }>(p1, `/api/v1/contract-amounts?month=${MONTH}`)
    expect(own.items.map((l) => l.contractNo)).toEqual([c1.contractNo, c2.contractNo])
    const foreign = await call(p1, 'GET', `/api/v1/contract-amounts/${row(c3, d).id}`)
    expect(foreign.statusCode).toBe(404)
    const byContract = await ok<{ items: ContractAmount[] }>(
      operator,
      `/api/v1/contract-amounts?month=${MONTH}&contract=${c1.contractNo}&sort=-amount`,
    )
    expect(byContract.items.map((l) => l.kind)).toEqual(['contract', 'replacement'])
    const byParticipant = await ok<{ items: ContractAmount[] }>(
      operator,
      `/api/v1/contract-amounts?month=${MONTH}&participantId=${p2Id}&sort=net`,
    )
    expect(byParticipant.items.map((l) => l.resourceId)).toEqual([d.id, r9.id])
    const older = await ok<{ items: ContractAmount[] }>(
      operator,
      `/api/v1/contract-amounts?runId=${v1.id}`,
    )
    expect(older.items.every((l) => l.version === 1)).toBe(true)
    const csv = await call(
      operator,
      'GET',
      `/api/v1/contract-amounts?month=${MONTH}&format=csv&encoding=utf-8`,
    )
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('契約番号')
    expect(csv.body).toContain(c3.contractNo)

    const detail = await ok<ContractAmountDetail>(p1, `/api/v1/contract-amounts/${row(c1, s).id}`)
    expect(detail.moves).toEqual([{ resourceCode: r9.code, kw: -1_000, amount: -730_000 }])
    expect(detail.contract).toMatchObject({ contractKw: 6_000, annualAmount: 52_560_000 })
    expect(detail.penaltyShare).toEqual({
      resourceTotal: sTotal,
      weight: 3_650_000,
      weightTotal: 6_570_000,
      assessmentVersion: 1,
    })
    expect(detail.assessmentResultId).toBe(results.find((r) => r.resourceId === s.id)?.id)
  })
  it('writes a run all or nothing: a crash before the end leaves the previous version current', async () => {
    const db = t.database.prisma
    const queued = await startSettlementRun(
      db,
      t.app.jobs,
      { userId: null, label: 'test', requestId: 'test' },
      MONTH,
    )
    const crashing = settlementJob(db, {
      beforeFinish: async () => {
        throw new Error('power cut')
      },
    })
    await expect(
      crashing({
        id: queued.jobId as string,
        kind: 'settlement',
        payload: { runId: queued.id },
        attempt: 1,
        progress: () => undefined,
        finishIn: async () => undefined,
      }),
    ).rejects.toThrow('power cut')
    expect(await db.settlementLine.count({ where: { runId: queued.id } })).toBe(0)
    const runs = await ok<{ items: SettlementRun[] }>(
      operator,
      `/api/v1/settlements?month=${MONTH}`,
    )
    expect(runs.items.map((r) => [r.version, r.state, r.current])).toEqual([
      [3, 'failed', false],
      [2, 'succeeded', true],
      [1, 'succeeded', false],
    ])
    // The real job (still queued) runs the month again from the start.
    await t.app.jobs.drain()
    const done = await ok<SettlementRun>(operator, `/api/v1/settlements/${queued.id}`)
    expect(done).toMatchObject({ state: 'succeeded', current: true, lineCount: 4 })
  })
  it('fails a run with E-STL-008 when a penalty has no counted contract, shown in the reader’s language', async () => {
    const db = t.database.prisma
    const penalised = await db.assessmentResult.findFirstOrThrow({
      where: { month: MONTH, resourceId: d.id, total: { gt: 0 } },
      orderBy: { createdAt: 'desc' },
    })
    // The contract of d stops counting after the assessment (as a correction would make it)
    await db.contract.update({ where: { id: c3.id }, data: { state: 'draft' } })
    try {
      const res = await call(operator, 'POST', '/api/v1/settlements', { month: MONTH })
      expect(res.statusCode, res.body).toBe(202)
      await t.app.jobs.drain()
      const url = `/api/v1/settlements/${res.json().id}`
      const failed = await ok<SettlementRun>(operator, url)
      const params = {
        month: MONTH,
        resourceCode: d.code,
        amount: Number(penalised.total).toLocaleString('ja-JP'),
      }
      expect(failed).toMatchObject({
        state: 'failed',
        current: false,
        failure: { messageId: 'E-STL-008', params },
      })
      expect(failed.error).toContain(`E-STL-008 The assessment of ${MONTH} has a penalty of`)
      expect(formatMessage('E-STL-008', 'ja', params)).toContain(`電源等（${d.code}）`)
      // Participants see neither the text nor the message
      const own = await call(p1, 'GET', `/api/v1/settlements?month=${MONTH}`)
      expect(own.json().items[0]).toMatchObject({ error: null, failure: null })
    } finally {
      await db.contract.update({ where: { id: c3.id }, data: { state: 'active' } })
    }
    // Settled again once the contract counts: the failure is not carried over
    const again = await settle(MONTH)
    expect(again).toMatchObject({ error: null, failure: null })
  })
})

describe('[F00] payment notices and invoices', () => {
  it('issues per participant from the current run; the money adds up to the yen; PDFs', async () => {
    const runs = await ok<{ items: SettlementRun[] }>(
      operator,
      `/api/v1/settlements?month=${MONTH}`,
    )
    const current = runs.items.find((r) => r.current) as SettlementRun
    const older = runs.items.find((r) => !r.current && r.state === 'succeeded') as SettlementRun
    const stale = await call(operator, 'POST', `/api/v1/settlements/${older.id}/documents`, {})
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-STL-006')
    const denied = await call(p1, 'POST', `/api/v1/settlements/${current.id}/documents`, {})
    expect(denied.statusCode).toBe(403)

    const res = await call(operator, 'POST', `/api/v1/settlements/${current.id}/documents`, {})
    expect(res.statusCode, res.body).toBe(201)
    const issued = res.json<SettlementIssueResult>()
    expect(issued).toMatchObject({ paymentNotices: 2, invoices: 1 })
    expect(issued.run.documentsIssuedAt).not.toBeNull()

    const again = await call(operator, 'POST', `/api/v1/settlements/${current.id}/documents`, {})
    expect(again.json().messageId).toBe('E-STL-007')
    const rerun = await call(operator, 'POST', '/api/v1/settlements', { month: MONTH })
    expect(rerun.statusCode).toBe(409)
    expect(rerun.json().messageId).toBe('E-STL-004')

    const docs = await ok<{ items: SettlementDocumentRow[] }>(
      operator,
      `/api/v1/settlement-documents?month=${MONTH}&pageSize=100`,
    )
    const lines = await ok<{ items: ContractAmount[] }>(
      operator,
      `/api/v1/contract-amounts?month=${MONTH}&pageSize=100`,
    )
    const results = await t.database.prisma.assessmentResult.findMany({
      where: { month: MONTH, run: { state: 'succeeded' } },
      select: { total: true },
    })
    // The money check.
    const notices = docs.items.filter((x) => x.kind === 'paymentNotice')
    const invoices = docs.items.filter((x) => x.kind === 'invoice')
    const payable = notices.reduce((a, x) => a + x.total, 0)
    const billed = invoices.reduce((a, x) => a + x.total, 0)
    const signedTax =
      notices.reduce((a, x) => a + x.tax, 0) - invoices.reduce((a, x) => a + x.tax, 0)
    const monthly = lines.items.reduce((a, l) => a + l.monthlyAmount, 0)
    const penalties = lines.items.reduce((a, l) => a + l.penalty, 0)
    expect(payable - billed).toBe(monthly - penalties + signedTax)
    expect(penalties).toBe(results.reduce((a, r) => a + Number(r.total), 0))
    for (const x of docs.items) expect(x.tax).toBe(Math.floor(x.base / 10))

    const p2Notice = notices.find((x) => x.participantId === p2Id) as SettlementDocumentRow
    const p2Invoice = invoices.find((x) => x.participantId === p2Id) as SettlementDocumentRow
    expect(p2Notice).toMatchObject({ base: 0, tax: 0, total: 0 })
    expect(p2Notice.relatedDocumentNo).toBe(p2Invoice.documentNo)
    expect(p2Invoice.base).toBe(-p2Invoice.subtotal)
    expect(p2Invoice.documentNo).toMatch(/^INV\d{4}-\d{6}$/)
    expect(p2Notice.documentNo).toMatch(/^PAY\d{4}-\d{6}$/)

    // A participant sees its own; the detail lists its lines; filters; CSV.
    const own = await ok<{ items: SettlementDocumentRow[] }>(p1, '/api/v1/settlement-documents')
    expect(own.items.map((x) => x.kind)).toEqual(['paymentNotice'])
    const p1Notice = own.items[0] as SettlementDocumentRow
    expect(p1Notice.total).toBe(p1Notice.subtotal + Math.floor(p1Notice.subtotal / 10))
    const detail = await ok<SettlementDocumentDetail>(
      p1,
      `/api/v1/settlement-documents/${p1Notice.id}`,
    )
    expect(detail.lines.map((l) => l.contractNo)).toEqual([c1.contractNo, c2.contractNo])
    expect(detail.lines.reduce((a, l) => a + l.net, 0)).toBe(p1Notice.subtotal)
    expect((await call(p1, 'GET', `/api/v1/settlement-documents/${p2Invoice.id}`)).statusCode).toBe(
      404,
    )
    const onlyInvoices = await ok<{ items: SettlementDocumentRow[] }>(
      operator,
      `/api/v1/settlement-documents?kind=invoice&participantId=${p2Id}`,
    )
    expect(onlyInvoices.items.map((x) => x.id)).toEqual([p2Invoice.id])
    const csv = await call(
      operator,
      'GET',
      `/api/v1/settlement-documents?month=${MONTH}&format=csv&encoding=utf-8`,
    )
    expect(csv.body).toContain(p2Invoice.documentNo)
    const lineDetail = await ok<ContractAmountDetail>(
      p1,
      `/api/v1/contract-amounts/${detail.lines[0]?.id}`,
    )
    expect(lineDetail.documents.map((x) => x.documentNo)).toEqual([p1Notice.documentNo])

    // The PDFs: the payment notice and the invoice, reproducible from their snapshots.
    const pdf = await call(p1, 'GET', `/api/v1/documents/${p1Notice.documentId}/pdf`)
    expect(pdf.statusCode).toBe(200)
    const text = pdfText(pdf.rawPayload)
    expect(text).toContain('支払通知書')
    expect(text).toContain(p1Notice.documentNo)
    expect(text).toContain('2013年6月')
    expect(text).toContain(c1.contractNo)
    expect(text).toContain(`${p1Notice.total.toLocaleString('ja-JP')} 円`)
    const pdf2 = await call(p1, 'GET', `/api/v1/documents/${p1Notice.documentId}/pdf`)
    expect(pdf2.rawPayload.equals(pdf.rawPayload)).toBe(true)
    const invoicePdf = await call(p2, 'GET', `/api/v1/documents/${p2Invoice.documentId}/pdf`)
    expect(invoicePdf.statusCode).toBe(200)
    const invoiceText = pdfText(invoicePdf.rawPayload)
    expect(invoiceText).toContain('請求書')
    expect(invoiceText).toContain(`${p2Invoice.total.toLocaleString('ja-JP')} 円`)
    const noticeText = pdfText(
      (await call(p2, 'GET', `/api/v1/documents/${p2Notice.documentId}/pdf`)).rawPayload,
    )
    expect(noticeText).toContain(p2Invoice.documentNo)
    const audits = await t.database.prisma.auditLog.count({
      where: { action: 'document.issue', entityId: { in: docs.items.map((x) => x.documentId) } },
    })
    expect(audits).toBe(3)
  })
})
