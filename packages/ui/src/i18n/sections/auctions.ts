/**
 * UI texts of auction set-up (operator) and qualification (100): the section `auctions` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  auctions: {},
}

const en: Shape<typeof ja> = {
  auctions: {},
}

export const auctionsSections = { ja, en }
