/**
 * UI texts of the succession, merger and exit (G50): the section `successions` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  successions: {},
}

const en: Shape<typeof ja> = {
  successions: {},
}

export const successionsSections = { ja, en }
