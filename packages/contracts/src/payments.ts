/**
 * The payments (F10): payments made and received, matched to the payment notices and invoices:
 * schemas shared by the API, the forms and the CSV rows. A payment (入出金) is money received
 * from a participant (`received`, 入金: it pays an invoice) or paid to it (`paid`, 出金: the
 * operator pays a payment notice); its allocations (消込) match it to documents of its
 * participant. A document's open amount is its total less the allocations of payments not
 * reversed; it is due on the last day (JST) of the second month after its delivery month.
 */
import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { numberCell } from './resources.ts'
import { settlementDocumentKindSchema } from './settlement.ts'
import { parseDateInput } from './time.ts'
import { paymentItemStateSchema, paymentStatusSchema } from './payment-status.ts'
import { rule } from './validation.ts'

const yen = z.number().int()

export const paymentDirections = ['received', 'paid'] as const
export const paymentDirectionSchema = z
  .enum(paymentDirections)
  .describe(
    'received 入金 (a participant paid an invoice) · paid 出金 (the operator paid a notice)',
  )
  .meta({ id: 'PaymentDirection' })
export type PaymentDirection = z.infer<typeof paymentDirectionSchema>
export const paymentDirectionLabels: Labels<PaymentDirection> = {
  received: { ja: '入金', en: 'Received' },
  paid: { ja: '出金', en: 'Paid' },
}

export const paymentStates = ['unmatched', 'matched', 'reversed'] as const
export const paymentStateSchema = z
  .enum(paymentStates)
  .describe('unmatched 未消込 (wholly or partly) · matched 消込済 · reversed 取消')
  .meta({ id: 'PaymentState' })
export type PaymentState = z.infer<typeof paymentStateSchema>
export const paymentStateLabels: Labels<PaymentState> = {
  unmatched: { ja: '未消込', en: 'Unmatched' },
  matched: { ja: '消込済', en: 'Matched' },
  reversed: { ja: '取消', en: 'Reversed' },
}

export const paymentSources = ['manual', 'bankStatement'] as const
export const paymentSourceSchema = z.enum(paymentSources).meta({ id: 'PaymentSource' })
export type PaymentSource = z.infer<typeof paymentSourceSchema>
export const paymentSourceLabels: Labels<PaymentSource> = {
  manual: { ja: '手入力', en: 'Entered' },
  bankStatement: { ja: '入出金明細', en: 'Bank statement' },
}

/** The document kind a payment of a direction settles: received → invoice, paid → notice. */
export const documentKindOfDirection = {
  received: 'invoice',
  paid: 'paymentNotice',
} as const satisfies Record<PaymentDirection, 'invoice' | 'paymentNotice'>

// ───────────────────────── Open items (per document) ─────────────────────────

export const paymentItemSchema = z
  .object({
    id: z.uuid().describe('The settlement document'),
    documentId: z.uuid().describe('The PDF: GET /api/v1/documents/{documentId}/pdf'),
    documentNo: z.string(),
    kind: settlementDocumentKindSchema,
    month: monthSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    issuedOn: z.string(),
    total: yen,
    ...paymentStatusSchema.shape,
  })
  .meta({ id: 'PaymentItem' })
export type PaymentItem = z.infer<typeof paymentItemSchema>

export const paymentItemPageSchema = pageSchema(paymentItemSchema).meta({ id: 'PaymentItemPage' })

export const paymentItemSortFields = [
  'documentNo',
  'kind',
  'month',
  'participantCode',
  'dueDate',
  'total',
  'paid',
] as const
export type PaymentItemSortField = (typeof paymentItemSortFields)[number]

export const paymentItemListQuerySchema = listQuerySchema.extend({
  month: monthSchema.optional(),
  kind: settlementDocumentKindSchema.optional(),
  state: paymentItemStateSchema.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: overdue items only'),
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(`Field to sort by (${paymentItemSortFields.join(', ')}); prefix "-" for descending`),
})
export type PaymentItemListQuery = z.infer<typeof paymentItemListQuerySchema>

// ───────────────────────── Payments ─────────────────────────

export const paymentSchema = z
  .object({
    id: z.uuid(),
    direction: paymentDirectionSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    amount: yen,
    allocated: yen.describe('Σ allocations'),
    unallocated: yen.describe('amount − allocated'),
    state: paymentStateSchema,
    valueDate: z.string().describe('入出金日 (JST date)'),
    bankReference: z.string(),
    counterpartyName: z.string(),
    memo: z.string(),
    source: paymentSourceSchema,
    bulkImportId: z.uuid().nullable(),
    createdByName: z.string(),
    createdAt: timestampSchema,
    reversedAt: timestampSchema.nullable(),
    reversedByName: z.string().nullable(),
    reversalReason: z.string().nullable(),
  })
  .meta({ id: 'Payment' })
export type Payment = z.infer<typeof paymentSchema>

export const paymentAllocationSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid().describe('The settlement document (F00 detail)'),
    documentNo: z.string(),
    kind: settlementDocumentKindSchema,
    month: monthSchema,
    amount: yen,
    createdAt: timestampSchema,
  })
  .meta({ id: 'PaymentAllocation' })
export type PaymentAllocation = z.infer<typeof paymentAllocationSchema>

export const paymentDetailSchema = paymentSchema
  .extend({ allocations: z.array(paymentAllocationSchema) })
  .meta({ id: 'PaymentDetail' })
export type PaymentDetail = z.infer<typeof paymentDetailSchema>

export const paymentPageSchema = pageSchema(paymentSchema).meta({ id: 'PaymentPage' })

export const paymentSortFields = [
  'valueDate',
  'direction',
  'participantCode',
  'amount',
  'unallocated',
  'state',
  'bankReference',
  'counterpartyName',
  'source',
  'createdAt',
] as const
export type PaymentSortField = (typeof paymentSortFields)[number]

export const paymentListQuerySchema = listQuerySchema.extend({
  direction: paymentDirectionSchema.optional(),
  state: paymentStateSchema.optional(),
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  from: z.iso.date().optional().describe('入出金日 on or after (JST date)'),
  to: z.iso.date().optional().describe('入出金日 on or before (JST date)'),
  bulkImportId: z.uuid().optional().describe('The payments of one bank-statement import'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(`Field to sort by (${paymentSortFields.join(', ')}); prefix "-" for descending`),
})
export type PaymentListQuery = z.infer<typeof paymentListQuerySchema>

/** 消込: an amount of a payment matched to a document. */
export const allocationInputSchema = z.strictObject({
  documentId: z.uuid().describe('A settlement document of the payment’s participant'),
  amount: z.number().int().positive().describe('Yen, at most the document’s open amount'),
})
export type AllocationInput = z.infer<typeof allocationInputSchema>

const allocationsSchema = z
  .array(allocationInputSchema)
  .max(100)
  .refine((a) => new Set(a.map((x) => x.documentId)).size === a.length, rule('E-PAY-006'))

export const bankReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .describe('銀行照会番号: unique per direction')

export const paymentInputSchema = z.strictObject({
  direction: paymentDirectionSchema,
  participantId: z.uuid(),
  amount: z.number().int().positive().max(1e15),
  valueDate: z.iso.date().describe('入出金日 (JST date)'),
  bankReference: bankReferenceSchema,
  counterpartyName: z.string().trim().min(1).max(100).describe('振込依頼人・受取人名'),
  memo: z.string().trim().max(200).default(''),
  allocations: allocationsSchema.default([]),
})
export type PaymentInput = z.input<typeof paymentInputSchema>

export const allocationsInputSchema = z.strictObject({
  allocations: allocationsSchema.refine((a) => a.length > 0, rule('E-PAY-007')),
})
export type AllocationsInput = z.infer<typeof allocationsInputSchema>

export const paymentReverseSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Why the payment is reversed'),
})
export type PaymentReverse = z.infer<typeof paymentReverseSchema>

// ───────────────────────── G96 bank statement (rows) ─────────────────────────

/** 入出金区分 of a statement cell: 入金 / 出金 (also received / paid). */
const fileDirection = z.preprocess(
  (v) => (v === '入金' ? 'received' : v === '出金' ? 'paid' : v),
  paymentDirectionSchema,
)
const fileDate = z.preprocess(
  (v) => (typeof v === 'string' ? (parseDateInput(v) ?? v) : v),
  z.iso.date(),
)

/** G96 入出金明細: one line of the operator's bank statement. */
export const bankStatementRowSchema = z.object({
  bankReference: bankReferenceSchema,
  valueDate: fileDate,
  direction: fileDirection,
  amount: numberCell(z.number().int().positive().max(1e15)),
  counterpartyName: z.string().trim().min(1).max(100),
  memo: z.string().trim().max(200).default(''),
})
export type BankStatementRow = z.infer<typeof bankStatementRowSchema>
