/** What other API modules may use of the payments (F10). */
export { paymentStatusOf } from './service.ts'
export { seedDemoPayments } from './demo.ts'
