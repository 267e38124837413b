/** What other parts of the API may use of the monthly assessment (B40): the job and its demo. */
export { ASSESSMENT_JOB, startAssessmentRun, type AssessmentRunRow } from './job.ts'
export { seedDemoAssessment } from './demo.ts'
