import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { seedDemoDeliveryYear } from '../assessment-basis/public.ts'
import { seedDemoDeliveryData } from '../delivery-data/public.ts'
import { seedDemoAssessment } from './demo.ts'

const NOW = new Date('2026-12-02T03:00:00Z')

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('[B40] the demo month', () => {
  it('assesses the demo resources: penalties on four, one capped, the outage flagged (B50)', async () => {
    const db = t.database.prisma
    await seedDemoDeliveryYear(db, NOW)
    await seedDemoDeliveryData(db, NOW)
    const run = await seedDemoAssessment(db, t.app.jobs, NOW)
    expect(run).toMatchObject({ month: '2026-11', version: 1, state: 'succeeded' })
    const results = await db.assessmentResult.findMany({
      where: { runId: run.id },
      include: { resource: { select: { kind: true, participant: { select: { code: true } } } } },
    })
    const who = (r: (typeof results)[number]) => `${r.resource.participant.code} ${r.resource.kind}`
    expect(results.map(who).sort()).toEqual(
      ['P00001', 'P00002'].flatMap((p) =>
        ['dispatchOrder', 'stable', 'variableAggregate', 'variableSingle'].map((k) => `${p} ${k}`),
      ),
    )
    const requirements = (r: (typeof results)[number]) =>
      (r.lines as { requirement: string }[]).map((l) => l.requirement)
    expect(
      results
        .filter((r) => r.total > 0n)
        .map((r) => [who(r), requirements(r)])
        .sort(),
    ).toEqual([
      ['P00001 stable', ['unplannedOutage', 'reserveNotice']],
      ['P00002 dispatchOrder', ['dispatchOrder']],
      ['P00002 stable', ['supplyInstruction', 'reserveNotice']],
      ['P00002 variableAggregate', ['reserveNotice']],
    ])
    // P00002's dispatch orders: capped at the monthly cap (18.3 % of A).
    const capped = results.filter((r) => r.waivedMonthly > 0n || r.waivedAnnual > 0n)
    expect(capped.map(who)).toEqual(['P00002 dispatchOrder'])
    // The replacing resource (P00002's solar, no contract of its own) is assessed on the kW
    // allocated to it.
    const taker = results.find((r) => who(r) === 'P00002 variableSingle')
    expect(taker?.basis).toMatchObject({
      contracts: [],
      allocationsIn: [{ kw: taker?.contractKw }],
    })
    // The unplanned outage of P00001's stable resource: four flagged slots (B50).
    const flags = await db.outageOmission.findMany({
      where: { month: '2026-11' },
      orderBy: [{ date: 'asc' }, { slot: 'asc' }],
      include: { resource: { select: { kind: true, participant: { select: { code: true } } } } },
    })
    expect(flags.map((f) => [`${f.resource.participant.code} ${f.resource.kind}`, f.slot])).toEqual(
      [36, 37, 38, 39].map((slot) => ['P00001 stable', slot]),
    )
  })
})
