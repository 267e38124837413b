/**
 * UI texts of bids (110), their receipts and bulk bids: the section `bids` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  bids: {},
}

const en: Shape<typeof ja> = {
  bids: {},
}

export const bidsSections = { ja, en }
