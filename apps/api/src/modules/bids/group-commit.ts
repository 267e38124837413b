/**
 * Group commit of the API's bid writes (110, issue 10 "Deadline load"): writes that arrive
 * while others are being written wait, and are then written together — one transaction, three
 * statements (`writeBids`) for the whole group instead of a transaction per write. Nothing is
 * delayed on purpose: a write arriving while fewer than `maxInFlight` groups are being written
 * starts at once (a group of one); under load, the groups grow by themselves.
 *
 * Each write keeps everything it has alone: its own row lock, its own window check by the
 * database's clock after the locks, its own rules, receipt and audit entry, and its own answer,
 * given after the commit. A refused write does not affect the others (the rules are checked
 * before the group's one write statement). Two writes of one resource never share a group, nor
 * run in two groups at once: the later waits for the next group (so the one row lock per
 * resource is never contended inside this process). A group takes its locks with `SKIP LOCKED`
 * and never waits for a lock while holding others (no deadlock with bulk imports or another
 * instance): a write whose lock is held elsewhere is written after the group, on its own,
 * waiting for its lock as a single write does. Should a group's transaction fail as a whole
 * (not a refusal: those are answered per write), each of its writes is tried again on its own,
 * so only the faulty one fails.
 *
 * On a PostgreSQL server the transactions run on the pool's connections as raw SQL
 * (`pooledTransaction`: the statements are raw SQL already, and Prisma's per-statement work was a
 * tenth of the process's time under deadline load); on the embedded database through Prisma.
 */
import { pooledTransaction, prismaSql, type Db, type SqlQueryable } from '@yoryo/db'
import type { ReceiptKey } from '../../lib/receipts.ts'
import {
  writeBid,
  writeBids,
  type BidWrite,
  type BidWriteOutcome,
  type BidWriteResult,
} from './service.ts'

export interface GroupCommitOptions {
  /** The most writes in one group. */
  maxGroup: number
  /** The most groups written at once (each holds one database connection). */
  maxInFlight: number
}

interface Pending extends BidWrite {
  /** One resource of one auction: writes with the same slot are written one after the other. */
  slot: string
  resolve: (result: BidWriteResult) => void
  reject: (error: unknown) => void
}

/**
 * Near the close many writes wait for a pool connection, so a transaction may wait long to
 * start (the window is checked after its locks, so waiting never lets a late write in).
 */
const TRANSACTION = { maxWait: 120_000, timeout: 60_000 }

/** The group commit of one API instance (see the file comment). */
export class BidGroupCommit {
  /** Groups written and the writes in them (a write tried again on its own is not counted). */
  readonly stats = { groups: 0, writes: 0 }
  private queue: Pending[] = []
  private inFlight = 0
  private readonly busy = new Set<string>()
  private readonly transaction: <T>(fn: (sql: SqlQueryable) => Promise<T>) => Promise<T>

  constructor(
    db: Db,
    private readonly key: () => Promise<ReceiptKey>,
    private readonly options: GroupCommitOptions,
  ) {
    this.transaction =
      pooledTransaction(db) ?? ((fn) => db.$transaction((tx) => fn(prismaSql(tx)), TRANSACTION))
  }

  /** Writes one bid (in some group) and answers it after the commit; rejects on a refusal. */
  write(write: BidWrite): Promise<BidWriteResult> {
    return new Promise((resolve, reject) => {
      const { auctionId, resourceCode } = write.req
      this.queue.push({ ...write, slot: `${auctionId}/${resourceCode}`, resolve, reject })
      this.pump()
    })
  }

  /** Starts groups while a slot is free and writes wait (oldest first). */
  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const group: Pending[] = []
      const rest: Pending[] = []
      const slots = new Set<string>()
      for (const p of this.queue) {
        if (group.length < this.options.maxGroup && !this.busy.has(p.slot) && !slots.has(p.slot)) {
          group.push(p)
          slots.add(p.slot)
        } else {
          rest.push(p)
        }
      }
      if (!group.length) return
      this.queue = rest
      for (const slot of slots) this.busy.add(slot)
      this.inFlight += 1
      this.stats.groups += 1
      this.stats.writes += group.length
      void this.run(group).finally(() => {
        for (const slot of slots) this.busy.delete(slot)
        this.inFlight -= 1
        this.pump()
      })
    }
  }

  private async run(group: Pending[]): Promise<void> {
    let key: ReceiptKey
    try {
      key = await this.key()
    } catch (error) {
      for (const p of group) p.reject(error)
      return
    }
    if (group.length === 1) {
      await this.alone(key, group[0] as Pending)
      return
    }
    let outcomes: BidWriteOutcome[]
    try {
      outcomes = await this.transaction((sql) => writeBids(sql, key, group, { skipLocked: true }))
    } catch {
      // The group failed as a whole (nothing of it was written): each write on its own
      outcomes = group.map(() => ({ ok: false, locked: true }))
    }
    const alone: Pending[] = []
    group.forEach((p, i) => {
      const outcome = outcomes[i] as BidWriteOutcome
      if (outcome.ok) p.resolve(outcome.value)
      else if (outcome.locked) alone.push(p)
      else p.reject(outcome.error)
    })
    await Promise.all(alone.map((p) => this.alone(key, p)))
  }

  /** One write in its own transaction, waiting for its row lock. */
  private async alone(key: ReceiptKey, p: Pending): Promise<void> {
    try {
      p.resolve(await this.transaction((sql) => writeBid(sql, key, p.actor, p.req)))
    } catch (error) {
      p.reject(error)
    }
  }
}
