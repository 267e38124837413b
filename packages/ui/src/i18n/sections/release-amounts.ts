/**
 * UI texts of the release auction amounts (F30): release offers, their clearing, the granted and billed amounts: the section `release-amounts` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  releaseAmounts: {},
}

const en: Shape<typeof ja> = {
  releaseAmounts: {},
}

export const releaseAmountsSections = { ja, en }
