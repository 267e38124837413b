import type { MessageGroup } from './types.ts'

/** Data feeds in (TSO and operator: B60–B90, C10 by API and G00 files). IDs E-FEED-xxx. */
export const feedMessages = {} as const satisfies MessageGroup
