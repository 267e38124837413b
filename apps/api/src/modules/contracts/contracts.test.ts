import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Area, ClearingRun, ContractDetail, Contract as ContractOut } from '@yoryo/contracts'
import type { Auction, Participant } from '@yoryo/db'
import {
  createAuction,
  createContract,
  createParticipant,
  createQualification,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import { computeContractAmount, type ClearingResult } from '@yoryo/domain'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { amendContract } from './amend.ts'
import {
  amendContractsToExpectedCapacity,
  commissioningFiscalYear,
  deductionRateOf,
} from './drafting.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session
let p1Admin: Session
let p2Admin: Session
let p1: Participant
let p2: Participant

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  p1Admin = await loginAs(t.app, 'P00001', 'admin01')
  p2Admin = await loginAs(t.app, 'P00002', 'admin01')
  const db = t.database.prisma
  p1 = await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  p2 = await db.participant.findUniqueOrThrow({ where: { code: 'P00002' } })
})
afterAll(async () => {
  await t.close()
})

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: s,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yoryo-contract-'))
  writeFileSync(join(dir, 'c.pdf'), pdf)
  return execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' })
}

let serial = 0
async function bid(
  auction: Auction,
  participant: Participant,
  area: Area,
  kw: number,
  price: number,
  commissionedOn = '2015-04',
) {
  const db = t.database.prisma
  serial++
  const resource = await createResource(db, {
    participantId: participant.id,
    values: { ...resourceExample('stable', 70_000 + serial), area, commissionedOn },
  })
  await createQualification(db, { auctionId: auction.id, resource, expectedKw: 50_000 })
  return db.bid.create({
    data: {
      auctionId: auction.id,
      resourceId: resource.id,
      participantId: participant.id,
      kw,
      price,
      submittedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, serial)),
    },
  })
}

/** Nine areas of 10,000 kW (the example parameters): p1 and p2 bid in tokyo, others elsewhere. */
async function closedAuction() {
  const db = t.database.prisma
  const auction = await createAuction(db, { state: 'biddingClosed' })
  const other = await createParticipant(db)
  // FY2010 (March 2011) is "old": the example table deducts 42 %; April 2011 is FY2011: none.
  const old = await bid(auction, p1, 'tokyo', 6_000, 0, '2011-03')
  const young = await bid(auction, p1, 'tokyo', 3_000, 100, '2011-04')
  const p2Bid = await bid(auction, p2, 'tokyo', 2_000, 0)
  const notAwarded = await bid(auction, p2, 'tokyo', 5_000, 14_000)
  for (const area of ['hokkaido', 'tohoku', 'chubu', 'hokuriku', 'kansai'] as const) {
    await bid(auction, other, area, 12_000, 0)
  }
  for (const area of ['chugoku', 'shikoku', 'kyushu'] as const) {
    await bid(auction, other, area, 12_000, 1_000)
  }
  return { auction, old, young, p2Bid, notAwarded }
}

async function run(auctionId: string): Promise<ClearingRun> {
  const res = await call(operator, 'POST', `/api/v1/auctions/${auctionId}/clearings`)
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
  return res.json<ClearingRun>()
}

const publish = (auctionId: string, clearingId: string) =>
  call(operator, 'POST', `/api/v1/auctions/${auctionId}/publication`, { clearingId })

async function published() {
  const setup = await closedAuction()
  const r = await run(setup.auction.id)
  const res = await publish(setup.auction.id, r.id)
  expect(res.statusCode, res.body).toBe(200)
  return { ...setup, run: r }
}

const detail = async (s: Session, id: string) => {
  const res = await call(s, 'GET', `/api/v1/contracts/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<ContractDetail>()
}

async function contractOfBid(bidId: string) {
  return t.database.prisma.contract.findUniqueOrThrow({ where: { bidId } })
}

describe('[130] deduction rate by the commissioning fiscal year', () => {
  const table = [
    { commissionedUpTo: 2010, rate: 0.42 },
    { commissionedUpTo: 2015, rate: 0.2 },
    { commissionedUpTo: null, rate: 0 },
  ]
  it('takes April as the start of the fiscal year', () => {
    expect(commissioningFiscalYear('2011-03')).toBe(2010)
    expect(commissioningFiscalYear('2011-04')).toBe(2011)
  })
  it('applies the row with the smallest bound not below the year, else the open row', () => {
    expect(deductionRateOf(table, '1999-12')).toBe(0.42)
    expect(deductionRateOf(table, '2011-03')).toBe(0.42)
    expect(deductionRateOf(table, '2011-04')).toBe(0.2)
    expect(deductionRateOf(table, '2016-04')).toBe(0)
    expect(deductionRateOf([...table].reverse(), '2011-04')).toBe(0.2)
    expect(deductionRateOf([{ commissionedUpTo: 2010, rate: 0.3 }], '2020-01')).toBe(0)
  })
})

describe('[130] drafting on publication', () => {
  it('drafts one contract per awarded bid with the area price, the deduction and exact amounts', async () => {
    const { auction, old, young, p2Bid, notAwarded, run: r } = await published()
    const db = t.database.prisma
    const clearing = await db.clearing.findUniqueOrThrow({ where: { id: r.id } })
    const result = clearing.result as unknown as ClearingResult
    const awarded = result.bids.filter((b) => b.awardedKw > 0)
    const rows = await db.contract.findMany({
      where: { auctionId: auction.id },
      orderBy: { contractNo: 'asc' },
    })
    expect(rows).toHaveLength(awarded.length)
    expect(await db.contract.count({ where: { bidId: notAwarded.id } })).toBe(0)
    const tokyo = result.areas.find((a) => a.area === 'tokyo')?.price as number
    const oldContract = await contractOfBid(old.id)
    const youngContract = await contractOfBid(young.id)
    const byBid = new Map(result.bids.map((b) => [b.bidId, b]))
    for (const [c, rate] of [
      [oldContract, 0.42],
      [youngContract, 0],
    ] as const) {
      const awardedKw = byBid.get(c.bidId as string)?.awardedKw as number
      const amounts = computeContractAmount({
        areaPrice: tokyo,
        contractKw: awardedKw,
        deductionRate: rate,
      })
      expect([
        c.state,
        c.participantId,
        c.contractKw,
        c.awardedKw,
        c.areaPrice,
        Number(c.deductionRate.toString()),
        Number(c.annualAmount),
        c.monthlyAmounts,
      ]).toEqual([
        'draft',
        p1.id,
        awardedKw,
        awardedKw,
        tokyo,
        rate,
        amounts.annualAmount,
        amounts.monthly,
      ])
      expect((c.monthlyAmounts as number[]).reduce((a, b) => a + b, 0)).toBe(amounts.annualAmount)
    }
    expect((await contractOfBid(p2Bid.id)).participantId).toBe(p2.id)
    // Consecutive numbers of the delivery year's series.
    const numbers = rows.map((c) => Number(c.contractNo.slice(-6)))
    expect(rows.every((c) => c.contractNo.startsWith(`C${auction.deliveryYear}-`))).toBe(true)
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] as number) + i))
    expect(
      await db.auditLog.count({
        where: { action: 'contract.draft', entityId: { in: rows.map((c) => c.id) } },
      }),
    ).toBe(rows.length)
  })

  it('keeps the contracts when the same run is published again, replaces drafts for another run, refuses after a confirmation', async () => {
    const setup = await closedAuction()
    const { auction, old } = setup
    const db = t.database.prisma
    // Two succeeded runs before publication (a re-run after a correction).
    const first = await run(auction.id)
    const second = await run(auction.id)
    expect((await publish(auction.id, first.id)).statusCode).toBe(200)
    const before = await contractOfBid(old.id)
    expect((await publish(auction.id, first.id)).statusCode).toBe(200)
    expect((await contractOfBid(old.id)).id).toBe(before.id)

    expect((await publish(auction.id, second.id)).statusCode).toBe(200)
    const replaced = await contractOfBid(old.id)
    expect(replaced.id).not.toBe(before.id)
    expect(await db.contract.count({ where: { id: before.id } })).toBe(0)
    expect(
      await db.auditLog.count({ where: { entityId: before.id, action: 'contract.discardDrafts' } }),
    ).toBe(1)

    const confirmed = await call(p1Admin, 'POST', `/api/v1/contracts/${replaced.id}/confirm`, {
      version: replaced.version,
    })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const refused = await publish(auction.id, first.id)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().messageId).toBe('E-CON-002')
    const a = await db.auction.findUniqueOrThrow({ where: { id: auction.id } })
    expect(a.publishedClearingId).toBe(second.id)
  })
})

describe('[130] list and detail', () => {
  it('shows a participant only its own contracts, filters, and exports CSV with the labels', async () => {
    const { auction, old, p2Bid } = await published()
    const own = await call(p1Admin, 'GET', `/api/v1/contracts?auctionId=${auction.id}&pageSize=100`)
    expect(own.statusCode, own.body).toBe(200)
    const items = own.json<{ items: ContractOut[]; total: number }>().items
    expect(items.map((c) => c.participantCode)).toEqual(['P00001', 'P00001'])
    expect(items[0]?.monthlyAmounts).toHaveLength(12)
    const operatorView = await call(
      operator,
      'GET',
      `/api/v1/contracts?auctionId=${auction.id}&participantCode=P00002`,
    )
    expect(operatorView.json().items.map((c: ContractOut) => c.participantCode)).toEqual(['P00002'])
    const p2Contract = await contractOfBid(p2Bid.id)
    expect((await call(p1Admin, 'GET', `/api/v1/contracts/${p2Contract.id}`)).statusCode).toBe(404)
    const resource = await t.database.prisma.resource.findUniqueOrThrow({
      where: { id: old.resourceId },
    })
    const byKeyword = await call(
      p1Admin,
      'GET',
      `/api/v1/contracts?q=${encodeURIComponent(resource.name)}&state=draft&deliveryYear=${auction.deliveryYear}`,
    )
    expect(byKeyword.json().items.map((c: ContractOut) => c.resourceCode)).toEqual([resource.code])
    const sorted = await call(
      p1Admin,
      'GET',
      `/api/v1/contracts?auctionId=${auction.id}&sort=-annualAmount`,
    )
    const amounts = sorted.json().items.map((c: ContractOut) => c.annualAmount)
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))

    const csvRes = await call(
      p1Admin,
      'GET',
      `/api/v1/contracts?auctionId=${auction.id}&format=csv`,
    )
    expect(csvRes.statusCode).toBe(200)
    const text = iconv.decode(csvRes.rawPayload, 'Shift_JIS')
    expect(text.split('\r\n')[0]).toContain('契約番号,事業者コード,事業者名,電源等識別番号')
    expect(text).toContain('確認待ち')
  })
})

describe('[130] transitions', () => {
  it('confirms a draft (participant only, current version) and issues the contract document', async () => {
    const { old } = await published()
    const c = await contractOfBid(old.id)
    const url = `/api/v1/contracts/${c.id}/confirm`
    const byOperator = await call(operator, 'POST', url, { version: c.version })
    expect(byOperator.statusCode).toBe(403)
    const byOther = await call(p2Admin, 'POST', url, { version: c.version })
    expect(byOther.statusCode).toBe(404)
    const stale = await call(p1Admin, 'POST', url, { version: c.version + 1 })
    expect([stale.statusCode, stale.json().messageId]).toEqual([409, 'E-COMMON-004'])
    const ok = await call(p1Admin, 'POST', url, { version: c.version })
    expect(ok.statusCode, ok.body).toBe(200)
    const body = ok.json<ContractDetail>()
    expect([body.state, body.version, body.confirmedAt !== null]).toEqual([
      'confirmed',
      c.version + 1,
      true,
    ])
    expect(body.documents.map((d) => [d.kind, d.title])).toEqual([
      ['capacityContract', '容量確保契約書'],
    ])
    expect(body.documents[0]?.documentNo).toMatch(/^CC\d{4}-\d{6}$/)
    const again = await call(p1Admin, 'POST', url, { version: body.version })
    expect([again.statusCode, again.json().messageId]).toEqual([409, 'E-CON-001'])

    const pdf = await call(p1Admin, 'GET', `/api/v1/documents/${body.documents[0]?.id}/pdf`)
    expect(pdf.statusCode).toBe(200)
    const text = pdfText(pdf.rawPayload)
    expect(text).toContain('容量確保契約書')
    expect(text).toContain(c.contractNo)
    expect(text).toContain('別紙')
    expect(text).toContain('42.00 %')
    const annual = Number(c.annualAmount)
    expect(text).toContain(`${annual.toLocaleString('ja-JP')} 円`)
    expect(text).toContain(`${Math.floor(annual / 10).toLocaleString('ja-JP')} 円`)
    const march = (c.monthlyAmounts as number[])[11] as number
    expect(text).toContain(`${march.toLocaleString('ja-JP')} 円`)
    expect(
      await t.database.prisma.auditLog.count({
        where: { entityId: c.id, action: 'contract.confirm' },
      }),
    ).toBe(1)
  })

  it('lets exactly one of two confirmations of the same version through', async () => {
    const { young } = await published()
    const c = await contractOfBid(young.id)
    const url = `/api/v1/contracts/${c.id}/confirm`
    const answers = await Promise.all([
      call(p1Admin, 'POST', url, { version: c.version }),
      call(p1Admin, 'POST', url, { version: c.version }),
    ])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect(
      await t.database.prisma.document.count({
        where: { ownerType: 'capacityContract', ownerId: c.id },
      }),
    ).toBe(1)
  })

  it('takes a correction request and the operator’s answer: corrected kW back to draft, or declined', async () => {
    const { old, young } = await published()
    const c = await contractOfBid(old.id)
    const request = (id: string, version: number) =>
      call(p1Admin, 'POST', `/api/v1/contracts/${id}/correction-request`, {
        version,
        reason: '落札容量が申告と異なります',
      })
    const asked = await request(c.id, c.version)
    expect(asked.statusCode, asked.body).toBe(200)
    expect([asked.json().state, asked.json().correctionReason]).toEqual([
      'correctionRequested',
      '落札容量が申告と異なります',
    ])
    const answerUrl = `/api/v1/contracts/${c.id}/correction-answer`
    const v = asked.json<ContractDetail>().version
    const byParticipant = await call(p1Admin, 'POST', answerUrl, {
      version: v,
      decision: 'decline',
      answer: 'x',
    })
    expect(byParticipant.statusCode).toBe(403)
    const tooMuch = await call(operator, 'POST', answerUrl, {
      version: v,
      decision: 'correct',
      answer: '修正します',
      contractKw: c.awardedKw + 1,
    })
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json().errors[0].messageId).toBe('E-CON-003')
    const stale = await call(operator, 'POST', answerUrl, {
      version: v - 1,
      decision: 'decline',
      answer: 'x',
    })
    expect(stale.statusCode).toBe(409)
    const kw = c.awardedKw - 1_000
    const corrected = await call(operator, 'POST', answerUrl, {
      version: v,
      decision: 'correct',
      answer: '契約容量を修正しました',
      contractKw: kw,
    })
    expect(corrected.statusCode, corrected.body).toBe(200)
    const after = corrected.json<ContractDetail>()
    const amounts = computeContractAmount({
      areaPrice: c.areaPrice,
      contractKw: kw,
      deductionRate: 0.42,
    })
    expect([after.state, after.contractKw, after.annualAmount, after.monthlyAmounts]).toEqual([
      'draft',
      kw,
      amounts.annualAmount,
      amounts.monthly,
    ])
    expect(after.correctionAnswer).toBe('契約容量を修正しました')
    expect(after.amendments.map((a) => [a.seq, a.source, a.documentId])).toEqual([
      [1, 'correction', null],
    ])
    const confirmed = await call(p1Admin, 'POST', `/api/v1/contracts/${c.id}/confirm`, {
      version: after.version,
    })
    expect(confirmed.json().state).toBe('confirmed')

    const y = await contractOfBid(young.id)
    const asked2 = await request(y.id, y.version)
    const declined = await call(operator, 'POST', `/api/v1/contracts/${y.id}/correction-answer`, {
      version: asked2.json().version,
      decision: 'decline',
      answer: '約定結果のとおりです',
    })
    expect(declined.statusCode, declined.body).toBe(200)
    expect([declined.json().state, declined.json().contractKw, declined.json().amendments]).toEqual(
      ['draft', y.contractKw, []],
    )
    const log = await t.database.prisma.auditLog.findMany({
      where: { entityId: y.id },
    })
    expect(log.map((l) => l.action).sort()).toEqual([
      'contract.answerCorrection',
      'contract.draft',
      'contract.requestCorrection',
    ])
  })

  it('issues the change contract and the termination agreement of a concluded contract', async () => {
    const db = t.database.prisma
    const resource = await createResource(db, { participantId: p1.id })
    const c = await createContract(db, {
      resource,
      contractKw: 10_000,
      areaPrice: 12_000,
      state: 'confirmed',
    })
    const actor = { userId: null, label: 'test', requestId: 'contract-docs' }
    await db.$transaction((tx) =>
      amendContract(tx, actor, {
        contractId: c.id,
        source: 'replacement',
        reason: '差替',
        contractKw: 6_000,
        allocation: [{ month: `${c.deliveryYear}-04`, kw: 4_000, resourceCode: 'X1' }],
      }),
    )
    await db.$transaction((tx) =>
      amendContract(tx, actor, { contractId: c.id, source: 'marketExit', terminate: true }),
    )
    const d = await detail(p1Admin, c.id)
    expect(d.amendments.map((a) => [a.seq, a.kind, a.documentId !== null])).toEqual([
      [1, 'amendment', true],
      [2, 'termination', true],
    ])
    expect(d.amendments[0]?.after.allocation).toEqual([
      { month: `${c.deliveryYear}-04`, kw: 4_000, resourceCode: 'X1' },
    ])
    expect(d.documents.map((x) => x.kind)).toEqual([
      'capacityContractChange',
      'capacityContractTermination',
    ])
    const change = pdfText(
      (await call(p1Admin, 'GET', `/api/v1/documents/${d.documents[0]?.id}/pdf`)).rawPayload,
    )
    expect(change).toContain('変更契約書')
    expect(change).toContain('10,000 kW → 6,000 kW')
    expect(change).toContain('差替の月別配分')
    const termination = pdfText(
      (await call(p1Admin, 'GET', `/api/v1/documents/${d.documents[1]?.id}/pdf`)).rawPayload,
    )
    expect(termination).toContain('解約合意書')
    expect(termination).toContain(c.contractNo)
  })
})

describe('[130] changed expected capacity after the auction (841)', () => {
  it('amends the resource’s contracts of the year down to it, the latest first; none when it is not lower', async () => {
    const db = t.database.prisma
    const resource = await createResource(db, { participantId: p1.id })
    const auction = await createAuction(db, { state: 'published' })
    const a = await createContract(db, {
      resource,
      auctionId: auction.id,
      contractKw: 6_000,
      state: 'confirmed',
    })
    const b = await createContract(db, {
      resource,
      auctionId: auction.id,
      contractKw: 3_000,
      state: 'confirmed',
    })
    const actor = { userId: null, label: 'test', requestId: 'ec-841' }
    const input = { resourceId: resource.id, deliveryYear: auction.deliveryYear }
    expect(
      await db.$transaction((tx) =>
        amendContractsToExpectedCapacity(tx, actor, { ...input, expectedKw: 9_000 }),
      ),
    ).toEqual([])
    const amended = await db.$transaction((tx) =>
      amendContractsToExpectedCapacity(tx, actor, { ...input, expectedKw: 4_000 }),
    )
    expect(amended).toEqual([b.id, a.id])
    const rows = await db.contract.findMany({ where: { id: { in: [a.id, b.id] } } })
    expect(new Map(rows.map((r) => [r.id, r.contractKw]))).toEqual(
      new Map([
        [a.id, 4_000],
        [b.id, 0],
      ]),
    )
  })
})
