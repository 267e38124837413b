import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jstDayStart } from '@yoryo/contracts'
import type { Resource } from '@yoryo/db'
import { createContract, createParticipant, createResource } from '@yoryo/db/factories'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { putDaySeries, putReserveNoticeDay } from '../feeds/public.ts'
import { assessRunMonth } from './job.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const writer = { source: 'test', userId: null }
const flat = (v: number) => Array<number>(48).fill(v)
const withSlots = (base: number, slots: Record<number, number>) =>
  flat(base).map((v, i) => slots[i + 1] ?? v)
const noticeKinds = (slots: number[]) =>
  Array.from({ length: 48 }, (_, i) => (slots.includes(i + 1) ? 'intraday' : ''))

async function day(
  r: Resource,
  date: string,
  series: Parameters<typeof putDaySeries>[2]['series'],
) {
  await t.database.prisma.$transaction((tx) =>
    putDaySeries(tx, writer, { resourceId: r.id, resourceCode: r.code, date, series }),
  )
}
async function notice(area: Resource['area'], date: string, slots: number[]) {
  await t.database.prisma.$transaction((tx) =>
    putReserveNoticeDay(tx, writer, {
      area,
      date,
      marginBp: flat(700),
      noticeKind: noticeKinds(slots),
    }),
  )
}

async function plan(
  r: Resource,
  contractId: string,
  startAt: Date,
  endAt: Date,
  reducedKw: number,
  cancelled = false,
) {
  const n = Math.floor(Math.random() * 1e6)
  await t.database.prisma.outagePlan.create({
    data: {
      planNo: `OP2040-${String(n).padStart(6, '0')}`,
      participantId: r.participantId,
      resourceId: r.id,
      contractId,
      deliveryYear: 2040,
      startAt,
      endAt,
      reducedKw,
      reason: 'inspection',
      ...(cancelled ? { cancelledAt: new Date() } : {}),
    },
  })
}

describe('[B40] input assembly', () => {
  it('reads only assessment slots: notices of the area, instructions, restraint; plans in force', async () => {
    const db = t.database.prisma
    const p = await createParticipant(db)
    const r = await createResource(db, { participantId: p.id })
    const contract = await createContract(db, {
      resource: r,
      deliveryYear: 2040,
      contractKw: 10_000,
      annualAmount: 87_600_000,
      state: 'active',
    })
    await notice(r.area, '2040-05-10', [35, 36])
    await notice(r.area, '2040-05-20', [10])
    // Another area's notice is not the resource's.
    await notice(r.area === 'kyushu' ? 'hokkaido' : 'kyushu', '2040-05-12', [1])
    await day(r, '2040-05-10', { meteredKwh: flat(4_000), offeredKw: flat(6_000) })
    await day(r, '2040-05-11', {
      meteredKwh: flat(5_000),
      instructedKw: withSlots(0, { 20: 5_000 }),
      deliveredKw: withSlots(0, { 20: 4_000 }),
      restrainedKw: withSlots(0, { 21: 3_000 }),
    })
    await day(r, '2040-05-12', { meteredKwh: flat(1_000) })
    // In force: covers 05-10; cancelled and June plans are not read.
    await plan(r, contract.id, jstDayStart('2040-05-10'), jstDayStart('2040-05-11'), 1_000)
    await plan(r, contract.id, jstDayStart('2040-05-10'), jstDayStart('2040-05-11'), 2_000, true)
    await plan(r, contract.id, jstDayStart('2040-06-02'), jstDayStart('2040-06-03'), 2_000)

    const [a] = await assessRunMonth(db, '2040-05')
    expect(a?.assessment.basis.resourceCode).toBe(r.code)
    const input = a?.assessment.input
    expect(input?.resource).toEqual({
      kind: 'stable',
      contractKw: 10_000,
      annualAmount: 87_600_000,
    })
    expect(input?.outagePlans).toEqual([
      {
        startAt: '2040-05-09T15:00:00.000Z',
        endAt: '2040-05-10T15:00:00.000Z',
        reducedKw: 1_000,
      },
    ])
    expect(input?.slots).toEqual([
      { date: '2040-05-10', slot: 35, availableKw: 8_000, reserveNotice: true, offeredKw: 6_000 },
      { date: '2040-05-10', slot: 36, availableKw: 8_000, reserveNotice: true, offeredKw: 6_000 },
      {
        date: '2040-05-11',
        slot: 20,
        availableKw: 10_000,
        instructedKw: 5_000,
        deliveredKw: 4_000,
      },
      { date: '2040-05-11', slot: 21, availableKw: 10_000, restrained: true },
      { date: '2040-05-20', slot: 10, reserveNotice: true },
    ])
    expect(a?.assessment.exemptSlots).toEqual([
      { date: '2040-05-11', slot: 21, restrainedKw: 3_000 },
    ])
    expect(a?.assessment.slotFigures.get('2040-05-10#35')).toEqual({
      availableKw: 8_000,
      plannedKw: 1_000,
    })
    expect(a?.assessment.view.slotCounts).toEqual({
      assessed: 5,
      reserveNotice: 3,
      instructed: 1,
      restrained: 1,
      metered: 4,
      explanationAccepted: 0,
    })
    // Line 2 on 05-10: 10,000 − 1,000 planned − 8,000 = 1,000 kW × 2 slots × 1.5 yen.
    expect(a?.result.lines.find((l) => l.requirement === 'unplannedOutage')).toEqual({
      requirement: 'unplannedOutage',
      amount: 3_000,
      evidence: [
        { date: '2040-05-10', slot: 35, kw: 1_000 },
        { date: '2040-05-10', slot: 36, kw: 1_000 },
      ],
    })
  })

  it('gives a variable resource no available kW (line 2 is for stable resources only)', async () => {
    const db = t.database.prisma
    const p = await createParticipant(db)
    const v = await createResource(db, { participantId: p.id, kind: 'variableSingle' })
    await createContract(db, {
      resource: v,
      deliveryYear: 2041,
      contractKw: 2_000,
      state: 'active',
    })
    await day(v, '2041-06-03', {
      meteredKwh: flat(100),
      restrainedKw: withSlots(0, { 5: 500 }),
    })
    const [a] = await assessRunMonth(db, '2041-06')
    expect(a?.assessment.input.slots).toEqual([{ date: '2041-06-03', slot: 5, restrained: true }])
  })

  it('assesses replaced kW on the replacing resource and skips a resource whose kW all moved away', async () => {
    const db = t.database.prisma
    const p = await createParticipant(db)
    const giver = await createResource(db, { participantId: p.id })
    const taker = await createResource(db, { participantId: p.id })
    const main = await createContract(db, {
      resource: giver,
      deliveryYear: 2042,
      contractKw: 10_000,
      annualAmount: 100_000_000,
      state: 'active',
    })
    const replacement = await db.replacement.create({
      data: {
        contractId: main.id,
        participantId: p.id,
        replacingResourceId: taker.id,
        replacingParticipantId: p.id,
        kw: 10_000,
        fromMonth: '2042-07',
        toMonth: '2042-07',
        state: 'approved',
      },
    })
    await db.replacementAllocation.create({
      data: {
        contractId: main.id,
        replacementId: replacement.id,
        resourceId: taker.id,
        month: '2042-07',
        kw: 10_000,
      },
    })
    const july = await assessRunMonth(db, '2042-07')
    expect(july.map((a) => [a.assessment.basis.resourceCode, a.assessment.input.resource])).toEqual(
      [[taker.code, { kind: 'stable', contractKw: 10_000, annualAmount: 100_000_000 }]],
    )
    expect(july[0]?.assessment.view.allocationsIn).toEqual([
      {
        contractNo: main.contractNo,
        resourceCode: giver.code,
        kw: 10_000,
        annualAmount: 100_000_000,
      },
    ])
    const june = await assessRunMonth(db, '2042-06')
    expect(june.map((a) => a.assessment.basis.resourceCode)).toEqual([giver.code])
  })
})
