import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fiscalYearOf } from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { createAuction, createContract } from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { seedDemoExpectedCapacities } from './demo.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let user: Session
let otherAdmin: Session
let otherUser: Session
let p1: string
let p2: string
/** The demo window's delivery year (the seed's factor tables cover FY+1 … FY+4). */
const year = fiscalYearOf(new Date()) + 4

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  user = await loginAs(t.app, 'P00001', 'user01')
  otherAdmin = await loginAs(t.app, 'P00002', 'admin01')
  otherUser = await loginAs(t.app, 'P00002', 'user01')
  const db = t.database.prisma
  p1 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
  p2 = (await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })).id
})
afterAll(async () => {
  await t.close()
})

let serial = 0
/** A resource row as approval of its registration leaves it (the resources module's work). */
async function resource(
  participantId: string,
  data: Partial<Prisma.ResourceUncheckedCreateInput> & Pick<Prisma.ResourceCreateInput, 'kind'>,
  members: { name: string; generationType: 'solar' | 'windOnshore'; installedKw: number }[] = [],
) {
  serial++
  const letter = { stable: 'S', variableSingle: 'V', variableAggregate: 'A', dispatchOrder: 'D' }[
    data.kind
  ]
  return t.database.prisma.resource.create({
    data: {
      code: `03${letter}${String(9_000_000 + serial).padStart(7, '0')}`,
      participantId,
      name: `テスト電源${serial}`,
      nameKana: 'テストデンゲン',
      area: 'tokyo',
      generationType: 'solar',
      gridCode: `G${serial}`,
      location: '東京都千代田区1-1',
      commissionedOn: '2015-04',
      supportScheme: 'none',
      ...data,
      members: {
        create: members.map((m, i) => ({ ...m, position: i + 1, gridCode: `M${i}` })),
      },
    },
  })
}

async function factor(area: 'tokyo', generationType: 'solar', deliveryYear: number) {
  const table = await t.database.prisma.factorTable.findFirstOrThrow({
    orderBy: { versionNo: 'desc' },
  })
  const row = await t.database.prisma.adjustmentFactor.findUniqueOrThrow({
    where: {
      factorTableId_area_generationType_deliveryYear: {
        factorTableId: table.id,
        area,
        generationType,
        deliveryYear,
      },
    },
  })
  return { versionNo: table.versionNo, factor: Number(row.factor.toString()) }
}

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session, payload: payload as object })
}

async function approve(applicationId: string) {
  let app = (
    await t.app.inject({ url: `/api/v1/applications/${applicationId}`, headers: operator })
  ).json()
  const start = await post(
    operator,
    `/api/v1/applications/${applicationId}/transitions/startReview`,
    { version: app.version, comment: '' },
  )
  expect(start.statusCode, start.body).toBe(200)
  app = (
    await t.app.inject({ url: `/api/v1/applications/${applicationId}`, headers: operator })
  ).json()
  const done = await post(operator, `/api/v1/applications/${applicationId}/transitions/approve`, {
    version: app.version,
    comment: '',
  })
  expect(done.statusCode, done.body).toBe(200)
  return (
    await t.app.inject({ url: `/api/v1/applications/${applicationId}`, headers: operator })
  ).json()
}

async function registered(resourceId: string) {
  const filed = await post(admin, '/api/v1/expected-capacities/registration-applications', {
    proposed: { resourceId, deliveryYear: year },
  })
  expect(filed.statusCode, filed.body).toBe(201)
  const approved = await approve(filed.json().id)
  const record = await t.app.inject({
    url: `/api/v1/expected-capacities/${approved.entityId}`,
    headers: admin,
  })
  expect(record.statusCode).toBe(200)
  return record.json()
}

/** Closes (or reopens) the demo expected capacity window for the duration of `body`. */
async function withWindowClosed<T>(body: () => Promise<T>): Promise<T> {
  const db = t.database.prisma
  const windows = await db.marketWindow.findMany({
    where: { kind: 'expectedCapacityRegistration' },
  })
  const past = new Date(Date.now() - 5 * 86_400_000)
  await db.marketWindow.updateMany({
    where: { kind: 'expectedCapacityRegistration' },
    data: { opensAt: new Date(past.getTime() - 86_400_000), closesAt: past },
  })
  try {
    return await body()
  } finally {
    for (const w of windows) {
      await db.marketWindow.update({
        where: { id: w.id },
        data: { opensAt: w.opensAt, closesAt: w.closesAt },
      })
    }
  }
}

describe('[070] expected capacity', () => {
  it('is computed from the resource and the factor table in force, never typed', async () => {
    const r = await resource(p1, { kind: 'variableSingle', installedKw: 48_000 })
    const { factor: f, versionNo } = await factor('tokyo', 'solar', year)

    const calc = await post(admin, '/api/v1/expected-capacities/calculate', {
      resourceId: r.id,
      deliveryYear: year,
    })
    expect(calc.statusCode, calc.body).toBe(200)
    expect(calc.json()).toMatchObject({
      kind: 'variableSingle',
      adjustmentFactor: f,
      factorTable: { versionNo },
      expectedKw: Math.floor(48_000 * f + 1e-9),
      inputs: { installedKw: 48_000 },
      overridden: [],
    })

    // A typed result is refused: the proposed values have no such field.
    const typed = await post(admin, '/api/v1/expected-capacities/registration-applications', {
      proposed: { resourceId: r.id, deliveryYear: year, expectedKw: 99_999 },
    })
    expect(typed.statusCode).toBe(400)
    expect(typed.json().messageId).toBe('E-COMMON-001')

    const record = await registered(r.id)
    expect(record).toMatchObject({
      deliveryYear: year,
      expectedKw: calc.json().expectedKw,
      eligible: true,
      status: 'active',
      resource: { code: r.code },
      calculation: { factorTable: { versionNo }, adjustmentFactor: f },
    })
    const row = await t.database.prisma.expectedCapacity.findUniqueOrThrow({
      where: { id: record.id },
      include: { factorTable: true },
    })
    expect(row.factorTable?.versionNo).toBe(versionNo)

    // The same resource and year cannot be registered twice.
    const again = await post(admin, '/api/v1/expected-capacities/registration-applications', {
      proposed: { resourceId: r.id, deliveryYear: year },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().messageId).toBe('E-EC-012')
  })

  it('computes each kind exactly: stable, aggregate (truncated per member), dispatch order', async () => {
    const stable = await resource(p1, {
      kind: 'stable',
      generationType: 'lng',
      installedKw: 100_000,
      houseLoadPercent: '4.25',
      hasAdjustment: true,
    })
    const s = await post(admin, '/api/v1/expected-capacities/calculate', {
      resourceId: stable.id,
      deliveryYear: year,
    })
    expect(s.json()).toMatchObject({
      expectedKw: 95_750,
      exactKw: '95750',
      factorTable: null,
      inputs: { houseLoadPercent: 4.25 },
    })

    const aggregate = await resource(p1, { kind: 'variableAggregate' }, [
      { name: 'A', generationType: 'solar', installedKw: 999 },
      { name: 'B', generationType: 'solar', installedKw: 999 },
    ])
    const { factor: f } = await factor('tokyo', 'solar', year)
    const a = (
      await post(admin, '/api/v1/expected-capacities/calculate', {
        resourceId: aggregate.id,
        deliveryYear: year,
      })
    ).json()
    const perMember = Math.floor(999 * f + 1e-9)
    expect(a.inputs.members.map((m: { expectedKw: number }) => m.expectedKw)).toEqual([
      perMember,
      perMember,
    ])
    expect(a.expectedKw).toBe(2 * perMember)

    const dispatch = await resource(p1, {
      kind: 'dispatchOrder',
      generationType: 'demandResponse',
      offerableKw: 5000,
    })
    const d = (
      await post(admin, '/api/v1/expected-capacities/calculate', {
        resourceId: dispatch.id,
        deliveryYear: year,
      })
    ).json()
    expect(d.adjustmentFactor).toBeGreaterThan(0)
    expect(d.expectedKw).toBe(Math.floor(5000 * d.adjustmentFactor + 1e-9))
  })

  it('explains why a resource is not eligible, with the catalogue message', async () => {
    const small = await resource(p1, {
      kind: 'stable',
      generationType: 'lng',
      installedKw: 1000,
      houseLoadPercent: '5',
      hasAdjustment: false,
    })
    const calc = await post(admin, '/api/v1/expected-capacities/calculate', {
      resourceId: small.id,
      deliveryYear: year,
    })
    expect(calc.json()).toMatchObject({
      expectedKw: 950,
      eligible: false,
      messageId: 'E-RULES-060',
      message: expect.stringContaining('1,000kW'),
    })
    // Filed and approved, the record keeps the reason.
    const record = await registered(small.id)
    expect(record).toMatchObject({ expectedKw: 950, eligible: false })
    expect(record.calculation.messageId).toBe('E-RULES-060')

    // No factor for the year: it cannot be computed, and is not accepted.
    const far = await resource(p1, { kind: 'variableSingle', installedKw: 10_000 })
    const none = await post(admin, '/api/v1/expected-capacities/calculate', {
      resourceId: far.id,
      deliveryYear: 2099,
    })
    expect(none.json()).toMatchObject({ expectedKw: null, messageId: 'E-EC-010' })
    expect(none.json().message).toContain('2099')
    const refused = await post(admin, '/api/v1/expected-capacities/registration-applications', {
      proposed: { resourceId: far.id, deliveryYear: 2099 },
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().messageId).toBe('E-EC-018')
  })

  it('takes overridden inputs only with evidence, and shows which were overridden', async () => {
    const r = await resource(p1, { kind: 'variableSingle', installedKw: 20_000 })
    const bare = await post(admin, '/api/v1/expected-capacities/registration-applications', {
      proposed: { resourceId: r.id, deliveryYear: year, overrides: { installedKw: 18_000 } },
    })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().errors[0]).toMatchObject({
      path: ['evidenceAttachmentIds'],
      messageId: 'E-EC-013',
    })
    const evidence = await t.database.prisma.attachment.create({
      data: {
        participantId: p1,
        ownerType: 'participant',
        ownerId: p1,
        fileName: 'evidence.pdf',
        contentType: 'application/pdf',
        size: 3,
        sha256: '0'.repeat(64),
        content: Buffer.from('pdf'),
        uploadedBy: (
          await t.database.prisma.user.findFirstOrThrow({ where: { participantId: p1 } })
        ).id,
      },
    })
    const filed = await post(admin, '/api/v1/expected-capacities/registration-applications', {
      proposed: {
        resourceId: r.id,
        deliveryYear: year,
        overrides: { installedKw: 18_000 },
        evidenceAttachmentIds: [evidence.id],
      },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    const approved = await approve(filed.json().id)
    const record = (
      await t.app.inject({
        url: `/api/v1/expected-capacities/${approved.entityId}`,
        headers: admin,
      })
    ).json()
    expect(record.calculation).toMatchObject({
      inputs: { installedKw: 18_000 },
      overridden: ['installedKw'],
    })
    expect(record.evidenceAttachmentIds).toEqual([evidence.id])
  })

  it('records the factor table version: a change after a revision uses the new one, the old stays readable', async () => {
    const r = await resource(p1, { kind: 'variableSingle', installedKw: 30_000 })
    const first = await registered(r.id)
    const before = await t.app.inject({ url: '/api/v1/factor-tables/current', headers: admin })
    expect(before.statusCode).toBe(200)
    const old = before.json()

    // Only the operator revises the tables.
    const refused = await post(admin, '/api/v1/factor-tables', {
      note: 'x',
      adjustmentFactors: [],
      dispatchOrderFactors: [],
    })
    expect(refused.statusCode).toBe(403)
    const duplicate = await post(operator, '/api/v1/factor-tables', {
      note: '重複',
      adjustmentFactors: [old.adjustmentFactors[0], old.adjustmentFactors[0]],
      dispatchOrderFactors: [],
    })
    expect(duplicate.statusCode).toBe(400)
    expect(duplicate.json().errors[0].messageId).toBe('E-EC-003')

    const revised = await post(operator, '/api/v1/factor-tables', {
      note: '太陽光の係数を改定',
      adjustmentFactors: old.adjustmentFactors.map(
        (row: { area: string; generationType: string; factor: number }) =>
          row.area === 'tokyo' && row.generationType === 'solar' ? { ...row, factor: 0.5 } : row,
      ),
      dispatchOrderFactors: old.dispatchOrderFactors,
    })
    expect(revised.statusCode, revised.body).toBe(201)
    expect(revised.json()).toMatchObject({ versionNo: old.versionNo + 1, current: true })

    const previous = (
      await t.app.inject({ url: `/api/v1/factor-tables/${old.id}`, headers: user })
    ).json()
    expect(previous).toMatchObject({ versionNo: old.versionNo, current: false })
    expect(previous.supersededAt).not.toBeNull()
    expect(previous.adjustmentFactors).toEqual(old.adjustmentFactors)

    const change = await post(
      admin,
      `/api/v1/expected-capacities/${first.id}/change-applications`,
      {
        proposed: { note: '係数改定の反映' },
        version: first.version,
      },
    )
    expect(change.statusCode, change.body).toBe(201)
    await approve(change.json().id)
    const after = (
      await t.app.inject({ url: `/api/v1/expected-capacities/${first.id}`, headers: admin })
    ).json()
    expect(after).toMatchObject({
      expectedKw: 15_000,
      version: first.version + 1,
      calculation: { factorTable: { versionNo: old.versionNo + 1 }, adjustmentFactor: 0.5 },
      note: '係数改定の反映',
    })
    expect(first.calculation.factorTable.versionNo).toBe(old.versionNo)
  })

  it('refuses applications outside the window, stating it; the change after the auction (841) is accepted', async () => {
    const r = await resource(p1, { kind: 'variableSingle', installedKw: 40_000 })
    const record = await registered(r.id)
    const r2 = await resource(p1, { kind: 'variableSingle', installedKw: 40_000 })
    await withWindowClosed(async () => {
      const state = (
        await t.app.inject({ url: '/api/v1/expected-capacities/window', headers: admin })
      ).json()
      expect(state.window.state).toBe('closed')

      const refused = await post(admin, '/api/v1/expected-capacities/registration-applications', {
        proposed: { resourceId: r2.id, deliveryYear: year },
      })
      expect(refused.statusCode).toBe(409)
      const problem = refused.json()
      expect(problem.messageId).toBe('E-APP-004')
      expect(problem.detail).toContain('期待容量登録受付')
      expect(problem.detail).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}～\d{4}\/\d{2}\/\d{2}/)

      const change = await post(
        admin,
        `/api/v1/expected-capacities/${record.id}/change-applications`,
        { proposed: { note: '窓口外' }, version: record.version },
      )
      expect(change.statusCode).toBe(409)
      expect(change.json().messageId).toBe('E-APP-004')

      // 841: the changed expected capacity after the auction, recorded beside the original.
      const evidence = await t.database.prisma.attachment.create({
        data: {
          participantId: p1,
          ownerType: 'participant',
          ownerId: p1,
          fileName: 'repowering.pdf',
          contentType: 'application/pdf',
          size: 3,
          sha256: '1'.repeat(64),
          content: Buffer.from('pdf'),
          uploadedBy: (
            await t.database.prisma.user.findFirstOrThrow({ where: { participantId: p1 } })
          ).id,
        },
      })
      const after = await post(
        admin,
        `/api/v1/expected-capacities/${record.id}/change-applications`,
        {
          proposed: {
            afterAuction: true,
            overrides: { installedKw: 20_000 },
            evidenceAttachmentIds: [evidence.id],
          },
          version: record.version,
        },
      )
      expect(after.statusCode, after.body).toBe(201)
      // A contract of the resource for the year (130): the lower 841 amends it down.
      const db = t.database.prisma
      const auction = await createAuction(db, { deliveryYear: year, state: 'published' })
      // Its windows would close the year's registration for the tests after this one.
      await db.marketWindow.deleteMany({ where: { auctionId: auction.id } })
      const contract = await createContract(db, {
        resource: await db.resource.findUniqueOrThrow({ where: { id: r.id } }),
        auctionId: auction.id,
        contractKw: record.expectedKw,
        state: 'confirmed',
      })
      await approve(after.json().id)
      const amended = await db.contract.findUniqueOrThrow({
        where: { id: contract.id },
        include: { amendments: true },
      })
      expect([amended.state, amended.contractKw]).toEqual([
        'amended',
        Math.floor(record.expectedKw / 2),
      ])
      expect(amended.amendments.map((a) => [a.source, a.sourceId, a.documentId !== null])).toEqual([
        ['expectedCapacityChange', after.json().id, true],
      ])
      const changed = (
        await t.app.inject({ url: `/api/v1/expected-capacities/${record.id}`, headers: admin })
      ).json()
      expect(changed.expectedKw).toBe(record.expectedKw)
      expect(changed.changedExpectedKw).toBe(Math.floor(record.expectedKw / 2))
      expect(changed.changedCalculation.inputs.installedKw).toBe(20_000)
    })
    const open = (
      await t.app.inject({ url: '/api/v1/expected-capacities/window', headers: admin })
    ).json()
    expect(open.window.state).toBe('open')
  })

  it('checks the window of the delivery year: its own window, else the one for any year', async () => {
    const db = t.database.prisma
    const closedYear = year - 1
    const past = new Date(Date.now() - 3 * 86_400_000)
    const own = await db.marketWindow.create({
      data: {
        kind: 'expectedCapacityRegistration',
        function: '070',
        titleJa: `期待容量登録受付（${closedYear}年度）`,
        titleEn: `Expected capacity registration (FY${closedYear})`,
        opensAt: new Date(past.getTime() - 86_400_000),
        closesAt: past,
        deliveryYear: closedYear,
      },
    })
    try {
      const r = await resource(p1, { kind: 'variableSingle', installedKw: 40_000 })
      // The year with a window of its own, closed: refused, stating that window.
      const refused = await post(admin, '/api/v1/expected-capacities/registration-applications', {
        proposed: { resourceId: r.id, deliveryYear: closedYear },
      })
      expect(refused.statusCode, refused.body).toBe(409)
      expect(refused.json().messageId).toBe('E-APP-004')
      expect(refused.json().detail).toContain(`${closedYear}年度`)
      const state = (
        await t.app.inject({
          url: `/api/v1/expected-capacities/window?deliveryYear=${closedYear}`,
          headers: admin,
        })
      ).json()
      expect(state.window).toMatchObject({ state: 'closed', titleEn: own.titleEn })
      // Another year has none of its own: the open window for any year takes it.
      const record = await registered(r.id)
      expect(record.deliveryYear).toBe(year)
      // A change of that record follows its year's window (any year: open).
      const change = await post(
        admin,
        `/api/v1/expected-capacities/${record.id}/change-applications`,
        { proposed: { note: '年度の窓口' }, version: record.version },
      )
      expect(change.statusCode, change.body).toBe(201)
    } finally {
      await db.marketWindow.delete({ where: { id: own.id } })
    }
  })

  it('keeps participants apart and lets only participants with the edit right file', async () => {
    const r = await resource(p1, { kind: 'variableSingle', installedKw: 25_000 })
    const record = await registered(r.id)
    const other = await t.app.inject({
      url: `/api/v1/expected-capacities/${record.id}`,
      headers: otherAdmin,
    })
    expect(other.statusCode).toBe(404)
    const calcOther = await post(otherAdmin, '/api/v1/expected-capacities/calculate', {
      resourceId: r.id,
      deliveryYear: year,
    })
    expect(calcOther.statusCode).toBe(404)
    const fileOther = await post(
      otherAdmin,
      '/api/v1/expected-capacities/registration-applications',
      {
        proposed: { resourceId: r.id, deliveryYear: year + 1 },
      },
    )
    expect(fileOther.statusCode).toBe(404)
    const list = (
      await t.app.inject({ url: '/api/v1/expected-capacities', headers: otherAdmin })
    ).json()
    expect(list.items.every((e: { participant: { id: string } }) => e.participant.id === p2)).toBe(
      true,
    )
    // The operator reviews; it does not file.
    const byOperator = await post(
      operator,
      '/api/v1/expected-capacities/registration-applications',
      {
        proposed: { resourceId: r.id, deliveryYear: year + 1 },
      },
    )
    expect(byOperator.statusCode).toBe(403)
    // P00002's general user has view rights only.
    const r2 = await resource(p2, { kind: 'variableSingle', installedKw: 25_000 })
    const viewOnly = await post(
      otherUser,
      '/api/v1/expected-capacities/registration-applications',
      {
        proposed: { resourceId: r2.id, deliveryYear: year },
      },
    )
    expect(viewOnly.statusCode).toBe(403)
    // P00001's general user has edit on 070.
    const r3 = await resource(p1, { kind: 'variableSingle', installedKw: 25_000 })
    const byUser = await post(user, '/api/v1/expected-capacities/registration-applications', {
      proposed: { resourceId: r3.id, deliveryYear: year },
    })
    expect(byUser.statusCode, byUser.body).toBe(201)
  })

  it('cancels through the review, and a later registration reuses the record', async () => {
    const r = await resource(p1, { kind: 'variableSingle', installedKw: 33_000 })
    const first = await registered(r.id)
    const cancel = await post(
      admin,
      `/api/v1/expected-capacities/${first.id}/cancel-applications`,
      { proposed: { reason: '撤退のため' }, version: first.version },
    )
    expect(cancel.statusCode, cancel.body).toBe(201)
    await approve(cancel.json().id)
    const cancelled = (
      await t.app.inject({ url: `/api/v1/expected-capacities/${first.id}`, headers: admin })
    ).json()
    expect(cancelled).toMatchObject({ status: 'cancelled', version: first.version + 1 })
    const again = await registered(r.id)
    expect(again).toMatchObject({ id: first.id, status: 'active', version: first.version + 2 })
  })

  it('lists and sorts by every column, and exports CSV', async () => {
    for (const field of [
      'resourceCode',
      'resourceName',
      'participantCode',
      'kind',
      'area',
      'deliveryYear',
      'expectedKw',
      'changedExpectedKw',
      'status',
      'updatedAt',
    ]) {
      for (const s of [field, `-${field}`]) {
        const res = await t.app.inject({
          url: `/api/v1/expected-capacities?sort=${s}`,
          headers: operator,
        })
        expect(res.statusCode, `${s}: ${res.body}`).toBe(200)
      }
    }
    const csv = await t.app.inject({
      url: '/api/v1/expected-capacities?format=csv&encoding=utf-8',
      headers: admin,
    })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('期待容量(kW)')
    for (const s of ['versionNo', '-createdAt', 'createdByName', 'note']) {
      const res = await t.app.inject({ url: `/api/v1/factor-tables?sort=${s}`, headers: user })
      expect(res.statusCode).toBe(200)
    }
  })
})

describe('[070] demo data', () => {
  it('gives the resources of P00001 and P00002 (all kinds) expected capacities computed with the seeded factor tables', async () => {
    const created = await seedDemoExpectedCapacities(t.database.prisma)
    expect(created).toBeGreaterThan(0)
    const rows = await t.database.prisma.expectedCapacity.findMany({
      where: { note: 'デモデータ' },
      include: { factorTable: true, resource: { include: { participant: true } } },
    })
    expect(rows).toHaveLength(created)
    expect(new Set(rows.map((r) => r.resource.participant.code))).toEqual(
      new Set(['P00001', 'P00002']),
    )
    expect(rows.some((r) => r.resource.kind === 'dispatchOrder')).toBe(true)
    for (const row of rows) {
      expect(row.deliveryYear).toBe(year)
      if (row.resource.kind !== 'stable') expect(row.factorTable?.versionNo).toBeGreaterThan(0)
    }
  })
})

describe('[824] effectiveness tests', () => {
  it('computes the achievement rate to 3 decimals for a dispatch-order resource', async () => {
    const d = await resource(p1, {
      kind: 'dispatchOrder',
      generationType: 'demandResponse',
      offerableKw: 3000,
    })
    const res = await post(admin, '/api/v1/effectiveness-tests', {
      resourceId: d.id,
      testDate: '2026-07-15',
      instructedKw: 3000,
      deliveredKw: [3000, 3000, 3000, 3000, 3000, 2700],
    })
    expect(res.statusCode, res.body).toBe(201)
    // 17,700 / 18,000 = 0.98333…
    expect(res.json()).toMatchObject({ achievementRate: 0.983, achievementRateText: '0.983' })

    // Exact rounding: 18,009 / 18,000 = 1.0005 → 1.001.
    const half = await post(admin, '/api/v1/effectiveness-tests', {
      resourceId: d.id,
      testDate: '2026-07-16',
      instructedKw: 3000,
      deliveredKw: [3000, 3000, 3000, 3000, 3000, 3009],
    })
    expect(half.json().achievementRateText).toBe('1.001')

    const typed = await post(admin, '/api/v1/effectiveness-tests', {
      resourceId: d.id,
      testDate: '2026-07-17',
      instructedKw: 3000,
      deliveredKw: [1, 1, 1, 1, 1, 1],
      achievementRate: 1,
    })
    expect(typed.statusCode).toBe(400)
    const five = await post(admin, '/api/v1/effectiveness-tests', {
      resourceId: d.id,
      testDate: '2026-07-17',
      instructedKw: 3000,
      deliveredKw: [1, 1, 1, 1, 1],
    })
    expect(five.statusCode).toBe(400)

    const list = (
      await t.app.inject({
        url: `/api/v1/effectiveness-tests?resourceId=${d.id}&sort=-testDate`,
        headers: admin,
      })
    ).json()
    expect(list.items.map((e: { achievementRateText: string }) => e.achievementRateText)).toEqual([
      '1.001',
      '0.983',
    ])
    const other = await t.app.inject({
      url: `/api/v1/effectiveness-tests/${res.json().id}`,
      headers: otherAdmin,
    })
    expect(other.statusCode).toBe(404)
    for (const s of [
      'resourceCode',
      'resourceName',
      'participantCode',
      'testDate',
      'instructedKw',
      'achievementRate',
      'createdAt',
    ]) {
      const r = await t.app.inject({
        url: `/api/v1/effectiveness-tests?sort=-${s}`,
        headers: operator,
      })
      expect(r.statusCode).toBe(200)
    }
  })

  it('is refused for a resource of another kind', async () => {
    const v = await resource(p1, { kind: 'variableSingle', installedKw: 3000 })
    const res = await post(admin, '/api/v1/effectiveness-tests', {
      resourceId: v.id,
      testDate: '2026-07-15',
      instructedKw: 3000,
      deliveredKw: [3000, 3000, 3000, 3000, 3000, 3000],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].messageId).toBe('E-EC-016')
  })
})
