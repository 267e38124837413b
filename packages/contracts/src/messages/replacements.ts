import type { MessageGroup } from './types.ts'

/** The replacement board (140) and replacements (160). IDs E-RPL-xxx. */
export const replacementMessages = {} as const satisfies MessageGroup
