import { fiscalYearOf } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import { audit } from '../../lib/audit.ts'
import { calculateExpectedCapacity, calculationInclude } from './calculation.ts'

/**
 * Demo expected capacities (070): for the demo delivery year (the window's, FY+4), P00001's
 * stable and variable resources get an approved expected capacity computed by the rules engine
 * with the seeded factor tables, so the list, the detail and the auction have data. Runs once,
 * right after the demo data was created (the database layer cannot compute them itself).
 */
export async function seedDemoExpectedCapacities(db: Db, now = new Date()): Promise<number> {
  const deliveryYear = fiscalYearOf(now) + 4
  const participant = await db.participant.findUnique({ where: { code: 'P00001' } })
  if (!participant) return 0
  const resources = await db.resource.findMany({
    where: {
      participantId: participant.id,
      kind: { in: ['stable', 'variableSingle', 'variableAggregate'] },
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
          participantId: participant.id,
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
          participantId: participant.id,
          after: { resourceCode: resource.code, deliveryYear, expectedKw: calculation.expectedKw },
        },
      )
      created++
    }
  })
  return created
}
