/**
 * One run of the monthly assessment in a process of its own, started by `assessment.bench.ts`
 * with the API server's V8 flags (`scripts/api-command.mjs`: the heap limit), so each run's
 * memory is measured from a fresh process as the API's job runner would see it, not on top of
 * the bench's earlier runs and data generation.
 *
 * Environment: `DATABASE_URL`, `BENCH_MONTH`. Prints one JSON line on stdout: the run's ID, its
 * time, the resident memory when idle (after start-up, before the run), the peak resident
 * memory (`VmHWM`) and the peak V8 heap sampled every 20 ms. `BENCH_TRACE_MEMORY=1` (with
 * `--expose-gc`): after each batch (the job's progress report) a full collection, then the heap
 * still in use and the resident memory, on stderr — what the job holds, without the garbage.
 */
import { readFileSync } from 'node:fs'
import { openDatabase } from '@yoryo/db'
import { JobRunner } from '../src/lib/jobs.ts'
import { ASSESSMENT_JOB, assessmentJob, startAssessmentRun } from '../src/modules/assessment/job.ts'

/** Peak resident memory of this process so far (bytes). */
function highWaterMark(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'))
  return line ? Number(line.replace(/\D+/g, '')) * 1024 : process.memoryUsage().rss
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL
  const month = process.env.BENCH_MONTH
  if (!databaseUrl || !month) throw new Error('DATABASE_URL and BENCH_MONTH are required')
  const database = await openDatabase({ databaseUrl })
  const db = database.prisma
  const jobs = new JobRunner(db)
  const handler = assessmentJob(db)
  const gc = (globalThis as { gc?: () => void }).gc
  const trace = process.env.BENCH_TRACE_MEMORY === '1' && gc
  jobs.register(ASSESSMENT_JOB, (job) =>
    handler(
      trace
        ? {
            ...job,
            progress: (processed, total) => {
              gc()
              const m = process.memoryUsage()
              process.stderr.write(
                `    batch ${processed}/${total}: heap in use ${Math.round(m.heapUsed / 1048576)} MB, RSS ${Math.round(m.rss / 1048576)} MB\n`,
              )
              job.progress(processed, total)
            },
          }
        : job,
    ),
  )
  await db.$queryRaw`SELECT 1`
  const idle = process.memoryUsage().rss
  let heap = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    heap = Math.max(heap, process.memoryUsage().heapUsed)
  }, 20)
  const t0 = performance.now()
  const run = await startAssessmentRun(
    db,
    jobs,
    { userId: null, label: 'bench', requestId: 'bench' },
    month,
  )
  await jobs.drain()
  const ms = performance.now() - t0
  clearInterval(sampler)
  await database.close()
  process.stdout.write(
    `${JSON.stringify({ runId: run.id, ms, idle, peak: highWaterMark(), heap })}\n`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
