/**
 * UI texts of capacity contracts (130) and their documents: the section `contracts` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  contracts: {},
}

const en: Shape<typeof ja> = {
  contracts: {},
}

export const contractsSections = { ja, en }
