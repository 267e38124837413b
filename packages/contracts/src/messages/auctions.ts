import type { MessageGroup } from './types.ts'

/** Auctions: set-up, parameters, windows, states; qualification (100). IDs E-AUC-xxx. */
export const auctionMessages = {} as const satisfies MessageGroup
