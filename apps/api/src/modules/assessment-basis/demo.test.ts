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

  it('gives every P00001 / P00002 resource a contract in delivery for that month', async () => {
    const db = t.database.prisma
    const demo = await seedDemoDeliveryYear(db, new Date('2026-12-02T03:00:00Z'))
    expect(demo).toMatchObject({ month: '2026-11', deliveryYear: 2026 })
    const basis = await assessmentBasis(db, '2026-11')
    const resources = await db.resource.count({
      where: { participant: { code: { in: ['P00001', 'P00002'] } } },
    })
    expect(basis).toHaveLength(resources)
    for (const b of basis) {
      expect(b.contractKw).toBeGreaterThanOrEqual(1_000)
      expect(b.annualAmount).toBeGreaterThan(0)
    }
  })
})
