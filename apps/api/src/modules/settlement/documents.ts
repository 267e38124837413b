/**
 * The documents of the monthly settlement (F00), through the one document pipeline (owner: the
 * settlement run): per participant of the month a 支払通知書 listing its lines (contract, resource,
 * monthly amount, replacement moves, penalty, net) with the subtotal, consumption tax 10 % of the
 * document's total (rounded down, rules.md §4) and the amount payable; where the net is
 * negative, also a 請求書 for what the participant owes (+ tax on that total) — the payment
 * notice then pays 0 and names the invoice. Issued once per month, from the month's current
 * run, in one transaction (E-STL-006, E-STL-007).
 */
import { z } from 'zod'
import type { DbClient } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { defineDocument, ISSUER, issueDocument } from '../../lib/documents.ts'
import { fieldTable, listTable, type Pdf } from '../../lib/pdf.ts'
import { settlementDocumentsOf } from './compute.ts'

/** `document.owner_type` of the settlement documents. */
export const SETTLEMENT_DOCUMENT_OWNER = 'settlementRun'

const yenInt = z.number().int()
const lineSchema = z.object({
  lineId: z.uuid(),
  contractNo: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  kind: z.enum(['contract', 'replacement']),
  monthlyAmount: yenInt,
  replacementAmount: yenInt,
  penalty: yenInt,
  net: yenInt,
})

const snapshotBase = z.object({
  month: z.string(),
  participant: z.object({ code: z.string(), name: z.string() }),
  issuer: z.string(),
  runVersion: z.number().int(),
  lines: z.array(lineSchema),
  subtotal: yenInt,
  base: yenInt,
  tax: yenInt,
  total: yenInt,
})

export const paymentNoticeSnapshotSchema = snapshotBase.extend({
  /** The invoice issued with it when the net is negative. */
  invoiceNo: z.string().nullable(),
})
export type PaymentNoticeSnapshot = z.infer<typeof paymentNoticeSnapshotSchema>
export const invoiceSnapshotSchema = snapshotBase
export type InvoiceSnapshot = z.infer<typeof invoiceSnapshotSchema>

const yen = (n: number) => `${(n === 0 ? 0 : n).toLocaleString('ja-JP')} 円`
const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

function addressee(doc: Pdf, s: z.infer<typeof snapshotBase>) {
  doc.font('jp-bold').fontSize(12).text(`${s.participant.name} 御中`)
  doc.font('jp').fontSize(9).text(`事業者コード ${s.participant.code}`)
  doc.moveDown(0.5)
  doc.fontSize(10).text(s.issuer, { align: 'right' })
  doc.moveDown(1)
}

function linesTable(doc: Pdf, s: z.infer<typeof snapshotBase>) {
  listTable(
    doc,
    '明細（税抜）',
    [
      { header: '契約番号', width: 18 },
      { header: '電源等', width: 26 },
      { header: '契約金額（月額）', width: 17, align: 'right' },
      { header: '差替による増減', width: 15, align: 'right' },
      { header: 'ペナルティ', width: 14, align: 'right' },
      { header: '差引額', width: 17, align: 'right' },
    ],
    [
      ...s.lines.map((l) => [
        l.contractNo,
        `${l.resourceCode} ${l.resourceName}${l.kind === 'replacement' ? '（差替）' : ''}`,
        yen(l.monthlyAmount),
        yen(l.replacementAmount),
        yen(-l.penalty),
        yen(l.net),
      ]),
      [
        '合計',
        '',
        yen(s.lines.reduce((a, l) => a + l.monthlyAmount, 0)),
        yen(s.lines.reduce((a, l) => a + l.replacementAmount, 0)),
        yen(-s.lines.reduce((a, l) => a + l.penalty, 0)),
        yen(s.subtotal),
      ],
    ],
  )
}

/** 支払通知書. */
/** The K00 samples (見本): a fictitious participant's month, one contract line with a penalty
 * share and one replacement line; the invoice of a month whose penalties exceed the amounts. */
const sampleLines: PaymentNoticeSnapshot['lines'] = [
  {
    lineId: '00000000-0000-4000-8000-000000000001',
    contractNo: 'C2026-999901',
    resourceCode: '03S9999901',
    resourceName: '見本火力1号機',
    kind: 'contract',
    monthlyAmount: 8_333_333,
    replacementAmount: -1_666_666,
    penalty: 120_000,
    net: 6_546_667,
  },
  {
    lineId: '00000000-0000-4000-8000-000000000002',
    contractNo: 'C2026-999902',
    resourceCode: '03V9999902',
    resourceName: '見本太陽光発電所',
    kind: 'replacement',
    monthlyAmount: 0,
    replacementAmount: 1_666_666,
    penalty: 0,
    net: 1_666_666,
  },
]
const sampleBase = {
  month: '2026-11',
  participant: { code: 'P99999', name: '見本電力株式会社' },
  issuer: ISSUER,
  runVersion: 1,
}
const samplePaymentNotice: PaymentNoticeSnapshot = {
  ...sampleBase,
  lines: sampleLines,
  subtotal: 8_213_333,
  base: 8_213_333,
  tax: 821_333,
  total: 9_034_666,
  invoiceNo: null,
}
const sampleInvoice: InvoiceSnapshot = {
  ...sampleBase,
  lines: [
    {
      ...sampleLines[0]!,
      replacementAmount: 0,
      penalty: 8_833_333,
      net: -500_000,
    },
  ],
  subtotal: -500_000,
  base: 500_000,
  tax: 50_000,
  total: 550_000,
}

export const paymentNoticeDocument = defineDocument({
  kind: 'paymentNotice',
  prefix: 'PAY',
  functionGroup: 'F00',
  schema: paymentNoticeSnapshotSchema,
  title: () => '支払通知書',
  body(doc, s) {
    addressee(doc, s)
    doc.text(`${monthText(s.month)}分の容量確保契約金額について、下記のとおりお支払いします。`)
    doc.moveDown(0.5)
    fieldTable(doc, 'お支払額', [
      ['対象月', monthText(s.month)],
      ['差引額（税抜）', yen(s.subtotal)],
      ['お支払の対象額（税抜）', yen(s.base)],
      ['消費税額（10 %）', yen(s.tax)],
      ['お支払額（税込）', yen(s.total)],
      ...(s.invoiceNo
        ? ([['請求書', `差引額が負のため、別途 請求書 ${s.invoiceNo} により請求します。`]] as [
            string,
            string,
          ][])
        : []),
    ])
    linesTable(doc, s)
    doc.fontSize(9)
    doc.text(
      '消費税額は本書の合計額に 10 % を乗じた額（円未満切捨て）です。ペナルティは当月のアセスメント結果（上限適用後）を、電源等ごとに契約の対象金額の比で按分した額です。',
    )
  },
  sample: samplePaymentNotice,
})

/** 請求書. */
export const invoiceDocument = defineDocument({
  kind: 'invoice',
  prefix: 'INV',
  functionGroup: 'F00',
  schema: invoiceSnapshotSchema,
  title: () => '請求書',
  body(doc, s) {
    addressee(doc, s)
    doc.text(
      `${monthText(s.month)}分の容量確保契約金額の精算の結果、経済的ペナルティが契約金額を上回ったため、下記のとおり請求します。`,
    )
    doc.moveDown(0.5)
    fieldTable(doc, 'ご請求額', [
      ['対象月', monthText(s.month)],
      ['差引額（税抜）', yen(s.subtotal)],
      ['ご請求の対象額（税抜）', yen(s.base)],
      ['消費税額（10 %）', yen(s.tax)],
      ['ご請求額（税込）', yen(s.total)],
    ])
    linesTable(doc, s)
    doc.fontSize(9)
    doc.text('消費税額は本書の合計額に 10 % を乗じた額（円未満切捨て）です。')
  },
  sample: sampleInvoice,
})

/**
 * Issues the month's documents from a run (F00): the run must be the month's current
 * (latest succeeded) one (E-STL-006) and its documents not yet issued (E-STL-007). One
 * transaction; every document audited.
 */
export async function issueSettlementDocuments(
  db: { $transaction: <T>(fn: (tx: DbClient) => Promise<T>, o?: object) => Promise<T> },
  actor: Actor,
  runId: string,
  now: Date = new Date(),
): Promise<{ paymentNotices: number; invoices: number }> {
  return db.$transaction(
    async (tx) => {
      const run = await tx.settlementRun.findUnique({ where: { id: runId } })
      if (!run) throw new AppError('E-COMMON-002', 404)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`settlement:${run.month}`}))`
      const current = await tx.settlementRun.findFirst({
        where: { month: run.month, state: 'succeeded' },
        orderBy: { version: 'desc' },
        select: { id: true },
      })
      if (current?.id !== run.id) {
        throw new AppError('E-STL-006', 409, { params: { month: run.month } })
      }
      const issued = await tx.settlementRun.count({
        where: { month: run.month, documentsIssuedAt: { not: null } },
      })
      if (issued) throw new AppError('E-STL-007', 409, { params: { month: run.month } })
      const lines = await tx.settlementLine.findMany({
        where: { runId },
        orderBy: [{ participantCode: 'asc' }, { contractNo: 'asc' }, { resourceCode: 'asc' }],
      })
      const byParticipant = new Map<string, typeof lines>()
      for (const l of lines) {
        const list = byParticipant.get(l.participantId) ?? []
        list.push(l)
        byParticipant.set(l.participantId, list)
      }
      let paymentNotices = 0
      let invoices = 0
      for (const [participantId, own] of byParticipant) {
        const first = own[0]!
        const computed = settlementDocumentsOf(
          participantId,
          own.map((l) => Number(l.net)),
        )
        const base = {
          month: run.month,
          participant: { code: first.participantCode, name: first.participantName },
          issuer: ISSUER,
          runVersion: run.version,
          lines: own.map((l) => ({
            lineId: l.id,
            contractNo: l.contractNo,
            resourceCode: l.resourceCode,
            resourceName: l.resourceName,
            kind: l.kind as 'contract' | 'replacement',
            monthlyAmount: Number(l.monthlyAmount),
            replacementAmount: Number(l.replacementAmount),
            penalty: Number(l.penalty),
            net: Number(l.net),
          })),
        }
        const common = { participantId, ownerType: SETTLEMENT_DOCUMENT_OWNER, ownerId: run.id, now }
        const notice = computed.find((d) => d.kind === 'paymentNotice')!
        const owed = computed.find((d) => d.kind === 'invoice')
        const invoice = owed
          ? await issueDocument(tx, invoiceDocument, {
              ...common,
              snapshot: {
                ...base,
                subtotal: owed.subtotal,
                base: owed.base,
                tax: owed.tax,
                total: owed.total,
              },
            })
          : null
        const noticeDoc = await issueDocument(tx, paymentNoticeDocument, {
          ...common,
          snapshot: {
            ...base,
            subtotal: notice.subtotal,
            base: notice.base,
            tax: notice.tax,
            total: notice.total,
            invoiceNo: invoice?.documentNo ?? null,
          },
        })
        const row = (d: typeof noticeDoc, c: typeof notice, related: string | null) => ({
          runId: run.id,
          month: run.month,
          kind: c.kind,
          documentId: d.id,
          documentNo: d.documentNo,
          issuedOn: d.issuedOn,
          participantId,
          participantCode: first.participantCode,
          participantName: first.participantName,
          lineCount: own.length,
          subtotal: BigInt(c.subtotal),
          base: BigInt(c.base),
          tax: BigInt(c.tax),
          total: BigInt(c.total),
          relatedDocumentNo: related,
        })
        await tx.settlementDocument.create({
          data: row(noticeDoc, notice, invoice?.documentNo ?? null),
        })
        paymentNotices++
        if (invoice && owed) {
          await tx.settlementDocument.create({ data: row(invoice, owed, noticeDoc.documentNo) })
          invoices++
        }
        for (const [d, c] of [
          [noticeDoc, notice],
          ...(invoice && owed ? [[invoice, owed] as const] : []),
        ] as const) {
          await audit(tx, actor, {
            action: 'document.issue',
            entityType: 'document',
            entityId: d.id,
            participantId,
            after: { kind: d.kind, documentNo: d.documentNo, month: run.month, total: c.total },
          })
        }
      }
      await tx.settlementRun.update({
        where: { id: run.id },
        data: { documentsIssuedAt: now, documentsIssuedBy: actor.userId },
      })
      await audit(tx, actor, {
        action: 'settlement.issueDocuments',
        entityType: 'settlementRun',
        participantId: null,
        entityId: run.id,
        after: { month: run.month, version: run.version, paymentNotices, invoices },
      })
      return { paymentNotices, invoices }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  )
}
