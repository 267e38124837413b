/**
 * UI texts of the payments (F10): payments made and received, matched to the payment notices and invoices: the section `payments` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  payments: {},
}

const en: Shape<typeof ja> = {
  payments: {},
}

export const paymentsSections = { ja, en }
