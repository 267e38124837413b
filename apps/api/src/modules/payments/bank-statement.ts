import {
  bankStatementRowSchema,
  documentKindOfDirection,
  fiscalYearOf,
  jstToday,
  type BankStatementRow,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import {
  defineBulkFormat,
  type BulkContext,
  type BulkRow,
  type BulkRowError,
} from '../bulk-imports/public.ts'
import { demoAssessmentMonth } from '../assessment-basis/public.ts'
import { allocateIn, createPaymentIn } from './service.ts'

/**
 * G96 入出金明細: the operator's bank statement through the one bulk pipeline. Each line becomes
 * a payment of the participant whose document number appears in 摘要 (入金 → an invoice
 * `INV…`, 出金 → a payment notice `PAY…`), matched to that document up to its open amount (the
 * rest stays unmatched, for the operator to match by hand or reverse). A line naming no issued
 * document of its kind fails the file (E-PAY-010, nothing written). A line whose bank reference
 * is already recorded for its direction is skipped: importing the same statement twice changes
 * nothing.
 */

const DOCUMENT_NO = /(PAY|INV)\d{4}-\d{6}/g

/** The document number of a line's kind named in its memo, if any. */
export function documentNoIn(
  memo: string,
  direction: BankStatementRow['direction'],
): string | null {
  const prefix = documentKindOfDirection[direction] === 'invoice' ? 'INV' : 'PAY'
  return memo.match(DOCUMENT_NO)?.find((n) => n.startsWith(prefix)) ?? null
}

interface State {
  seen: Set<string>
}

const keyOf = (row: BankStatementRow) => `${row.direction}/${row.bankReference}`

async function documentsNamed(db: DbClient, rows: BulkRow<BankStatementRow>[]) {
  const wanted = rows.flatMap(({ row }) => {
    const no = documentNoIn(row.memo, row.direction)
    return no ? [{ documentNo: no, kind: documentKindOfDirection[row.direction] }] : []
  })
  if (!wanted.length) return new Map<string, { id: string; participantId: string }>()
  const docs = await db.settlementDocument.findMany({
    where: { OR: wanted },
    select: { id: true, documentNo: true, kind: true, participantId: true },
  })
  return new Map(docs.map((d) => [`${d.kind}/${d.documentNo}`, d]))
}

const docKey = (row: BankStatementRow) =>
  `${documentKindOfDirection[row.direction]}/${documentNoIn(row.memo, row.direction) ?? ''}`

/** The demo month's payment notice of P00001 (usually its first number), for the sample row. */
const sampleNoticeNo = () => `PAY${fiscalYearOf(`${demoAssessmentMonth()}-01`)}-000001`

export const bankStatementFormat = defineBulkFormat({
  code: 'G96',
  functionKey: 'payments',
  ja: '入出金明細',
  en: 'Bank statement',
  rowSchema: bankStatementRowSchema,
  columns: {
    bankReference: {
      header: '銀行照会番号',
      en: 'Bank reference',
      example: 'SAMPLE-0001',
      type: 'code',
      rule: {
        ja: '40文字以内。入出金区分ごとに一意（登録済みの番号の行は取り込まず、変更もしない）',
        en: 'Up to 40 characters, unique per direction (a line already recorded is skipped)',
      },
    },
    valueDate: {
      header: '入出金日',
      en: 'Value date',
      example: jstToday().replaceAll('-', '/'),
      type: 'date',
      rule: { ja: 'YYYY/MM/DD（日本時間）', en: 'YYYY/MM/DD (JST)' },
    },
    direction: {
      header: '入出金区分',
      en: 'Direction',
      example: '出金',
      type: 'code',
      rule: {
        ja: '入金（事業者からの入金：請求書）または出金（事業者への支払：支払通知書）',
        en: '入金 received (pays an invoice) or 出金 paid (pays a payment notice)',
      },
    },
    amount: {
      header: '金額',
      en: 'Amount (yen)',
      example: '1000',
      rule: { ja: '1以上の整数(円)', en: 'Whole yen, 1 or more' },
    },
    counterpartyName: {
      header: '振込依頼人・受取人名',
      en: 'Payer / payee',
      example: 'ｻﾝﾌﾟﾙﾃﾞﾝﾘｮｸ(ｶ',
      rule: {
        ja: '100文字以内（銀行の表記のまま）',
        en: 'Up to 100 characters, as the bank wrote it',
      },
    },
    memo: {
      header: '摘要',
      en: 'Memo',
      example: sampleNoticeNo(),
      rule: {
        ja: '発行済みの文書番号を含めること（入金は請求書 INV…、出金は支払通知書 PAY…）。その文書の事業者の入出金として登録し、未決済額まで消込',
        en: 'Must contain an issued document number (INV… for 入金, PAY… for 出金): the payment is its participant’s and is matched up to its open amount',
      },
    },
  },
  maxRows: 10_000,
  prepare: async (): Promise<State> => ({ seen: new Set() }),
  check: async (rows, ctx: BulkContext, state) => {
    const problems: BulkRowError[] = []
    const docs = await documentsNamed(ctx.db, rows)
    for (const { line, row } of rows) {
      if (!docs.has(docKey(row))) {
        problems.push({ line, key: 'memo', messageId: 'E-PAY-010' })
      }
      if (state.seen.has(keyOf(row))) {
        problems.push({
          line,
          key: 'bankReference',
          messageId: 'E-PAY-011',
          params: { reference: row.bankReference },
        })
      }
      state.seen.add(keyOf(row))
    }
    return problems
  },
  apply: async (tx, rows, ctx) => {
    const docs = await documentsNamed(tx, rows)
    const recorded = await tx.payment.findMany({
      where: {
        OR: rows.map(({ row }) => ({ direction: row.direction, bankReference: row.bankReference })),
      },
      select: { direction: true, bankReference: true },
    })
    const skip = new Set(recorded.map((r) => `${r.direction}/${r.bankReference}`))
    let created = 0
    for (const { row } of rows) {
      if (skip.has(keyOf(row))) continue
      const doc = docs.get(docKey(row))!
      const payment = await createPaymentIn(
        tx,
        ctx.actor,
        { ...row, participantId: doc.participantId },
        { source: 'bankStatement', bulkImportId: ctx.importId },
      )
      // The open amount as this transaction sees it (earlier lines of the file included).
      const now = await tx.settlementDocument.findUniqueOrThrow({
        where: { id: doc.id },
        select: { total: true, paid: true },
      })
      const open = Number(now.total - now.paid)
      const amount = Math.min(row.amount, open)
      if (amount > 0) await allocateIn(tx, ctx.actor, payment, [{ documentId: doc.id, amount }])
      created++
    }
    return created
  },
})
