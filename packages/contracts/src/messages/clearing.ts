import type { MessageGroup } from './types.ts'

/** Clearing runs, results and the what-if simulator (120). IDs E-CLR-xxx. */
export const clearingMessages = {} as const satisfies MessageGroup
