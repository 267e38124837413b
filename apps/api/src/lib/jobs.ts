import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { FastifyBaseLogger } from 'fastify'
import { Prisma, type Db, type DbClient } from '@yoryo/db'

/**
 * Jobs: long work kept in the database (table `job`) and run by a runner inside each API
 * process — bulk imports now, clearing runs and monthly assessments later.
 *
 * - A module registers a handler per kind (`app.jobs.register('bulkImport', handler)`) and
 *   enqueues work in its own transaction (`app.jobs.enqueue(tx, { kind, payload })`).
 * - A runner claims the oldest queued job with `FOR UPDATE SKIP LOCKED`, so several API
 *   instances on one PostgreSQL server never run the same job; on the embedded database there is
 *   one process and the clause is simply honoured.
 * - While it runs, the runner writes a heartbeat (`lockedAt`) and the progress. A job whose
 *   heartbeat is older than `staleMs` was left by a dead process: the next claim takes it again
 *   and re-runs it from the start (after `maxAttempts` claims it is failed instead). A handler
 *   that writes must therefore do its writes in ONE transaction and finish the job inside it
 *   (`job.finishIn(tx, outcome)`): a crash leaves either everything (and the job finished) or
 *   nothing (and the job is re-run).
 * - Tests drive the runner with `drain()` (run every claimable job now) instead of waiting for
 *   the polling loop, which only the server starts (`start()`).
 * - Housekeeping runs as recurring jobs (`recur(kind, everyMs)`): while the runner runs, a job of
 *   the kind is queued at start and then every `everyMs`, unless one is already queued or
 *   running (several instances may each queue one: the handler must be safe to run twice).
 */

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed'

/** How a job ended: `failed` with a result is a regular outcome (e.g. a file with errors). */
export interface JobOutcome {
  state: 'succeeded' | 'failed'
  result?: unknown
  error?: string
}

export interface RunningJob {
  id: string
  kind: string
  payload: unknown
  /** 1 on the first run, 2 when re-run after an interrupted attempt, … */
  attempt: number
  /**
   * Reports progress; never blocks (the latest value is written in the background, so a
   * handler may call it inside a long transaction, even on the single-connection embedded
   * database).
   */
  progress(processed: number, total?: number): void
  /**
   * Marks the job finished inside the handler's own transaction, so the work and the job's end
   * commit together. Throws (rolling the transaction back) when this runner no longer holds the
   * job (its heartbeat went stale and another runner took it over).
   */
  finishIn(tx: DbClient, outcome: JobOutcome): Promise<void>
}

export type JobHandler = (job: RunningJob) => Promise<JobOutcome | void>

export interface JobRunnerOptions {
  /** This runner's name in `lockedBy` (default: host, process and a random part). */
  id?: string
  /** A running job without heartbeat for this long is taken to be orphaned (default 60 s). */
  staleMs?: number
  /** Heartbeat interval while a job runs (default 10 s). */
  heartbeatMs?: number
  /** Polling interval of `start()` when idle (default 1 s). */
  pollMs?: number
  log?: Pick<FastifyBaseLogger, 'error' | 'info'>
}

interface ClaimedRow {
  id: string
  kind: string
  payload: unknown
  attempts: number
  max_attempts: number
}

/** Thrown by `finishIn` when another runner took the job over. */
export class JobLostError extends Error {
  constructor(id: string) {
    super(`job ${id} is no longer held by this runner`)
  }
}

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null
    ? Prisma.DbNull
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue)
}

export class JobRunner {
  readonly id: string
  private readonly handlers = new Map<string, JobHandler>()
  private readonly staleMs: number
  private readonly heartbeatMs: number
  private readonly pollMs: number
  private readonly log: JobRunnerOptions['log']
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined
  private stopped = true
  private readonly recurring = new Map<string, number>()
  private recurTimers: NodeJS.Timeout[] = []

  constructor(
    private readonly db: Db,
    options: JobRunnerOptions = {},
  ) {
    this.id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
    this.staleMs = options.staleMs ?? 60_000
    this.heartbeatMs = options.heartbeatMs ?? 10_000
    this.pollMs = options.pollMs ?? 1_000
    this.log = options.log
  }

  /** Registers the handler of a kind (once, by the module owning the kind). */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} is registered twice`)
    this.handlers.set(kind, handler)
  }

  /** Runs a registered kind as a recurring job every `everyMs` while the runner runs. */
  recur(kind: string, everyMs: number): void {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`)
    this.recurring.set(kind, everyMs)
  }

  /**
   * Queues a job of a recurring kind unless one is queued or running; true when it queued one.
   * The runner calls it at start and every period; tests call it, then `drain()`.
   */
  async queueRecurring(kind: string): Promise<boolean> {
    if (!this.recurring.has(kind)) throw new Error(`job kind ${kind} is not recurring`)
    const queued = await this.db.$executeRaw`
      INSERT INTO job (id, kind, payload)
      SELECT gen_random_uuid(), ${kind}, '{}'::jsonb
      WHERE NOT EXISTS (SELECT 1 FROM job WHERE kind = ${kind} AND state IN ('queued', 'running'))`
    if (queued) this.wake()
    return queued > 0
  }

  /** Queues a job in the caller's transaction; returns its ID. */
  async enqueue(
    tx: DbClient,
    job: { kind: string; payload: unknown; createdBy?: string | null; maxAttempts?: number },
  ): Promise<string> {
    if (!this.handlers.has(job.kind)) throw new Error(`no handler for job kind ${job.kind}`)
    const row = await tx.job.create({
      data: {
        kind: job.kind,
        payload: json(job.payload) as Prisma.InputJsonValue,
        createdBy: job.createdBy ?? null,
        ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
      },
      select: { id: true },
    })
    return row.id
  }

  /** Runs soon (the polling loop, when started, looks at once instead of at its next tick). */
  wake(): void {
    if (this.stopped || this.running) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.loop(), 0)
  }

  /**
   * Claims the oldest job of a registered kind that is queued, or running with a stale
   * heartbeat (left by a dead process). `FOR UPDATE SKIP LOCKED`: a row another runner is
   * claiming at this moment is skipped, not waited for.
   */
  async claim(): Promise<ClaimedRow | null> {
    const kinds = [...this.handlers.keys()]
    if (!kinds.length) return null
    const rows = await this.db.$queryRaw<ClaimedRow[]>`
      WITH next AS (
        SELECT id FROM job
        WHERE kind IN (${Prisma.join(kinds)})
          AND (state = 'queued'
               OR (state = 'running'
                   AND locked_at < now() - make_interval(secs => ${this.staleMs / 1000})))
        ORDER BY created_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE job SET state = 'running', locked_by = ${this.id}, locked_at = now(),
        attempts = job.attempts + 1, processed = 0, started_at = now()
      FROM next WHERE job.id = next.id
      RETURNING job.id, job.kind, job.payload, job.attempts, job.max_attempts`
    return rows[0] ?? null
  }

  /** Claims and runs one job; false when there was none. */
  async runOne(): Promise<boolean> {
    const row = await this.claim()
    if (!row) return false
    if (row.attempts > row.max_attempts) {
      await this.end(row.id, {
        state: 'failed',
        error: `interrupted ${row.attempts - 1} times; not run again`,
      })
      return true
    }
    await this.execute(row)
    return true
  }

  /** Runs every claimable job, one after the other, until none is left; returns how many. */
  async drain(): Promise<number> {
    let count = 0
    while (await this.runOne()) count++
    return count
  }

  /** Starts the polling loop (the server does; tests call `drain()`). */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.timer = setTimeout(() => void this.loop(), 0)
    for (const [kind, everyMs] of this.recurring) {
      const queue = () =>
        void this.queueRecurring(kind).catch((error: unknown) =>
          this.log?.error({ err: error, kind }, 'job runner: recurring job not queued'),
        )
      queue()
      const timer = setInterval(queue, everyMs)
      timer.unref()
      this.recurTimers.push(timer)
    }
  }

  /** Stops polling and waits for the job in hand (its heartbeat stops with it). */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    for (const timer of this.recurTimers) clearInterval(timer)
    this.recurTimers = []
    await this.running
  }

  private async loop(): Promise<void> {
    if (this.stopped || this.running) return
    const work = (async () => {
      try {
        while (!this.stopped && (await this.runOne()));
      } catch (error) {
        this.log?.error({ err: error }, 'job runner: claim failed')
      }
    })()
    this.running = work
    await work
    this.running = undefined
    if (!this.stopped) this.timer = setTimeout(() => void this.loop(), this.pollMs)
  }

  private async execute(row: ClaimedRow): Promise<void> {
    const handler = this.handlers.get(row.kind) as JobHandler
    let finished = false
    let pending: { processed: number; total: number | undefined } | undefined
    let writing: Promise<void> | undefined
    const flush = (): void => {
      if (writing || !pending || finished) return
      const { processed, total } = pending
      pending = undefined
      writing = this.db.job
        .updateMany({
          where: { id: row.id, lockedBy: this.id, state: 'running' },
          data: { processed, ...(total !== undefined ? { total } : {}), lockedAt: new Date() },
        })
        .then(
          () => undefined,
          (error: unknown) => this.log?.error({ err: error, job: row.id }, 'job progress'),
        )
        .finally(() => {
          writing = undefined
          flush()
        })
    }
    const heartbeat = setInterval(() => {
      pending ??= { processed: lastProcessed, total: undefined }
      flush()
    }, this.heartbeatMs)
    heartbeat.unref()
    let lastProcessed = 0
    const job: RunningJob = {
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      attempt: row.attempts,
      progress: (processed, total) => {
        lastProcessed = processed
        pending = { processed, total: total ?? pending?.total }
        flush()
      },
      finishIn: async (tx, outcome) => {
        const done = await tx.job.updateMany({
          where: { id: row.id, lockedBy: this.id, state: 'running' },
          // The last progress reported, with the end (a background write may not have run).
          data: { ...this.endData(outcome), processed: lastProcessed },
        })
        if (done.count !== 1) throw new JobLostError(row.id)
        finished = true
      },
    }
    let outcome: JobOutcome | void
    try {
      outcome = await handler(job)
    } catch (error) {
      if (error instanceof JobLostError) {
        this.log?.info({ job: row.id }, 'job taken over by another runner')
        outcome = undefined
        finished = true
      } else {
        this.log?.error({ err: error, job: row.id }, 'job failed')
        finished = false
        outcome = { state: 'failed', error: error instanceof Error ? error.message : String(error) }
      }
    } finally {
      clearInterval(heartbeat)
    }
    await writing
    if (!finished) await this.end(row.id, outcome ?? { state: 'succeeded' })
  }

  private endData(outcome: JobOutcome) {
    return {
      state: outcome.state,
      result: json(outcome.result),
      error: outcome.error ?? null,
      lockedBy: null,
      lockedAt: null,
      finishedAt: new Date(),
    }
  }

  private async end(id: string, outcome: JobOutcome): Promise<void> {
    await this.db.job.updateMany({
      where: { id, lockedBy: this.id, state: 'running' },
      data: this.endData(outcome),
    })
  }
}
