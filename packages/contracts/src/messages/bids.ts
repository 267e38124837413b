import type { MessageGroup } from './types.ts'

/** Bids (110, bulk 850/860/870) and their signed receipts. IDs E-BID-xxx. */
export const bidMessages = {} as const satisfies MessageGroup
