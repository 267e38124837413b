/**
 * The release auction (F30, rules.md §8): a release auction is an auction (120) of subtype
 * `release`; this module keeps what it needs beyond the auction (`release_auction`: the target
 * and the clearing), the holders' offers (`release_offer`, versioned) and, once published, the
 * released kW per contract (`contract_release`).
 *
 * States: the auction's own (open → biddingClosed → cleared → published). The set-up, opening
 * and closing of bidding go through the auctions module (120) as for any auction; clearing and
 * publishing are here (a release auction has no demand curve to clear against).
 *
 * An offer write, in one transaction: the contract's row lock (`FOR UPDATE`: writes for one
 * contract are serialised, so two changes based on the same version cannot both win), then the
 * database server's clock read AFTER the lock in a statement of its own and checked against the
 * bidding window held in the database (a write queued behind others that gets its lock after the
 * close is refused, E-REL-002), then the rules, then the offer, its version and one audit entry.
 */
import {
  auctionStateLabels,
  formatJstDateTime,
  formatMessage,
  RELEASE_OFFER_MIN_KW,
  type AuctionState,
  type Lang,
  type MessageId,
  type ReleaseAuction,
  type ReleaseOfferInput,
  type ReleaseOfferRow,
} from '@yoryo/contracts'
import { clearRelease, RELEASE_CLEARING_VERSION, type ReleaseClearingResult } from '@yoryo/domain'
import type { DbClient, Prisma } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError, type AppFieldError } from '../../lib/errors.ts'

export const BIDDING_WINDOW = 'bidding'
/** The contract states an offer may be made for (concluded, not terminated). */
export const OFFERABLE_CONTRACT_STATES = ['confirmed', 'active', 'amended'] as const

const notFound = () => new AppError('E-COMMON-002', 404)
const isOperator = (auth: AuthContext) => auth.user.role === 'operator'

const jstSeconds = (d: Date) =>
  `${formatJstDateTime(d)}:${String(d.getUTCSeconds()).padStart(2, '0')}`

function stateError(state: AuctionState, expected: AuctionState[], lang: Lang): AppError {
  return new AppError('E-REL-009', 409, {
    params: {
      state: auctionStateLabels[state][lang],
      expected: expected.map((s) => auctionStateLabels[s][lang]).join(lang === 'ja' ? '・' : ', '),
    },
  })
}

const auctionInclude = {
  windows: { where: { kind: BIDDING_WINDOW } },
} as const satisfies Prisma.AuctionInclude
type AuctionRow = Prisma.AuctionGetPayload<{ include: typeof auctionInclude }>
type ReleaseRow = Prisma.ReleaseAuctionGetPayload<object>

/** The release auction `auctionId` (404 for a participant while a draft; E-REL-001 not release). */
async function releaseAuctionRow(
  db: DbClient,
  auth: AuthContext,
  auctionId: string,
): Promise<AuctionRow> {
  const row = await db.auction.findUnique({ where: { id: auctionId }, include: auctionInclude })
  if (!row || (row.state === 'draft' && !isOperator(auth))) throw notFound()
  if (row.subtype !== 'release') {
    throw new AppError('E-REL-001', 409, { params: { auctionCode: row.code } })
  }
  return row
}

async function offerCounts(
  db: DbClient,
  auth: AuthContext,
  auctionIds: string[],
): Promise<Map<string, number>> {
  const rows = await db.releaseOffer.groupBy({
    by: ['auctionId'],
    where: {
      auctionId: { in: auctionIds },
      withdrawnAt: null,
      ...(isOperator(auth) ? {} : { participantId: auth.participant.id }),
    },
    _count: { _all: true },
  })
  return new Map(rows.map((r) => [r.auctionId, r._count._all]))
}

function toReleaseAuction(a: AuctionRow, r: ReleaseRow | null, offerCount: number): ReleaseAuction {
  const window = a.windows[0]
  return {
    auctionId: a.id,
    auctionCode: a.code,
    deliveryYear: a.deliveryYear,
    state: a.state,
    auctionVersion: a.version,
    biddingOpensAt: window?.opensAt.toISOString() ?? null,
    biddingClosesAt: window?.closesAt.toISOString() ?? null,
    targetKw: r?.targetKw ?? null,
    releasePrice: r?.releasePrice ?? null,
    releasedKw: r?.releasedKw ?? 0,
    offerCount,
    clearedAt: r?.clearedAt?.toISOString() ?? null,
    publishedAt: r?.publishedAt?.toISOString() ?? null,
    version: r?.version ?? 0,
  }
}

/** The release auctions (participants: not drafts), latest delivery year and code first. */
export async function listReleaseAuctions(
  db: DbClient,
  auth: AuthContext,
  deliveryYear: number | undefined,
): Promise<ReleaseAuction[]> {
  const rows = await db.auction.findMany({
    where: {
      subtype: 'release',
      ...(deliveryYear ? { deliveryYear } : {}),
      ...(isOperator(auth) ? {} : { state: { not: 'draft' } }),
    },
    include: auctionInclude,
    orderBy: [{ deliveryYear: 'desc' }, { code: 'desc' }],
    take: 100,
  })
  const ids = rows.map((r) => r.id)
  const [releases, counts] = await Promise.all([
    db.releaseAuction.findMany({ where: { auctionId: { in: ids } } }),
    offerCounts(db, auth, ids),
  ])
  const byId = new Map(releases.map((r) => [r.auctionId, r]))
  return rows.map((a) => toReleaseAuction(a, byId.get(a.id) ?? null, counts.get(a.id) ?? 0))
}

export async function getReleaseAuction(
  db: DbClient,
  auth: AuthContext,
  auctionId: string,
): Promise<ReleaseAuction> {
  const a = await releaseAuctionRow(db, auth, auctionId)
  const [r, counts] = await Promise.all([
    db.releaseAuction.findUnique({ where: { auctionId } }),
    offerCounts(db, auth, [auctionId]),
  ])
  return toReleaseAuction(a, r, counts.get(auctionId) ?? 0)
}

/** Σ kW of a contract released by published release auctions (other than `exceptAuctionId`). */
async function releasedKwOf(
  db: DbClient,
  contractIds: string[],
  exceptAuctionId: string,
): Promise<Map<string, number>> {
  const rows = await db.contractRelease.groupBy({
    by: ['contractId'],
    where: { contractId: { in: contractIds }, auctionId: { not: exceptAuctionId } },
    _sum: { releasedKw: true },
  })
  return new Map(rows.map((r) => [r.contractId, r._sum.releasedKw ?? 0]))
}

/**
 * The offers of a release auction: a participant sees each of its contracts of the delivery
 * year that may be offered (and any it has an offer for) with its offer or null; the operator
 * every contract with an offer. Contract number order.
 */
export async function listOffers(
  db: DbClient,
  auth: AuthContext,
  auctionId: string,
): Promise<{ auction: ReleaseAuction; items: ReleaseOfferRow[] }> {
  const auction = await getReleaseAuction(db, auth, auctionId)
  const offers = await db.releaseOffer.findMany({
    where: { auctionId, ...(isOperator(auth) ? {} : { participantId: auth.participant.id }) },
  })
  const offerOf = new Map(offers.map((o) => [o.contractId, o]))
  const contracts = await db.contract.findMany({
    where: isOperator(auth)
      ? { id: { in: [...offerOf.keys()] } }
      : {
          participantId: auth.participant.id,
          OR: [
            {
              deliveryYear: auction.deliveryYear,
              state: { in: [...OFFERABLE_CONTRACT_STATES] },
            },
            { id: { in: [...offerOf.keys()] } },
          ],
        },
    select: {
      id: true,
      contractNo: true,
      contractKw: true,
      areaPrice: true,
      resource: { select: { code: true, name: true } },
      participant: { select: { id: true, code: true, name: true } },
    },
    orderBy: { contractNo: 'asc' },
  })
  const released = await releasedKwOf(
    db,
    contracts.map((c) => c.id),
    auctionId,
  )
  return {
    auction,
    items: contracts.map((c) => {
      const o = offerOf.get(c.id)
      return {
        contractId: c.id,
        contractNo: c.contractNo,
        resourceCode: c.resource.code,
        resourceName: c.resource.name,
        participantId: c.participant.id,
        participantCode: c.participant.code,
        participantName: c.participant.name,
        contractKw: c.contractKw,
        areaPrice: c.areaPrice,
        unreleasedKw: Math.max(0, c.contractKw - (released.get(c.id) ?? 0)),
        offer: o
          ? {
              id: o.id,
              kw: o.kw,
              price: o.price,
              version: o.version,
              submittedAt: o.submittedAt.toISOString(),
              withdrawnAt: o.withdrawnAt?.toISOString() ?? null,
              releasedKw: o.releasedKw,
            }
          : null,
      }
    }),
  }
}

type Clocked = {
  now: Date
  state: AuctionState
  code: string
  delivery_year: number
  title_ja: string | null
  title_en: string | null
  opens_at: Date | null
  closes_at: Date | null
  has_release: boolean
}

/** Registers, changes or withdraws an offer (see the file comment). */
export async function writeOffer(
  tx: DbClient,
  auth: AuthContext,
  actor: Actor,
  auctionId: string,
  input: ReleaseOfferInput,
  lang: Lang,
): Promise<void> {
  // 1. the contract's row lock (a participant's own contract only: others are not found)
  const [locked] = await tx.$queryRaw<{ id: string; participant_id: string }[]>`
    SELECT id, participant_id FROM contract WHERE id = ${input.contractId}::uuid FOR UPDATE`
  if (!locked || locked.participant_id !== auth.participant.id) throw notFound()
  // 2. the server's clock once the lock is held, the auction and its bidding window
  const [found] = await tx.$queryRaw<Clocked[]>`
    SELECT clock_timestamp() AS now, a.state::text AS state, a.code, a.delivery_year,
      w.title_ja, w.title_en, w.opens_at, w.closes_at,
      EXISTS (SELECT 1 FROM release_auction r WHERE r.auction_id = a.id) AS has_release
    FROM auction a
      LEFT JOIN LATERAL (
        SELECT title_ja, title_en, opens_at, closes_at FROM market_window
        WHERE auction_id = a.id AND kind = ${BIDDING_WINDOW}
        ORDER BY closes_at DESC LIMIT 1) w ON true
    WHERE a.id = ${auctionId}::uuid AND a.subtype = 'release'`
  if (!found || found.state === 'draft') throw notFound()
  const now = found.now
  const inside = !!found.opens_at && found.opens_at <= now && now < found.closes_at!
  if (!inside || found.state !== 'open' || !found.has_release) {
    throw new AppError('E-REL-002', 409, {
      params: {
        window: found.title_ja
          ? lang === 'en'
            ? (found.title_en ?? found.code)
            : found.title_ja
          : found.code,
        opensAt: found.opens_at ? formatJstDateTime(found.opens_at) : '-',
        closesAt: found.closes_at ? formatJstDateTime(found.closes_at) : '-',
        now: jstSeconds(now),
      },
    })
  }
  // 3. the rules
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: input.contractId },
    select: {
      contractNo: true,
      contractKw: true,
      areaPrice: true,
      state: true,
      deliveryYear: true,
    },
  })
  const contractNo = contract.contractNo
  const existing = await tx.releaseOffer.findUnique({
    where: { auctionId_contractId: { auctionId, contractId: input.contractId } },
  })
  const live = existing && !existing.withdrawnAt ? existing : null
  if (input.action === 'register' && live) {
    throw new AppError('E-REL-006', 409, { params: { contractNo } })
  }
  if (input.action !== 'register') {
    if (!live) throw new AppError('E-REL-007', 409, { params: { contractNo } })
    if (input.version !== undefined && input.version !== live.version) {
      throw new AppError('E-REL-005', 409, { params: { version: live.version } })
    }
  }
  const released = (await releasedKwOf(tx, [input.contractId], auctionId)).get(input.contractId)
  const unreleasedKw = contract.contractKw - (released ?? 0)
  if (
    contract.deliveryYear !== found.delivery_year ||
    !(OFFERABLE_CONTRACT_STATES as readonly string[]).includes(contract.state) ||
    unreleasedKw <= 0
  ) {
    if (input.action !== 'withdraw')
      throw new AppError('E-REL-008', 409, { params: { contractNo } })
  }
  const kw = input.action === 'withdraw' ? live!.kw : input.kw
  const price = input.action === 'withdraw' ? live!.price : input.price
  if (input.action !== 'withdraw') {
    const errors: (AppFieldError & { messageId: MessageId })[] = []
    const field = (path: string, messageId: MessageId, params: Record<string, number>) =>
      errors.push({
        path: [path],
        messageId,
        params,
        message: formatMessage(messageId, lang, params),
      })
    const minKw = Math.min(RELEASE_OFFER_MIN_KW, unreleasedKw)
    if (kw === undefined || kw < minKw || kw > unreleasedKw) {
      field('kw', 'E-REL-003', { minKw, maxKw: unreleasedKw })
    }
    if (price === undefined || price < 0 || price > contract.areaPrice) {
      field('price', 'E-REL-004', { maxPrice: contract.areaPrice })
    }
    if (errors.length) {
      const first = errors[0]!
      throw new AppError(first.messageId, 400, { params: first.params, errors })
    }
  }
  // 4. the offer, its version, one audit entry
  const versionNo = (existing?.version ?? 0) + 1
  const data = {
    kw: kw!,
    price: price!,
    version: versionNo,
    submittedAt: input.action === 'withdraw' ? live!.submittedAt : now,
    withdrawnAt: input.action === 'withdraw' ? now : null,
    releasedKw: null,
  }
  const offer = existing
    ? await tx.releaseOffer.update({ where: { id: existing.id }, data })
    : await tx.releaseOffer.create({
        data: {
          ...data,
          auctionId,
          contractId: input.contractId,
          participantId: auth.participant.id,
        },
      })
  await tx.releaseOfferVersion.create({
    data: {
      offerId: offer.id,
      versionNo,
      action: input.action,
      kw: offer.kw,
      price: offer.price,
      acceptedAt: now,
      userId: actor.userId,
      userName: actor.label,
    },
  })
  await audit(tx, actor, {
    action: `releaseOffer.${input.action}`,
    entityType: 'releaseOffer',
    entityId: offer.id,
    participantId: auth.participant.id,
    before: existing
      ? {
          version: existing.version,
          kw: existing.kw,
          price: existing.price,
          withdrawnAt: existing.withdrawnAt,
        }
      : undefined,
    after: { auctionCode: found.code, contractNo, version: versionNo, kw, price, acceptedAt: now },
  })
}

/** The auction and its release row locked for a write by the operator. */
async function lockedRelease(tx: DbClient, auth: AuthContext, auctionId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM auction WHERE id = ${auctionId}::uuid FOR UPDATE`
  if (!locked) throw notFound()
  const auction = await releaseAuctionRow(tx, auth, auctionId)
  const release = await tx.releaseAuction.findUnique({ where: { auctionId } })
  return { auction, release }
}

function checkVersion(release: ReleaseRow | null, version: number | undefined): void {
  const current = release?.version ?? 0
  if ((version ?? 0) !== current) {
    throw new AppError('E-COMMON-004', 409)
  }
}

/** Sets the release target (operator) while the auction is a draft or open. */
export async function setTarget(
  tx: DbClient,
  auth: AuthContext,
  actor: Actor,
  auctionId: string,
  input: { targetKw: number; version?: number | undefined },
  lang: Lang,
): Promise<void> {
  const { auction, release } = await lockedRelease(tx, auth, auctionId)
  if (auction.state !== 'draft' && auction.state !== 'open') {
    throw stateError(auction.state, ['draft', 'open'], lang)
  }
  checkVersion(release, input.version)
  if (release) {
    await tx.releaseAuction.update({
      where: { auctionId },
      data: { targetKw: input.targetKw, version: { increment: 1 } },
    })
  } else {
    await tx.releaseAuction.create({ data: { auctionId, targetKw: input.targetKw } })
  }
  await audit(tx, actor, {
    action: 'releaseAuction.setTarget',
    entityType: 'releaseAuction',
    entityId: auctionId,
    participantId: null,
    before: release ? { targetKw: release.targetKw } : undefined,
    after: { auctionCode: auction.code, targetKw: input.targetKw },
  })
}

/** The clearing's input snapshot: the offers in force of the auction. */
async function clearingInput(tx: DbClient, auctionId: string, targetKw: number) {
  const offers = await tx.releaseOffer.findMany({
    where: { auctionId, withdrawnAt: null },
    orderBy: { id: 'asc' },
  })
  return {
    targetKw,
    offers: offers.map((o) => ({
      id: o.id,
      kw: o.kw,
      price: o.price,
      submittedAt: o.submittedAt.toISOString(),
    })),
  }
}

/**
 * Clears the release auction (operator) once bidding is closed (the auction `biddingClosed`; a
 * cleared one may be cleared again until it is published, with the same result when nothing
 * changed): stores the input snapshot, the result and the algorithm version, each offer's
 * released kW, and moves the auction to `cleared`.
 */
export async function clear(
  tx: DbClient,
  auth: AuthContext,
  actor: Actor,
  auctionId: string,
  version: number,
  lang: Lang,
): Promise<ReleaseClearingResult> {
  const { auction, release } = await lockedRelease(tx, auth, auctionId)
  if (auction.state !== 'biddingClosed' && auction.state !== 'cleared') {
    throw stateError(auction.state, ['biddingClosed', 'cleared'], lang)
  }
  if (!release) throw new AppError('E-REL-010', 409)
  checkVersion(release, version)
  const input = await clearingInput(tx, auctionId, release.targetKw)
  const result = clearRelease(input)
  for (const o of result.offers) {
    await tx.releaseOffer.update({ where: { id: o.id }, data: { releasedKw: o.releasedKw } })
  }
  await tx.releaseOffer.updateMany({
    where: { auctionId, withdrawnAt: { not: null } },
    data: { releasedKw: null },
  })
  await tx.releaseAuction.update({
    where: { auctionId },
    data: {
      clearingInput: input as unknown as Prisma.InputJsonValue,
      clearingResult: result as unknown as Prisma.InputJsonValue,
      algorithmVersion: RELEASE_CLEARING_VERSION,
      releasePrice: result.releasePrice,
      releasedKw: result.releasedKw,
      clearedAt: new Date(),
      clearedBy: actor.userId,
      version: { increment: 1 },
    },
  })
  await tx.auction.update({
    where: { id: auctionId },
    data: { state: 'cleared', version: { increment: 1 } },
  })
  await audit(tx, actor, {
    action: 'releaseAuction.clear',
    entityType: 'releaseAuction',
    entityId: auctionId,
    participantId: null,
    before: { state: auction.state },
    after: {
      auctionCode: auction.code,
      state: 'cleared',
      targetKw: result.targetKw,
      releasedKw: result.releasedKw,
      releasePrice: result.releasePrice,
      offers: result.offers.length,
      algorithmVersion: RELEASE_CLEARING_VERSION,
    },
  })
  return result
}

/**
 * Publishes the clearing (operator): the released kW of each accepted offer become the
 * contract's release for the whole delivery year (from April), and the auction `published`.
 */
export async function publish(
  tx: DbClient,
  auth: AuthContext,
  actor: Actor,
  auctionId: string,
  version: number,
  lang: Lang,
): Promise<number> {
  const { auction, release } = await lockedRelease(tx, auth, auctionId)
  if (auction.state !== 'cleared' || !release?.clearedAt) {
    throw stateError(auction.state, ['cleared'], lang)
  }
  checkVersion(release, version)
  const accepted = await tx.releaseOffer.findMany({
    where: { auctionId, withdrawnAt: null, releasedKw: { gt: 0 } },
    orderBy: { id: 'asc' },
  })
  const fromMonth = `${auction.deliveryYear}-04`
  await tx.contractRelease.createMany({
    data: accepted.map((o) => ({
      contractId: o.contractId,
      auctionId,
      offerId: o.id,
      participantId: o.participantId,
      deliveryYear: auction.deliveryYear,
      releasedKw: o.releasedKw!,
      price: release.releasePrice ?? 0,
      fromMonth,
    })),
  })
  const now = new Date()
  await tx.releaseAuction.update({
    where: { auctionId },
    data: { publishedAt: now, publishedBy: actor.userId, version: { increment: 1 } },
  })
  await tx.auction.update({
    where: { id: auctionId },
    data: { state: 'published', publishedAt: now, version: { increment: 1 } },
  })
  await audit(tx, actor, {
    action: 'releaseAuction.publish',
    entityType: 'releaseAuction',
    entityId: auctionId,
    participantId: null,
    before: { state: 'cleared' },
    after: {
      auctionCode: auction.code,
      state: 'published',
      releasePrice: release.releasePrice,
      releasedKw: release.releasedKw,
      contracts: accepted.length,
      fromMonth,
    },
  })
  return accepted.length
}
