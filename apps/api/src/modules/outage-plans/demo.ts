import { fiscalYearOf, formatOutagePlanNo, fromJstParts } from '@yoryo/contracts'
import { nextNumber, type Db } from '@yoryo/db'
import { audit } from '../../lib/audit.ts'

/**
 * Demo outage plans (180): on P00001's contracts of the published demo auction's year (FY+3,
 * the year of the demo submission window), an inspection at half the contract kW and, on the
 * first resource, a construction outage at full kW — approved plans, so the list, the allowance
 * gauge and the 890 sample (`OP<year>-000001`) have data. Runs once after the demo auctions; does
 * nothing while the demo has no contracts of that year.
 */
export async function seedDemoOutagePlans(db: Db, now = new Date()): Promise<number> {
  const deliveryYear = fiscalYearOf(now) + 3
  const participant = await db.participant.findUnique({ where: { code: 'P00001' } })
  if (!participant) return 0
  const contracts = await db.contract.findMany({
    where: { participantId: participant.id, deliveryYear, state: { not: 'terminated' } },
    orderBy: { contractNo: 'asc' },
    include: { resource: { select: { code: true } } },
    take: 3,
  })
  if (!contracts.length) return 0
  if (await db.outagePlan.count({ where: { participantId: participant.id, deliveryYear } }))
    return 0
  const at = (month: number, day: number, hour: number) =>
    fromJstParts({ year: month >= 4 ? deliveryYear : deliveryYear + 1, month, day, hour })
  const plans = contracts.flatMap((c, i) => [
    {
      contract: c,
      startAt: at(5, 10 + i, 9),
      endAt: at(5, 14 + i, 18),
      reducedKw: Math.max(1, Math.floor(c.contractKw / 2)),
      reason: 'inspection',
      note: '定期点検（デモデータ）',
    },
    ...(i === 0
      ? [
          {
            contract: c,
            startAt: at(10, 1, 0),
            endAt: at(10, 21, 0),
            reducedKw: c.contractKw,
            reason: 'construction',
            note: '設備更新工事（デモデータ）',
          },
        ]
      : []),
  ])
  await db.$transaction(async (tx) => {
    for (const p of plans) {
      const n = await nextNumber(tx, `outagePlan:${deliveryYear}`)
      const row = await tx.outagePlan.create({
        data: {
          planNo: formatOutagePlanNo(deliveryYear, n),
          participantId: participant.id,
          resourceId: p.contract.resourceId,
          contractId: p.contract.id,
          deliveryYear,
          startAt: p.startAt,
          endAt: p.endAt,
          reducedKw: p.reducedKw,
          reason: p.reason,
          note: p.note,
        },
      })
      await audit(
        tx,
        { userId: null, label: 'system', requestId: 'seed' },
        {
          action: 'outagePlan.create',
          entityType: 'outagePlan',
          entityId: row.id,
          participantId: participant.id,
          after: { planNo: row.planNo, resourceCode: p.contract.resource.code, deliveryYear },
        },
      )
    }
  })
  return plans.length
}
