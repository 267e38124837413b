/**
 * The contract amounts, payment notices and invoices (E10, F00; the monthly settlement): schemas
 * shared by the API, the forms and the CSV rows. A settlement run (a job, versioned per month like
 * the assessment) turns the month's counted contracts and its latest succeeded assessment run into
 * one line per contract and resource (E10); the operator then issues, per participant, a payment
 * notice (支払通知書) and, where its net is negative, an invoice (請求書) (F00).
 */
import { z } from 'zod'
import { runFailureFields, timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import { jobStateSchema } from './bulk.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { paymentStatusSchema } from './payment-status.ts'

const yen = z.number().int()
const kw = z.number().int()

// ───────────────────────── Runs ─────────────────────────

export const settlementRunInputSchema = z.strictObject({
  month: monthSchema.describe(
    'The delivery month to settle (YYYY-MM); it must have ended (JST) and have a succeeded assessment run',
  ),
})
export type SettlementRunInput = z.infer<typeof settlementRunInputSchema>

/** One settlement run of a month (a version) with its job's progress. */
export const settlementRunSchema = z
  .object({
    id: z.uuid(),
    month: monthSchema,
    deliveryYear: z.number().int(),
    version: z.number().int().describe('1, 2, … per month; the latest succeeded one counts'),
    state: jobStateSchema,
    jobId: z.uuid().nullable(),
    processed: z.number().int().describe('Contracts settled so far'),
    total: z.number().int().nullable().describe('Contracts to settle (known once the run starts)'),
    assessmentRunId: z.uuid().nullable(),
    assessmentVersion: z.number().int().nullable(),
    lineCount: z.number().int(),
    monthlyAmount: yen.nullable().describe('Σ monthly amounts (operator only; null for others)'),
    penalty: yen.nullable().describe('Σ penalties (operator only)'),
    billed: yen.nullable().describe('Σ billed amounts of the release auction, F30 (operator only)'),
    net: yen.nullable().describe('Σ nets (operator only)'),
    ...runFailureFields,
    startedByName: z.string().nullable(),
    documentsIssuedAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    current: z.boolean().describe('The latest succeeded run of its month (the one that counts)'),
  })
  .meta({ id: 'SettlementRun' })
export type SettlementRun = z.infer<typeof settlementRunSchema>

export const settlementRunListQuerySchema = z.object({
  month: monthSchema.optional().describe('The runs of this month; absent: the latest 50 runs'),
})

export const settlementRunListSchema = z
  .object({ items: z.array(settlementRunSchema) })
  .meta({ id: 'SettlementRunList' })
export type SettlementRunList = z.infer<typeof settlementRunListSchema>

/** What issuing the documents of a run did. */
export const settlementIssueResultSchema = z
  .object({
    run: settlementRunSchema,
    paymentNotices: z.number().int(),
    invoices: z.number().int(),
  })
  .meta({ id: 'SettlementIssueResult' })
export type SettlementIssueResult = z.infer<typeof settlementIssueResultSchema>

// ───────────────────────── Contract amounts (E10) ─────────────────────────

export const settlementLineKinds = ['contract', 'replacement'] as const
export const settlementLineKindSchema = z
  .enum(settlementLineKinds)
  .describe(
    "contract 契約: the holder's line at the contract's resource · replacement 差替: the money moved with the kW to a replacing resource",
  )
  .meta({ id: 'SettlementLineKind' })
export type SettlementLineKind = z.infer<typeof settlementLineKindSchema>

export const settlementLineKindLabels: Labels<SettlementLineKind> = {
  contract: { ja: '契約', en: 'Contract' },
  replacement: { ja: '差替', en: 'Replacement' },
}

/** A replacement move of a line: out (to the replacing resource) or in (from the contract's). */
export const settlementMoveSchema = z
  .object({
    resourceCode: z.string().describe('The other resource'),
    kw: kw.describe('Negative: moved out; positive: moved in'),
    amount: yen.describe('floor(monthly amount × kW / contract kW); negative out, positive in'),
  })
  .meta({ id: 'SettlementMove' })
export type SettlementMove = z.infer<typeof settlementMoveSchema>

/** One line of E10: a contract's money at one resource in one month of a run. */
export const contractAmountSchema = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    month: monthSchema,
    version: z.number().int(),
    kind: settlementLineKindSchema,
    contractId: z.uuid(),
    contractNo: z.string(),
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    contractKw: kw,
    monthlyAmount: yen.describe("The contract's amount of the month (0 on a replacement line)"),
    replacementKw: kw,
    replacementAmount: yen,
    amount: yen.describe('monthlyAmount + replacementAmount'),
    penalty: yen.describe("This line's share of the resource-month's penalty"),
    releasedKw: kw.describe("Release auction (F30): the contract's released kW this month"),
    grantedAmount: yen.describe(
      '交付額: floor(monthly amount × released kW / contract kW), part of `amount`',
    ),
    billedAmount: yen.describe('請求額: release price × released kW / 12 (March: the remainder)'),
    net: yen.describe('amount − penalty − billedAmount'),
    assessmentResultId: z.uuid().nullable(),
  })
  .meta({ id: 'ContractAmount' })
export type ContractAmount = z.infer<typeof contractAmountSchema>

/** One line with its basis: the contract's terms, the moves and the penalty share. */
export const contractAmountDetailSchema = contractAmountSchema
  .extend({
    moves: z.array(settlementMoveSchema),
    contract: z.object({
      deliveryYear: z.number().int(),
      contractKw: kw,
      annualAmount: yen,
      monthlyAmounts: z.array(yen).describe('April … March'),
      state: z.string(),
    }),
    penaltyShare: z
      .object({
        resourceTotal: yen.describe("The resource-month's assessment total after caps"),
        weight: yen.describe("This line's amount (the weight of the share)"),
        weightTotal: yen.describe("Σ amounts of the resource's lines"),
        assessmentVersion: z.number().int(),
      })
      .nullable(),
    documents: z.array(
      z.object({ id: z.uuid(), kind: z.string(), documentNo: z.string(), documentId: z.uuid() }),
    ),
  })
  .meta({ id: 'ContractAmountDetail' })
export type ContractAmountDetail = z.infer<typeof contractAmountDetailSchema>

export const contractAmountPageSchema = pageSchema(contractAmountSchema).meta({
  id: 'ContractAmountPage',
})

export const contractAmountSortFields = [
  'contractNo',
  'kind',
  'resourceCode',
  'resourceName',
  'participantCode',
  'contractKw',
  'monthlyAmount',
  'replacementKw',
  'replacementAmount',
  'amount',
  'penalty',
  'net',
] as const
export type ContractAmountSortField = (typeof contractAmountSortFields)[number]

const runSelection = {
  month: monthSchema
    .optional()
    .describe('The latest succeeded run of this month (absent: of the latest month with one)'),
  runId: z.uuid().optional().describe('A given run (any version); wins over `month`'),
}

export const contractAmountListQuerySchema = listQuerySchema.extend({
  ...runSelection,
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  resource: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the resource code or name (taken literally)'),
  contract: z.string().trim().max(50).optional().describe('Part of the contract number'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${contractAmountSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type ContractAmountListQuery = z.infer<typeof contractAmountListQuerySchema>

// ───────────────────────── Documents (F00) ─────────────────────────

export const settlementDocumentKinds = ['paymentNotice', 'invoice'] as const
export const settlementDocumentKindSchema = z
  .enum(settlementDocumentKinds)
  .describe('paymentNotice 支払通知書 · invoice 請求書')
  .meta({ id: 'SettlementDocumentKind' })
export type SettlementDocumentKind = z.infer<typeof settlementDocumentKindSchema>

export const settlementDocumentKindLabels: Labels<SettlementDocumentKind> = {
  paymentNotice: { ja: '支払通知書', en: 'Payment notice' },
  invoice: { ja: '請求書', en: 'Invoice' },
}

/** A payment notice or invoice in the list (F00). */
export const settlementDocumentSchema = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    month: monthSchema,
    version: z.number().int(),
    kind: settlementDocumentKindSchema,
    documentId: z.uuid().describe('The PDF: GET /api/v1/documents/{documentId}/pdf'),
    documentNo: z.string(),
    issuedOn: z.string().describe('JST date'),
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    lineCount: z.number().int(),
    subtotal: yen.describe("Σ nets of the participant's lines (may be negative)"),
    base: yen.describe('Payment notice: the subtotal when positive, else 0 · invoice: −subtotal'),
    tax: yen.describe('Consumption tax: floor(base × 10 %)'),
    total: yen.describe('base + tax: the amount payable (notice) or billed (invoice)'),
    relatedDocumentNo: z
      .string()
      .nullable()
      .describe("A payment notice's invoice, an invoice's payment notice"),
    // F10: due date, paid and open amounts, state (payments matched to the document).
    ...paymentStatusSchema.shape,
  })
  .meta({ id: 'SettlementDocument' })
export type SettlementDocumentRow = z.infer<typeof settlementDocumentSchema>

export const settlementDocumentDetailSchema = settlementDocumentSchema
  .extend({ lines: z.array(contractAmountSchema) })
  .meta({ id: 'SettlementDocumentDetail' })
export type SettlementDocumentDetail = z.infer<typeof settlementDocumentDetailSchema>

export const settlementDocumentPageSchema = pageSchema(settlementDocumentSchema).meta({
  id: 'SettlementDocumentPage',
})

export const settlementDocumentSortFields = [
  'documentNo',
  'kind',
  'participantCode',
  'issuedOn',
  'lineCount',
  'subtotal',
  'tax',
  'total',
] as const
export type SettlementDocumentSortField = (typeof settlementDocumentSortFields)[number]

export const settlementDocumentListQuerySchema = listQuerySchema.extend({
  month: monthSchema.optional().describe('Documents of this month (absent: every month)'),
  kind: settlementDocumentKindSchema.optional(),
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${settlementDocumentSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type SettlementDocumentListQuery = z.infer<typeof settlementDocumentListQuerySchema>
