import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContract, createResource } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { shareOf, unitPriceText } from './routes.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin1: Session
let admin2: Session
let p1: string
let p2: string
const YEAR = 2042

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin1 = await loginAs(t.app, 'P00001', 'admin01')
  admin2 = await loginAs(t.app, 'P00002', 'admin01')
  const db = t.database.prisma
  p1 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})
afterAll(async () => {
  await t.close()
})

function call(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: session, ...(payload ? { payload } : {}) })
}

describe('[B10] figures', () => {
  it('floors the caps and U exactly', () => {
    expect(shareOf(100_000_003, '0.183')).toBe(18_300_000)
    expect(shareOf(100_000_003, '1.1')).toBe(110_000_003)
    expect(shareOf(999, '10')).toBe(9_990)
    expect(unitPriceText(100_000_003, 10_000)).toBe('10000.00')
    expect(unitPriceText(58_340_001, 10_000)).toBe('5834.00')
    expect(unitPriceText(10, 3)).toBe('3.33')
    expect(unitPriceText(10, 0)).toBe('0.00')
  })
})

describe('[B10] parameter set of a delivery year (operator)', () => {
  const base = '/api/v1/assessment-parameters'
  const values = {
    outageAllowanceDays: '60',
    unplannedOutageMultiplier: '2.5',
    supplyInstructionMultiplier: '3',
    reserveNoticeMultiplier: '1.5',
    expectedOrdersPerYear: 10,
    monthlyCapShare: '0.2',
    annualCapShare: '1.1',
  }

  it('shows the defaults, creates version 1 from them once, changes with a new version and an audit entry', async () => {
    const defaults = await call(admin1, 'GET', `${base}/${YEAR}`)
    expect(defaults.statusCode, defaults.body).toBe(200)
    expect(defaults.json()).toMatchObject({
      deliveryYear: YEAR,
      version: null,
      outageAllowanceDays: '58',
      monthlyCapShare: '0.183',
      annualCapShare: '1.1',
      expectedOrdersPerYear: 12,
      assessedMonths: [],
    })
    expect((await call(admin1, 'POST', base, { deliveryYear: YEAR })).statusCode).toBe(403)
    const created = await call(operator, 'POST', base, { deliveryYear: YEAR })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ version: 1, outageAllowanceDays: '58' })
    const again = await call(operator, 'POST', base, { deliveryYear: YEAR })
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-ABAS-005')

    expect(
      (await call(admin1, 'PUT', `${base}/${YEAR}`, { ...values, version: 1 })).statusCode,
    ).toBe(403)
    const changed = await call(operator, 'PUT', `${base}/${YEAR}`, { ...values, version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ ...values, version: 2 })
    const stale = await call(operator, 'PUT', `${base}/${YEAR}`, { ...values, version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const entries = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'assessmentParameterSet', entityId: String(YEAR) },
      orderBy: { at: 'asc' },
    })
    expect(entries.map((e) => e.action)).toEqual([
      'assessmentParameterSet.create',
      'assessmentParameterSet.update',
    ])
    expect(entries[1]?.before).toMatchObject({ outageAllowanceDays: '58', version: 1 })
    expect(entries[1]?.after).toMatchObject({ outageAllowanceDays: '60', version: 2 })
  })

  it('refuses values out of range with E-ABAS messages, and a year without a set', async () => {
    const year = YEAR + 1
    const missing = await call(operator, 'PUT', `${base}/${year}`, { ...values, version: 1 })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().messageId).toBe('E-ABAS-006')
    await call(operator, 'POST', base, { deliveryYear: year })
    const cases: [Record<string, unknown>, string][] = [
      [{ outageAllowanceDays: '-1' }, 'E-ABAS-001'],
      [{ outageAllowanceDays: '1.23456' }, 'E-ABAS-001'],
      [{ unplannedOutageMultiplier: '0' }, 'E-ABAS-002'],
      [{ reserveNoticeMultiplier: 'x' }, 'E-ABAS-002'],
      [{ expectedOrdersPerYear: 0 }, 'E-ABAS-003'],
      [{ monthlyCapShare: '10.5' }, 'E-ABAS-004'],
      [{ annualCapShare: '0' }, 'E-ABAS-004'],
    ]
    for (const [change, messageId] of cases) {
      const res = await call(operator, 'PUT', `${base}/${year}`, {
        ...values,
        ...change,
        version: 1,
      })
      expect(res.statusCode, JSON.stringify(change)).toBe(400)
      const body = res.json() as { messageId: string; errors?: { messageId: string }[] }
      expect(body.errors?.map((e) => e.messageId) ?? [body.messageId]).toContain(messageId)
    }
    const edge = await call(operator, 'PUT', `${base}/${year}`, {
      ...values,
      outageAllowanceDays: '0',
      monthlyCapShare: '10',
      version: 1,
    })
    expect(edge.statusCode, edge.body).toBe(200)
  })

  it('lists the months already assessed (a change needs a re-run of them)', async () => {
    const year = YEAR + 2
    const db = t.database.prisma
    await db.assessmentRun.createMany({
      data: [
        { month: `${year}-05`, deliveryYear: year, version: 1, state: 'succeeded' },
        { month: `${year}-05`, deliveryYear: year, version: 2, state: 'succeeded' },
        { month: `${year}-06`, deliveryYear: year, version: 1, state: 'failed' },
      ],
    })
    const res = await call(operator, 'GET', `${base}/${year}`)
    expect(res.json().assessedMonths).toEqual([`${year}-05`])
  })
})

describe('[B10] [B20] basis per resource and replacement allocation', () => {
  it('shows a participant its own resources with kW and A after replacement, and the allocations out and in', async () => {
    const db = t.database.prisma
    const giver = await createResource(db, { participantId: p1, kind: 'stable' })
    const taker = await createResource(db, { participantId: p2, kind: 'stable' })
    const contract = await createContract(db, {
      resource: giver,
      deliveryYear: YEAR,
      contractKw: 10_000,
      annualAmount: 100_000_003,
      state: 'active',
    })
    const taking = await createContract(db, {
      resource: taker,
      deliveryYear: YEAR,
      contractKw: 1_000,
      annualAmount: 5_000_000,
      state: 'active',
    })
    const replacement = await db.replacement.create({
      data: {
        contractId: contract.id,
        participantId: p1,
        replacingResourceId: taker.id,
        replacingParticipantId: p2,
        kw: 3_000,
        fromMonth: `${YEAR}-07`,
        toMonth: `${YEAR}-08`,
        state: 'approved',
      },
    })
    await db.replacementAllocation.createMany({
      data: [`${YEAR}-07`, `${YEAR}-08`].map((month) => ({
        contractId: contract.id,
        replacementId: replacement.id,
        resourceId: taker.id,
        month,
        kw: 3_000,
      })),
    })

    const july = `${YEAR}-07`
    const mine = await call(admin1, 'GET', `/api/v1/assessment-basis?month=${july}`)
    expect(mine.statusCode, mine.body).toBe(200)
    const rows = mine.json().items as { resource: { code: string } }[]
    expect(rows.map((r) => r.resource.code)).toEqual([giver.code])
    expect(rows[0]).toMatchObject({
      contractKw: 7_000,
      annualAmount: 70_000_003,
      unitPrice: '10000.00',
      monthlyCap: 14_000_000, // the year's set: 0.2 (changed above)
      annualCap: 77_000_003,
      contracts: [{ contractNo: contract.contractNo, contractKw: 10_000 }],
      allocationsOut: [
        {
          contractNo: contract.contractNo,
          resourceCode: taker.code,
          kw: 3_000,
          annualAmount: 30_000_000,
        },
      ],
    })
    const theirs = await call(admin2, 'GET', `/api/v1/assessment-basis?month=${july}`)
    expect(theirs.json().items).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ code: taker.code }),
        contractKw: 4_000,
        annualAmount: 35_000_000,
        contracts: [{ contractNo: taking.contractNo, contractKw: 1_000, annualAmount: 5_000_000 }],
        allocationsIn: [expect.objectContaining({ resourceCode: giver.code, kw: 3_000 })],
      }),
    ])
    const all = await call(
      operator,
      'GET',
      `/api/v1/assessment-basis?month=${july}&sort=-contractKw`,
    )
    expect(all.json().items.map((r: { contractKw: number }) => r.contractKw)).toEqual([
      7_000, 4_000,
    ])
    const csvRes = await call(
      admin1,
      'GET',
      `/api/v1/assessment-basis?month=${july}&format=csv&encoding=utf-8`,
    )
    expect(csvRes.statusCode).toBe(200)
    expect(csvRes.body).toContain(`${contract.contractNo} ${taker.code} 3000kW`)
    expect(csvRes.body).toContain(
      ',契約金額 A(円/年),単価 U(円/kW・年),月間上限額(円),年間上限額(円),',
    )

    const allocations = `/api/v1/replacement-allocations?deliveryYear=${YEAR}`
    const out = await call(admin1, 'GET', allocations)
    expect(out.statusCode, out.body).toBe(200)
    expect(out.json().items).toEqual([
      expect.objectContaining({
        month: `${YEAR}-07`,
        direction: 'out',
        contractNo: contract.contractNo,
        toResource: { code: taker.code, name: taker.name },
        kw: 3_000,
        annualAmount: 30_000_000,
      }),
      expect.objectContaining({ month: `${YEAR}-08`, direction: 'out' }),
    ])
    const into = await call(admin2, 'GET', `${allocations}&month=${YEAR}-08`)
    expect(into.json().items).toEqual([
      expect.objectContaining({
        month: `${YEAR}-08`,
        direction: 'in',
        fromResource: expect.objectContaining({ code: giver.code }),
      }),
    ])
    expect((await call(admin2, 'GET', `${allocations}&direction=out`)).json().total).toBe(0)
    const operatorView = await call(operator, 'GET', `${allocations}&participantId=${p2}`)
    expect(operatorView.json().items.map((r: { direction: null }) => r.direction)).toEqual([
      null,
      null,
    ])
    const exported = await call(admin2, 'GET', `${allocations}&format=csv&encoding=utf-8`)
    expect(exported.body).toContain(giver.code)
    expect(exported.body).toContain(',事業者コード(差替元),')
    expect(exported.body).toContain(',事業者コード(差替先),')
    expect(exported.body).toContain(',契約の契約容量(kW),')
  })
})
