import {
  CLEARABLE_STATES,
  formatMessage,
  type AuctionParameters,
  type AuctionResults,
  type Clearing,
  type ClearingRun,
  type CurvePoint,
  type Lang,
  type OwnBidResult,
  type ResultAuction,
} from '@yoryo/contracts'
import { Prisma, type Auction, type Db, type DbClient } from '@yoryo/db'
import {
  ALGORITHM_VERSION,
  clearAuction,
  formatPath,
  RulesValidationError,
  type BidResult,
  type ClearingInput,
  type ClearingResult,
} from '@yoryo/domain'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { JobRunner, RunningJob } from '../../lib/jobs.ts'
import { draftContracts } from '../contracts/public.ts'
import { clearingSnapshot } from './snapshot.ts'

export const CLEARING_JOB = 'clearing'

type ClearingRow = Prisma.ClearingGetPayload<object>

const notFound = () => new AppError('E-COMMON-002', 404)
const noResult = () => new AppError('E-CLR-004', 404)

function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}

export function isOperator(auth: AuthContext): boolean {
  return auth.user.role === 'operator'
}

export async function auctionOf(db: DbClient, id: string): Promise<Auction> {
  const auction = await db.auction.findUnique({ where: { id } })
  if (!auction) throw notFound()
  return auction
}

export function toResultAuction(a: Auction): ResultAuction {
  return {
    id: a.id,
    code: a.code,
    type: a.type,
    deliveryYear: a.deliveryYear,
    state: a.state,
    publishedAt: a.publishedAt?.toISOString() ?? null,
  }
}

/**
 * Queues a clearing run (120): the auction must be in `biddingClosed`, or `cleared` for a re-run
 * after a correction, with no run queued or running. A new `Clearing` row and its job, audited.
 */
export async function startClearing(
  db: Db,
  jobs: JobRunner,
  actor: Actor & { name: string },
  auctionId: string,
): Promise<ClearingRow> {
  const run = await db.$transaction(async (tx) => {
    // Lock the auction row: two operators starting at once get run 1 and a refusal.
    const locked = await tx.$queryRaw<
      { state: string; parameters_version: number; subtype: string; code: string }[]
    >`
      SELECT state::text AS state, parameters_version, subtype::text AS subtype, code
      FROM auction WHERE id = ${auctionId}::uuid FOR UPDATE`
    const auction = locked[0]
    if (!auction) throw notFound()
    // A release auction (F30) is cleared by the release clearing (`release-auctions`)
    if (auction.subtype === 'release') {
      throw new AppError('E-REL-011', 409, { params: { auctionCode: auction.code } })
    }
    if (!CLEARABLE_STATES.includes(auction.state as Auction['state'])) {
      throw new AppError('E-CLR-001', 409, { params: { state: auction.state } })
    }
    // A run whose job failed unexpectedly (not the engine's refusal) does not block a new one.
    await markFailedRuns(tx, auctionId)
    const busy = await tx.clearing.count({
      where: { auctionId, state: { in: ['queued', 'running'] } },
    })
    if (busy) throw new AppError('E-CLR-002', 409)
    const last = await tx.clearing.aggregate({ where: { auctionId }, _max: { runNo: true } })
    const runNo = (last._max.runNo ?? 0) + 1
    const row = await tx.clearing.create({
      data: {
        auctionId,
        runNo,
        parametersVersion: auction.parameters_version,
        createdBy: actor.userId,
        createdByName: actor.name,
      },
    })
    const jobId = await jobs.enqueue(tx, {
      kind: CLEARING_JOB,
      payload: { clearingId: row.id },
      createdBy: actor.userId,
    })
    await audit(tx, actor, {
      action: 'clearing.start',
      entityType: 'clearing',
      participantId: null,
      entityId: row.id,
      after: { auctionId, runNo },
    })
    return tx.clearing.update({ where: { id: row.id }, data: { jobId } })
  })
  jobs.wake()
  return run
}

/**
 * The clearing job: snapshot, `clearAuction`, and in one transaction the stored input, result and
 * algorithm version, the auction moved to `cleared` and the job finished. A failure (e.g. the
 * engine refusing the input) is stored with its message.
 */
export function clearingJob(db: Db) {
  return async (job: RunningJob) => {
    const { clearingId } = job.payload as { clearingId: string }
    const run = await db.clearing.findUniqueOrThrow({ where: { id: clearingId } })
    await db.clearing.update({ where: { id: clearingId }, data: { state: 'running' } })
    const system: Actor = { userId: run.createdBy, label: 'system', requestId: `job:${job.id}` }
    let input: ClearingInput | undefined
    let result: ClearingResult | undefined
    let error: string | undefined
    try {
      input = await clearingSnapshot(db, run.auctionId)
      job.progress(0, input.bids.length)
      result = clearAuction(input)
      job.progress(input.bids.length, input.bids.length)
    } catch (e) {
      if (!(e instanceof RulesValidationError)) throw e
      error = `${e.messageId} ${formatMessage(e.messageId, 'ja', e.params)} (${formatPath(e.path)})`
    }
    await db.$transaction(
      async (tx) => {
        const ok = result !== undefined
        await tx.clearing.update({
          where: { id: clearingId },
          data: {
            state: ok ? 'succeeded' : 'failed',
            algorithmVersion: ALGORITHM_VERSION,
            input: input ? json(input) : Prisma.DbNull,
            result: result ? json(result) : Prisma.DbNull,
            error: error ?? null,
            finishedAt: new Date(),
          },
        })
        if (ok) {
          await tx.auction.updateMany({
            where: { id: run.auctionId, state: { in: [...CLEARABLE_STATES] } },
            data: { state: 'cleared', version: { increment: 1 } },
          })
        }
        await audit(tx, system, {
          action: 'clearing.complete',
          entityType: 'clearing',
          participantId: null,
          entityId: clearingId,
          after: ok
            ? { runNo: run.runNo, state: 'succeeded', nationalPrice: result?.nationalPrice }
            : { runNo: run.runNo, state: 'failed', error },
        })
        await job.finishIn(
          tx,
          ok
            ? { state: 'succeeded', result: { clearingId } }
            : { state: 'failed', error: error ?? 'failed' },
        )
      },
      { timeout: 60_000 },
    )
  }
}

/** An unexpected failure of the job (not the engine's refusal) is stored on the run too. */
export async function markFailedRuns(db: DbClient, auctionId: string): Promise<void> {
  const open = await db.clearing.findMany({
    where: { auctionId, state: { in: ['queued', 'running'] }, jobId: { not: null } },
    select: { id: true, jobId: true },
  })
  for (const run of open) {
    const job = await db.job.findUnique({ where: { id: run.jobId as string } })
    if (job?.state === 'failed') {
      await db.clearing.update({
        where: { id: run.id },
        data: { state: 'failed', error: job.error, finishedAt: job.finishedAt },
      })
    }
  }
}

export async function clearingRuns(db: DbClient, auction: Auction): Promise<ClearingRun[]> {
  await markFailedRuns(db, auction.id)
  const rows = await db.clearing.findMany({
    where: { auctionId: auction.id },
    orderBy: { runNo: 'desc' },
  })
  const jobs = await db.job.findMany({
    where: { id: { in: rows.flatMap((r) => (r.jobId ? [r.jobId] : [])) } },
    select: { id: true, processed: true, total: true },
  })
  const byId = new Map(jobs.map((j) => [j.id, j]))
  return rows.map((r) => toRun(r, auction, r.jobId ? byId.get(r.jobId) : undefined))
}

export function toRun(
  r: ClearingRow,
  auction: Pick<Auction, 'publishedClearingId'>,
  job?: { processed: number; total: number | null },
): ClearingRun {
  const input = r.input as unknown as ClearingInput | null
  const result = r.result as unknown as ClearingResult | null
  return {
    id: r.id,
    runNo: r.runNo,
    state: r.state as ClearingRun['state'],
    jobId: r.jobId,
    processed: job?.processed ?? 0,
    total: job?.total ?? null,
    parametersVersion: r.parametersVersion,
    algorithmVersion: r.algorithmVersion,
    bidCount: input ? input.bids.length : null,
    nationalPrice: result ? result.nationalPrice : null,
    error: r.error,
    published: auction.publishedClearingId === r.id,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }
}

/**
 * Publishes a succeeded run: the auction becomes `published` with it (audited), and its capacity
 * contracts are drafted (130, `draftContracts`) in the same transaction.
 */
export async function publish(
  db: Db,
  actor: Actor,
  auctionId: string,
  clearingId: string,
): Promise<Auction> {
  return db.$transaction(
    async (tx) => {
      const auction = await auctionOf(tx, auctionId)
      if (auction.state !== 'cleared' && auction.state !== 'published') {
        throw new AppError('E-CLR-001', 409, { params: { state: auction.state } })
      }
      const run = await tx.clearing.findFirst({ where: { id: clearingId, auctionId } })
      if (!run) throw notFound()
      if (run.state !== 'succeeded') throw new AppError('E-CLR-003', 409)
      const updated = await tx.auction.update({
        where: { id: auctionId },
        data: {
          state: 'published',
          publishedClearingId: run.id,
          publishedAt: new Date(),
          version: { increment: 1 },
        },
      })
      await audit(tx, actor, {
        action: 'clearing.publish',
        entityType: 'clearing',
        participantId: null,
        entityId: run.id,
        before: { state: auction.state, publishedClearingId: auction.publishedClearingId },
        after: { state: 'published', publishedClearingId: run.id, runNo: run.runNo },
      })
      await draftContracts(tx, actor, updated, run, auction.publishedClearingId)
      return updated
    },
    // Drafting ~1,700 contracts (the demo auction) takes 1–2 s: a loaded machine must not make
    // the publication fail on the 5 s default.
    { timeout: 60_000 },
  )
}

/**
 * The run in force: the published one after publication, else the latest succeeded. The
 * operator sees it always, others only after publication (else 404 `E-CLR-004`).
 */
export async function runInForce(
  db: DbClient,
  auth: AuthContext,
  auction: Auction,
): Promise<ClearingRow> {
  if (auction.publishedClearingId) {
    return db.clearing.findUniqueOrThrow({ where: { id: auction.publishedClearingId } })
  }
  if (!isOperator(auth)) throw noResult()
  const latest = await db.clearing.findFirst({
    where: { auctionId: auction.id, state: 'succeeded' },
    orderBy: { runNo: 'desc' },
  })
  if (!latest) throw noResult()
  return latest
}

/** The bid IDs of the caller's participant in the auction (all for the operator: null). */
async function ownBidIds(
  db: DbClient,
  auth: AuthContext,
  auctionId: string,
): Promise<Set<string> | null> {
  if (isOperator(auth)) return null
  const own = await db.bid.findMany({
    where: { auctionId, participantId: auth.participant.id },
    select: { id: true },
  })
  return new Set(own.map((b) => b.id))
}

/**
 * `GET /auctions/{id}/clearing`: the run in force as the engine saw it. A participant sees only
 * its own bids in `input.bids` and `result.bids`; the aggregates are kept.
 */
export async function clearingView(
  db: DbClient,
  auth: AuthContext,
  auction: Auction,
): Promise<Clearing> {
  const run = await runInForce(db, auth, auction)
  const input = run.input as unknown as ClearingInput
  const result = run.result as unknown as ClearingResult
  const own = await ownBidIds(db, auth, auction.id)
  if (!own) return { algorithmVersion: run.algorithmVersion ?? '', input, result }
  return {
    algorithmVersion: run.algorithmVersion ?? '',
    input: { ...input, bids: input.bids.filter((b) => own.has(b.bidId)) },
    result: { ...result, bids: result.bids.filter((b) => own.has(b.bidId)) },
  }
}

/** The demand curve's four points (rules.md §3.2). */
export function demandCurvePoints(d: ClearingInput['demandCurve']): CurvePoint[] {
  return [
    { kw: 0, price: d.priceCap },
    { kw: d.quantityAtCap, price: d.priceCap },
    { kw: d.targetQuantity, price: d.netCone },
    { kw: d.quantityAtZero, price: 0 },
  ]
}

/**
 * The supply curve for the chart: the adders at price 0, then the bids by price ascending,
 * aggregated per price — two points per step (its start and end quantity at its price).
 */
export function supplyCurvePoints(input: ClearingInput): CurvePoint[] {
  let q = input.adders.reduce((s, a) => s + a.kw, 0)
  const byPrice = new Map<number, number>()
  for (const b of input.bids) byPrice.set(b.price, (byPrice.get(b.price) ?? 0) + b.kw)
  const points: CurvePoint[] = [{ kw: 0, price: 0 }]
  if (q > 0) points.push({ kw: q, price: 0 })
  for (const price of [...byPrice.keys()].sort((a, b) => a - b)) {
    points.push({ kw: q, price })
    q += byPrice.get(price) ?? 0
    points.push({ kw: q, price })
  }
  return points
}

export async function resultsView(
  db: DbClient,
  auth: AuthContext,
  auction: Auction,
): Promise<AuctionResults> {
  const run = await runInForce(db, auth, auction)
  const input = run.input as unknown as ClearingInput
  const result = run.result as unknown as ClearingResult
  return {
    auction: toResultAuction(auction),
    clearingId: run.id,
    runNo: run.runNo,
    published: auction.publishedClearingId === run.id,
    algorithmVersion: run.algorithmVersion ?? '',
    nationalPrice: result.nationalPrice,
    nationalAwardedKw: result.nationalAwardedKw,
    totalAwardedKw: result.totalAwardedKw,
    bidCount: input.bids.length,
    bidKw: input.bids.reduce((s, b) => s + b.kw, 0),
    targetQuantity: input.demandCurve.targetQuantity,
    areas: result.areas,
    blocks: result.blocks,
    supplyCurve: supplyCurvePoints(input),
    demandCurve: demandCurvePoints(input.demandCurve),
  }
}

/** The sentence explaining a bid's result, with the price comparison that decided it. */
export function explainBid(
  lang: Lang,
  bid: { kw: number; price: number },
  r: Pick<BidResult, 'awardedKw' | 'reason'>,
  area: { price: number; blockId: string | null },
  context: { nationalPrice: number; dispatchOrderCapKw: number | null },
): string {
  const kw = (n: number) => n.toLocaleString('ja-JP')
  const yen = (n: number) => n.toLocaleString('ja-JP')
  switch (r.reason) {
    case 'national':
      return formatMessage('I-CLR-001', lang, {
        price: yen(bid.price),
        clearingPrice: yen(context.nationalPrice),
        awardedKw: kw(r.awardedKw),
      })
    case 'blockAddition':
      return formatMessage('I-CLR-002', lang, {
        blockId: area.blockId ?? '',
        awardedKw: kw(r.awardedKw),
        clearingPrice: yen(area.price),
        price: yen(bid.price),
        nationalPrice: yen(context.nationalPrice),
      })
    case 'dispatchOrderCap':
      return formatMessage('I-CLR-003', lang, {
        capKw: kw(context.dispatchOrderCapKw ?? 0),
        price: yen(bid.price),
        clearingPrice: yen(area.price),
      })
    case 'notAwarded':
      return formatMessage(bid.price > area.price ? 'I-CLR-004' : 'I-CLR-005', lang, {
        price: yen(bid.price),
        clearingPrice: yen(area.price),
      })
  }
}

/**
 * Every bid of the run in force with its award and explanation: the operator's review sees all,
 * a participant (after publication) its own.
 */
export async function bidResults(
  db: DbClient,
  auth: AuthContext,
  auction: Auction,
  lang: Lang,
): Promise<OwnBidResult[]> {
  const run = await runInForce(db, auth, auction)
  const input = run.input as unknown as ClearingInput
  const result = run.result as unknown as ClearingResult
  const own = await ownBidIds(db, auth, auction.id)
  const results = new Map(result.bids.map((b) => [b.bidId, b]))
  const areas = new Map(result.areas.map((a) => [a.area, a]))
  const bids = own ? input.bids.filter((b) => own.has(b.bidId)) : input.bids
  const names = new Map(
    (
      await db.resource.findMany({
        where: { code: { in: bids.map((b) => b.resourceCode) } },
        select: { code: true, name: true },
      })
    ).map((r) => [r.code, r.name]),
  )
  return bids.map((bid) => {
    const r = results.get(bid.bidId) as BidResult
    const area = areas.get(bid.area) ?? { price: result.nationalPrice, blockId: null }
    return {
      bidId: bid.bidId,
      resourceCode: bid.resourceCode,
      resourceName: names.get(bid.resourceCode) ?? '',
      area: bid.area,
      kind: bid.kind,
      kw: bid.kw,
      price: bid.price,
      awarded: r.awarded,
      awardedKw: r.awardedKw,
      areaPrice: area.price,
      reason: r.reason,
      explanation: explainBid(lang, bid, r, area, {
        nationalPrice: result.nationalPrice,
        dispatchOrderCapKw: input.dispatchOrderCapKw,
      }),
    }
  })
}

export function parametersOf(auction: Auction): AuctionParameters {
  return auction.parameters as unknown as AuctionParameters
}
