import type { MessageGroup } from './types.ts'

/** The release auction amounts (F30): release offers, their clearing, the granted and billed amounts. IDs E-REL-xxx. */
export const releaseAmountMessages = {} as const satisfies MessageGroup
