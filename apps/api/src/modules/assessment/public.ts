/** What other parts of the API may use of the monthly assessment (B40): the job, its demo and the results. */
export { ASSESSMENT_JOB, startAssessmentRun, type AssessmentRunRow } from './job.ts'
export { seedDemoAssessment } from './demo.ts'
// Reading the stored results (D00/D20 read them, never assess again).
export {
  currentRunIds,
  isOperator,
  memorySort,
  orderOutcome,
  selectedRun,
  sortRows,
  type MemorySort,
} from './results.ts'
