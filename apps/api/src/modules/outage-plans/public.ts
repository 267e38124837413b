/** What other modules (and the server's demo start) may use of outage plans (180). */
export { seedDemoOutagePlans } from './demo.ts'
