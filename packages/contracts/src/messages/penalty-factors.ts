import type { MessageGroup } from './types.ts'

/** Penalty factors and market exit (190). IDs E-PEN-xxx. */
export const penaltyFactorMessages = {} as const satisfies MessageGroup
