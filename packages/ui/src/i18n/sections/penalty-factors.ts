/**
 * UI texts of penalty factors and market exit (190): the section `penaltyFactors` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  penaltyFactors: {},
}

const en: Shape<typeof ja> = {
  penaltyFactors: {},
}

export const penaltyFactorsSections = { ja, en }
