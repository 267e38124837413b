/**
 * Bids (110): the one place a bid is registered, changed or withdrawn — by the API, the screen
 * and the bulk files 850/860/870 alike.
 *
 * Every write, in the caller's transaction:
 * 1. takes the row lock of the resource's qualification for the auction (`FOR UPDATE`): writes
 *    for one resource are serialised, so two changes based on the same version cannot both win;
 * 2. reads the database server's clock (`clock_timestamp()`) AFTER the lock was granted, and
 *    checks it against the bidding window held in the database: a request queued behind others
 *    that gets its lock after the close is refused (E-BID-008, stating the window and the time);
 * 3. checks the rules (qualified, 1,000 kW ≤ kW ≤ expected capacity, 0 ≤ price ≤ floor(cap), one
 *    bid per resource, the version the change is based on);
 * 4. writes the bid, a `BidVersion` with its signed receipt and one audit entry.
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
import type { DbClient } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError, type AppFieldError } from '../../lib/errors.ts'
import { signReceipt, type ReceiptKey } from '../../lib/receipts.ts'
import { bidReceiptContent, type BidReceiptContent } from './receipt-content.ts'

export const BIDDING_WINDOW = 'bidding'

export interface BidWriteRequest {
  auction: { id: string; code: string; state: string; parameters: unknown }
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

/**
 * Registers, changes or withdraws one bid (see the file comment). Call inside a transaction;
 * throws `AppError` on a refusal (nothing written).
 */
export async function writeBid(
  tx: DbClient,
  key: ReceiptKey,
  actor: Actor,
  req: BidWriteRequest,
): Promise<{ bid: Bid; receipt: BidReceipt }> {
  // 1. the row lock of the qualification (every write of this resource queues here)
  const [qualification] = await tx.$queryRaw<
    { id: string; state: string; expected_kw: number; resource_id: string; code: string }[]
  >`
    SELECT q.id, q.state::text AS state, q.expected_kw, q.resource_id, r.code
    FROM auction_qualification q JOIN resource r ON r.id = q.resource_id
    WHERE q.auction_id = ${req.auction.id}::uuid AND r.code = ${req.resourceCode}
      AND q.participant_id = ${req.participant.id}::uuid
    FOR UPDATE OF q`
  const resourceCode = req.resourceCode
  if (!qualification || qualification.state !== 'qualified') {
    throw new AppError('E-BID-007', 404, { params: { resourceCode } })
  }
  // 2. the server's clock once the lock is held, the auction's state, the window in the
  // database and the bid, in one statement (its clock is read after the lock was granted)
  type Found = { now: Date; state: string; window: WindowJson | null; bid: BidJson | null }
  const [found] = (await tx.$queryRaw<Found[]>`
    SELECT clock_timestamp() AS now,
      (SELECT state::text FROM auction WHERE id = ${req.auction.id}::uuid) AS state,
      (SELECT row_to_json(w) FROM (
        SELECT title_ja, title_en, opens_at, closes_at FROM market_window
        WHERE auction_id = ${req.auction.id}::uuid AND kind = ${BIDDING_WINDOW}
        ORDER BY closes_at DESC LIMIT 1) w) AS window,
      (SELECT row_to_json(b) FROM (
        SELECT id, kw, price, version, submitted_at, withdrawn_at FROM bid
        WHERE auction_id = ${req.auction.id}::uuid
          AND resource_id = ${qualification.resource_id}::uuid) b) AS bid`) as [Found]
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
        window: window ? (req.lang === 'en' ? window.titleEn : window.titleJa) : req.auction.code,
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
    const maxPrice = maxPriceOf(req.auction.parameters)
    const errors: (AppFieldError & { messageId: MessageId })[] = []
    const field = (path: string, messageId: MessageId, params: Record<string, number>) =>
      errors.push({
        path: [path],
        messageId,
        params,
        message: formatMessage(messageId, 'ja', params),
      })
    if (kw > qualification.expected_kw) {
      field('kw', 'E-BID-002', { expectedKw: qualification.expected_kw })
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
    auctionCode: req.auction.code,
    participantCode: req.participant.code,
    resourceCode,
    bidId,
    version: versionNo,
    action: req.action,
    kw,
    price,
    acceptedAt: now.toISOString(),
  })
  const signed = signReceipt(key, content)
  const data = {
    kw,
    price,
    version: versionNo,
    submittedAt: req.action === 'withdraw' ? (live as BidRow).submittedAt : now,
    withdrawnAt: req.action === 'withdraw' ? now : null,
  }
  const bid = existing
    ? await tx.bid.update({ where: { id: existing.id, version: existing.version }, data })
    : await tx.bid.create({
        data: {
          id: bidId,
          auctionId: req.auction.id,
          resourceId: qualification.resource_id,
          participantId: req.participant.id,
          ...data,
        },
      })
  const version = await tx.bidVersion.create({
    data: {
      bidId,
      versionNo,
      action: req.action,
      kw,
      price,
      acceptedAt: now,
      userId: actor.userId,
      userName: actor.label,
      ...signed,
    },
  })
  await audit(tx, actor, {
    action: `bid.${req.action}` as const,
    entityType: 'bid',
    entityId: bidId,
    participantId: req.participant.id,
    before: existing
      ? {
          version: existing.version,
          kw: existing.kw,
          price: existing.price,
          withdrawnAt: existing.withdrawnAt,
        }
      : undefined,
    after: {
      auctionCode: req.auction.code,
      resourceCode,
      version: versionNo,
      kw,
      price,
      acceptedAt: now,
      receiptSha256: signed.sha256,
    },
  })
  return { bid: toBid(bid, version.id), receipt: toReceipt(version, [key]) }
}
