import { fiscalYearOf } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import { audit } from '../../lib/audit.ts'
import { calculateExpectedCapacity, calculationInclude } from './calculation.ts'

/**
 * Demo expected capacities (070): for the demo delivery year (the open auction's, FY+4), every
 * active resource of P00001 and P00002 (all four kinds) gets an approved expected capacity
 * computed by the rules engine with the seeded factor tables, so the list, the detail and the
 * auction's qualifications have data. Runs once, right after the demo data was created (the
 * database layer cannot compute them itself). The published demo auction (FY+3) qualifies these
 * resources at an estimate (`demoParticipantResources`, clearing demo).
 */
export async function seedDemoExpectedCapacities(db: Db, now = new Date()): Promise<number> {
  const deliveryYear = fiscalYearOf(now) + 4
  const resources = await db.resource.findMany({
    where: {
      participant: { code: { in: ['P00001', 'P00002'] } },
      status: 'active',
      expectedCapacities: { none: { deliveryYear } },
    },
    include: calculationInclude,
    orderBy: { code: 'asc' },
  })
  let created = 0
  await db.$transaction(async (tx) => {
    for (const resource of resources) {
      const calculation = await calculateExpectedCapacity(tx, resource, deliveryYear, {}, 'ja')
      if (calculation.expectedKw === null) continue
      const row = await tx.expectedCapacity.create({
        data: {
          participantId: resource.participantId,
          resourceId: resource.id,
          deliveryYear,
          expectedKw: calculation.expectedKw,
          eligible: calculation.eligible,
          ineligibleMessageId: calculation.messageId,
          calculation: JSON.parse(JSON.stringify(calculation)) as object,
          factorTableId: calculation.factorTable?.id ?? null,
          note: 'デモデータ',
        },
      })
      await audit(
        tx,
        { userId: null, label: 'system', requestId: 'seed' },
        {
          action: 'expectedCapacity.create',
          entityType: 'expectedCapacity',
          entityId: row.id,
          participantId: resource.participantId,
          after: { resourceCode: resource.code, deliveryYear, expectedKw: calculation.expectedKw },
        },
      )
      created++
    }
  })
  return created
}
