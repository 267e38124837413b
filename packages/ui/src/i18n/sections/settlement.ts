/**
 * UI texts of the contract amounts, payment notices and invoices (E10, F00; the monthly settlement): the section `settlement` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  settlement: {},
}

const en: Shape<typeof ja> = {
  settlement: {},
}

export const settlementSections = { ja, en }
