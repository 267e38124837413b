/**
 * The release auction amounts (F30): release offers, their clearing, the granted and billed
 * amounts: schemas shared by the API, the forms and the CSV rows.
 *
 * A release auction is an auction (120) of subtype `release`; beyond the auction it has a release
 * target (kW). Contract holders offer kW of their contracts back at a price (yen/kW-year they pay
 * back); after the close the operator clears (price descending until the target) and publishes:
 * the released kW carry no requirement for the whole delivery year, keep their payment (交付額)
 * and are billed release price × kW / 12 a month (請求額) (rules.md §8).
 */
import { z } from 'zod'
import { auctionStateSchema } from './auctions.ts'
import { timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import { listQuerySchema, pageSchema } from './list.ts'

const kw = z.number().int()
const yen = z.number().int()

/** The least kW of an offer (rules.md §3.1 as for bids), unless the contract has less left. */
export const RELEASE_OFFER_MIN_KW = 1_000

// ───────────────────────── Release auctions ─────────────────────────

export const releaseAuctionSchema = z
  .object({
    auctionId: z.uuid(),
    auctionCode: z.string(),
    deliveryYear: z.number().int(),
    state: auctionStateSchema,
    auctionVersion: z.number().int().describe('The auction’s version (for its transitions)'),
    biddingOpensAt: timestampSchema.nullable(),
    biddingClosesAt: timestampSchema.nullable(),
    targetKw: kw.nullable().describe('The kW to release nationally (null: not set yet)'),
    releasePrice: yen.nullable().describe('The lowest accepted price (yen/kW-year), once cleared'),
    releasedKw: kw.describe('Σ released kW (0 before the clearing)'),
    offerCount: z.number().int().describe('Offers in force (participants: their own)'),
    clearedAt: timestampSchema.nullable(),
    publishedAt: timestampSchema.nullable(),
    version: z.number().int().describe('The release set-up’s version (target, clearing)'),
  })
  .meta({ id: 'ReleaseAuction' })
export type ReleaseAuction = z.infer<typeof releaseAuctionSchema>

export const releaseAuctionListSchema = z
  .object({ items: z.array(releaseAuctionSchema) })
  .meta({ id: 'ReleaseAuctionList' })

export const releaseAuctionListQuerySchema = z.object({
  deliveryYear: z.coerce.number().int().min(2000).max(2100).optional(),
})

export const releaseTargetInputSchema = z
  .strictObject({
    targetKw: z.number().int().min(1).max(1_000_000_000).describe('kW to release nationally'),
    version: z
      .number()
      .int()
      .optional()
      .describe('The release set-up’s version the change is based on (absent: first set-up)'),
  })
  .meta({ id: 'ReleaseTargetInput' })
export type ReleaseTargetInput = z.infer<typeof releaseTargetInputSchema>

export const releaseStepInputSchema = z
  .strictObject({ version: z.number().int().describe('The release set-up’s version') })
  .meta({ id: 'ReleaseStepInput' })

// ───────────────────────── Offers ─────────────────────────

export const releaseOfferActions = ['register', 'change', 'withdraw'] as const
export const releaseOfferActionSchema = z.enum(releaseOfferActions)
export type ReleaseOfferAction = z.infer<typeof releaseOfferActionSchema>

/** A contract of the holder with its offer in a release auction (null: none yet). */
export const releaseOfferRowSchema = z
  .object({
    contractId: z.uuid(),
    contractNo: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    contractKw: kw,
    areaPrice: yen.describe('The highest price an offer may have (yen/kW-year)'),
    unreleasedKw: kw.describe('Contract kW not released by an earlier published release auction'),
    offer: z
      .object({
        id: z.uuid(),
        kw,
        price: yen,
        version: z.number().int(),
        submittedAt: timestampSchema,
        withdrawnAt: timestampSchema.nullable(),
        releasedKw: kw.nullable().describe('Released by the clearing (null before it)'),
      })
      .nullable(),
  })
  .meta({ id: 'ReleaseOfferRow' })
export type ReleaseOfferRow = z.infer<typeof releaseOfferRowSchema>

export const releaseOfferListSchema = z
  .object({ auction: releaseAuctionSchema, items: z.array(releaseOfferRowSchema) })
  .meta({ id: 'ReleaseOfferList' })
export type ReleaseOfferList = z.infer<typeof releaseOfferListSchema>

export const releaseOfferInputSchema = z
  .strictObject({
    contractId: z.uuid(),
    action: releaseOfferActionSchema,
    kw: z.number().int().min(1).optional().describe('register / change'),
    price: z.number().int().min(0).optional().describe('register / change (yen/kW-year)'),
    version: z.number().int().optional().describe('change / withdraw: the offer’s version'),
  })
  .meta({ id: 'ReleaseOfferInput' })
export type ReleaseOfferInput = z.infer<typeof releaseOfferInputSchema>

// ───────────────────────── Amounts (F30 list) ─────────────────────────

/** One contract-month of a published release: the released kW, the price, 交付額, 請求額. */
export const releaseAmountSchema = z
  .object({
    id: z.string().describe('`<contract release id>:<month>`'),
    month: monthSchema,
    deliveryYear: z.number().int(),
    auctionCode: z.string(),
    contractId: z.uuid(),
    contractNo: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantId: z.uuid(),
    participantCode: z.string(),
    contractKw: kw,
    releasedKw: kw,
    releasePrice: yen.describe('yen/kW-year'),
    monthlyAmount: yen.describe('The contract’s amount of the month'),
    grantedAmount: yen.describe('交付額: floor(monthly amount × released kW / contract kW)'),
    billedAmount: yen.describe(
      '請求額: floor(price × kW / 12) April–February, March the remainder',
    ),
  })
  .meta({ id: 'ReleaseAmount' })
export type ReleaseAmount = z.infer<typeof releaseAmountSchema>

export const releaseAmountPageSchema = pageSchema(releaseAmountSchema).meta({
  id: 'ReleaseAmountPage',
})

export const releaseAmountSortFields = [
  'month',
  'contractNo',
  'resourceCode',
  'participantCode',
  'releasedKw',
  'releasePrice',
  'grantedAmount',
  'billedAmount',
] as const
export type ReleaseAmountSortField = (typeof releaseAmountSortFields)[number]

export const releaseAmountListQuerySchema = listQuerySchema.extend({
  deliveryYear: z.coerce.number().int().min(2000).max(2100).optional(),
  month: monthSchema.optional(),
  participantId: z.uuid().optional().describe('Operator only (participants see their own)'),
  contract: z.string().trim().max(50).optional().describe('Part of the contract number'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${releaseAmountSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type ReleaseAmountListQuery = z.infer<typeof releaseAmountListQuerySchema>
