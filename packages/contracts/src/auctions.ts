/**
 * Capacity auctions (容量オークション; records.md "Auction", rules.md §3, rules-api.md `clear`):
 * the auction and its parameters, shared by set-up (operator), qualification (100), bids (110)
 * and clearing / results (120).
 *
 * The parameters are the `ClearingInput` of the rules engine without the bids, plus the
 * transitional deduction table used later for contracts (rules.md §4). Bids (110) and clearing
 * (120) have their own files.
 */
import { z } from 'zod'
import { factorValueSchema } from './expected-capacity.ts'
import { areaSchema } from './resources.ts'
import { timestampSchema } from './common.ts'

export const auctionTypes = ['main', 'additional'] as const
export const auctionTypeSchema = z
  .enum(auctionTypes)
  .describe('main メインオークション · additional 追加オークション')
  .meta({ id: 'AuctionType' })
export type AuctionType = z.infer<typeof auctionTypeSchema>

export const auctionSubtypes = ['procurement', 'release'] as const
export const auctionSubtypeSchema = z
  .enum(auctionSubtypes)
  .describe('procurement 調達オークション · release リリースオークション')
  .meta({ id: 'AuctionSubtype' })
export type AuctionSubtype = z.infer<typeof auctionSubtypeSchema>

export const auctionStates = ['draft', 'open', 'biddingClosed', 'cleared', 'published'] as const
export const auctionStateSchema = z
  .enum(auctionStates)
  .describe(
    'draft 準備中 · open 受付中 · biddingClosed 応札締切 · cleared 約定処理済 · published 結果公表済',
  )
  .meta({ id: 'AuctionState' })
export type AuctionState = z.infer<typeof auctionStateSchema>

export const qualificationStates = ['pending', 'qualified', 'excluded'] as const
export const qualificationStateSchema = z
  .enum(qualificationStates)
  .describe('pending 確認待ち · qualified 参加資格あり · excluded 対象外')
  .meta({ id: 'QualificationState' })
export type QualificationState = z.infer<typeof qualificationStateSchema>

/** オークションID: `A` + delivery year + `M` (main) or `D` (additional, 追加) + a number. */
export const auctionCodeSchema = z
  .string()
  .regex(/^A\d{4}[MD]\d{1,2}$/)
  .describe('オークションID (e.g. A2030M1)')

/** The auction's code: `A2030M1` for the first main auction of FY2030. */
export function formatAuctionCode(deliveryYear: number, type: AuctionType, n: number): string {
  return `A${deliveryYear}${type === 'main' ? 'M' : 'D'}${n}`
}

const kw = z.number().int().min(0)

/** The demand curve (rules.md §3.2): four points; the cap may end in .5. */
export const demandCurveSchema = z
  .strictObject({
    priceCap: z
      .number()
      .min(0)
      .refine((v) => Number.isInteger(v * 2))
      .describe('上限価格 (円/kW, 0.5 刻み)'),
    quantityAtCap: kw.describe('上限価格での量 (kW)'),
    netCone: kw.describe('指標価格 NetCONE (円/kW)'),
    targetQuantity: kw.describe('目標調達量 (kW)'),
    quantityAtZero: kw.describe('価格 0 円での量 (kW)'),
  })
  .meta({ id: 'DemandCurve' })
export type DemandCurve = z.infer<typeof demandCurveSchema>

/** 経過措置 (rules.md §4): the deduction rate by commissioning year, for contracts. */
export const deductionRowSchema = z.strictObject({
  /** Resources commissioned in or before this fiscal year (null: any year). */
  commissionedUpTo: z.number().int().nullable(),
  /** 0 ≤ rate ≤ 1, at most 4 decimals (rules-api.md `contract-amount`). */
  rate: factorValueSchema,
})

/** The clearing parameters of an auction: `ClearingInput` without the bids, plus the deductions. */
export const auctionParametersSchema = z
  .strictObject({
    demandCurve: demandCurveSchema,
    areas: z.array(z.strictObject({ area: areaSchema, requiredKw: kw })).min(1),
    interconnections: z.array(z.strictObject({ from: areaSchema, to: areaSchema, limitKw: kw })),
    adders: z.array(z.strictObject({ area: areaSchema, kw, label: z.string().min(1).max(100) })),
    dispatchOrderCapKw: kw.nullable(),
    deductionTable: z.array(deductionRowSchema),
  })
  .meta({ id: 'AuctionParameters' })
export type AuctionParameters = z.infer<typeof auctionParametersSchema>

/** A window of the auction (JST on screen, UTC in the API). */
export const auctionWindowSchema = z
  .strictObject({ opensAt: timestampSchema, closesAt: timestampSchema })
  .meta({ id: 'AuctionWindow' })
export type AuctionWindow = z.infer<typeof auctionWindowSchema>

/** The market window kinds an auction owns (`market_window.kind` with its `auctionId`). */
export const AUCTION_WINDOW_KINDS = {
  expectedCapacity: 'expectedCapacityRegistration',
  bidding: 'bidding',
} as const
