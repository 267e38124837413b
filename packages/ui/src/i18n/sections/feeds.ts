/**
 * UI texts of data feeds in (TSO and operator: B60–B90, C10 by API and G00 files): the section `feeds` of both catalogues. System messages
 * with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  feeds: {},
}

const en: Shape<typeof ja> = {
  feeds: {},
}

export const feedsSections = { ja, en }
