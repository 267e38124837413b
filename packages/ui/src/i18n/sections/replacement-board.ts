/**
 * UI texts of the replacement board (140): the section `replacementBoard` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  replacementBoard: {},
}

const en: Shape<typeof ja> = {
  replacementBoard: {},
}

export const replacementBoardSections = { ja, en }
