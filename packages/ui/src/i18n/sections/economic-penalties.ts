/**
 * UI texts of the penalty targets and economic penalty amounts (D00, D20): the section `economic-penalties` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  economicPenalties: {},
}

const en: Shape<typeof ja> = {
  economicPenalties: {},
}

export const economicPenaltiesSections = { ja, en }
