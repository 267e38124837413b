import type { MessageGroup } from './types.ts'

/** The penalty targets and economic penalty amounts (D00, D20). IDs E-EPN-xxx. */
export const economicPenaltyMessages = {} as const satisfies MessageGroup
