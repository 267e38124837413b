/** What other API modules may use of the system module (see auth/public.ts). */
export { isMaintenanceBlocking } from './service.ts'
