/** What other modules and the server may use of resources (050): the demo data's history. */
export { seedDemoResourceHistory } from './demo.ts'
