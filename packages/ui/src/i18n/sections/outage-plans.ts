/**
 * UI texts of outage plans (180) and their bulk files: the section `outagePlans` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  outagePlans: {},
}

const en: Shape<typeof ja> = {
  outagePlans: {},
}

export const outagePlansSections = { ja, en }
