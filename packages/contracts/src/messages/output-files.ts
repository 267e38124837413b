import type { MessageGroup } from './types.ts'

/** The document samples, the screen ↔ output file map and CSV samples (K00, K20, K21). IDs E-OUTF-xxx. */
export const outputFileMessages = {} as const satisfies MessageGroup
