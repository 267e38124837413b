/** What other modules (and the server's demo seeding) may use of replacements (140, 160). */
export { seedDemoPostings } from './demo.ts'
