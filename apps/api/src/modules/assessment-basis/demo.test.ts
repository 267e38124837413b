import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { assessmentBasis } from './basis.ts'
import { demoAssessmentMonth, seedDemoDeliveryYear } from './demo.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('[B10] demo delivery year', () => {
  it('takes the last complete JST month', () => {
    expect(demoAssessmentMonth(new Date('2026-12-02T03:00:00Z'))).toBe('2026-11')
    expect(demoAssessmentMonth(new Date('2027-01-31T16:00:00Z'))).toBe('2027-01')
    expect(demoAssessmentMonth(new Date('2027-01-15T00:00:00Z'))).toBe('2026-12')
  })

  it('gives every P00001 / P00002 resource contract kW in that month, all but the replacing one by a contract', async () => {
    const db = t.database.prisma
    const demo = await seedDemoDeliveryYear(db, new Date('2026-12-02T03:00:00Z'))
    expect(demo).toMatchObject({ month: '2026-11', deliveryYear: 2026 })
    const basis = await assessmentBasis(db, '2026-11')
    const resources = await db.resource.count({
      where: { participant: { code: { in: ['P00001', 'P00002'] } } },
    })
    expect(basis).toHaveLength(resources)
    expect(demo.contractIds).toHaveLength(resources - 1)
    // rules.md §7: the replacing resource holds no contract of its own in those months.
    const replacement = await db.replacement.findUniqueOrThrow({
      where: { id: demo.replacementId as string },
      include: { contract: { include: { resource: true } }, replacingResource: true },
    })
    expect(
      await db.contract.count({
        where: { resourceId: replacement.replacingResourceId, deliveryYear: 2026 },
      }),
    ).toBe(0)
    expect(replacement.replacingResource.kind).toBe(replacement.contract.resource.kind)
    expect(replacement.replacingResource.area).toBe(replacement.contract.resource.area)
    expect(basis.find((b) => b.resourceId === replacement.replacingResourceId)).toMatchObject({
      contractKw: replacement.kw,
      contracts: [],
    })
    for (const b of basis) {
      expect(b.contractKw).toBeGreaterThan(0)
      expect(b.annualAmount).toBeGreaterThan(0)
    }
  })

  it('opens the outage-plan window of the year and seeds plans inside the month and one allocation (B00, B20)', async () => {
    const db = t.database.prisma
    const window = await db.marketWindow.findFirstOrThrow({
      where: { kind: 'outagePlanSubmission', deliveryYear: 2026 },
    })
    expect(window.opensAt.getTime()).toBeLessThan(Date.parse('2026-12-02T03:00:00Z'))
    expect(window.closesAt.toISOString()).toBe('2027-03-31T15:00:00.000Z')
    const plans = await db.outagePlan.findMany({
      where: { deliveryYear: 2026 },
      include: { resource: { select: { kind: true } } },
      orderBy: { startAt: 'asc' },
    })
    expect(plans).toHaveLength(2)
    for (const p of plans) {
      expect(p.resource.kind).toBe('stable')
      expect(p.startAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-10-31T15:00:00Z'))
      expect(p.endAt.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-30T15:00:00Z'))
    }
    const basis = await assessmentBasis(db, '2026-11')
    const moved = basis.filter((b) => b.allocationsOut.length || b.allocationsIn.length)
    expect(moved).toHaveLength(2)
    expect(moved.map((b) => b.participantCode).sort()).toEqual(['P00001', 'P00002'])
    expect(await assessmentBasis(db, '2026-10')).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ allocationsIn: [expect.anything()] })]),
    )
  })
})
