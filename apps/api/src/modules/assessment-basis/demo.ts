/**
 * Demo delivery year (`pnpm start`, once): the contracts a realistic month is assessed on. A main
 * auction for the delivery year of the last complete month (held four years earlier, published)
 * and a contract in delivery (`active`) for every resource of P00001 and P00002 but one, at the
 * area prices of reference-data.md (main 2022 → FY2026; other years reuse them). On them (B00 /
 * B20): the outage-plan submission window of that year (open until the year ends), approved
 * outage plans inside the month (a 2-day full outage of P00001's stable resource, a half-day of
 * P00002's) and one approved replacement for the month: a fifth of P00001's solar resource
 * (variableSingle) to P00002's solar resource in the same area — the one resource left without a
 * contract, since rules.md §7 replaces onto capacity not already contracted for those months.
 * The feeds and the assessment of that month are seeded by their own modules.
 */
import {
  fiscalYearOf,
  formatOutagePlanNo,
  fromJstParts,
  lastCompleteMonth,
  OUTAGE_PLAN_WINDOW,
  type Area,
} from '@yoryo/contracts'
import { nextNumber, type Db, type DbTransaction } from '@yoryo/db'
import { createAuction, createContract } from '@yoryo/db/factories'
import { computeContractAmount } from '@yoryo/domain'
import { audit } from '../../lib/audit.ts'

/** Area prices of the main auction held in 2022 for delivery year 2026 (reference-data.md). */
const AREA_PRICES: Record<Area, number> = {
  hokkaido: 8_749,
  tohoku: 5_833,
  tokyo: 5_834,
  chubu: 5_832,
  hokuriku: 5_832,
  kansai: 5_832,
  chugoku: 5_832,
  shikoku: 5_832,
  kyushu: 8_748,
}

/** The last complete JST month before `now` (`YYYY-MM`): the demo's assessed month. */
export function demoAssessmentMonth(now: Date = new Date()): string {
  return lastCompleteMonth(now)
}

export interface DemoDeliveryYear {
  month: string
  deliveryYear: number
  auctionId: string
  contractIds: string[]
  outagePlanIds: string[]
  replacementId: string | null
}

const SEED_ACTOR = { userId: null, label: 'system', requestId: 'seed' }

export async function seedDemoDeliveryYear(
  db: Db,
  now: Date = new Date(),
): Promise<DemoDeliveryYear> {
  const month = demoAssessmentMonth(now)
  const deliveryYear = fiscalYearOf(`${month}-01`)
  const heldAt = new Date(Date.UTC(deliveryYear - 4, 6, 1))
  const resources = await db.resource.findMany({
    where: { participant: { code: { in: ['P00001', 'P00002'] } }, status: 'active' },
    include: {
      expectedCapacities: { orderBy: { deliveryYear: 'desc' }, take: 1 },
      participant: { select: { code: true } },
    },
    orderBy: { code: 'asc' },
  })
  const pair = replacementPair(resources)
  return db.$transaction(async (tx) => {
    const auction = await createAuction(tx, {
      deliveryYear,
      state: 'published',
      bidding: { opensAt: heldAt, closesAt: new Date(heldAt.getTime() + 7 * 86_400_000) },
      now: heldAt,
    })
    const contractIds: string[] = []
    const contracted: Contracted[] = []
    for (const resource of resources) {
      if (resource.id === pair?.taker.id) continue
      const expected = resource.expectedCapacities[0]
      const contractKw = Math.max(
        1_000,
        expected?.changedExpectedKw ?? expected?.expectedKw ?? 5_000,
      )
      const areaPrice = AREA_PRICES[resource.area]
      const amounts = computeContractAmount({ areaPrice, contractKw, deductionRate: 0 })
      const contract = await createContract(tx, {
        resource,
        auctionId: auction.id,
        contractKw,
        areaPrice,
        annualAmount: amounts.annualAmount,
        monthlyAmounts: amounts.monthly,
        state: 'active',
      })
      contractIds.push(contract.id)
      contracted.push({
        contractId: contract.id,
        contractKw,
        resourceId: resource.id,
        resourceCode: resource.code,
        kind: resource.kind,
        area: resource.area,
        participantId: resource.participantId,
        participantCode: resource.participant.code,
      })
    }
    await tx.marketWindow.create({
      data: {
        kind: OUTAGE_PLAN_WINDOW,
        function: 'B00',
        deliveryYear,
        titleJa: `容量停止計画提出受付（${deliveryYear}年度 実需給期間中）`,
        titleEn: `Outage plan submission (delivery year FY${deliveryYear}, in delivery)`,
        opensAt: fromJstParts({ year: deliveryYear, month: 4, day: 1, hour: 0 }),
        closesAt: fromJstParts({ year: deliveryYear + 1, month: 4, day: 1, hour: 0 }),
      },
    })
    const outagePlanIds = await seedPlans(tx, month, deliveryYear, contracted)
    const replacementId = pair ? await seedReplacement(tx, month, contracted, pair) : null
    return { month, deliveryYear, auctionId: auction.id, contractIds, outagePlanIds, replacementId }
  })
}

interface Contracted {
  contractId: string
  contractKw: number
  resourceId: string
  resourceCode: string
  kind: string
  area: Area
  participantId: string
  participantCode: string
}

/** Approved outage plans inside the month (B00; the assessment's planned-outage line). */
async function seedPlans(
  tx: DbTransaction,
  month: string,
  deliveryYear: number,
  contracted: Contracted[],
): Promise<string[]> {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const at = (day: number, hour: number) => fromJstParts({ year: y, month: m, day, hour })
  const p1Stable = contracted.find((c) => c.participantCode === 'P00001' && c.kind === 'stable')
  const p2Stable = contracted.find((c) => c.participantCode === 'P00002' && c.kind === 'stable')
  const plans = [
    ...(p1Stable
      ? [
          {
            c: p1Stable,
            startAt: at(8, 0),
            endAt: at(10, 0),
            reducedKw: p1Stable.contractKw,
            reason: 'inspection',
            note: '定期点検（デモデータ）',
          },
        ]
      : []),
    ...(p2Stable
      ? [
          {
            c: p2Stable,
            startAt: at(20, 9),
            endAt: at(20, 17),
            reducedKw: Math.max(1, Math.floor(p2Stable.contractKw / 2)),
            reason: 'repair',
            note: '補修作業（デモデータ）',
          },
        ]
      : []),
  ]
  const ids: string[] = []
  for (const p of plans) {
    const n = await nextNumber(tx, `outagePlan:${deliveryYear}`)
    const row = await tx.outagePlan.create({
      data: {
        planNo: formatOutagePlanNo(deliveryYear, n),
        participantId: p.c.participantId,
        resourceId: p.c.resourceId,
        contractId: p.c.contractId,
        deliveryYear,
        startAt: p.startAt,
        endAt: p.endAt,
        reducedKw: p.reducedKw,
        reason: p.reason,
        note: p.note,
      },
    })
    await audit(tx, SEED_ACTOR, {
      action: 'outagePlan.create',
      entityType: 'outagePlan',
      entityId: row.id,
      participantId: p.c.participantId,
      after: { planNo: row.planNo, resourceCode: p.c.resourceCode, deliveryYear },
    })
    ids.push(row.id)
  }
  return ids
}

interface DemoResource {
  id: string
  code: string
  kind: string
  area: Area
  participantId: string
  participant: { code: string }
}

/**
 * The replacement's two resources: P00001's first solar resource (variableSingle) gives, P00002's
 * solar resource of the same area takes (rules.md §7: the same kind, the same area). The taker
 * is given no contract of its own in the year.
 */
function replacementPair<R extends DemoResource>(resources: R[]): { giver: R; taker: R } | null {
  const giver = resources.find(
    (r) => r.participant.code === 'P00001' && r.kind === 'variableSingle',
  )
  const taker = resources.find(
    (r) => r.participant.code === 'P00002' && r.kind === giver?.kind && r.area === giver.area,
  )
  return giver && taker ? { giver, taker } : null
}

/**
 * One approved replacement for the month (B20): a fifth of the contract kW of P00001's solar
 * resource to P00002's solar resource of the same area, which holds no contract in the year, with
 * its allocation row. Made directly (as replacements/demo does), not through an application: the
 * demo month is already over.
 */
async function seedReplacement(
  tx: DbTransaction,
  month: string,
  contracted: Contracted[],
  pair: { giver: DemoResource; taker: DemoResource },
): Promise<string | null> {
  const { taker } = pair
  const giver = contracted.find((c) => c.resourceId === pair.giver.id)
  if (!giver) return null
  const kw = Math.max(1, Math.floor(giver.contractKw / 5))
  const replacement = await tx.replacement.create({
    data: {
      contractId: giver.contractId,
      participantId: giver.participantId,
      replacingResourceId: taker.id,
      replacingParticipantId: taker.participantId,
      kw,
      fromMonth: month,
      toMonth: month,
      reason: '設備トラブルによる差替（デモデータ）',
      state: 'approved',
      consentedAt: new Date(),
    },
  })
  await tx.replacementAllocation.create({
    data: {
      contractId: giver.contractId,
      replacementId: replacement.id,
      resourceId: taker.id,
      month,
      kw,
    },
  })
  await audit(tx, SEED_ACTOR, {
    action: 'replacement.create',
    entityType: 'replacement',
    entityId: replacement.id,
    participantId: giver.participantId,
    after: { giver: giver.resourceCode, taker: taker.code, month, kw },
  })
  return replacement.id
}
