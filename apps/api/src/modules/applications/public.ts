/** What other API modules may use of the applications module (see auth/public.ts). */
export { reviewQueueCounts } from './service.ts'
