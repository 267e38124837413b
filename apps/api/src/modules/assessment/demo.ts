/**
 * Demo assessment (`pnpm start`, once): the demo month (`demoAssessmentMonth()`, the last
 * complete JST month) is assessed through the real job — queued as the schedule would, then run
 * with `jobs.drain()` before the runner starts — on the delivery-year contracts and the month's
 * feeds, outage plans and omission answers the other demo seeds wrote.
 */
import type { Db } from '@yoryo/db'
import type { JobRunner } from '../../lib/jobs.ts'
import { demoAssessmentMonth } from '../assessment-basis/public.ts'
import { startAssessmentRun, type AssessmentRunRow } from './job.ts'

export async function seedDemoAssessment(
  db: Db,
  jobs: JobRunner,
  now: Date = new Date(),
): Promise<AssessmentRunRow> {
  const month = demoAssessmentMonth(now)
  const run = await startAssessmentRun(db, jobs, null, month, now)
  await jobs.drain()
  return db.assessmentRun.findUniqueOrThrow({ where: { id: run.id } })
}
