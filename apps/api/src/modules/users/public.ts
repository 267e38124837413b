/** What other API modules may use of the users module (see auth/public.ts). */
export { fieldError, invalid, managedUser, type Caller } from './service.ts'
