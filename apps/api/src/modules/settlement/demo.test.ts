import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { seedDemoDeliveryYear } from '../assessment-basis/public.ts'
import { seedDemoAssessment } from '../assessment/public.ts'
import { seedDemoSettlement } from './demo.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('[F00] demo settlement', () => {
  it('settles the demo month and issues its documents: P00001 has a payment notice', async () => {
    const db = t.database.prisma
    const now = new Date('2026-12-02T03:00:00Z')
    await seedDemoDeliveryYear(db, now)
    await seedDemoAssessment(db, t.app.jobs, now)
    const run = await seedDemoSettlement(db, t.app.jobs, now)
    expect(run).toMatchObject({ month: '2026-11', state: 'succeeded', version: 1 })
    expect(run?.documentsIssuedAt).not.toBeNull()
    const p1 = await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
    const notices = await db.settlementDocument.findMany({
      where: { participantId: p1.id, kind: 'paymentNotice' },
    })
    expect(notices).toHaveLength(1)
    expect(Number(notices[0]?.total)).toBeGreaterThan(0)
  })
})
