/**
 * UI texts of delivery-period data seen by participants (B60, B70, B80, B90, C10): the section `deliveryData` of both catalogues. System messages
 * with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  deliveryData: {},
}

const en: Shape<typeof ja> = {
  deliveryData: {},
}

export const deliveryDataSections = { ja, en }
