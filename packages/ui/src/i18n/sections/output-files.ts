/**
 * UI texts of the document samples, the screen ↔ output file map and CSV samples (K00, K20, K21): the section `output-files` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  outputFiles: {},
}

const en: Shape<typeof ja> = {
  outputFiles: {},
}

export const outputFilesSections = { ja, en }
