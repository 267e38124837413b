/**
 * UI texts of replacements (160): the section `replacements` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  replacements: {},
}

const en: Shape<typeof ja> = {
  replacements: {},
}

export const replacementsSections = { ja, en }
