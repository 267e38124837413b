import type { MessageGroup } from './types.ts'

/** The basis of the assessment (B00 outage plans in the year, B10 parameters, B20 allocation). IDs E-ABAS-xxx. */
export const assessmentBasisMessages = {} as const satisfies MessageGroup
