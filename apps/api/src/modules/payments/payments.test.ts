import { randomUUID } from 'node:crypto'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  jstToday,
  monthOf,
  paymentDueDate,
  paymentItemSortFields,
  paymentSortFields,
  type Payment,
  type PaymentDetail,
  type PaymentItem,
  type SettlementDocumentRow,
} from '@yoryo/contracts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { bulkErrors, bulkImport } from '../../test/bulk.ts'
import { race, tally } from '../../test/race.ts'
import { demoAssessmentMonth } from '../assessment-basis/public.ts'
import { seedDemoPayments } from './demo.ts'

type Session = { cookie: string; origin: string }
type Doc = { id: string; documentNo: string }

let t: TestContext
let operator: Session
let p1: Session
let p2: Session
let p1Id: string
let p2Id: string
/** An old month (long overdue) and the current month (not yet due). */
const OLD = '2013-07'
const NOW = monthOf(jstToday())
let notice1: Doc
let notice2: Doc
let invoice2: Doc
let recent1: Doc
let no = 0

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

/** A settlement run of `month` (documents issued), made directly: F10 only reads documents. */
async function runOf(month: string): Promise<string> {
  const run = await t.database.prisma.settlementRun.create({
    data: {
      month,
      deliveryYear: 2013,
      version: 1,
      state: 'succeeded',
      documentsIssuedAt: new Date(),
    },
  })
  return run.id
}

async function documentOf(
  runId: string,
  month: string,
  participant: 'P00001' | 'P00002',
  kind: 'paymentNotice' | 'invoice',
  total: number,
): Promise<Doc> {
  const p = await t.database.prisma.participant.findUniqueOrThrow({ where: { code: participant } })
  no += 1
  const documentNo = `${kind === 'invoice' ? 'INV' : 'PAY'}2013-${String(900000 + no)}`
  return t.database.prisma.settlementDocument.create({
    data: {
      runId,
      month,
      kind,
      documentId: randomUUID(),
      documentNo,
      issuedOn: `${month}-28`,
      participantId: p.id,
      participantCode: p.code,
      participantName: p.name,
      lineCount: 1,
      subtotal: BigInt(kind === 'invoice' ? -total : total),
      base: BigInt(total),
      tax: 0n,
      total: BigInt(total),
    },
    select: { id: true, documentNo: true },
  })
}

const item = async (session: Session, doc: Doc) =>
  (await ok<{ items: PaymentItem[] }>(session, '/api/v1/payment-items?pageSize=500')).items.find(
    (i) => i.id === doc.id,
  )

let refNo = 0
const ref = () => `REF-${++refNo}`

async function record(body: Record<string, unknown>) {
  return call(operator, 'POST', '/api/v1/payments', {
    valueDate: '2013-09-20',
    bankReference: ref(),
    counterpartyName: 'ﾃｽﾄ',
    ...body,
  })
}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.prisma
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1 = await loginAs(t.app, 'P00001', 'admin01')
  p2 = await loginAs(t.app, 'P00002', 'admin01')
  p1Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2Id = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
  const old = await runOf(OLD)
  notice1 = await documentOf(old, OLD, 'P00001', 'paymentNotice', 110_000)
  notice2 = await documentOf(old, OLD, 'P00002', 'paymentNotice', 0)
  invoice2 = await documentOf(old, OLD, 'P00002', 'invoice', 55_000)
  const recent = await runOf(NOW)
  recent1 = await documentOf(recent, NOW, 'P00001', 'paymentNotice', 22_000)
})
afterAll(async () => {
  await t.close()
})

describe('payments (F10)', () => {
  it('computes the due date: the last day of the second month after the month', () => {
    expect(paymentDueDate('2026-11')).toBe('2027-01-31')
    expect(paymentDueDate('2027-12')).toBe('2028-02-29')
    expect(paymentDueDate('2026-06', 'invoice')).toBe('2026-08-31')
  })

  it('lists every document as an open item with its due date, open amount and overdue flag', async () => {
    const items = (await ok<{ items: PaymentItem[] }>(operator, '/api/v1/payment-items')).items
    const of = (d: Doc) => items.find((i) => i.id === d.id)!
    expect(of(notice1)).toMatchObject({
      dueDate: '2013-09-30',
      total: 110_000,
      paid: 0,
      openAmount: 110_000,
      paymentState: 'open',
      overdue: true,
    })
    // A notice paying 0 (its participant owes an invoice) has nothing open.
    expect(of(notice2)).toMatchObject({ openAmount: 0, paymentState: 'paid', overdue: false })
    expect(of(recent1)).toMatchObject({ paymentState: 'open', overdue: false })
    const overdue = await ok<{ items: PaymentItem[] }>(
      operator,
      '/api/v1/payment-items?overdue=true',
    )
    expect(overdue.items.map((i) => i.documentNo).sort()).toEqual(
      [notice1.documentNo, invoice2.documentNo].sort(),
    )
  })

  it('records a payment matched to a notice: the notice is paid, the payment matched', async () => {
    const res = await record({
      direction: 'paid',
      participantId: p1Id,
      amount: 110_000,
      memo: notice1.documentNo,
      allocations: [{ documentId: notice1.id, amount: 110_000 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const payment = res.json() as PaymentDetail
    expect(payment).toMatchObject({
      direction: 'paid',
      participantCode: 'P00001',
      amount: 110_000,
      allocated: 110_000,
      unallocated: 0,
      state: 'matched',
      source: 'manual',
    })
    expect(payment.allocations).toMatchObject([{ documentNo: notice1.documentNo, amount: 110_000 }])
    expect(await item(operator, notice1)).toMatchObject({
      paid: 110_000,
      openAmount: 0,
      paymentState: 'paid',
      overdue: false,
    })
    // F00 shows the same.
    const doc = await ok<SettlementDocumentRow>(p1, `/api/v1/settlement-documents/${notice1.id}`)
    expect(doc).toMatchObject({ dueDate: '2013-09-30', paid: 110_000, openAmount: 0 })
    expect(doc.paymentState).toBe('paid')
    const audits = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'payment', entityId: payment.id },
      orderBy: { at: 'asc' },
    })
    expect(audits.map((a) => a.action)).toEqual(['payment.record', 'payment.allocate'])
  })

  it('matches part of an invoice, then more by hand; refuses over-allocation', async () => {
    const res = await record({
      direction: 'received',
      participantId: p2Id,
      amount: 60_000,
      allocations: [{ documentId: invoice2.id, amount: 20_000 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const payment = res.json() as PaymentDetail
    expect(payment).toMatchObject({ state: 'unmatched', unallocated: 40_000 })
    expect(await item(operator, invoice2)).toMatchObject({
      paid: 20_000,
      openAmount: 35_000,
      paymentState: 'partlyPaid',
      overdue: true,
    })

    const more = (amount: number, documentId = invoice2.id) =>
      call(operator, 'POST', `/api/v1/payments/${payment.id}/allocations`, {
        allocations: [{ documentId, amount }],
      })
    // Above the document's open amount.
    const over = await more(35_001)
    expect(over.statusCode).toBe(409)
    expect(over.json().messageId).toBe('E-PAY-003')
    // A notice cannot take money received; another participant's document is not found.
    expect((await more(1, notice2.id)).json().messageId).toBe('E-PAY-002')
    expect((await more(1, notice1.id)).json().messageId).toBe('E-PAY-002')
    const done = await more(35_000)
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ unallocated: 5_000, state: 'unmatched' })
    expect(await item(operator, invoice2)).toMatchObject({ openAmount: 0, paymentState: 'paid' })
    // Above what is left of the payment.
    const big = await record({
      direction: 'paid',
      participantId: p1Id,
      amount: 1_000,
      allocations: [{ documentId: recent1.id, amount: 1_001 }],
    })
    expect(big.statusCode).toBe(409)
    expect(big.json().messageId).toBe('E-PAY-004')
    // Nothing of a refused request is written.
    expect(await item(operator, recent1)).toMatchObject({ paid: 0 })
  })

  it('refuses a bank reference twice per direction, and invalid input', async () => {
    const first = await record({
      direction: 'paid',
      participantId: p1Id,
      amount: 5,
      bankReference: 'DUP-1',
    })
    expect(first.statusCode, first.body).toBe(201)
    const again = await record({
      direction: 'paid',
      participantId: p1Id,
      amount: 5,
      bankReference: 'DUP-1',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-PAY-001')
    const other = await record({
      direction: 'received',
      participantId: p1Id,
      amount: 5,
      bankReference: 'DUP-1',
    })
    expect(other.statusCode, other.body).toBe(201)
    const operatorParticipant = await t.database.prisma.participant.findUniqueOrThrow({
      where: { code: 'OCCTO' },
    })
    const toOperator = await record({
      direction: 'paid',
      participantId: operatorParticipant.id,
      amount: 5,
    })
    expect(toOperator.json().messageId).toBe('E-PAY-008')
    expect((await record({ direction: 'paid', participantId: p1Id, amount: 0 })).statusCode).toBe(
      400,
    )
    const twice = await record({
      direction: 'paid',
      participantId: p1Id,
      amount: 10,
      allocations: [
        { documentId: recent1.id, amount: 1 },
        { documentId: recent1.id, amount: 1 },
      ],
    })
    expect(twice.statusCode).toBe(400)
  })

  it('reverses a payment: its documents are open again; never twice; no more matching', async () => {
    const res = await record({
      direction: 'paid',
      participantId: p1Id,
      amount: 2_000,
      allocations: [{ documentId: recent1.id, amount: 2_000 }],
    })
    const payment = res.json() as PaymentDetail
    expect(await item(operator, recent1)).toMatchObject({ paid: 2_000, paymentState: 'partlyPaid' })
    const reversed = await call(operator, 'POST', `/api/v1/payments/${payment.id}/reverse`, {
      reason: '二重計上',
    })
    expect(reversed.statusCode, reversed.body).toBe(200)
    expect(reversed.json()).toMatchObject({ state: 'reversed', reversalReason: '二重計上' })
    expect((reversed.json() as PaymentDetail).allocations).toHaveLength(1)
    expect(await item(operator, recent1)).toMatchObject({ paid: 0, paymentState: 'open' })
    const twice = await call(operator, 'POST', `/api/v1/payments/${payment.id}/reverse`, {
      reason: 'again',
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().messageId).toBe('E-PAY-005')
    const match = await call(operator, 'POST', `/api/v1/payments/${payment.id}/allocations`, {
      allocations: [{ documentId: recent1.id, amount: 1 }],
    })
    expect(match.json().messageId).toBe('E-PAY-005')
    const reasonless = await call(operator, 'POST', `/api/v1/payments/${payment.id}/reverse`, {
      reason: ' ',
    })
    expect(reasonless.statusCode).toBe(400)
    const audit = await t.database.prisma.auditLog.findFirst({
      where: { entityId: payment.id, action: 'payment.reverse' },
    })
    expect(audit).not.toBeNull()
    const list = await ok<{ items: Payment[] }>(operator, '/api/v1/payments?state=reversed')
    expect(list.items.map((p) => p.id)).toContain(payment.id)
  })

  it('shows a participant its own payments and documents only; others are 404; writes 403', async () => {
    const own = await ok<{ items: Payment[] }>(p1, '/api/v1/payments?pageSize=500')
    expect(own.items.length).toBeGreaterThan(0)
    expect(own.items.every((p) => p.participantCode === 'P00001')).toBe(true)
    const items = await ok<{ items: PaymentItem[] }>(p1, '/api/v1/payment-items?pageSize=500')
    expect(items.items.every((i) => i.participantCode === 'P00001')).toBe(true)
    // participantId is the operator's filter: a participant still sees its own.
    const other = await ok<{ items: PaymentItem[] }>(
      p1,
      `/api/v1/payment-items?participantId=${p2Id}`,
    )
    expect(other.items.every((i) => i.participantCode === 'P00001')).toBe(true)
    const p2Payment = (await ok<{ items: Payment[] }>(p2, '/api/v1/payments')).items[0]!
    expect((await call(p1, 'GET', `/api/v1/payments/${p2Payment.id}`)).statusCode).toBe(404)
    expect((await call(p2, 'GET', `/api/v1/payments/${p2Payment.id}`)).statusCode).toBe(200)
    const write = await call(p1, 'POST', '/api/v1/payments', {
      direction: 'paid',
      participantId: p1Id,
      amount: 1,
      valueDate: '2013-09-20',
      bankReference: 'X',
      counterpartyName: 'X',
    })
    expect(write.statusCode).toBe(403)
    expect(
      (await call(p1, 'POST', `/api/v1/payments/${p2Payment.id}/reverse`, { reason: 'x' }))
        .statusCode,
    ).toBe(403)
  })

  it('filters and sorts both lists by every field, and exports them as CSV', async () => {
    for (const field of paymentSortFields) {
      for (const s of [field, `-${field}`]) {
        const res = await call(operator, 'GET', `/api/v1/payments?sort=${s}`)
        expect(res.statusCode, `${s}: ${res.body}`).toBe(200)
      }
    }
    for (const field of paymentItemSortFields) {
      for (const s of [field, `-${field}`]) {
        const res = await call(operator, 'GET', `/api/v1/payment-items?sort=${s}`)
        expect(res.statusCode, `${s}: ${res.body}`).toBe(200)
      }
    }
    const amounts = (await ok<{ items: Payment[] }>(operator, '/api/v1/payments?sort=-amount'))
      .items
    expect(amounts.map((p) => p.amount)).toEqual(
      [...amounts.map((p) => p.amount)].sort((a, b) => b - a),
    )
    const received = await ok<{ items: Payment[] }>(
      operator,
      `/api/v1/payments?direction=received&participantId=${p2Id}&from=2013-09-01&to=2013-09-30`,
    )
    expect(received.items.length).toBe(1)
    const open = await ok<{ items: PaymentItem[] }>(
      operator,
      `/api/v1/payment-items?state=open&kind=paymentNotice&month=${NOW}`,
    )
    expect(open.items.map((i) => i.id)).toEqual([recent1.id])
    const csv = await call(operator, 'GET', '/api/v1/payment-items?format=csv')
    expect(csv.statusCode).toBe(200)
    expect(iconv.decode(csv.rawPayload, 'Shift_JIS')).toContain('未決済額(円)')
    const pcsv = await call(operator, 'GET', '/api/v1/payments?format=csv')
    expect(iconv.decode(pcsv.rawPayload, 'Shift_JIS')).toContain('銀行照会番号')
  })

  it('never over-allocates a document under concurrent matching', async () => {
    const run = await runOf('2013-08')
    const doc = await documentOf(run, '2013-08', 'P00001', 'paymentNotice', 1_000)
    const payments = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const res = await record({ direction: 'paid', participantId: p1Id, amount: 400 })
        return (res.json() as Payment).id
      }),
    )
    const results = await race(5, (i) =>
      call(operator, 'POST', `/api/v1/payments/${payments[i]}/allocations`, {
        allocations: [{ documentId: doc.id, amount: 400 }],
      }),
    )
    expect(tally(results, (r) => r.statusCode)).toEqual({ 200: 2, 409: 3 })
    const stored = await t.database.prisma.settlementDocument.findUniqueOrThrow({
      where: { id: doc.id },
    })
    expect(stored.paid).toBe(800n)
    const allocated = await t.database.prisma.paymentAllocation.aggregate({
      where: { documentId: doc.id },
      _sum: { amount: true },
    })
    expect(allocated._sum.amount).toBe(800n)
  })
})

describe('demo payments', () => {
  it('pays P00001’s notice of the demo month once, whatever the number of starts', async () => {
    const month = demoAssessmentMonth()
    const run = await runOf(month)
    const notice = await documentOf(run, month, 'P00001', 'paymentNotice', 77_000)
    const id = await seedDemoPayments(t.database.prisma)
    expect(id).not.toBeNull()
    expect(await seedDemoPayments(t.database.prisma)).toBe(id)
    expect(await item(p1, notice)).toMatchObject({ paid: 77_000, paymentState: 'paid' })
    expect(
      await t.database.prisma.payment.count({ where: { bankReference: { startsWith: 'DEMO-' } } }),
    ).toBe(1)
  })
})

describe('G96 bank statement', () => {
  let bankNotice: Doc
  let bankInvoice: Doc

  beforeAll(async () => {
    const run = await runOf('2013-10')
    bankNotice = await documentOf(run, '2013-10', 'P00001', 'paymentNotice', 30_000)
    bankInvoice = await documentOf(run, '2013-10', 'P00002', 'invoice', 12_000)
  })

  const header = '銀行照会番号,入出金日,入出金区分,金額,振込依頼人・受取人名,摘要'
  const file = (lines: string[]) =>
    iconv.encode([header, ...lines].join('\r\n') + '\r\n', 'Shift_JIS')

  it('records each line as a payment of the document’s participant, matched up to its open amount', async () => {
    const good = file([
      `B-001,2013/12/25,出金,30000,ｻﾝﾌﾟﾙ,ﾌﾘｺﾐ ${bankNotice.documentNo}`,
      `B-002,2013/12/26,入金,15000,ﾃｽﾄ,${bankInvoice.documentNo} 11月分`,
    ])
    const validated = await bulkImport(t.app, operator, { format: 'G96', mode: 'validate' }, good)
    expect(
      validated.import,
      JSON.stringify(await bulkErrors(t.app, operator, validated.import.id)),
    ).toMatchObject({ state: 'succeeded', errorCount: 0 })
    const applied = await bulkImport(t.app, operator, { format: 'G96', mode: 'apply' }, good)
    expect(applied.import).toMatchObject({ state: 'succeeded', appliedCount: 2 })
    const list = await ok<{ items: Payment[] }>(
      operator,
      `/api/v1/payments?bulkImportId=${applied.import.id}&sort=bankReference`,
    )
    expect(list.items).toMatchObject([
      {
        bankReference: 'B-001',
        direction: 'paid',
        participantCode: 'P00001',
        state: 'matched',
        source: 'bankStatement',
        valueDate: '2013-12-25',
      },
      // 15,000 received for an invoice of 12,000: 3,000 left unmatched.
      {
        bankReference: 'B-002',
        direction: 'received',
        participantCode: 'P00002',
        amount: 15_000,
        unallocated: 3_000,
        state: 'unmatched',
      },
    ])
    expect(await item(operator, bankNotice)).toMatchObject({ paymentState: 'paid' })
    expect(await item(operator, bankInvoice)).toMatchObject({ paymentState: 'paid' })

    // The same statement again changes nothing.
    const count = await t.database.prisma.payment.count()
    const again = await bulkImport(t.app, operator, { format: 'G96', mode: 'apply' }, good)
    expect(again.import).toMatchObject({ state: 'succeeded', appliedCount: 0 })
    expect(await t.database.prisma.payment.count()).toBe(count)
    expect(await item(operator, bankInvoice)).toMatchObject({ paid: 12_000 })
  })

  it('refuses a file naming no known document, with the row and column; nothing written', async () => {
    const count = await t.database.prisma.payment.count()
    const bad = file([
      `B-101,2013/12/25,出金,100,ｻﾝﾌﾟﾙ,${bankNotice.documentNo}`,
      `B-102,2013/12/25,入金,100,ｻﾝﾌﾟﾙ,INV2013-999999`,
      // 入金 naming a payment notice: no invoice named.
      `B-103,2013/12/25,入金,100,ｻﾝﾌﾟﾙ,${bankNotice.documentNo}`,
      `B-101,2013/12/25,出金,100,ｻﾝﾌﾟﾙ,${bankNotice.documentNo}`,
    ])
    const res = await bulkImport(t.app, operator, { format: 'G96', mode: 'apply' }, bad)
    expect(res.import).toMatchObject({ state: 'failed' })
    const errors = (await bulkErrors(t.app, operator, res.import.id)).map((e) => [e[0], e[1], e[3]])
    expect(errors).toEqual([
      ['3', '摘要', 'E-PAY-010'],
      ['4', '摘要', 'E-PAY-010'],
      ['5', '銀行照会番号', 'E-PAY-011'],
    ])
    expect(await t.database.prisma.payment.count()).toBe(count)
  })

  it('is listed with the delivery formats, for the operator only', async () => {
    const format = await call(operator, 'GET', '/api/v1/bulk-formats/G96')
    expect(format.statusCode, format.body).toBe(200)
    const upload = await bulkImport(
      t.app,
      p1,
      { format: 'G96', mode: 'validate' },
      file([`B-201,2013/12/25,出金,1,x,${bankNotice.documentNo}`]),
    ).catch((e: Error) => e.message)
    expect(String(upload)).toContain('403')
  })
})
