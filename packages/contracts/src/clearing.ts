/**
 * Clearing runs, results and the what-if simulator (120, 110): the rules engine's
 * `ClearingInput` / `ClearingResult` (rules-api.md `clear`) as read schemas for the OpenAPI
 * document, the results views the screens draw, and the simulator's input.
 */
import { z } from 'zod'
import {
  auctionStateSchema,
  auctionTypeSchema,
  demandCurveSchema,
  type AuctionState,
} from './auctions.ts'
import { timestampSchema } from './common.ts'
import type { Labels } from './labels.ts'
import { jobStateSchema } from './bulk.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { areaSchema, resourceKindSchema } from './resources.ts'

const kw = z.number().int().min(0)

/** One bid as the engine receives it. */
export const clearingBidSchema = z
  .object({
    bidId: z.string(),
    resourceCode: z.string(),
    area: areaSchema,
    kind: resourceKindSchema,
    kw,
    price: z.number().int().min(0),
    submittedAt: timestampSchema,
    achievementRate: z.number().min(0).max(1).optional(),
  })
  .meta({ id: 'ClearingBid' })
export type ClearingBid = z.infer<typeof clearingBidSchema>

/** rules-api.md `ClearingInput`: exactly what the engine received. */
export const clearingInputSchema = z
  .object({
    demandCurve: demandCurveSchema,
    areas: z.array(z.object({ area: areaSchema, requiredKw: kw })),
    interconnections: z.array(z.object({ from: areaSchema, to: areaSchema, limitKw: kw })),
    adders: z.array(z.object({ area: areaSchema, kw, label: z.string() })),
    dispatchOrderCapKw: kw.nullable(),
    bids: z.array(clearingBidSchema),
  })
  .meta({ id: 'ClearingSnapshot' })
export type ClearingInputView = z.infer<typeof clearingInputSchema>

export const bidReasons = ['national', 'blockAddition', 'dispatchOrderCap', 'notAwarded'] as const
export const bidReasonSchema = z
  .enum(bidReasons)
  .describe(
    'national 全国約定 · blockAddition ブロック追加約定 · dispatchOrderCap 発動指令電源の上限 · notAwarded 非落札',
  )
  .meta({ id: 'BidReason' })
export type BidReason = z.infer<typeof bidReasonSchema>

export const areaResultSchema = z
  .object({
    area: areaSchema,
    price: z.number().int(),
    awardedKw: kw,
    supplyKw: kw,
    requiredKw: kw,
    blockId: z.string().nullable(),
  })
  .meta({ id: 'AreaResult' })
export type AreaResultView = z.infer<typeof areaResultSchema>

export const blockResultSchema = z
  .object({
    blockId: z.string(),
    areas: z.array(areaSchema),
    addedKw: kw,
    price: z.number().int(),
    adequate: z.boolean(),
  })
  .meta({ id: 'BlockResult' })
export type BlockResultView = z.infer<typeof blockResultSchema>

/** rules-api.md `ClearingResult`: exactly what the engine returned. */
export const clearingResultSchema = z
  .object({
    nationalPrice: z.number().int(),
    nationalAwardedKw: kw,
    totalAwardedKw: kw,
    areas: z.array(areaResultSchema),
    blocks: z.array(blockResultSchema),
    bids: z.array(
      z.object({
        bidId: z.string(),
        awarded: z.boolean(),
        awardedKw: kw,
        price: z.number().int().nullable(),
        reason: bidReasonSchema,
      }),
    ),
  })
  .meta({ id: 'ClearingResult' })
export type ClearingResultView = z.infer<typeof clearingResultSchema>

/** `GET /auctions/{id}/clearing`: the run in force. */
export const clearingSchema = z
  .object({
    algorithmVersion: z.string(),
    input: clearingInputSchema,
    result: clearingResultSchema,
  })
  .meta({ id: 'ClearingInForce' })
export type Clearing = z.infer<typeof clearingSchema>

/** One clearing run of an auction with its job's progress. */
export const clearingRunSchema = z
  .object({
    id: z.uuid(),
    runNo: z.number().int(),
    state: jobStateSchema,
    jobId: z.uuid().nullable(),
    processed: z.number().int(),
    total: z.number().int().nullable(),
    parametersVersion: z.number().int(),
    algorithmVersion: z.string().nullable(),
    bidCount: z.number().int().nullable(),
    nationalPrice: z.number().int().nullable(),
    error: z.string().nullable(),
    published: z.boolean(),
    createdByName: z.string(),
    createdAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ClearingRun' })
export type ClearingRun = z.infer<typeof clearingRunSchema>

export const publicationInputSchema = z.strictObject({
  clearingId: z.uuid().describe('The run to publish (succeeded)'),
})
export type PublicationInput = z.infer<typeof publicationInputSchema>

/** The auction an answer is about. */
export const resultAuctionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  type: auctionTypeSchema,
  deliveryYear: z.number().int(),
  state: auctionStateSchema,
  publishedAt: timestampSchema.nullable(),
})
export type ResultAuction = z.infer<typeof resultAuctionSchema>

/** The runs of an auction, latest first. */
export const clearingRunListSchema = z.object({
  auction: resultAuctionSchema,
  items: z.array(clearingRunSchema),
})

/** A point of a curve for the chart: quantity (kW) and price (円/kW). */
export const curvePointSchema = z.object({ kw: z.number(), price: z.number() })
export type CurvePoint = z.infer<typeof curvePointSchema>

/** `GET /auctions/{id}/results`: the aggregates of the run in force. */
export const auctionResultsSchema = z
  .object({
    auction: resultAuctionSchema,
    clearingId: z.uuid(),
    runNo: z.number().int(),
    published: z.boolean(),
    algorithmVersion: z.string(),
    nationalPrice: z.number().int(),
    nationalAwardedKw: kw,
    totalAwardedKw: kw,
    bidCount: z.number().int(),
    bidKw: kw,
    targetQuantity: kw,
    areas: z.array(areaResultSchema),
    blocks: z.array(blockResultSchema),
    /** Merit-order steps aggregated by price: the cumulative kW at the end of each step. */
    supplyCurve: z.array(curvePointSchema),
    /** The demand curve's four points. */
    demandCurve: z.array(curvePointSchema),
  })
  .meta({ id: 'AuctionResults' })
export type AuctionResults = z.infer<typeof auctionResultsSchema>

/** One bid of the caller with its award and the sentence explaining it. */
export const ownBidResultSchema = z
  .object({
    bidId: z.string(),
    resourceCode: z.string(),
    resourceName: z.string(),
    area: areaSchema,
    kind: resourceKindSchema,
    kw,
    price: z.number().int(),
    awarded: z.boolean(),
    awardedKw: kw,
    areaPrice: z.number().int(),
    reason: bidReasonSchema,
    explanation: z.string(),
  })
  .meta({ id: 'OwnBidResult' })
export type OwnBidResult = z.infer<typeof ownBidResultSchema>

export const ownResultsSchema = z.object({
  auction: resultAuctionSchema,
  participantCode: z.string(),
  items: z.array(ownBidResultSchema),
})
export type OwnResults = z.infer<typeof ownResultsSchema>

/** The list of 120: auctions with a clearing run (operator) or published (everyone). */
export const auctionResultSortFields = ['code', 'deliveryYear', 'state', 'publishedAt'] as const
export type AuctionResultSortField = (typeof auctionResultSortFields)[number]
export const auctionResultListQuerySchema = listQuerySchema.extend({
  deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
})
export type AuctionResultListQuery = z.infer<typeof auctionResultListQuerySchema>
export const auctionResultItemSchema = resultAuctionSchema
  .extend({
    nationalPrice: z.number().int().nullable(),
    runs: z.number().int(),
  })
  .meta({ id: 'AuctionResultItem' })
export type AuctionResultItem = z.infer<typeof auctionResultItemSchema>
export const auctionResultPageSchema = pageSchema(auctionResultItemSchema)

/** The auction states in which a clearing may be run (a re-run after a correction included). */
export const CLEARABLE_STATES: readonly AuctionState[] = ['biddingClosed', 'cleared']

// ---------------------------------------------------------------------------------------------
// What-if simulator (110)

export const BID_SIMULATION_MAX_BIDS = 500

export const draftBidSchema = z.strictObject({
  resourceId: z.uuid(),
  kw: z.number().int().min(1_000).describe('応札容量 (kW)'),
  price: z.number().int().min(0).describe('応札価格 (円/kW/年)'),
})
export type DraftBid = z.infer<typeof draftBidSchema>

export const bidSimulationInputSchema = z.strictObject({
  auctionId: z.uuid().describe('The open auction the draft bids are for'),
  bids: z.array(draftBidSchema).min(1).max(BID_SIMULATION_MAX_BIDS),
})
export type BidSimulationInput = z.infer<typeof bidSimulationInputSchema>

const simulatedPricesSchema = z.object({
  nationalPrice: z.number().int(),
  areas: z.array(
    z.object({ area: areaSchema, price: z.number().int(), blockId: z.string().nullable() }),
  ),
})

export const bidSimulationSchema = z
  .object({
    basedOn: resultAuctionSchema,
    /** The published auction's supply without the caller's draft bids. */
    without: simulatedPricesSchema,
    /** With the draft bids added. */
    with: simulatedPricesSchema,
    bids: z.array(
      z.object({
        resourceId: z.uuid(),
        resourceCode: z.string(),
        resourceName: z.string(),
        area: areaSchema,
        kw,
        price: z.number().int(),
        awarded: z.boolean(),
        awardedKw: kw,
        areaPrice: z.number().int(),
        reason: bidReasonSchema,
      }),
    ),
  })
  .meta({ id: 'BidSimulation' })
export type BidSimulation = z.infer<typeof bidSimulationSchema>

/** The per-bid result list (120 review: every bid for the operator, own bids otherwise). */
export const bidResultSortFields = [
  'resourceCode',
  'resourceName',
  'area',
  'kind',
  'kw',
  'price',
  'awardedKw',
  'areaPrice',
  'reason',
] as const
export type BidResultSortField = (typeof bidResultSortFields)[number]
export const bidResultListQuerySchema = listQuerySchema.extend({
  area: areaSchema.optional(),
  reason: bidReasonSchema.optional(),
  q: z.string().max(100).optional().describe('Resource code or name contains'),
})
export type BidResultListQuery = z.infer<typeof bidResultListQuerySchema>
export const bidResultPageSchema = pageSchema(ownBidResultSchema)

export const bidReasonLabels: Labels<BidReason> = {
  national: { ja: '全国約定', en: 'National clearing' },
  blockAddition: { ja: 'ブロック追加約定', en: 'Block addition' },
  dispatchOrderCap: { ja: '発動指令電源の上限超過', en: 'Dispatch-order cap' },
  notAwarded: { ja: '非落札', en: 'Not awarded' },
}

/** What the simulator offers: the open auctions with the caller's qualified resources. */
export const bidSimulationOptionsSchema = z
  .object({
    auctions: z.array(
      resultAuctionSchema.extend({
        resources: z.array(
          z.object({
            resourceId: z.uuid(),
            resourceCode: z.string(),
            resourceName: z.string(),
            area: areaSchema,
            kind: resourceKindSchema,
            expectedKw: kw,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'BidSimulationOptions' })
export type BidSimulationOptions = z.infer<typeof bidSimulationOptionsSchema>
