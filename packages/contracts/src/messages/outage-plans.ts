import type { MessageGroup } from './types.ts'

/** Outage plans (180, bulk 880/890/891). IDs E-OUT-xxx. */
export const outagePlanMessages = {} as const satisfies MessageGroup
