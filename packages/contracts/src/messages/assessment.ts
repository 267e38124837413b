import type { MessageGroup } from './types.ts'

/** The monthly assessment (B40, B50, C00; the job and its versions). IDs E-ASMT-xxx. */
export const assessmentMessages = {} as const satisfies MessageGroup
