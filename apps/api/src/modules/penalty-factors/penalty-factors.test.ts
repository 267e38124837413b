import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jstToday } from '@yoryo/contracts'
import { createContract, createResource } from '@yoryo/db/factories'
import { computePreDeliveryPenalty } from '@yoryo/domain'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let admin: Session
let otherAdmin: Session
let p1: string

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  admin = await loginAs(t.app, 'P00001', 'admin01')
  otherAdmin = await loginAs(t.app, 'P00002', 'admin01')
  p1 = (await t.database.prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })).id
})
afterAll(async () => {
  await t.close()
})

function inject(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: session, ...(payload ? { payload } : {}) })
}

/** Delivery years far apart so each test has its own parameters. */
let yearSerial = 2040
async function contract(input: { contractKw?: number; areaPrice?: number; deliveryYear?: number }) {
  const db = t.database.prisma
  const resource = await createResource(db, { participantId: p1 })
  return createContract(db, {
    resource,
    deliveryYear: input.deliveryYear ?? yearSerial++,
    contractKw: input.contractKw ?? 10_000,
    areaPrice: input.areaPrice ?? 14_137,
    state: 'confirmed',
  })
}

async function approve(applicationId: string) {
  let app = (await inject(operator, 'GET', `/api/v1/applications/${applicationId}`)).json()
  const start = await inject(
    operator,
    'POST',
    `/api/v1/applications/${applicationId}/transitions/startReview`,
    { version: app.version, comment: '' },
  )
  expect(start.statusCode, start.body).toBe(200)
  app = (await inject(operator, 'GET', `/api/v1/applications/${applicationId}`)).json()
  return inject(operator, 'POST', `/api/v1/applications/${applicationId}/transitions/approve`, {
    version: app.version,
    comment: '',
  })
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pen-'))
  writeFileSync(join(dir, 'n.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'n.pdf'), '-'], { encoding: 'utf8' })
}

describe('[190] penalty parameters', () => {
  it('a year without a row shows the defaults; the operator sets them (version guard)', async () => {
    const url = '/api/v1/penalty-parameters/2039'
    const defaults = (await inject(admin, 'GET', url)).json()
    expect(defaults).toMatchObject({
      deliveryYear: 2039,
      rateBeforeDeadline: 0.05,
      rateAfterDeadline: 0.1,
      decisionDeadline: '2038-03-31',
      isDefault: true,
      version: 0,
    })
    const body = {
      rateBeforeDeadline: 0.06,
      rateAfterDeadline: 0.12,
      decisionDeadline: '2038-06-30',
    }
    expect((await inject(admin, 'PUT', url, { ...body, version: 0 })).statusCode).toBe(403)
    const set = await inject(operator, 'PUT', url, { ...body, version: 0 })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toMatchObject({ ...body, isDefault: false, version: 1 })
    expect((await inject(operator, 'PUT', url, { ...body, version: 0 })).statusCode).toBe(409)
    const inverted = await inject(operator, 'PUT', url, {
      rateBeforeDeadline: 0.2,
      rateAfterDeadline: 0.1,
      decisionDeadline: '2038-06-30',
      version: 1,
    })
    expect(inverted.json().messageId).toBe('E-PEN-007')
  })
})

describe('[190] penalty factors (operator)', () => {
  it('registers each type with the amount of the rules engine, changes it with a new version', async () => {
    const c = await contract({ contractKw: 8_000, areaPrice: 9_999 })
    const params = {
      decisionDeadline: `${c.deliveryYear - 1}-03-31`,
      rateBeforeDeadline: 0.05,
      rateAfterDeadline: 0.1,
    }
    const cases = [
      { factorType: 'marketExit', kw: 1_001, occurredOn: `${c.deliveryYear - 1}-03-31` },
      { factorType: 'marketExit', kw: 1_001, occurredOn: `${c.deliveryYear - 1}-04-01` },
      { factorType: 'effectivenessShortfall', kw: 333, occurredOn: `${c.deliveryYear - 1}-05-01` },
      { factorType: 'siteListMissing', kw: 0, occurredOn: `${c.deliveryYear - 2}-05-01` },
      { factorType: 'other', kw: 10, occurredOn: `${c.deliveryYear - 2}-05-01`, givenAmount: 777 },
    ] as const
    for (const input of cases) {
      const res = await inject(operator, 'POST', '/api/v1/penalty-factors', {
        contractId: c.id,
        basis: '根拠テキスト',
        ...input,
      })
      expect(res.statusCode, res.body).toBe(201)
      const expected = computePreDeliveryPenalty({
        ...params,
        factorType: input.factorType,
        areaPrice: 9_999,
        contractKw: 8_000,
        kw: input.kw,
        occurredOn: input.occurredOn,
        ...('givenAmount' in input ? { givenAmount: input.givenAmount } : {}),
      })
      const factor = res.json()
      expect(factor.amount).toBe(expected.grossAmount)
      expect(factor.netAmount).toBe(expected.netAmount)
      expect(factor.calculation.lines).toEqual(expected.lines)
      expect(factor.factorNo).toMatch(new RegExp(`^PF${c.deliveryYear}-\\d{6}$`))
      expect(factor.documents).toHaveLength(1)
    }
    // A participant cannot register.
    const refused = await inject(admin, 'POST', '/api/v1/penalty-factors', {
      contractId: c.id,
      basis: 'x',
      ...cases[0],
    })
    expect(refused.statusCode).toBe(403)
    // kW above the contract: the domain's message on the field.
    const tooMuch = await inject(operator, 'POST', '/api/v1/penalty-factors', {
      contractId: c.id,
      basis: 'x',
      factorType: 'marketExit',
      kw: 8_001,
      occurredOn: '2030-01-01',
    })
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json().errors[0]).toMatchObject({ path: ['kw'], messageId: 'E-RULES-070' })

    // Change: new version, amount recomputed, a second notice; the stale version is 409.
    const list = (
      await inject(operator, 'GET', `/api/v1/penalty-factors?q=${c.contractNo}&pageSize=50`)
    ).json()
    expect(list.total).toBe(0) // q matches factor number and resource, not contracts
    const first = (
      await inject(
        operator,
        'GET',
        `/api/v1/penalty-factors?deliveryYear=${c.deliveryYear}&sort=factorNo`,
      )
    ).json().items[0]
    const changed = await inject(operator, 'PUT', `/api/v1/penalty-factors/${first.id}`, {
      factorType: 'marketExit',
      kw: 2_000,
      occurredOn: first.occurredOn,
      basis: '変更後',
      version: first.version,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ version: first.version + 1, amount: 999_900, kw: 2_000 })
    expect(changed.json().documents).toHaveLength(2)
    const stale = await inject(operator, 'PUT', `/api/v1/penalty-factors/${first.id}`, {
      factorType: 'marketExit',
      kw: 1_000,
      occurredOn: first.occurredOn,
      basis: '古い版',
      version: first.version,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-COMMON-004')
    const log = await t.database.prisma.auditLog.findMany({
      where: { entityId: first.id, action: { startsWith: 'penaltyFactor.' } },
      orderBy: { at: 'asc' },
    })
    expect(log.map((l) => l.action)).toEqual(['penaltyFactor.create', 'penaltyFactor.update'])
  })

  it('the participant sees its own (list, detail, notice), another participant’s is 404', async () => {
    const c = await contract({})
    const created = (
      await inject(operator, 'POST', '/api/v1/penalty-factors', {
        contractId: c.id,
        basis: '実効性テスト未達',
        factorType: 'effectivenessShortfall',
        kw: 500,
        occurredOn: jstToday(),
      })
    ).json()
    const own = await inject(admin, 'GET', `/api/v1/penalty-factors/${created.id}`)
    expect(own.statusCode).toBe(200)
    expect(
      (await inject(otherAdmin, 'GET', `/api/v1/penalty-factors/${created.id}`)).statusCode,
    ).toBe(404)
    const mine = (await inject(admin, 'GET', '/api/v1/penalty-factors?pageSize=100')).json()
    expect(mine.items.some((f: { id: string }) => f.id === created.id)).toBe(true)
    const theirs = (await inject(otherAdmin, 'GET', '/api/v1/penalty-factors?pageSize=100')).json()
    expect(theirs.items.some((f: { id: string }) => f.id === created.id)).toBe(false)
    const pdf = await t.app.inject({
      url: `/api/v1/documents/${created.documents[0].id}/pdf`,
      headers: admin,
    })
    expect(pdf.statusCode).toBe(200)
    const text = pdfText(pdf.rawPayload)
    expect(text).toContain('ペナルティ算定額通知書')
    expect(text).toContain(created.factorNo)
    expect(text).toContain(`${created.amount.toLocaleString('ja-JP')} 円`)
    const other = await t.app.inject({
      url: `/api/v1/documents/${created.documents[0].id}/pdf`,
      headers: otherAdmin,
    })
    expect(other.statusCode).toBe(404)
  })

  it('sorts by every field and exports CSV', async () => {
    for (const field of [
      'factorNo',
      'participantCode',
      'resourceCode',
      'factorType',
      'kw',
      'occurredOn',
      'amount',
      'deliveryYear',
      'updatedAt',
    ]) {
      for (const sort of [field, `-${field}`]) {
        const res = await inject(operator, 'GET', `/api/v1/penalty-factors?sort=${sort}`)
        expect(res.statusCode, `${sort}: ${res.body}`).toBe(200)
      }
    }
    const csv = await inject(operator, 'GET', '/api/v1/penalty-factors?format=csv&encoding=utf-8')
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('要素番号')
  })
})

describe('[190] market exit', () => {
  it('a partial exit: calculate before filing, approval reduces the contract and registers the factor', async () => {
    const c = await contract({ contractKw: 10_000, areaPrice: 14_137 })
    const preview = await inject(admin, 'POST', '/api/v1/penalty-factors/calculate', {
      contractId: c.id,
      factorType: 'marketExit',
      kw: 4_000,
    })
    expect(preview.statusCode, preview.body).toBe(200)
    // The deadline (default: end of FY N−2) is after today for these far years: 5 %.
    expect(preview.json()).toMatchObject({ afterDeadline: false, grossAmount: 2_827_400 })

    const filed = await inject(admin, 'POST', '/api/v1/market-exits/registration-applications', {
      proposed: { contractId: c.id, scope: 'part', kw: 4_000, reason: '設備の廃止' },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    expect(filed.json()).toMatchObject({
      entityType: 'marketExit',
      kind: 'register',
      state: 'submitted',
    })
    // One open exit per contract.
    const again = await inject(admin, 'POST', '/api/v1/market-exits/registration-applications', {
      proposed: { contractId: c.id, scope: 'part', kw: 1_000, reason: '二重' },
    })
    expect(again.json().messageId).toBe('E-PEN-004')

    const approved = await approve(filed.json().id)
    expect(approved.statusCode, approved.body).toBe(200)
    const after = await t.database.prisma.contract.findUniqueOrThrow({ where: { id: c.id } })
    expect([after.state, after.contractKw]).toEqual(['amended', 6_000])
    const app = (await inject(admin, 'GET', `/api/v1/applications/${filed.json().id}`)).json()
    const factor = (await inject(admin, 'GET', `/api/v1/penalty-factors/${app.entityId}`)).json()
    expect(factor).toMatchObject({
      factorType: 'marketExit',
      kw: 4_000,
      amount: 2_827_400,
      contract: { id: c.id },
      occurredOn: jstToday(),
    })
    expect(factor.documents).toHaveLength(1)
    const amendment = await t.database.prisma.contractAmendment.findFirstOrThrow({
      where: { contractId: c.id },
    })
    expect([amendment.source, amendment.sourceId]).toEqual(['marketExit', factor.id])
  })

  it('a whole exit terminates the contract; wrong kW and other participants are refused', async () => {
    const c = await contract({ contractKw: 3_000 })
    const url = '/api/v1/market-exits/registration-applications'
    const wrongAll = await inject(admin, 'POST', url, {
      proposed: { contractId: c.id, scope: 'all', kw: 2_000, reason: 'x' },
    })
    expect(wrongAll.json().errors[0].messageId).toBe('E-PEN-003')
    const wrongPart = await inject(admin, 'POST', url, {
      proposed: { contractId: c.id, scope: 'part', kw: 3_000, reason: 'x' },
    })
    expect(wrongPart.json().errors[0].messageId).toBe('E-PEN-002')
    const foreign = await inject(otherAdmin, 'POST', url, {
      proposed: { contractId: c.id, scope: 'all', kw: 3_000, reason: 'x' },
    })
    expect(foreign.statusCode).toBe(404)
    const filed = await inject(admin, 'POST', url, {
      proposed: { contractId: c.id, scope: 'all', kw: 3_000, reason: '事業撤退' },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    expect((await approve(filed.json().id)).statusCode).toBe(200)
    const after = await t.database.prisma.contract.findUniqueOrThrow({ where: { id: c.id } })
    expect([after.state, after.contractKw]).toEqual(['terminated', 0])
    const exitable = (await inject(admin, 'GET', '/api/v1/market-exits/contracts')).json()
    expect(exitable.items.some((x: { id: string }) => x.id === c.id)).toBe(false)
    const late = await inject(admin, 'POST', url, {
      proposed: { contractId: c.id, scope: 'all', kw: 1, reason: 'x' },
    })
    expect(late.json().messageId).toBe('E-PEN-001')
    // The operator corrects the exit factor of the terminated contract: computed on the contract
    // kW before the exit (kept in the calculation), not on the 0 kW left.
    const app = (await inject(admin, 'GET', `/api/v1/applications/${filed.json().id}`)).json()
    const factor = (await inject(operator, 'GET', `/api/v1/penalty-factors/${app.entityId}`)).json()
    expect(factor.amount).toBe(2_120_550) // 14,137 × 3,000 × 5 %
    const corrected = await inject(operator, 'PUT', `/api/v1/penalty-factors/${factor.id}`, {
      factorType: 'marketExit',
      kw: 2_500,
      occurredOn: factor.occurredOn,
      basis: '退出容量の訂正',
      version: factor.version,
    })
    expect(corrected.statusCode, corrected.body).toBe(200)
    expect(corrected.json()).toMatchObject({ amount: 1_767_125, kw: 2_500 })
    expect(corrected.json().calculation.lines).toContainEqual({ item: 'contractKw', value: '3000' })
  })

  it('the contracts to pick: newest first, searched on the server by contract no. or resource code', async () => {
    const older = await contract({})
    const newer = await contract({})
    const all = (await inject(operator, 'GET', '/api/v1/market-exits/contracts')).json()
    const ids = all.items.map((x: { id: string }) => x.id)
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id))
    const byNo = await inject(
      operator,
      'GET',
      `/api/v1/market-exits/contracts?q=${encodeURIComponent(older.contractNo)}`,
    )
    expect(byNo.json().items.map((x: { id: string }) => x.id)).toEqual([older.id])
    const code = (
      await t.database.prisma.resource.findUniqueOrThrow({ where: { id: newer.resourceId } })
    ).code
    const byCode = await inject(operator, 'GET', `/api/v1/market-exits/contracts?q=${code}`)
    expect(byCode.json().items.map((x: { id: string }) => x.id)).toEqual([newer.id])
  })

  it('after the deadline the exit costs 10 % (the filing date decides)', async () => {
    const c = await contract({ contractKw: 1_000, areaPrice: 10_000 })
    const put = await inject(operator, 'PUT', `/api/v1/penalty-parameters/${c.deliveryYear}`, {
      rateBeforeDeadline: 0.05,
      rateAfterDeadline: 0.1,
      decisionDeadline: '2020-01-01',
      version: 0,
    })
    expect(put.statusCode, put.body).toBe(200)
    const filed = await inject(admin, 'POST', '/api/v1/market-exits/registration-applications', {
      proposed: { contractId: c.id, scope: 'part', kw: 100, reason: '一部' },
    })
    await approve(filed.json().id)
    const app = (await inject(admin, 'GET', `/api/v1/applications/${filed.json().id}`)).json()
    const factor = (await inject(admin, 'GET', `/api/v1/penalty-factors/${app.entityId}`)).json()
    expect(factor.calculation).toMatchObject({ afterDeadline: true, rate: '0.1' })
    expect(factor.amount).toBe(100_000)
  })

  it('refund: the additional auction not held refunds the year’s exit factors (net 0), once', async () => {
    const c = await contract({ contractKw: 5_000, areaPrice: 10_000 })
    const year = c.deliveryYear
    const exit = (
      await inject(operator, 'POST', '/api/v1/penalty-factors', {
        contractId: c.id,
        basis: '退出',
        factorType: 'marketExit',
        kw: 1_000,
        occurredOn: jstToday(),
      })
    ).json()
    const other = (
      await inject(operator, 'POST', '/api/v1/penalty-factors', {
        contractId: c.id,
        basis: 'その他',
        factorType: 'other',
        kw: 0,
        occurredOn: jstToday(),
        givenAmount: 1_234,
      })
    ).json()
    expect(
      (await inject(admin, 'POST', `/api/v1/penalty-parameters/${year}/refund`, { version: 0 }))
        .statusCode,
    ).toBe(403)
    const refund = await inject(operator, 'POST', `/api/v1/penalty-parameters/${year}/refund`, {
      version: 0,
    })
    expect(refund.statusCode, refund.body).toBe(200)
    expect(refund.json()).toMatchObject({ refunded: 1, version: 1 })
    expect(refund.json().additionalAuctionNotHeldAt).not.toBeNull()
    const refunded = (await inject(admin, 'GET', `/api/v1/penalty-factors/${exit.id}`)).json()
    expect(refunded).toMatchObject({ amount: 500_000, netAmount: 0, version: exit.version + 1 })
    expect(refunded.refundedAt).not.toBeNull()
    expect(refunded.documents).toHaveLength(2)
    const pdf = await t.app.inject({
      url: `/api/v1/documents/${refunded.documents[1].id}/pdf`,
      headers: admin,
    })
    expect(pdfText(pdf.rawPayload)).toContain('返還通知書')
    const kept = (await inject(admin, 'GET', `/api/v1/penalty-factors/${other.id}`)).json()
    expect(kept).toMatchObject({ netAmount: 1_234, refundedAt: null })
    const twice = await inject(operator, 'POST', `/api/v1/penalty-parameters/${year}/refund`, {
      version: 1,
    })
    expect(twice.json().messageId).toBe('E-PEN-005')
    const change = await inject(operator, 'PUT', `/api/v1/penalty-factors/${exit.id}`, {
      factorType: 'marketExit',
      kw: 10,
      occurredOn: jstToday(),
      basis: 'x',
      version: refunded.version,
    })
    expect(change.json().messageId).toBe('E-PEN-006')
    // A later exit factor of the year is refunded at once.
    const later = (
      await inject(operator, 'POST', '/api/v1/penalty-factors', {
        contractId: c.id,
        basis: '後日',
        factorType: 'effectivenessShortfall',
        kw: 100,
        occurredOn: jstToday(),
      })
    ).json()
    expect(later).toMatchObject({ amount: 50_000, netAmount: 0 })
  })
})
