import {
  type BidSimulation,
  type BidSimulationOptions,
  type BidSimulationInput,
  type Lang,
  formatMessage,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import { clearAuction, type BidInput, type ClearingInput, type ClearingResult } from '@yoryo/domain'
import type { AuthContext } from '../../lib/context.ts'
import { AppError, type AppFieldError } from '../../lib/errors.ts'
import { latestAchievementRate } from '../expected-capacity/public.ts'
import { toResultAuction } from './service.ts'

/** The open auctions in which the caller has qualified resources, with those resources. */
export async function simulationOptions(
  db: DbClient,
  auth: AuthContext,
): Promise<BidSimulationOptions> {
  const auctions = await db.auction.findMany({
    where: {
      state: 'open',
      qualifications: { some: { participantId: auth.participant.id, state: 'qualified' } },
    },
    include: {
      qualifications: {
        where: { participantId: auth.participant.id, state: 'qualified' },
        include: {
          resource: { select: { id: true, code: true, name: true, area: true, kind: true } },
        },
        orderBy: { resource: { code: 'asc' } },
      },
    },
    orderBy: [{ deliveryYear: 'desc' }, { code: 'asc' }],
  })
  return {
    auctions: auctions.map((a) => ({
      ...toResultAuction(a),
      resources: a.qualifications.map((q) => ({
        resourceId: q.resource.id,
        resourceCode: q.resource.code,
        resourceName: q.resource.name,
        area: q.resource.area,
        kind: q.resource.kind,
        expectedKw: q.expectedKw,
      })),
    })),
  }
}

function prices(result: ClearingResult): BidSimulation['with'] {
  return {
    nationalPrice: result.nationalPrice,
    areas: result.areas.map((a) => ({ area: a.area, price: a.price, blockId: a.blockId })),
  }
}

/**
 * The what-if simulator (110): the caller's draft bids for its qualified resources of an open
 * auction, cleared with `clearAuction` against the supply of the last published auction of the
 * same type — the other participants' bids of its published run (never returned), with that
 * auction's parameters. Returns the prices without and with the drafts and the drafts' awards;
 * writes nothing.
 */
export async function simulate(
  db: DbClient,
  auth: AuthContext,
  body: BidSimulationInput,
  lang: Lang,
): Promise<BidSimulation> {
  const auction = await db.auction.findUnique({ where: { id: body.auctionId } })
  if (!auction) throw new AppError('E-COMMON-002', 404)
  if (auction.state !== 'open') throw new AppError('E-CLR-006', 409)
  const basis = await db.auction.findFirst({
    where: { type: auction.type, state: 'published', publishedClearingId: { not: null } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    include: { publishedClearing: true },
  })
  const published = basis?.publishedClearing
  if (!basis || !published?.input) throw new AppError('E-CLR-005', 409)
  const base = published.input as unknown as ClearingInput
  const maxPrice = Math.floor(base.demandCurve.priceCap)

  const qualifications = await db.auctionQualification.findMany({
    where: {
      auctionId: auction.id,
      participantId: auth.participant.id,
      state: 'qualified',
      resourceId: { in: body.bids.map((b) => b.resourceId) },
    },
    include: { resource: { select: { id: true, code: true, name: true, area: true, kind: true } } },
  })
  const byResource = new Map(qualifications.map((q) => [q.resourceId, q]))
  const errors: AppFieldError[] = []
  const field = (
    i: number,
    key: string,
    messageId: Parameters<typeof formatMessage>[0],
    params: Record<string, number | string> = {},
  ) =>
    errors.push({
      path: ['bids', i, key],
      messageId,
      message: formatMessage(messageId, lang, params),
      params,
    })
  const seen = new Set<string>()
  body.bids.forEach((b, i) => {
    const q = byResource.get(b.resourceId)
    if (!q) return field(i, 'resourceId', 'E-CLR-007')
    if (seen.has(b.resourceId)) field(i, 'resourceId', 'E-CLR-010')
    seen.add(b.resourceId)
    if (b.kw > q.expectedKw) field(i, 'kw', 'E-CLR-008', { maxKw: q.expectedKw })
    if (b.price > maxPrice) field(i, 'price', 'E-CLR-009', { maxPrice })
  })
  if (errors.length) throw new AppError('E-COMMON-001', 400, { errors })

  // The supply: the published run's bids of every other participant.
  const ownInBasis = new Set(
    (
      await db.bid.findMany({
        where: { auctionId: basis.id, participantId: auth.participant.id },
        select: { id: true },
      })
    ).map((b) => b.id),
  )
  const others = base.bids.filter((b) => !ownInBasis.has(b.bidId))
  const now = new Date().toISOString()
  const drafts: BidInput[] = []
  for (const [i, b] of body.bids.entries()) {
    const r = (byResource.get(b.resourceId) as (typeof qualifications)[number]).resource
    const rate = r.kind === 'dispatchOrder' ? await latestAchievementRate(db, r.id) : null
    drafts.push({
      bidId: `draft-${i + 1}`,
      resourceCode: r.code,
      area: r.area,
      kind: r.kind,
      kw: b.kw,
      price: b.price,
      submittedAt: now,
      ...(rate !== null ? { achievementRate: rate } : {}),
    })
  }
  const without = clearAuction({ ...base, bids: others })
  const withDrafts = clearAuction({ ...base, bids: [...others, ...drafts] })
  const results = new Map(withDrafts.bids.map((r) => [r.bidId, r]))
  const areaPrice = new Map(withDrafts.areas.map((a) => [a.area, a.price]))
  return {
    basedOn: toResultAuction(basis),
    without: prices(without),
    with: prices(withDrafts),
    bids: drafts.map((d, i) => {
      const r = results.get(d.bidId)
      const resource = (
        byResource.get(body.bids[i]?.resourceId ?? '') as (typeof qualifications)[number]
      ).resource
      return {
        resourceId: resource.id,
        resourceCode: d.resourceCode,
        resourceName: resource.name,
        area: d.area,
        kw: d.kw,
        price: d.price,
        awarded: r?.awarded ?? false,
        awardedKw: r?.awardedKw ?? 0,
        areaPrice: areaPrice.get(d.area) ?? withDrafts.nationalPrice,
        reason: r?.reason ?? 'notAwarded',
      }
    }),
  }
}
