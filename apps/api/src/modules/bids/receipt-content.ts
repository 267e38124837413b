/**
 * The content of a bid receipt (110): what is signed for every accepted bid version (see
 * `lib/receipts.ts`). Changing a field name or adding one changes every future receipt: keep it
 * stable, and document it in README "Verifying a receipt".
 */
export type BidReceiptContent = {
  /** Always `yoryo.bidReceipt.v1`. */
  type: 'yoryo.bidReceipt.v1'
  auctionCode: string
  participantCode: string
  resourceCode: string
  bidId: string
  /** The bid's version this receipt is for (1 on register). */
  version: number
  action: 'register' | 'change' | 'withdraw'
  kw: number
  /** 円/kW/年 */
  price: number
  /** Server time the version was accepted, ISO 8601 UTC with milliseconds. */
  acceptedAt: string
}

export function bidReceiptContent(fields: Omit<BidReceiptContent, 'type'>): BidReceiptContent {
  return { type: 'yoryo.bidReceipt.v1', ...fields }
}
