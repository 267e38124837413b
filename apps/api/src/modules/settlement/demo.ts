/**
 * Demo settlement (`pnpm start`, once, after the demo assessment): the demo month
 * (`demoAssessmentMonth()`) is settled through the real job — queued as the operator would,
 * run with `jobs.drain()` before the runner starts — and its payment notices (and invoices) are
 * issued, so P00001 finds a payment notice on first start.
 */
import type { Db } from '@yoryo/db'
import type { Actor } from '../../lib/audit.ts'
import type { JobRunner } from '../../lib/jobs.ts'
import { demoAssessmentMonth } from '../assessment-basis/public.ts'
import { issueSettlementDocuments } from './documents.ts'
import { latestAssessmentRun, startSettlementRun, type SettlementRunRow } from './job.ts'

export async function seedDemoSettlement(
  db: Db,
  jobs: JobRunner,
  now: Date = new Date(),
): Promise<SettlementRunRow | null> {
  const month = demoAssessmentMonth(now)
  // Nothing to settle when the demo assessment did not succeed (start-up goes on).
  if (!(await latestAssessmentRun(db, month))) return null
  const system: Actor = { userId: null, label: 'system', requestId: `demo:settlement:${month}` }
  const run = await startSettlementRun(db, jobs, system, month, now)
  await jobs.drain()
  const done = await db.settlementRun.findUniqueOrThrow({ where: { id: run.id } })
  if (done.state === 'succeeded') await issueSettlementDocuments(db, system, run.id, now)
  return db.settlementRun.findUniqueOrThrow({ where: { id: run.id } })
}
