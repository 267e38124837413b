import type { MessageGroup } from './types.ts'

/** The payments (F10): payments made and received, matched to the payment notices and invoices. IDs E-PAY-xxx. */
export const paymentMessages = {} as const satisfies MessageGroup
