/** What other modules may use of the auctions module (set-up and qualification). */
export { referenceAuctionParameters } from './reference.ts'
export { windowsOf } from './auction.ts'
