/** What other API modules may use of the client-certificates module (see auth/public.ts). */
export { certificateExpiryTasks } from './service.ts'
