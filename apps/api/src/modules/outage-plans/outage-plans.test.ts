import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fiscalYearOf, OUTAGE_ALLOWANCE_SETTING } from '@yoryo/contracts'
import { createContract, createResource } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { allowanceDaysOf } from './allowance.ts'
import { seedDemoOutagePlans } from './demo.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let otherAdmin: Session
let p1: string
/** A year of the test's own (its own window; the demo's is FY+3). */
const year = fiscalYearOf(new Date()) + 7
const closedYear = fiscalYearOf(new Date()) + 8
const WINDOW = 'outagePlanSubmission'
const DAY = 86_400_000

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  otherAdmin = await loginAs(t.app, 'P00002', 'admin01')
  const db = t.database.prisma
  p1 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  const now = Date.now()
  await db.marketWindow.createMany({
    data: [
      {
        kind: WINDOW,
        function: '180',
        deliveryYear: year,
        titleJa: `容量停止計画提出受付（${year}年度）`,
        titleEn: `Outage plan submission (FY${year})`,
        opensAt: new Date(now - DAY),
        closesAt: new Date(now + 10 * DAY),
      },
      {
        kind: WINDOW,
        function: '180',
        deliveryYear: closedYear,
        titleJa: `容量停止計画提出受付（${closedYear}年度）`,
        titleEn: `Outage plan submission (FY${closedYear})`,
        opensAt: new Date(now - 10 * DAY),
        closesAt: new Date(now - DAY),
      },
    ],
  })
})
afterAll(async () => {
  await t.close()
})

/** A stable resource of P00001 with a contract of `contractKw` (annual 10,000 円/kW) in `y`. */
async function contracted(contractKw = 10_000, y = year, state?: 'terminated') {
  const db = t.database.prisma
  const resource = await createResource(db, { participantId: p1, kind: 'stable' })
  const contract = await createContract(db, {
    resource,
    deliveryYear: y,
    contractKw,
    state: state ?? 'confirmed',
  })
  return { resource, contract }
}

/** `yyyy-MM-ddTHH:mm` JST of the year's month/day. */
function at(month: number, day: number, hm = '00:00', y = year) {
  const calendarYear = month >= 4 ? y : y + 1
  return `${calendarYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${hm}:00+09:00`
}

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session, payload: payload as object })
}
function get(session: Session, url: string) {
  return t.app.inject({ url, headers: session })
}

function register(session: Session, proposed: Record<string, unknown>, submit = true) {
  return post(session, '/api/v1/outage-plans/registration-applications', {
    proposed: { deliveryYear: year, reason: 'inspection', ...proposed },
    submit,
  })
}

async function approve(applicationId: string) {
  let app = (await get(operator, `/api/v1/applications/${applicationId}`)).json()
  const start = await post(
    operator,
    `/api/v1/applications/${applicationId}/transitions/startReview`,
    {
      version: app.version,
      comment: '',
    },
  )
  expect(start.statusCode, start.body).toBe(200)
  app = (await get(operator, `/api/v1/applications/${applicationId}`)).json()
  const done = await post(operator, `/api/v1/applications/${applicationId}/transitions/approve`, {
    version: app.version,
    comment: '',
  })
  return done
}

async function planned(resourceId: string, proposed: Record<string, unknown>) {
  const filed = await register(admin, { resourceId, ...proposed })
  expect(filed.statusCode, filed.body).toBe(201)
  const done = await approve(filed.json().id)
  expect(done.statusCode, done.body).toBe(200)
  const app = (await get(operator, `/api/v1/applications/${filed.json().id}`)).json()
  const plan = await get(admin, `/api/v1/outage-plans/${app.entityId}`)
  expect(plan.statusCode, plan.body).toBe(200)
  return plan.json()
}

function messageIds(body: string): string[] {
  const json = JSON.parse(body) as { messageId: string; errors?: { messageId: string }[] }
  return json.errors?.length ? json.errors.map((e) => e.messageId) : [json.messageId]
}

describe('[180] outage plans', () => {
  it('registers a plan through review: plan ID, contract, equivalent days, history, list, CSV', async () => {
    const { resource, contract } = await contracted(10_000)
    const plan = await planned(resource.id, {
      startAt: at(5, 1, '09:00'),
      endAt: at(5, 3, '09:00'),
      reducedKw: 5_000,
      note: '定期点検',
    })
    expect(plan).toMatchObject({
      planNo: expect.stringMatching(new RegExp(`^OP${year}-\\d{6}$`)),
      contractNo: contract.contractNo,
      contractKw: 10_000,
      deliveryYear: year,
      startAt: new Date(at(5, 1, '09:00')).toISOString(),
      reducedKw: 5_000,
      reason: 'inspection',
      equivalentDays: '1.00',
      yearEquivalentDays: '1.00',
      allowanceDays: 58,
      yearExceeds: false,
      state: 'active',
      version: 1,
    })
    expect(plan.applications).toHaveLength(1)
    expect(plan.applications[0]).toMatchObject({ kind: 'register', state: 'approved' })
    expect(plan.applications[0].events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'startReview',
      'approve',
    ])

    const list = await get(
      admin,
      `/api/v1/outage-plans?deliveryYear=${year}&resourceId=${resource.id}`,
    )
    expect(list.json()).toMatchObject({ total: 1, items: [{ planNo: plan.planNo }] })
    const csvRes = await get(
      admin,
      `/api/v1/outage-plans?deliveryYear=${year}&resourceId=${resource.id}&format=csv&encoding=utf-8`,
    )
    expect(csvRes.statusCode).toBe(200)
    expect(csvRes.body).toContain('計画ID')
    expect(csvRes.body).toContain(plan.planNo)
    expect(csvRes.body).toContain(`${year}/05/01 09:00`)
    expect(csvRes.body).toContain('点検')

    // Another participant sees nothing of it.
    expect((await get(otherAdmin, `/api/v1/outage-plans/${plan.id}`)).statusCode).toBe(404)
    const others = await get(otherAdmin, `/api/v1/outage-plans?resourceId=${resource.id}`)
    expect(others.json().total).toBe(0)
    const foreign = await register(otherAdmin, {
      resourceId: resource.id,
      startAt: at(6, 1),
      endAt: at(6, 2),
      reducedKw: 1,
    })
    expect(foreign.statusCode).toBe(404)
  })

  it('sorts by every column', async () => {
    for (const field of [
      'planNo',
      'resourceCode',
      'resourceName',
      'participantCode',
      'deliveryYear',
      'startAt',
      'endAt',
      'reducedKw',
      'reason',
      'state',
      'updatedAt',
    ]) {
      for (const s of [field, `-${field}`]) {
        const res = await get(operator, `/api/v1/outage-plans?sort=${s}`)
        expect(res.statusCode, `${s}: ${res.body}`).toBe(200)
      }
    }
    const filtered = await get(
      admin,
      `/api/v1/outage-plans?from=${year}-05-02&to=${year}-05-02&state=active&q=OP`,
    )
    expect(filtered.statusCode, filtered.body).toBe(200)
    expect(filtered.json().total).toBeGreaterThanOrEqual(1)
  })

  it('refuses each rule with the values stated', async () => {
    const { resource } = await contracted(3_000)
    const cases: [Record<string, unknown>, string, RegExp | null][] = [
      [
        { startAt: at(5, 1, '09:15'), endAt: at(5, 1, '12:00'), reducedKw: 1 },
        'E-OUT-001',
        /09:15/,
      ],
      [{ startAt: at(5, 2), endAt: at(5, 1), reducedKw: 1 }, 'E-OUT-002', null],
      [
        { startAt: at(3, 31, '12:00'), endAt: at(4, 1, '12:00', year + 1), reducedKw: 1 },
        'E-OUT-003',
        null,
      ],
      [{ startAt: at(5, 1), endAt: at(5, 2), reducedKw: 3_001 }, 'E-OUT-004', /3,?001/],
      [{ startAt: at(5, 1), endAt: at(5, 2), reducedKw: 0 }, 'E-COMMON-008', null],
      [
        { startAt: at(5, 1), endAt: at(5, 2), reducedKw: 1, reason: 'holiday' },
        'E-COMMON-008',
        null,
      ],
    ]
    for (const [proposed, id, text] of cases) {
      const res = await register(admin, { resourceId: resource.id, ...proposed })
      expect(res.statusCode, res.body).toBe(400)
      expect(messageIds(res.body), JSON.stringify(proposed)).toContain(id)
      if (text) expect(res.body).toMatch(text)
    }
    // The year ends at March 31 24:00 JST: a plan up to then is accepted.
    const last = await register(admin, {
      resourceId: resource.id,
      startAt: at(3, 31, '12:00'),
      endAt: at(4, 1, '00:00', year + 1),
      reducedKw: 1,
    })
    expect(last.statusCode, last.body).toBe(201)
  })

  it('needs a contract of the year that is not terminated', async () => {
    const db = t.database.prisma
    const bare = await createResource(db, { participantId: p1, kind: 'stable' })
    const none = await register(admin, {
      resourceId: bare.id,
      startAt: at(5, 1),
      endAt: at(5, 2),
      reducedKw: 1,
    })
    expect(none.statusCode).toBe(400)
    expect(messageIds(none.body)).toEqual(['E-OUT-006'])
    expect(none.body).toContain(String(year))
    const { resource } = await contracted(1_000, year, 'terminated')
    const ended = await register(admin, {
      resourceId: resource.id,
      startAt: at(5, 1),
      endAt: at(5, 2),
      reducedKw: 1,
    })
    expect(messageIds(ended.body)).toEqual(['E-OUT-006'])
  })

  it('overlapping plans of a resource stay within the contract kW (also on approval)', async () => {
    const { resource } = await contracted(1_000)
    const first = await planned(resource.id, {
      startAt: at(6, 1),
      endAt: at(6, 10),
      reducedKw: 600,
    })
    // Touching the first (ends when it starts) is no overlap.
    await planned(resource.id, { startAt: at(6, 10), endAt: at(6, 12), reducedKw: 1_000 })
    const over = await register(admin, {
      resourceId: resource.id,
      startAt: at(6, 5),
      endAt: at(6, 11),
      reducedKw: 500,
    })
    expect(over.statusCode).toBe(400)
    expect(messageIds(over.body)).toEqual(['E-OUT-005'])
    expect(over.body).toContain(first.planNo)
    expect(over.body).toMatch(/1,?500/)
    // Two pending registrations that fit alone: the second approved is refused.
    const a = await register(admin, {
      resourceId: resource.id,
      startAt: at(7, 1),
      endAt: at(7, 2),
      reducedKw: 700,
    })
    const b = await register(admin, {
      resourceId: resource.id,
      startAt: at(7, 1, '12:00'),
      endAt: at(7, 3),
      reducedKw: 700,
    })
    expect(a.statusCode).toBe(201)
    expect(b.statusCode).toBe(201)
    expect((await approve(a.json().id)).statusCode).toBe(200)
    const refused = await approve(b.json().id)
    expect(refused.statusCode).toBe(400)
    expect(messageIds(refused.body)).toEqual(['E-OUT-005'])
  })

  it('changes and cancels through review; a cancelled plan takes no more applications', async () => {
    const { resource } = await contracted(2_000)
    const plan = await planned(resource.id, {
      startAt: at(8, 1),
      endAt: at(8, 2),
      reducedKw: 1_000,
    })
    const change = await post(admin, `/api/v1/outage-plans/${plan.id}/change-applications`, {
      version: plan.version,
      proposed: {
        deliveryYear: year,
        startAt: at(8, 1),
        endAt: at(8, 3),
        reducedKw: 2_000,
        reason: 'repair',
        note: '延長',
      },
    })
    expect(change.statusCode, change.body).toBe(201)
    expect((await approve(change.json().id)).statusCode).toBe(200)
    const changed = (await get(admin, `/api/v1/outage-plans/${plan.id}`)).json()
    expect(changed).toMatchObject({
      reducedKw: 2_000,
      reason: 'repair',
      version: 2,
      equivalentDays: '2.00',
    })

    const otherYear = await post(admin, `/api/v1/outage-plans/${plan.id}/change-applications`, {
      version: 2,
      proposed: {
        deliveryYear: year + 1,
        startAt: at(8, 1, '00:00', year + 1),
        endAt: at(8, 2, '00:00', year + 1),
        reducedKw: 1,
        reason: 'other',
      },
    })
    expect(messageIds(otherYear.body)).toEqual(['E-OUT-008'])

    const cancel = await post(admin, `/api/v1/outage-plans/${plan.id}/cancel-applications`, {
      version: 2,
      proposed: { reason: '工事の中止' },
    })
    expect(cancel.statusCode, cancel.body).toBe(201)
    expect((await approve(cancel.json().id)).statusCode).toBe(200)
    const cancelled = (await get(admin, `/api/v1/outage-plans/${plan.id}`)).json()
    expect(cancelled).toMatchObject({ state: 'cancelled', version: 3 })
    expect(cancelled.applications.map((a: { kind: string }) => a.kind)).toEqual([
      'register',
      'change',
      'cancel',
    ])
    const again = await post(admin, `/api/v1/outage-plans/${plan.id}/cancel-applications`, {
      version: 3,
      proposed: { reason: '再度' },
    })
    expect(again.statusCode).toBe(409)
    expect(messageIds(again.body)).toEqual(['E-OUT-007'])
    const audit = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'outagePlan', entityId: plan.id },
      orderBy: { at: 'asc' },
    })
    expect(audit.map((a) => a.action)).toEqual([
      'outagePlan.create',
      'outagePlan.update',
      'outagePlan.cancel',
    ])
  })

  it('is refused outside the window of its year with the window stated, on filing and on submit', async () => {
    const { resource } = await contracted(1_000, closedYear)
    const proposed = {
      resourceId: resource.id,
      deliveryYear: closedYear,
      startAt: at(5, 1, '00:00', closedYear),
      endAt: at(5, 2, '00:00', closedYear),
      reducedKw: 1,
    }
    const filed = await register(admin, proposed)
    expect(filed.statusCode).toBe(409)
    expect(messageIds(filed.body)).toEqual(['E-APP-004'])
    expect(filed.body).toContain(`容量停止計画提出受付（${closedYear}年度）`)
    // A draft may be kept; submitting it is refused too.
    const draft = await register(admin, proposed, false)
    expect(draft.statusCode, draft.body).toBe(201)
    const submit = await post(admin, `/api/v1/applications/${draft.json().id}/transitions/submit`, {
      version: draft.json().version,
      comment: '',
    })
    expect(submit.statusCode).toBe(409)
    expect(messageIds(submit.body)).toEqual(['E-APP-004'])
    const window = await get(admin, `/api/v1/outage-plans/window?deliveryYear=${closedYear}`)
    expect(window.json().window).toMatchObject({ state: 'closed' })
    expect(
      (await get(admin, `/api/v1/outage-plans/window?deliveryYear=${year}`)).json().window,
    ).toMatchObject({ state: 'open' })
  })

  it('the allowance: plans in force, with pending applications, with a plan being filed; a year of its own', async () => {
    const { resource } = await contracted(1_000)
    // 30 days at full capacity approved, 20 pending: 50 of 58.
    await planned(resource.id, { startAt: at(9, 1), endAt: at(10, 1), reducedKw: 1_000 })
    const pending = await register(admin, {
      resourceId: resource.id,
      startAt: at(11, 1),
      endAt: at(11, 21),
      reducedKw: 1_000,
    })
    expect(pending.statusCode).toBe(201)
    const base = `/api/v1/outage-plans/allowance?resourceId=${resource.id}&deliveryYear=${year}`
    const res = await get(admin, base)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      contractKw: 1_000,
      allowanceDays: 58,
      applies: true,
      approved: { equivalentDays: '30.00', exceeds: false },
      withPending: { equivalentDays: '50.00', exceeds: false },
      plan: null,
    })
    // A plan of 10 days at half capacity adds 5: 55, still within; 20 days at full: 70, 12 over.
    const q = (start: string, end: string, kw: number) =>
      `${base}&startAt=${encodeURIComponent(start)}&endAt=${encodeURIComponent(end)}&reducedKw=${kw}`
    const within = (await get(admin, q(at(12, 1), at(12, 11), 500))).json()
    expect(within).toMatchObject({
      plan: { equivalentDays: '5.00' },
      withPlan: { equivalentDays: '55.00', exceeds: false },
    })
    const over = (await get(admin, q(at(12, 1), at(12, 21), 1_000))).json()
    // 10,000,000 yen a year × 12 / 365 = 328,767.1… → 328,767.
    expect(over.withPlan).toMatchObject({
      equivalentDays: '70.00',
      excessDays: '12.00',
      exceeds: true,
      penaltyEstimate: 328_767,
    })
    // The pending application's own plan is not counted twice (the reviewer's panel).
    const own = (
      await get(admin, `${q(at(11, 1), at(11, 21), 1_000)}&applicationId=${pending.json().id}`)
    ).json()
    expect(own).toMatchObject({
      withPending: { equivalentDays: '30.00' },
      withPlan: { equivalentDays: '50.00' },
    })
    // The allowance is data per delivery year.
    await t.database.prisma.systemSetting.upsert({
      where: { key: OUTAGE_ALLOWANCE_SETTING },
      create: {
        key: OUTAGE_ALLOWANCE_SETTING,
        value: { default: 58, years: { [String(year)]: 25 } },
      },
      update: { value: { default: 58, years: { [String(year)]: 25 } } },
    })
    try {
      const tight = (await get(admin, base)).json()
      expect(tight).toMatchObject({
        allowanceDays: 25,
        approved: { exceeds: true, excessDays: '5.00' },
      })
      const list = (await get(admin, `/api/v1/outage-plans?resourceId=${resource.id}`)).json()
      expect(list.items[0]).toMatchObject({
        yearEquivalentDays: '30.00',
        allowanceDays: 25,
        yearExceeds: true,
      })
    } finally {
      await t.database.prisma.systemSetting.delete({ where: { key: OUTAGE_ALLOWANCE_SETTING } })
    }
    expect((await get(otherAdmin, base)).statusCode).toBe(404)
  })

  it('lists the contracted resources of a year with their contract kW', async () => {
    const { resource } = await contracted(4_321)
    const res = await get(admin, `/api/v1/outage-plans/resources?deliveryYear=${year}`)
    expect(res.statusCode, res.body).toBe(200)
    const item = res
      .json()
      .items.find((i: { resource: { id: string } }) => i.resource.id === resource.id)
    expect(item).toMatchObject({ contractKw: 4_321, deliveryYear: year })
    const other = await get(otherAdmin, `/api/v1/outage-plans/resources?deliveryYear=${year}`)
    expect(
      other.json().items.some((i: { resource: { id: string } }) => i.resource.id === resource.id),
    ).toBe(false)
  })
})

describe('[180] demo outage plans', () => {
  it('are made on P00001’s contracts of FY+3 only, once', async () => {
    const db = t.database.prisma
    const demoYear = fiscalYearOf(new Date()) + 3
    expect(await seedDemoOutagePlans(db)).toBe(0)
    const resource = await createResource(db, { participantId: p1, kind: 'stable' })
    await createContract(db, {
      resource,
      deliveryYear: demoYear,
      contractKw: 2_000,
      state: 'confirmed',
    })
    expect(await seedDemoOutagePlans(db)).toBe(2)
    expect(await seedDemoOutagePlans(db)).toBe(0)
    const plans = await db.outagePlan.findMany({
      where: { resourceId: resource.id },
      orderBy: { planNo: 'asc' },
    })
    expect(plans.map((p) => [p.planNo, p.reducedKw, p.reason])).toEqual([
      [`OP${demoYear}-000001`, 1_000, 'inspection'],
      [`OP${demoYear}-000002`, 2_000, 'construction'],
    ])
  })
})

describe('[B00] outage plans in the delivery year', () => {
  /** P00001's general user with the given rights on 180 and B00 only (a new login). */
  async function generalUser(rights: Record<'180' | 'B00', 'none' | 'view' | 'edit'>) {
    const db = t.database.prisma
    const user = await db.user.findFirstOrThrow({
      where: { participantId: p1, userId: 'user01' },
    })
    for (const [functionGroup, right] of Object.entries(rights)) {
      await db.userPermission.upsert({
        where: { userId_functionGroup: { userId: user.id, functionGroup } },
        create: {
          userId: user.id,
          functionGroup,
          canView: right !== 'none',
          canEdit: right === 'edit',
        },
        update: { canView: right !== 'none', canEdit: right === 'edit' },
      })
    }
    return loginAs(t.app, 'P00001', 'user01')
  }

  it('lets a general user with B00 rights but none on 180 list and file plans (the same API)', async () => {
    const { resource } = await contracted(4_000)
    const user = await generalUser({ '180': 'none', B00: 'edit' })
    expect((await get(user, `/api/v1/outage-plans?deliveryYear=${year}`)).statusCode).toBe(200)
    const window = await get(user, `/api/v1/outage-plans/window?deliveryYear=${year}`)
    expect(window.statusCode, window.body).toBe(200)
    expect(window.json()).toMatchObject({ window: { state: 'open' } })
    const filed = await register(user, {
      resourceId: resource.id,
      startAt: at(6, 1, '00:00'),
      endAt: at(6, 2, '00:00'),
      reducedKw: 4_000,
    })
    expect(filed.statusCode, filed.body).toBe(201)
  })

  it('refuses a general user without a right on either function, and filing with view only', async () => {
    const { resource } = await contracted(4_000)
    const none = await generalUser({ '180': 'none', B00: 'none' })
    expect((await get(none, `/api/v1/outage-plans?deliveryYear=${year}`)).statusCode).toBe(403)
    const viewer = await generalUser({ '180': 'view', B00: 'view' })
    expect((await get(viewer, `/api/v1/outage-plans?deliveryYear=${year}`)).statusCode).toBe(200)
    const filed = await register(viewer, {
      resourceId: resource.id,
      startAt: at(7, 1, '00:00'),
      endAt: at(7, 2, '00:00'),
      reducedKw: 4_000,
    })
    expect(filed.statusCode, filed.body).toBe(403)
  })
})

describe('[B00] [B10] the allowance of a year', () => {
  it('comes from the year’s assessment parameter set once the operator stored one', async () => {
    const db = t.database.prisma
    const y = year + 20
    expect(await allowanceDaysOf(db, y)).toBe(58)
    await db.assessmentParameterSet.create({
      data: {
        deliveryYear: y,
        outageAllowanceDays: 61.5,
        unplannedOutageMultiplier: 3,
        supplyInstructionMultiplier: 3,
        reserveNoticeMultiplier: 1.5,
        expectedOrdersPerYear: 12,
        monthlyCapShare: 0.183,
        annualCapShare: 1.1,
      },
    })
    expect(await allowanceDaysOf(db, y)).toBe(61.5)
  })
})
