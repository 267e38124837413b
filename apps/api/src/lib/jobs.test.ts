import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type Database } from '@yoryo/db/testing'
import { JobRunner, type RunningJob } from './jobs.ts'

/** The job runner on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})
const db = () => database.prisma

/** Polls until `check` holds, at most `tries` times (no fixed sleeps). */
async function until(check: () => Promise<boolean>, tries = 500): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error('condition not reached')
}

describe('jobs', () => {
  it('runs a queued job with progress and keeps its result', async () => {
    const runner = new JobRunner(db(), { id: 'r1' })
    runner.register('sum', async (job: RunningJob) => {
      const { n } = job.payload as { n: number }
      job.progress(n, n)
      return { state: 'succeeded', result: { sum: (n * (n + 1)) / 2 } }
    })
    const id = await runner.enqueue(db(), { kind: 'sum', payload: { n: 10 } })
    expect(await runner.drain()).toBe(1)
    const row = await db().job.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ state: 'succeeded', result: { sum: 55 }, attempts: 1 })
    expect(row.lockedBy).toBeNull()
    expect(row.finishedAt).not.toBeNull()
    expect(await runner.drain()).toBe(0)
  })

  it('queues and runs a recurring job when the runner starts, one at a time', async () => {
    const runner = new JobRunner(db(), { id: 'r-recur', pollMs: 10 })
    let runs = 0
    runner.register('tidy', async () => {
      runs++
      return { state: 'succeeded' }
    })
    expect(() => runner.recur('unknown', 1000)).toThrow()
    runner.recur('tidy', 60 * 60 * 1000)
    runner.start()
    await until(
      async () => (await db().job.count({ where: { kind: 'tidy', state: 'succeeded' } })) === 1,
      5000,
    )
    await runner.stop()
    expect(runs).toBe(1)
    // While one is queued (or running), no second one is queued.
    const other = new JobRunner(db(), { id: 'r-recur-2' })
    other.register('tidy', async () => ({ state: 'succeeded' }))
    other.recur('tidy', 60 * 60 * 1000)
    expect(await other.queueRecurring('tidy')).toBe(true)
    expect(await other.queueRecurring('tidy')).toBe(false)
    expect(await db().job.count({ where: { kind: 'tidy', state: 'queued' } })).toBe(1)
    expect(await other.drain()).toBe(1)
  })

  it('marks a job failed when its handler throws', async () => {
    const runner = new JobRunner(db(), { id: 'r-fail' })
    runner.register('boom', async () => {
      throw new Error('exploded')
    })
    const id = await runner.enqueue(db(), { kind: 'boom', payload: {} })
    await runner.drain()
    expect(await db().job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'failed',
      error: 'exploded',
    })
  })

  it('re-runs a job left running by a dead runner from the start; fails it after maxAttempts', async () => {
    const runs: number[] = []
    const runner = new JobRunner(db(), { id: 'r-alive', staleMs: 60_000 })
    runner.register('again', async (job) => {
      runs.push(job.attempt)
      return { state: 'succeeded' }
    })
    // A runner that died mid-job: running, heartbeat 10 minutes old.
    const stale = new Date(Date.now() - 10 * 60_000)
    const orphan = await db().job.create({
      data: {
        kind: 'again',
        payload: {},
        state: 'running',
        attempts: 1,
        lockedBy: 'dead',
        lockedAt: stale,
        processed: 40,
      },
    })
    // One whose heartbeat is fresh belongs to a live runner: left alone.
    const alive = await db().job.create({
      data: {
        kind: 'again',
        payload: {},
        state: 'running',
        lockedBy: 'other',
        lockedAt: new Date(),
      },
    })
    // One interrupted as often as it may be.
    const exhausted = await db().job.create({
      data: {
        kind: 'again',
        payload: {},
        state: 'running',
        attempts: 3,
        maxAttempts: 3,
        lockedBy: 'dead',
        lockedAt: stale,
      },
    })
    await runner.drain()
    expect(runs).toEqual([2])
    expect(await db().job.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({
      state: 'succeeded',
      attempts: 2,
    })
    expect((await db().job.findUniqueOrThrow({ where: { id: alive.id } })).state).toBe('running')
    const failed = await db().job.findUniqueOrThrow({ where: { id: exhausted.id } })
    expect(failed.state).toBe('failed')
    expect(failed.error).toMatch(/interrupted/)
    await db().job.delete({ where: { id: alive.id } })
  })

  it('a job taken over by another runner cannot be finished by the old one', async () => {
    const runner = new JobRunner(db(), { id: 'r-slow' })
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    runner.register('slow', async (job) => {
      await gate
      await db().$transaction(async (tx) => {
        await tx.job.update({ where: { id: job.id }, data: { result: { wrote: true } } })
        await job.finishIn(tx, { state: 'succeeded' })
      })
    })
    const id = await runner.enqueue(db(), { kind: 'slow', payload: {} })
    const running = runner.drain()
    await until(
      async () => (await db().job.findUniqueOrThrow({ where: { id } })).state === 'running',
    )
    // Another runner took it over (the heartbeat had gone stale).
    await db().job.update({ where: { id }, data: { lockedBy: 'thief' } })
    release()
    await running
    const row = await db().job.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ state: 'running', lockedBy: 'thief', result: null })
    await db().job.delete({ where: { id } })
  })

  it('two runners never run the same job', async () => {
    const ran: string[] = []
    const make = (name: string) => {
      const runner = new JobRunner(db(), { id: name })
      runner.register('once', async (job) => {
        ran.push(job.id)
        // Give the other runner the chance to claim while this one holds the job.
        await new Promise((resolve) => setImmediate(resolve))
        return { state: 'succeeded', result: { by: name } }
      })
      return runner
    }
    const a = make('runner-a')
    const b = make('runner-b')
    const ids: string[] = []
    for (let i = 0; i < 20; i++) ids.push(await a.enqueue(db(), { kind: 'once', payload: { i } }))
    const [na, nb] = await Promise.all([a.drain(), b.drain()])
    expect(na + nb).toBe(20)
    expect(ran.sort()).toEqual([...ids].sort())
    const rows = await db().job.findMany({ where: { id: { in: ids } } })
    expect(rows.every((r) => r.state === 'succeeded' && r.attempts === 1)).toBe(true)
  })

  it('the polling loop runs what is queued (start, wake, stop)', async () => {
    const runner = new JobRunner(db(), { id: 'r-loop', pollMs: 5 })
    runner.register('tick', async () => ({ state: 'succeeded' }))
    runner.start()
    const id = await runner.enqueue(db(), { kind: 'tick', payload: {} })
    runner.wake()
    await until(
      async () => (await db().job.findUniqueOrThrow({ where: { id } })).state === 'succeeded',
    )
    await runner.stop()
  })
})
