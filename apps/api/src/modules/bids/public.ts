/** What other modules may use of bids (110): the receipt content (demo bids are signed alike). */
export { bidReceiptContent, type BidReceiptContent } from './receipt-content.ts'
