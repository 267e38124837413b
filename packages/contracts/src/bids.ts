/**
 * Bids (110 応札情報管理, bulk 850 / 860 / 870) and their signed receipts (records.md "Bid",
 * rules.md §3). One schema for the API, the form and the file row: `bidInputSchema`.
 */
import { z } from 'zod'
import { auctionCodeSchema, auctionStateSchema, auctionTypeSchema } from './auctions.ts'
import { timestampSchema, versionInputSchema } from './common.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema } from './list.ts'
import { areaSchema, numberCell, resourceCodeSchema, resourceKindSchema } from './resources.ts'
import { rule } from './validation.ts'

/** The smallest bid (rules.md §3.1): 1,000 kW. */
export const BID_MIN_KW = 1000
const INT_MAX = 2_147_483_647

export const bidKwSchema = z
  .number()
  .int()
  .min(BID_MIN_KW, rule('E-BID-001', { min: BID_MIN_KW }))
  .max(INT_MAX)
  .describe('応札容量 (kW): 1,000 以上、参加資格の期待容量以下')
export const bidPriceSchema = z
  .number()
  .int()
  .min(0)
  .max(INT_MAX)
  .describe('応札価格 (円/kW): 0 以上、上限価格の整数部分以下')

/** One bid as the participant enters it: on the screen, through the API and as a file row. */
export const bidInputSchema = z
  .strictObject({
    auctionCode: auctionCodeSchema,
    resourceCode: resourceCodeSchema,
    kw: bidKwSchema,
    price: bidPriceSchema,
  })
  .describe('One bid (not an API component: the file rows and the form use it)')
export type BidInput = z.infer<typeof bidInputSchema>

/** The body of `PUT …/bids/{resourceCode}` and the form: no version registers, a version changes. */
export const bidWriteSchema = bidInputSchema
  .pick({ kw: true, price: true })
  .extend({
    version: versionInputSchema
      .optional()
      .describe('The bid version the change is based on; leave out to register'),
  })
  .meta({ id: 'BidWrite' })
export type BidWrite = z.infer<typeof bidWriteSchema>

export const bidActions = ['register', 'change', 'withdraw'] as const
export const bidActionSchema = z
  .enum(bidActions)
  .describe('register 登録 · change 変更 · withdraw 取下げ')
  .meta({ id: 'BidAction' })
export type BidAction = z.infer<typeof bidActionSchema>

/** 処理区分 of the 870 file: `register` / `change` (also 登録 / 変更). */
export const bidFileActionSchema = z.preprocess(
  (v) => (v === '登録' ? 'register' : v === '変更' ? 'change' : v),
  z.enum(['register', 'change']).describe('register 登録 · change 変更'),
)

/** The rows of the bid files: 850 registers, 860 changes, 870 does either (処理区分). */
const fileShape = {
  auctionCode: bidInputSchema.shape.auctionCode,
  resourceCode: bidInputSchema.shape.resourceCode,
  kw: numberCell(bidKwSchema),
  price: numberCell(bidPriceSchema),
}
export const bidFileRowSchemas = {
  '850': z.object(fileShape),
  '860': z.object(fileShape),
  '870': z.object({ ...fileShape, action: bidFileActionSchema }),
}

/** A bid's state for one qualified resource: none yet, in force, or withdrawn. */
export const bidStates = ['none', 'bid', 'withdrawn'] as const
export const bidStateSchema = z
  .enum(bidStates)
  .describe('none 未応札 · bid 応札済 · withdrawn 取下げ')
  .meta({ id: 'BidState' })
export type BidState = z.infer<typeof bidStateSchema>
export const bidStateLabels: Labels<BidState> = {
  none: { ja: '未応札', en: 'No bid' },
  bid: { ja: '応札済', en: 'Bid' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
}
export const bidActionLabels: Labels<BidAction> = {
  register: { ja: '登録', en: 'Registered' },
  change: { ja: '変更', en: 'Changed' },
  withdraw: { ja: '取下げ', en: 'Withdrawn' },
}

export const bidSchema = z
  .object({
    id: z.uuid(),
    kw: z.number().int(),
    price: z.number().int(),
    version: z.number().int(),
    submittedAt: timestampSchema,
    withdrawnAt: timestampSchema.nullable(),
    /** The version in force (its receipt). */
    versionId: z.uuid(),
  })
  .meta({ id: 'Bid' })
export type Bid = z.infer<typeof bidSchema>

/** One qualified resource of an auction with its bid (the 110 list). */
export const auctionBidItemSchema = z
  .object({
    qualificationId: z.uuid(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    resource: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: resourceKindSchema,
      area: areaSchema,
    }),
    /** The upper bound of the bid (kW): the approved expected capacity. */
    expectedKw: z.number().int(),
    state: bidStateSchema,
    bid: bidSchema.nullable(),
  })
  .meta({ id: 'AuctionBidItem' })
export type AuctionBidItem = z.infer<typeof auctionBidItemSchema>

export const auctionBidSortFields = [
  'resourceCode',
  'resourceName',
  'participantCode',
  'area',
  'expectedKw',
] as const
export type AuctionBidSortField = (typeof auctionBidSortFields)[number]

export const auctionBidListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Resource code or name contains'),
  state: bidStateSchema.optional(),
  area: areaSchema.optional(),
})
export type AuctionBidListQuery = z.infer<typeof auctionBidListQuerySchema>

/** The bidding window of an auction and where it stands by the server's clock. */
export const biddingWindowSchema = z
  .object({
    titleJa: z.string(),
    titleEn: z.string(),
    opensAt: timestampSchema,
    closesAt: timestampSchema,
    state: z.enum(['upcoming', 'open', 'closed']),
  })
  .meta({ id: 'BiddingWindow' })
export type BiddingWindow = z.infer<typeof biddingWindowSchema>

/** An auction as the bid screens show it. */
export const biddingAuctionSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    type: auctionTypeSchema,
    deliveryYear: z.number().int(),
    state: auctionStateSchema,
    /** The highest price a bid may have: the integer part of the demand curve's cap (円/kW). */
    maxPrice: z.number().int(),
    window: biddingWindowSchema.nullable(),
    /** Whether bids are accepted now (window open and the auction open). */
    accepting: z.boolean(),
    /** The server's clock when answering (the countdown measures against it). */
    now: timestampSchema,
    /** The caller's qualified resources and how many of them have a bid in force (operator: all). */
    qualifiedCount: z.number().int(),
    bidCount: z.number().int(),
  })
  .meta({ id: 'BiddingAuction' })
export type BiddingAuction = z.infer<typeof biddingAuctionSchema>

/** One accepted version of a bid, with its receipt's hash. */
export const bidVersionSchema = z
  .object({
    id: z.uuid(),
    versionNo: z.number().int(),
    action: bidActionSchema,
    kw: z.number().int(),
    price: z.number().int(),
    acceptedAt: timestampSchema,
    userName: z.string(),
    sha256: z.string(),
    keyId: z.string(),
  })
  .meta({ id: 'BidVersion' })
export type BidVersion = z.infer<typeof bidVersionSchema>

export const bidHistorySchema = z
  .object({
    bid: bidSchema.extend({
      auctionCode: z.string(),
      resourceCode: z.string(),
      participantCode: z.string(),
    }),
    versions: z.array(bidVersionSchema),
  })
  .meta({ id: 'BidHistory' })
export type BidHistory = z.infer<typeof bidHistorySchema>

/** The signed content of a bid receipt (`yoryo.bidReceipt.v1`, README "Verifying a receipt"). */
export const bidReceiptContentSchema = z
  .object({
    type: z.literal('yoryo.bidReceipt.v1'),
    auctionCode: z.string(),
    participantCode: z.string(),
    resourceCode: z.string(),
    bidId: z.uuid(),
    version: z.number().int(),
    action: bidActionSchema,
    kw: z.number().int(),
    price: z.number().int(),
    acceptedAt: z.string(),
  })
  .meta({ id: 'BidReceiptContent' })

/** A receipt as downloaded: the content, its canonical text, SHA-256, signature and the key. */
export const bidReceiptSchema = z
  .object({
    bidVersionId: z.uuid(),
    content: bidReceiptContentSchema,
    canonical: z.string().describe('The signed bytes (UTF-8): JSON, keys sorted, no spaces'),
    sha256: z.string().describe('SHA-256 of `canonical`, hex'),
    signature: z.string().describe('Ed25519 signature of `canonical`, base64'),
    keyId: z.string(),
    publicKey: z.string().describe('The signing key, SPKI PEM'),
  })
  .meta({ id: 'BidReceipt' })
export type BidReceipt = z.infer<typeof bidReceiptSchema>

/** The result of a write: the bid and the receipt of the accepted version. */
export const bidWriteResultSchema = z
  .object({ bid: bidSchema, receipt: bidReceiptSchema })
  .meta({ id: 'BidWriteResult' })
export type BidWriteResult = z.infer<typeof bidWriteResultSchema>

export const receiptKeySchema = z
  .object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKey: z.string() })
  .meta({ id: 'ReceiptKey' })
export const receiptKeysSchema = z
  .object({ keys: z.array(receiptKeySchema) })
  .meta({ id: 'ReceiptKeys' })
