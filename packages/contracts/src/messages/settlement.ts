import type { MessageGroup } from './types.ts'

/** The contract amounts, payment notices and invoices (E10, F00; the monthly settlement). IDs E-STL-xxx. */
export const settlementMessages = {} as const satisfies MessageGroup
