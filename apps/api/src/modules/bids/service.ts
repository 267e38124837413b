/**
 * Bids (110): the one place a bid is registered, changed or withdrawn — by the API, the screen
 * and the bulk files 850/860/870 alike.
 *
 * Every write, in the caller's transaction (`writeBids` takes several writes of different
 * resources at once — the API's group commit, `group-commit.ts` — each checked on its own):
 * 1. takes the row lock of the resource's qualification for the auction (`FOR UPDATE`): writes
 *    for one resource are serialised, so two changes based on the same version cannot both win;
 * 2. reads the database server's clock (`clock_timestamp()`) AFTER the lock was granted, in a
 *    statement of its own (a statement's snapshot is taken when it starts: the bid written by
 *    the lock's previous holder is visible only to a statement started after the lock), and
 *    checks it against the bidding window held in the database: a request queued behind others
 *    that gets its lock after the close is refused (E-BID-008, stating the window and the time);
 * 3. checks the rules (qualified, 1,000 kW ≤ kW ≤ expected capacity, 0 ≤ price ≤ floor(cap), one
 *    bid per resource, the version the change is based on);
 * 4. signs the receipt and writes the bid, a `BidVersion` with the receipt and one audit entry
 *    in one statement.
 * Three statements for any number of writes: the lock, the read, the write.
 */
import { randomUUID } from 'node:crypto'
import {
  formatJstDateTime,
  formatMessage,
  type MessageId,
  type AuctionParameters,
  type Bid,
  type BidAction,
  type BidReceipt,
  type Lang,
} from '@yoryo/contracts'
import { prismaSql, type DbClient, type SqlQueryable } from '@yoryo/db'
import { loggableJson, type Actor } from '../../lib/audit.ts'
import { AppError, type AppFieldError } from '../../lib/errors.ts'
import { signReceiptAsync, type ReceiptKey } from '../../lib/receipts.ts'
import { bidReceiptContent, type BidReceiptContent } from './receipt-content.ts'

export const BIDDING_WINDOW = 'bidding'

export interface BidWriteRequest {
  /** The auction (its code, state, window and price cap are read from the database). */
  auctionId: string
  participant: { id: string; code: string }
  resourceCode: string
  action: BidAction
  kw?: number
  price?: number
  /** The version a change or withdrawal is based on; undefined: the current one (bulk files). */
  version?: number
  lang: Lang
}

/** The highest price a bid may have: the integer part of the demand curve's cap (円/kW). */
export function maxPriceOf(parameters: unknown): number {
  const cap = (parameters as AuctionParameters | null)?.demandCurve?.priceCap
  return typeof cap === 'number' ? Math.floor(cap) : 0
}

const jstSeconds = (d: Date) =>
  `${formatJstDateTime(d)}:${String(d.getUTCSeconds()).padStart(2, '0')}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`

type WindowJson = { title_ja: string; title_en: string; opens_at: string; closes_at: string }
type BidJson = {
  id: string
  kw: number
  price: number
  version: number
  submitted_at: string
  withdrawn_at: string | null
}

export type BidRow = {
  id: string
  kw: number
  price: number
  version: number
  submittedAt: Date
  withdrawnAt: Date | null
}

export function toBid(row: BidRow, versionId: string): Bid {
  return {
    id: row.id,
    kw: row.kw,
    price: row.price,
    version: row.version,
    submittedAt: row.submittedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    versionId,
  }
}

/** A stored receipt as downloaded (`publicKey`: the key of its `keyId`, '' when unknown). */
export function toReceipt(
  version: { id: string; canonical: string; sha256: string; signature: string; keyId: string },
  keys: readonly ReceiptKey[],
): BidReceipt {
  return {
    bidVersionId: version.id,
    content: JSON.parse(version.canonical) as BidReceiptContent,
    canonical: version.canonical,
    sha256: version.sha256,
    signature: version.signature,
    keyId: version.keyId,
    publicKey: keys.find((k) => k.keyId === version.keyId)?.publicKeyPem ?? '',
  }
}

/** What an accepted write answers: the bid and its signed receipt. */
export interface BidWriteResult {
  bid: Bid
  receipt: BidReceipt
}

/** One write of `writeBids`: who writes what. */
export interface BidWrite {
  actor: Actor
  req: BidWriteRequest
}

/**
 * The outcome of one write of `writeBids`: accepted, refused (the `AppError` the write alone
 * would have thrown), or `locked`: its row lock was held by another transaction and the write
 * was left out (only with `skipLocked`; write it again on its own).
 */
export type BidWriteOutcome =
  | { ok: true; value: BidWriteResult }
  | { ok: false; error: AppError; locked?: undefined }
  | { ok: false; locked: true; error?: undefined }

/**
 * Registers, changes or withdraws one bid (see the file comment). Call inside a transaction (a
 * Prisma transaction client or a `pooledTransaction`'s); throws `AppError` on a refusal (nothing
 * written).
 */
export async function writeBid(
  tx: DbClient | SqlQueryable,
  key: ReceiptKey,
  actor: Actor,
  req: BidWriteRequest,
): Promise<BidWriteResult> {
  const sql = '$queryRawUnsafe' in tx ? prismaSql(tx) : tx
  const [outcome] = (await writeBids(sql, key, [{ actor, req }])) as [BidWriteOutcome]
  if (!outcome.ok) throw outcome.error as AppError
  return outcome.value
}

type Locked = {
  i: number
  auction_state: string | null
  id: string | null
  state: string | null
  expected_kw: number | null
  resource_id: string | null
}
type Found = {
  i: number
  now: Date
  code: string
  state: string
  price_cap: unknown
  window: WindowJson | null
  bid: BidJson | null
}

/**
 * Writes several bids of different resources in the caller's transaction (`sql`: a Prisma
 * transaction through `prismaSql`, or a `pooledTransaction`'s), each under its own
 * row lock, window check (by the database's clock after the locks) and rules, each with its own
 * receipt and audit entry; a refused write leaves the others alone (its outcome holds the
 * error). Two writes of one resource in one call: not allowed (the caller serialises them).
 * `skipLocked`: a write whose row lock another transaction holds is left out (`locked`) instead
 * of waited for — a batch never waits for a lock while holding others (no deadlocks).
 */
export async function writeBids(
  sql: SqlQueryable,
  key: ReceiptKey,
  writes: readonly BidWrite[],
  options: { skipLocked?: boolean } = {},
): Promise<BidWriteOutcome[]> {
  const outcomes: (BidWriteOutcome | undefined)[] = writes.map(() => undefined)
  const refuse = (i: number, error: AppError) => (outcomes[i] = { ok: false, error })
  // 1. the row locks of the qualifications (every write of a resource queues here). The lateral
  // subquery locks per write through the unique indexes (resource code, then auction and
  // resource), whatever the table statistics say (a join over all rows of the writes'
  // auctions planned on fresh tables cost 170 µs per write).
  const requests = JSON.stringify(
    writes.map(({ req }, i) => ({
      i,
      auction_id: req.auctionId,
      participant_id: req.participant.id,
      resource_code: req.resourceCode,
    })),
  )
  const locked = await sql.query<Locked>(
    `SELECT req.i, a.state::text AS auction_state, l.id, l.state, l.expected_kw, l.resource_id
    FROM json_to_recordset($1::json)
        AS req(i int, auction_id uuid, participant_id uuid, resource_code text)
      LEFT JOIN auction a ON a.id = req.auction_id
      LEFT JOIN LATERAL (
        SELECT q.id, q.state::text AS state, q.expected_kw, q.resource_id
        FROM resource r JOIN auction_qualification q ON q.resource_id = r.id
        WHERE r.code = req.resource_code AND q.auction_id = req.auction_id
          AND q.participant_id = req.participant_id
        FOR UPDATE OF q${options.skipLocked ? ' SKIP LOCKED' : ''}) l ON true`,
    [requests],
  )
  const held: { i: number; resourceId: string; expectedKw: number }[] = []
  for (const row of locked) {
    const { resourceCode } = (writes[row.i] as BidWrite).req
    if (!row.auction_state || row.auction_state === 'draft') {
      refuse(row.i, new AppError('E-COMMON-002', 404))
    } else if (!row.id && options.skipLocked) {
      // Locked by another transaction (or not there: the write alone will tell)
      outcomes[row.i] = { ok: false, locked: true }
    } else if (!row.id || row.state !== 'qualified') {
      refuse(row.i, new AppError('E-BID-007', 404, { params: { resourceCode } }))
    } else {
      held.push({ i: row.i, resourceId: row.resource_id as string, expectedKw: row.expected_kw! })
    }
  }
  if (!held.length) return outcomes as BidWriteOutcome[]

  // 2. the server's clock once the locks are held, the auction's state, code and price cap, the
  // window in the database and the bid, in one statement started after the locks were granted
  const targets = JSON.stringify(
    held.map((h) => ({
      i: h.i,
      auction_id: (writes[h.i] as BidWrite).req.auctionId,
      resource_id: h.resourceId,
    })),
  )
  const found = await sql.query<Found>(
    `SELECT x.i, clock_timestamp() AS now, a.code, a.state::text AS state,
      a.parameters->'demandCurve'->'priceCap' AS price_cap,
      (SELECT row_to_json(w) FROM (
        SELECT title_ja, title_en, opens_at, closes_at FROM market_window
        WHERE auction_id = x.auction_id AND kind = $1
        ORDER BY closes_at DESC LIMIT 1) w) AS window,
      (SELECT row_to_json(b) FROM (
        SELECT id, kw, price, version, submitted_at, withdrawn_at FROM bid
        WHERE auction_id = x.auction_id AND resource_id = x.resource_id) b) AS bid
    FROM json_to_recordset($2::json) AS x(i int, auction_id uuid, resource_id uuid)
      JOIN auction a ON a.id = x.auction_id`,
    [BIDDING_WINDOW, targets],
  )
  const foundByIndex = new Map(found.map((f) => [f.i, f]))

  // 3. the rules, each write on its own; 4. the receipts (signed on the thread pool, together)
  const rows: WriteRow[] = []
  const results = new Map<number, BidWriteResult>()
  const prepared = await Promise.allSettled(
    held.map((h) => {
      const { actor, req } = writes[h.i] as BidWrite
      const f = foundByIndex.get(h.i)
      return f ? prepare(key, actor, req, h, f) : Promise.reject(new AppError('E-COMMON-002', 404))
    }),
  )
  prepared.forEach((p, n) => {
    const { i } = held[n] as (typeof held)[number]
    if (p.status === 'fulfilled') {
      rows.push(p.value.row)
      results.set(i, p.value.result)
    } else if (p.reason instanceof AppError) {
      refuse(i, p.reason)
    } else {
      throw p.reason
    }
  })

  // 5. the bids, their versions with the signed receipts, the audit entries: one statement
  if (rows.length) {
    const [written] = await sql.query<{ bids: number }>(
      `WITH w AS (
        SELECT * FROM json_to_recordset($1::json) AS w(
          bid_id uuid, existing boolean, previous_version int, auction_id uuid, resource_id uuid,
          participant_id uuid, kw int, price int, version int, submitted_at timestamptz,
          withdrawn_at timestamptz, version_id uuid, action text, accepted_at timestamptz,
          user_id uuid, user_name text, canonical text, sha256 text, signature text, key_id text,
          audit_action text, request_id text, before text, after text)
      ), created AS (
        INSERT INTO bid (id, auction_id, resource_id, participant_id, kw, price, submitted_at,
          withdrawn_at, version, updated_at)
        SELECT bid_id, auction_id, resource_id, participant_id, kw, price, submitted_at,
          withdrawn_at, version, clock_timestamp()
        FROM w WHERE NOT existing
        RETURNING 1
      ), changed AS (
        UPDATE bid b SET kw = w.kw, price = w.price, version = w.version,
          submitted_at = w.submitted_at, withdrawn_at = w.withdrawn_at,
          updated_at = clock_timestamp()
        FROM w WHERE w.existing AND b.id = w.bid_id AND b.version = w.previous_version
        RETURNING 1
      ), versions AS (
        INSERT INTO bid_version (id, bid_id, version_no, action, kw, price, accepted_at, user_id,
          user_name, canonical, sha256, signature, key_id)
        SELECT version_id, bid_id, version, action, kw, price, accepted_at, user_id, user_name,
          canonical, sha256, signature, key_id
        FROM w
        RETURNING 1
      ), audited AS (
        INSERT INTO audit_log (id, actor_user_id, actor_label, participant_id, action,
          entity_type, entity_id, before, after, request_id)
        SELECT gen_random_uuid(), user_id, user_name, participant_id, audit_action, 'bid',
          bid_id::text, before::jsonb, after::jsonb, request_id
        FROM w
        RETURNING 1
      )
      SELECT ((SELECT count(*) FROM created) + (SELECT count(*) FROM changed))::int AS bids`,
      [JSON.stringify(rows)],
    )
    // Each bid is locked: a row not written means a defect, not a race (roll everything back)
    if (written?.bids !== rows.length) {
      throw new Error(`writeBids: ${written?.bids} of ${rows.length} bids written`)
    }
  }
  for (const [i, value] of results) outcomes[i] = { ok: true, value }
  return outcomes as BidWriteOutcome[]
}

/** One row of the write statement (`json_to_recordset` in `writeBids`). */
type WriteRow = {
  bid_id: string
  existing: boolean
  previous_version: number | null
  auction_id: string
  resource_id: string
  participant_id: string
  kw: number
  price: number
  version: number
  submitted_at: string
  withdrawn_at: string | null
  version_id: string
  action: BidAction
  accepted_at: string
  user_id: string | null
  user_name: string
  canonical: string
  sha256: string
  signature: string
  key_id: string
  audit_action: string
  request_id: string
  before: string | null
  after: string | null
}

/** Steps 2–4 of one write (see the file comment): rejects with `AppError` on a refusal. */
async function prepare(
  key: ReceiptKey,
  actor: Actor,
  req: BidWriteRequest,
  held: { resourceId: string; expectedKw: number },
  found: Found,
): Promise<{ row: WriteRow; result: BidWriteResult }> {
  const resourceCode = req.resourceCode
  const now = found.now
  const window = found.window
    ? {
        titleJa: found.window.title_ja,
        titleEn: found.window.title_en,
        opensAt: new Date(found.window.opens_at),
        closesAt: new Date(found.window.closes_at),
      }
    : null
  const inside = !!window && window.opensAt <= now && now < window.closesAt
  if (!inside || found.state !== 'open') {
    throw new AppError('E-BID-008', 409, {
      params: {
        window: window ? (req.lang === 'en' ? window.titleEn : window.titleJa) : found.code,
        opensAt: window ? formatJstDateTime(window.opensAt) : '-',
        closesAt: window ? formatJstDateTime(window.closesAt) : '-',
        now: jstSeconds(now),
      },
    })
  }
  // 3. the rules
  const existing: BidRow | null = found.bid
    ? {
        id: found.bid.id,
        kw: found.bid.kw,
        price: found.bid.price,
        version: found.bid.version,
        submittedAt: new Date(found.bid.submitted_at),
        withdrawnAt: found.bid.withdrawn_at ? new Date(found.bid.withdrawn_at) : null,
      }
    : null
  const live = existing && !existing.withdrawnAt ? existing : null
  if (req.action === 'register' && live) {
    throw new AppError('E-BID-005', 409, { params: { resourceCode } })
  }
  if (req.action !== 'register') {
    if (!live) throw new AppError('E-BID-006', 409, { params: { resourceCode } })
    if (req.version !== undefined && req.version !== live.version) {
      throw new AppError('E-BID-004', 409, { params: { version: live.version } })
    }
  }
  const kw = req.action === 'withdraw' ? (live as BidRow).kw : (req.kw as number)
  const price = req.action === 'withdraw' ? (live as BidRow).price : (req.price as number)
  if (req.action !== 'withdraw') {
    const maxPrice = maxPriceOf({ demandCurve: { priceCap: found.price_cap } })
    const errors: (AppFieldError & { messageId: MessageId })[] = []
    const field = (path: string, messageId: MessageId, params: Record<string, number>) =>
      errors.push({
        path: [path],
        messageId,
        params,
        message: formatMessage(messageId, 'ja', params),
      })
    if (kw > held.expectedKw) {
      field('kw', 'E-BID-002', { expectedKw: held.expectedKw })
    }
    if (price > maxPrice) field('price', 'E-BID-003', { maxPrice })
    if (errors.length) {
      const first = errors[0] as (typeof errors)[number]
      throw new AppError(first.messageId, 400, { params: first.params, errors })
    }
  }
  // 4. the bid, its version with the signed receipt, one audit entry
  const bidId = existing?.id ?? randomUUID()
  const versionNo = (existing?.version ?? 0) + 1
  const content = bidReceiptContent({
    auctionCode: found.code,
    participantCode: req.participant.code,
    resourceCode,
    bidId,
    version: versionNo,
    action: req.action,
    kw,
    price,
    acceptedAt: now.toISOString(),
  })
  const signed = await signReceiptAsync(key, content)
  const bid: BidRow = {
    id: bidId,
    kw,
    price,
    version: versionNo,
    submittedAt: req.action === 'withdraw' ? (live as BidRow).submittedAt : now,
    withdrawnAt: req.action === 'withdraw' ? now : null,
  }
  const versionId = randomUUID()
  const row: WriteRow = {
    bid_id: bidId,
    existing: !!existing,
    previous_version: existing?.version ?? null,
    auction_id: req.auctionId,
    resource_id: held.resourceId,
    participant_id: req.participant.id,
    kw,
    price,
    version: versionNo,
    submitted_at: bid.submittedAt.toISOString(),
    withdrawn_at: bid.withdrawnAt?.toISOString() ?? null,
    version_id: versionId,
    action: req.action,
    accepted_at: now.toISOString(),
    user_id: actor.userId,
    user_name: actor.label,
    ...{ canonical: signed.canonical, sha256: signed.sha256, signature: signed.signature },
    key_id: signed.keyId,
    audit_action: `bid.${req.action}`,
    request_id: actor.requestId,
    before: loggableJson(
      existing
        ? {
            version: existing.version,
            kw: existing.kw,
            price: existing.price,
            withdrawnAt: existing.withdrawnAt,
          }
        : undefined,
    ),
    after: loggableJson({
      auctionCode: found.code,
      resourceCode,
      version: versionNo,
      kw,
      price,
      acceptedAt: now,
      receiptSha256: signed.sha256,
    }),
  }
  return {
    row,
    result: {
      bid: toBid(bid, versionId),
      receipt: toReceipt({ id: versionId, ...signed }, [key]),
    },
  }
}
