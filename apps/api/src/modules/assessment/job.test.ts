import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  AssessmentResultDetail,
  AssessmentResultSummary,
  AssessmentRun,
  DispatchOrderResult,
  ExemptSlotRow,
} from '@yoryo/contracts'
import type { Resource } from '@yoryo/db'
import { createContract, createResource, resourceExample } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { dateValue, putDaySeries, putDispatchOrder, putReserveNoticeDay } from '../feeds/public.ts'
import type { AuthContext } from '../../lib/context.ts'
import { seedDemoAssessment } from './demo.ts'
import {
  ASSESSMENT_SCHEDULE_JOB,
  assessmentJob,
  assessRunMonth,
  startAssessmentRun,
} from './job.ts'
import { exemptSlotSql, selectedRun, toExemptSlotRow, type ExemptSlotSqlRow } from './results.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1: Session
let p2: Session
let tsoId: string
let p1Id: string
let p2Id: string

const writer = { source: 'test', userId: null }
const flat = (v: number) => Array<number>(48).fill(v)
const withSlots = (base: number, slots: Record<number, number>) =>
  flat(base).map((v, i) => slots[i + 1] ?? v)

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
      noticeKind: Array.from({ length: 48 }, (_, i) => (slots.includes(i + 1) ? 'dayAhead' : '')),
    }),
  )
}

async function run(session: Session, month: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/assessments/runs',
    headers: session,
    payload: { month },
  })
}

async function runMonth(month: string): Promise<AssessmentRun> {
  const res = await run(operator, month)
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
  const done = await t.app.inject({
    url: `/api/v1/assessments/runs/${res.json().id}`,
    headers: operator,
  })
  expect(done.json().state, done.body).toBe('succeeded')
  return done.json()
}

async function get<T>(session: Session, url: string): Promise<T> {
  const res = await t.app.inject({ url: `/api/v1/assessments${url}`, headers: session })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function flags(resourceId: string) {
  return t.database.prisma.outageOmission.findMany({
    where: { resourceId },
    orderBy: [{ date: 'asc' }, { slot: 'asc' }],
    select: { slot: true, state: true, shortfallKw: true, availableKw: true },
  })
}

beforeAll(async () => {
  t = await createTestApp()
  const prisma = t.database.prisma
  const tsoOrg = await prisma.participant.create({
    data: {
      code: 'T90002',
      kind: 'tso',
      name: '九州送配電',
      nameKana: 'キュウシュウ',
      nameEn: 'Kyushu TSO',
      serviceArea: 'kyushu',
    },
  })
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1 = await loginAs(t.app, 'P00001', 'admin01')
  p2 = await loginAs(t.app, 'P00002', 'admin01')
  tsoId = tsoOrg.id
  p1Id = (await prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2Id = (await prisma.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})

afterAll(async () => {
  await t.close()
})

describe('[B40] the assessment job', () => {
  it('assesses every contracted resource; versions; results per participant; C00 and B90 rows', async () => {
    const db = t.database.prisma
    // U = 8,760 yen/kW-year: 1.5 yen per kW-slot of unplanned outage, 0.75 of reserve notice.
    // s in Kyushu (the TSO's area), d in Tokyo (no notice there).
    const s = await createResource(db, {
      participantId: p1Id,
      values: { ...resourceExample('stable'), area: 'kyushu' },
    })
    await createContract(db, {
      resource: s,
      deliveryYear: 2013,
      contractKw: 10_000,
      annualAmount: 87_600_000,
      state: 'active',
    })
    const d = await createResource(db, { participantId: p2Id, kind: 'dispatchOrder' })
    await createContract(db, {
      resource: d,
      deliveryYear: 2013,
      contractKw: 5_000,
      annualAmount: 60_000_000,
      state: 'active',
    })
    await notice(s.area, '2013-06-03', [37, 38])
    await day(s, '2013-06-03', {
      meteredKwh: flat(4_000),
      restrainedKw: withSlots(0, { 10: 2_500 }),
    })
    await db.$transaction((tx) =>
      putDispatchOrder(tx, writer, {
        orderId: 'T-ORD-2013-1',
        resourceId: d.id,
        orderedAt: new Date('2013-06-05T00:00:00Z'),
        startAt: new Date('2013-06-05T05:00:00Z'),
        instructedKw: 1_000,
        baselineKw: [3_000, 3_000],
        actualKw: [2_500, 2_000],
      }),
    )

    const v1 = await runMonth('2013-06')
    expect(v1).toMatchObject({
      version: 1,
      resourceCount: 2,
      current: true,
      processed: 2,
      total: 2,
    })
    // s: unplanned 2 × 2,000 kW × 1.5 = 6,000; notice 2 × 8,000 kW × 0.75 = 12,000.
    // d: ratio 1,500 / 2,000 = 0.75 → 60,000,000 × 0.25 / 12 = 1,250,000.
    expect(v1.totalAmount).toBe(1_268_000)

    const all = await get<{ items: AssessmentResultSummary[] }>(operator, '/results?month=2013-06')
    expect(all.items.map((r) => [r.resourceCode, r.total, r.requirements])).toEqual(
      [
        [s.code, 18_000, ['unplannedOutage', 'reserveNotice']],
        [d.code, 1_250_000, ['dispatchOrder']],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    )
    const own = await get<{ items: AssessmentResultSummary[] }>(p1, '/results?month=2013-06')
    expect(own.items.map((r) => r.resourceCode)).toEqual([s.code])
    const other = all.items.find((r) => r.resourceCode === d.code) as AssessmentResultSummary
    const denied = await t.app.inject({
      url: `/api/v1/assessments/results/${other.id}`,
      headers: p1,
    })
    expect(denied.statusCode).toBe(404)

    const mine = own.items[0] as AssessmentResultSummary
    const detail = await get<AssessmentResultDetail>(p1, `/results/${mine.id}`)
    expect(detail.lines).toEqual([
      {
        requirement: 'unplannedOutage',
        amount: 6_000,
        evidence: [
          { date: '2013-06-03', slot: 37, kw: 2_000 },
          { date: '2013-06-03', slot: 38, kw: 2_000 },
        ],
      },
      {
        requirement: 'reserveNotice',
        amount: 12_000,
        evidence: [
          { date: '2013-06-03', slot: 37, kw: 8_000 },
          { date: '2013-06-03', slot: 38, kw: 8_000 },
        ],
      },
    ])
    expect(detail.exemptSlots).toEqual([{ date: '2013-06-03', slot: 10, restrainedKw: 2_500 }])
    expect(detail.basis).toMatchObject({ contractKw: 10_000, annualAmount: 87_600_000 })
    expect(detail.run).toMatchObject({ version: 1, totalAmount: null })

    const penalty = await get<{ items: AssessmentResultSummary[] }>(
      operator,
      '/results?month=2013-06&hasPenalty=true&kind=dispatchOrder',
    )
    expect(penalty.items.map((r) => r.resourceCode)).toEqual([d.code])

    const orders = await get<{ items: DispatchOrderResult[] }>(
      operator,
      '/dispatch-orders?month=2013-06',
    )
    expect(orders.items).toMatchObject([
      {
        orderId: 'T-ORD-2013-1',
        resourceCode: d.code,
        date: '2013-06-05',
        firstSlot: 29,
        slotCount: 2,
        instructedKw: 2_000,
        deliveredKw: 1_500,
        ratio: 0.75,
        amount: 1_250_000,
      },
    ])
    expect((await get<{ items: unknown[] }>(p1, '/dispatch-orders?month=2013-06')).items).toEqual(
      [],
    )
    const ordersCsv = await t.app.inject({
      url: '/api/v1/assessments/dispatch-orders?month=2013-06&format=csv&encoding=utf-8',
      headers: operator,
    })
    expect(ordersCsv.statusCode).toBe(200)
    expect(ordersCsv.body).toContain(
      '日付,指令時間帯,コマ数,指令量計(kW),応動量計(kW),応動率,算定額(円)\r\n',
    )
    expect(ordersCsv.body).toContain(',2013-06-05,14:00–15:00,2,2000,1500,0.75,1250000\r\n')
    // The row names the stored order: its C10 detail opens from it.
    const stored = await db.dispatchOrder.findUniqueOrThrow({ where: { orderId: 'T-ORD-2013-1' } })
    expect(orders.items[0]?.dispatchOrderId).toBe(stored.id)
    const c10 = await t.app.inject({
      url: `/api/v1/delivery-data/dispatch-orders/${orders.items[0]?.dispatchOrderId}`,
      headers: operator,
    })
    expect(c10.statusCode, c10.body).toBe(200)
    expect(c10.json()).toMatchObject({ orderId: 'T-ORD-2013-1', resourceCode: d.code })
    const exempt = await get<{ items: ExemptSlotRow[] }>(p1, '/exempt-slots?month=2013-06')
    expect(exempt.items).toMatchObject([{ resourceCode: s.code, slot: 10, restrainedKw: 2_500 }])
    expect((await get<{ items: unknown[] }>(p2, '/exempt-slots?month=2013-06')).items).toEqual([])
    // A TSO reads the resources of its service area (its route rights come with the feeds).
    const tsoAuth = { user: { role: 'tso' }, participant: { id: tsoId } } as AuthContext
    const run = await selectedRun(db, { month: '2013-06' })
    const tsoRows = await db.$queryRaw<ExemptSlotSqlRow[]>(
      await exemptSlotSql(db, tsoAuth, run, {}),
    )
    expect(tsoRows.map(toExemptSlotRow)).toMatchObject([
      { resourceCode: s.code, area: 'kyushu', date: '2013-06-03', slot: 10, restrainedKw: 2_500 },
    ])
    const second = await get<{ items: unknown[]; total: number }>(
      operator,
      `/exempt-slots?month=2013-06&resource=${s.code}&pageSize=1&page=2&sort=-restrainedKw`,
    )
    expect(second).toMatchObject({ items: [], total: 1 })

    const csv = await t.app.inject({
      url: '/api/v1/assessments/results?month=2013-06&format=csv&encoding=utf-8',
      headers: operator,
    })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('ペナルティ額(円)')
    expect(csv.body).toContain('計画外停止 / 供給力提供通知')
    expect(csv.body).toContain('容量確保契約金額 A(円),')
    expect(csv.body).toContain('算定額(円),月間上限による減額(円),年間上限による減額(円),')
    const exemptCsv = await t.app.inject({
      url: `/api/v1/assessments/exempt-slots?month=2013-06&resource=${s.code}&format=csv&encoding=utf-8`,
      headers: operator,
    })
    expect(exemptCsv.statusCode).toBe(200)
    expect(exemptCsv.body).toContain('日付,時間帯,抑制量(kW),取扱い\r\n')
    expect(exemptCsv.body).toContain(',04:30–05:00,2500,要件2〜4の対象外\r\n')

    // Corrected data: a new version; the old one stays readable by its run.
    // Full output now: no unplanned outage; 10,000 kW unoffered × 2 slots × 0.75 = 15,000.
    await day(s, '2013-06-03', { meteredKwh: flat(5_000) })
    const v2 = await runMonth('2013-06')
    expect(v2).toMatchObject({ version: 2, current: true, totalAmount: 1_265_000 })
    const runs = await get<{ items: AssessmentRun[] }>(operator, '/runs?month=2013-06')
    expect(runs.items.map((r) => [r.version, r.current])).toEqual([
      [2, true],
      [1, false],
    ])
    const old = await get<{ items: AssessmentResultSummary[] }>(
      operator,
      `/results?runId=${v1.id}&resource=${s.code}`,
    )
    expect(old.items.map((r) => [r.version, r.total])).toEqual([[1, 18_000]])
    const latest = await get<{ items: AssessmentResultSummary[] }>(
      operator,
      `/results?month=2013-06&resource=${s.code}`,
    )
    expect(latest.items.map((r) => [r.version, r.total])).toEqual([[2, 15_000]])
  })

  it('flags unplanned-outage slots (B50): answered kept, flagged removed, accepted leaves the line', async () => {
    const db = t.database.prisma
    const s = await createResource(db, { participantId: p1Id })
    await createContract(db, {
      resource: s,
      deliveryYear: 2014,
      contractKw: 10_000,
      annualAmount: 87_600_000,
      state: 'active',
    })
    await day(s, '2014-07-01', {
      meteredKwh: flat(4_000),
      instructedKw: withSlots(0, { 20: 1_000, 21: 1_000 }),
      deliveredKw: withSlots(0, { 20: 1_000, 21: 1_000 }),
    })
    await runMonth('2014-07')
    expect(await flags(s.id)).toEqual([
      { slot: 20, state: 'flagged', shortfallKw: 2_000, availableKw: 8_000 },
      { slot: 21, state: 'flagged', shortfallKw: 2_000, availableKw: 8_000 },
    ])
    await db.outageOmission.updateMany({
      where: { resourceId: s.id, slot: 20 },
      data: { state: 'answered', answer: '送電線事故による出力低下' },
    })
    // Output recovers in both slots: the answered flag stays, the flagged one goes.
    await day(s, '2014-07-01', { meteredKwh: flat(5_000) })
    await runMonth('2014-07')
    expect(await flags(s.id)).toEqual([
      { slot: 20, state: 'answered', shortfallKw: 2_000, availableKw: 8_000 },
    ])
    // Short again; the operator accepted slot 20: only slot 21 counts.
    await day(s, '2014-07-01', { meteredKwh: flat(4_500) })
    await db.outageOmission.updateMany({
      where: { resourceId: s.id, slot: 20 },
      data: { state: 'accepted' },
    })
    await runMonth('2014-07')
    const [result] = (
      await get<{ items: AssessmentResultSummary[] }>(
        operator,
        `/results?month=2014-07&resource=${s.code}`,
      )
    ).items
    const detail = await get<AssessmentResultDetail>(operator, `/results/${result?.id}`)
    expect(detail.lines[0]).toEqual({
      requirement: 'unplannedOutage',
      amount: 1_500,
      evidence: [{ date: '2014-07-01', slot: 21, kw: 1_000 }],
    })
    expect(detail.basis.slotCounts.explanationAccepted).toBe(1)
    expect(await flags(s.id)).toEqual([
      { slot: 20, state: 'accepted', shortfallKw: 2_000, availableKw: 8_000 },
      { slot: 21, state: 'flagged', shortfallKw: 1_000, availableKw: 9_000 },
    ])
    // New figures of a flag still open bump its version: an answer sent against the old figures
    // is refused as stale (409) instead of landing on figures the participant has not seen.
    const open = { where: { resourceId: s.id, slot: 21 } }
    const before = await db.outageOmission.findFirstOrThrow(open)
    await day(s, '2014-07-01', { meteredKwh: flat(4_200) })
    await runMonth('2014-07')
    const after = await db.outageOmission.findFirstOrThrow(open)
    expect([after.shortfallKw, after.version]).toEqual([1_600, before.version + 1])
  })

  it('takes the year so far from the latest succeeded run of each earlier month', async () => {
    const db = t.database.prisma
    const s = await createResource(db, { participantId: p2Id })
    await createContract(db, {
      resource: s,
      deliveryYear: 2015,
      contractKw: 10_000,
      annualAmount: 87_600_000,
      state: 'active',
    })
    await day(s, '2015-04-02', {
      meteredKwh: flat(0),
      instructedKw: withSlots(0, { 1: 100 }),
      deliveredKw: withSlots(0, { 1: 100 }),
    })
    await runMonth('2015-04')
    await day(s, '2015-04-02', { meteredKwh: withSlots(5_000, { 1: 3_000 }) })
    await runMonth('2015-04') // version 2 counts: 4,000 kW short × 1.5 = 6,000
    await db.outagePlan.create({
      data: {
        planNo: 'OP2045-000001',
        participantId: p2Id,
        resourceId: s.id,
        contractId: (await db.contract.findFirstOrThrow({ where: { resourceId: s.id } })).id,
        deliveryYear: 2015,
        startAt: new Date('2015-05-01T15:00:00Z'),
        endAt: new Date('2015-05-03T15:00:00Z'),
        reducedKw: 5_000,
        reason: 'inspection',
      },
    })
    await runMonth('2015-05')
    const [may] = (
      await get<{ items: AssessmentResultSummary[] }>(
        operator,
        `/results?month=2015-05&resource=${s.code}`,
      )
    ).items
    expect(may).toMatchObject({ penaltiesBefore: 6_000, outageDaysBefore: 0, outageDaysInMonth: 1 })
    const detail = await get<AssessmentResultDetail>(operator, `/results/${may?.id}`)
    expect(detail.basis.earlierMonths).toEqual([
      { month: '2015-04', version: 2, outageDaysInMonth: 0, total: 6_000 },
    ])
    expect(detail.basis.outagePlans).toMatchObject([{ planNo: 'OP2045-000001', reducedKw: 5_000 }])
  })

  it('refuses a month not ended, a year without contracts, a second run while one is queued, a participant', async () => {
    const db = t.database.prisma
    const future = await run(operator, '2099-01')
    expect(future.statusCode).toBe(409)
    expect(future.json().messageId).toBe('E-ASMT-001')
    const empty = await run(operator, '2016-06')
    expect(empty.json().messageId).toBe('E-ASMT-002')

    const s = await createResource(db, { participantId: p1Id })
    await createContract(db, { resource: s, deliveryYear: 2017, state: 'active' })
    expect((await run(operator, '2017-05')).statusCode).toBe(202)
    const busy = await run(operator, '2017-05')
    expect(busy.statusCode).toBe(409)
    expect(busy.json().messageId).toBe('E-ASMT-003')
    await t.app.jobs.drain()
    expect((await run(p1, '2017-05')).statusCode).toBe(403)
    const noRun = await t.app.inject({
      url: '/api/v1/assessments/results?month=2017-06',
      headers: operator,
    })
    expect(noRun.json().messageId).toBe('E-ASMT-004')
  })

  it('a crash before the end leaves nothing written; the job then runs again from the start', async () => {
    const db = t.database.prisma
    const s = await createResource(db, { participantId: p1Id })
    await createContract(db, {
      resource: s,
      deliveryYear: 2018,
      contractKw: 10_000,
      annualAmount: 87_600_000,
      state: 'active',
    })
    await day(s, '2018-05-01', {
      meteredKwh: flat(0),
      restrainedKw: withSlots(0, { 2: 1 }),
      instructedKw: withSlots(0, { 3: 1_000 }),
    })
    const queued = await startAssessmentRun(
      db,
      t.app.jobs,
      { userId: null, label: 'test', requestId: 'test' },
      '2018-05',
    )
    const crashing = assessmentJob(db, {
      batchSize: 1,
      beforeFinish: async () => {
        throw new Error('power cut')
      },
    })
    await expect(
      crashing({
        id: queued.jobId as string,
        kind: 'assessment',
        payload: { runId: queued.id },
        attempt: 1,
        progress: () => undefined,
        finishIn: async () => undefined,
      }),
    ).rejects.toThrow('power cut')
    expect(await db.assessmentResult.count({ where: { runId: queued.id } })).toBe(0)
    expect(await db.outageOmission.count({ where: { resourceId: s.id } })).toBe(0)
    expect(await db.assessmentRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      state: 'failed',
      error: 'power cut',
      // an unexpected error has no catalogue message
      errorMessageId: null,
    })
    // The real job (still queued) runs the month from the start.
    await t.app.jobs.drain()
    expect(await db.assessmentRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      state: 'succeeded',
      resourceCount: 1,
      error: null,
    })
    expect(await db.outageOmission.count({ where: { resourceId: s.id } })).toBe(1)
    expect(await db.outageOmission.findFirstOrThrow({ where: { resourceId: s.id } })).toMatchObject(
      { date: dateValue('2018-05-01'), slot: 3, shortfallKw: 10_000 },
    )
  })

  it('a run over many batches gives the results and flags of one batch (2 resources a batch)', async () => {
    const db = t.database.prisma
    const month = '2012-08'
    // Five resources of both participants: a stable one with an unplanned outage (B50 flags) in
    // a notice, one with a shortfall on an instruction, a restrained one, a dispatch-order one and
    // a replacing resource without a contract of its own, whose kW come from a contract read in
    // another batch.
    const kinds = ['stable', 'stable', 'variableSingle', 'dispatchOrder', 'stable'] as const
    const rs: Resource[] = []
    for (const [i, kind] of kinds.entries()) {
      rs.push(
        await createResource(db, {
          participantId: i % 2 ? p2Id : p1Id,
          values: { ...resourceExample(kind, 900 + i), area: 'kyushu' },
        }),
      )
    }
    const [outage, short, restrained, ordered, taker] = rs as [
      Resource,
      Resource,
      Resource,
      Resource,
      Resource,
    ]
    const contracts = []
    for (const r of [outage, short, restrained, ordered]) {
      contracts.push(
        await createContract(db, {
          resource: r,
          deliveryYear: 2012,
          contractKw: 10_000,
          annualAmount: 87_600_000,
          state: 'active',
        }),
      )
    }
    const replacement = await db.replacement.create({
      data: {
        contractId: contracts[0]?.id as string,
        participantId: p1Id,
        replacingResourceId: taker.id,
        replacingParticipantId: p2Id,
        kw: 2_000,
        fromMonth: month,
        toMonth: month,
        state: 'approved',
      },
    })
    await db.replacementAllocation.create({
      data: {
        contractId: contracts[0]?.id as string,
        replacementId: replacement.id,
        resourceId: taker.id,
        month,
        kw: 2_000,
      },
    })
    await notice('kyushu', '2012-08-06', [35, 36])
    await day(outage, '2012-08-06', { meteredKwh: withSlots(5_000, { 35: 2_000, 36: 2_500 }) })
    await day(taker, '2012-08-06', { meteredKwh: withSlots(5_000, { 36: 200 }) })
    await day(short, '2012-08-07', {
      meteredKwh: flat(5_000),
      instructedKw: withSlots(0, { 20: 4_000 }),
      deliveredKw: withSlots(0, { 20: 3_000 }),
    })
    await day(restrained, '2012-08-08', { restrainedKw: withSlots(0, { 24: 1_000 }) })
    await db.$transaction((tx) =>
      putDispatchOrder(tx, writer, {
        orderId: 'T-ORD-2012-1',
        resourceId: ordered.id,
        orderedAt: new Date('2012-08-09T00:00:00Z'),
        startAt: new Date('2012-08-09T05:00:00Z'),
        instructedKw: 1_000,
        baselineKw: [3_000, 3_000],
        actualKw: [2_500, 2_200],
      }),
    )

    const whole = await assessRunMonth(db, month)
    const inTwos = await assessRunMonth(db, month, 2)
    expect(whole.map((a) => a.assessment.basis.resourceCode)).toEqual(rs.map((r) => r.code).sort())
    expect(inTwos.map((a) => [a.assessment.input, a.assessment.view, a.result])).toEqual(
      whole.map((a) => [a.assessment.input, a.assessment.view, a.result]),
    )
    expect(
      whole.find((a) => a.assessment.basis.resourceId === taker.id)?.assessment.basis,
    ).toMatchObject({ contractKw: 2_000, contracts: [] })

    // The job in batches of 2 (version 1), then in one batch (version 2): the same rows.
    const queued = await startAssessmentRun(
      db,
      t.app.jobs,
      { userId: null, label: 'test', requestId: 'test' },
      month,
    )
    const progress: [number, number | undefined][] = []
    await assessmentJob(db, { batchSize: 2 })({
      id: queued.jobId as string,
      kind: 'assessment',
      payload: { runId: queued.id },
      attempt: 1,
      progress: (processed, total) => progress.push([processed, total]),
      finishIn: async (tx) => {
        await tx.job.update({
          where: { id: queued.jobId as string },
          data: { state: 'succeeded', finishedAt: new Date() },
        })
      },
    })
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ])
    const flagsAfter = async () =>
      db.outageOmission.findMany({
        where: { month },
        orderBy: [{ resourceId: 'asc' }, { date: 'asc' }, { slot: 'asc' }],
        select: {
          resourceId: true,
          date: true,
          slot: true,
          state: true,
          shortfallKw: true,
          version: true,
        },
      })
    const flagsInTwos = await flagsAfter()
    expect(flagsInTwos.map((f) => f.resourceId).sort()).toEqual(
      [outage.id, outage.id, taker.id].sort(),
    )
    const v2 = await runMonth(month)
    expect(await flagsAfter()).toEqual(flagsInTwos)
    const rows = async (runId: string) =>
      (
        await db.assessmentResult.findMany({
          where: { runId },
          orderBy: { resourceId: 'asc' },
          omit: { id: true, runId: true, createdAt: true },
        })
      ).map((r) => ({ ...r }))
    expect(await rows(v2.id)).toEqual(await rows(queued.id))
    const v1 = await db.assessmentRun.findUniqueOrThrow({ where: { id: queued.id } })
    expect([v1.state, v1.resourceCount, v1.totalAmount]).toEqual([
      'succeeded',
      v2.resourceCount,
      BigInt(v2.totalAmount ?? 0),
    ])

    // Resources no longer assessed lose their open flags: the outage resource's contract back to
    // draft takes the replacing resource's kW with it.
    await db.contract.updateMany({ where: { resourceId: outage.id }, data: { state: 'draft' } })
    expect(await runMonth(month)).toMatchObject({ resourceCount: 3 })
    expect(await flagsAfter()).toEqual([])
  })

  it('the schedule queues the month just ended once, only when its year has contracts', async () => {
    await t.app.jobs.queueRecurring(ASSESSMENT_SCHEDULE_JOB)
    await t.app.jobs.drain()
    const job = await t.database.prisma.job.findFirstOrThrow({
      where: { kind: ASSESSMENT_SCHEDULE_JOB },
      orderBy: { createdAt: 'desc' },
    })
    // The test database has no contracts in the current delivery year: nothing queued.
    expect(job).toMatchObject({ state: 'succeeded', result: { queued: false } })
  })

  it('demo: seedDemoAssessment runs the demo month through the job', async () => {
    const db = t.database.prisma
    const s = await createResource(db, { participantId: p1Id })
    await createContract(db, { resource: s, deliveryYear: 2019, state: 'active' })
    const demo = await seedDemoAssessment(db, t.app.jobs, new Date('2019-09-02T03:00:00Z'))
    expect(demo).toMatchObject({ month: '2019-08', version: 1, state: 'succeeded' })
  })
})
