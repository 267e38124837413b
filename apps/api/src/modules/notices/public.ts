/** What other parts of the API may use of the notices module (A30). */
export { seedDemoNotices } from './demo.ts'
