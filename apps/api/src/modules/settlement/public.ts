/** What other parts of the API may use of the monthly settlement (E10, F00). */
export { SETTLEMENT_JOB, startSettlementRun, type SettlementRunRow } from './job.ts'
export { issueSettlementDocuments, SETTLEMENT_DOCUMENT_OWNER } from './documents.ts'
export { seedDemoSettlement } from './demo.ts'
