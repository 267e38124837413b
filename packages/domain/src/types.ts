/** The public types of the rules engine (shared/spec/rules-api.md). */

/** The nine areas, in the order every area-ordered list uses. */
export const AREAS = [
  'hokkaido',
  'tohoku',
  'tokyo',
  'chubu',
  'hokuriku',
  'kansai',
  'chugoku',
  'shikoku',
  'kyushu',
] as const

export type Area = (typeof AREAS)[number]

export const RESOURCE_KINDS = [
  'stable',
  'variableSingle',
  'variableAggregate',
  'dispatchOrder',
] as const

export type ResourceKind = (typeof RESOURCE_KINDS)[number]

/** Version of the clearing algorithm, stored with every clearing so it can be re-run. */
export const ALGORITHM_VERSION = 'yoryo-clearing/1.0.0'

// ---------------------------------------------------------------------------------------------
// clear (rules.md §3)

export interface DemandCurveInput {
  /** 円/kW; may end in .5 (1.5 × NetCONE). */
  priceCap: number
  /** kW */
  quantityAtCap: number
  /** 円/kW (the indicator price at the target). */
  netCone: number
  /** kW */
  targetQuantity: number
  /** kW */
  quantityAtZero: number
}

export interface AreaInput {
  area: Area
  requiredKw: number
}

export interface InterconnectionInput {
  from: Area
  to: Area
  limitKw: number
}

export interface AdderInput {
  area: Area
  kw: number
  label: string
}

export interface BidInput {
  bidId: string
  resourceCode: string
  area: Area
  kind: ResourceKind
  kw: number
  /** 円/kW/年, 0 ≤ price ≤ floor(priceCap). */
  price: number
  /** ISO 8601 with an offset (`Z` or `+09:00`). */
  submittedAt: string
  /** 0..1, dispatchOrder only. */
  achievementRate?: number
}

export interface ClearingInput {
  demandCurve: DemandCurveInput
  /** The areas taking part. */
  areas: AreaInput[]
  /** Directed; an absent direction has limit 0. */
  interconnections: InterconnectionInput[]
  /** Price-0 supply, never awarded. */
  adders: AdderInput[]
  dispatchOrderCapKw: number | null
  bids: BidInput[]
}

export type BidReason = 'national' | 'blockAddition' | 'dispatchOrderCap' | 'notAwarded'

export interface AreaResult {
  area: Area
  price: number
  awardedKw: number
  supplyKw: number
  requiredKw: number
  blockId: string | null
}

export interface BlockResult {
  blockId: string
  areas: Area[]
  addedKw: number
  price: number
  adequate: boolean
}

export interface BidResult {
  bidId: string
  awarded: boolean
  awardedKw: number
  price: number | null
  reason: BidReason
}

export interface ClearingResult {
  nationalPrice: number
  /** Bids awarded in the national step. */
  nationalAwardedKw: number
  /** All awarded bids, blocks included. */
  totalAwardedKw: number
  areas: AreaResult[]
  blocks: BlockResult[]
  bids: BidResult[]
}

// ---------------------------------------------------------------------------------------------
// expected-capacity (rules.md §2)

export type ExpectedCapacityInput =
  | { kind: 'stable'; installedKw: number; houseLoadRatio: number; storageHours?: number }
  | { kind: 'variableSingle'; installedKw: number; adjustmentFactor: number }
  | { kind: 'variableAggregate'; members: { installedKw: number; adjustmentFactor: number }[] }
  | { kind: 'dispatchOrder'; offerableKw: number; adjustmentFactor: number }

export interface ExpectedCapacityResult {
  expectedKw: number
  eligible: boolean
  messageId: string | null
}

// ---------------------------------------------------------------------------------------------
// contract-amount (rules.md §4)

export interface ContractAmountInput {
  areaPrice: number
  contractKw: number
  deductionRate: number
  taxRate?: number
}

export interface ContractAmountResult {
  /** floor(areaPrice × contractKw × (1 − deductionRate)) */
  annualAmount: number
  /** 12 amounts, April … March; March takes the remainder. */
  monthly: number[]
  /** floor(annualAmount × taxRate), taxRate default 0.10 */
  annualTax: number
}
