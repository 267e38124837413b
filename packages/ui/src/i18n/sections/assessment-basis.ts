/**
 * UI texts of the basis of the assessment (B00 outage plans in the year, B10 parameters, B20 allocation): the section `assessmentBasis` of both catalogues. System messages
 * with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  assessmentBasis: {},
}

const en: Shape<typeof ja> = {
  assessmentBasis: {},
}

export const assessmentBasisSections = { ja, en }
