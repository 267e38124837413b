/**
 * UI texts of clearing runs, results, chart, map (120) and the what-if simulator: the section `auctionResults` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  auctionResults: {},
}

const en: Shape<typeof ja> = {
  auctionResults: {},
}

export const auctionResultsSections = { ja, en }
