import type { MessageGroup } from './types.ts'

/** The succession, merger and exit (G50). IDs E-SUCC-xxx. */
export const successionMessages = {} as const satisfies MessageGroup
