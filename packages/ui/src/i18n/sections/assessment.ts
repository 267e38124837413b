/**
 * UI texts of the monthly assessment (B40, B50, C00; the job and its versions): the section `assessment` of both catalogues. System messages
 * with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  assessment: {},
}

const en: Shape<typeof ja> = {
  assessment: {},
}

export const assessmentSections = { ja, en }
