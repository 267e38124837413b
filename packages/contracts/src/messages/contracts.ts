import type { MessageGroup } from './types.ts'

/** Capacity contracts (130), their documents and changes. IDs E-CON-xxx. */
export const contractMessages = {} as const satisfies MessageGroup
