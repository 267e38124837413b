import type { MessageGroup } from './types.ts'

/** Delivery-period data seen by participants (B60, B70, B80, B90, C10). IDs E-DDAT-xxx. */
export const deliveryDataMessages = {} as const satisfies MessageGroup
