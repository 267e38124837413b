import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContract, createParticipant, createResource } from '@yoryo/db/factories'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import {
  assessmentBasis,
  assessmentBasisResourceIds,
  assessmentParameters,
  deliveryYearOfMonth,
} from './basis.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('[B10] assessmentBasis', () => {
  it('maps a month to its delivery year', () => {
    expect(deliveryYearOfMonth('2030-04')).toBe(2030)
    expect(deliveryYearOfMonth('2031-03')).toBe(2030)
  })

  it('sums counted contracts, moves replaced kW and their share of A to the replacing resource', async () => {
    const db = t.database.prisma
    const p = await createParticipant(db)
    const giver = await createResource(db, { participantId: p.id })
    const taker = await createResource(db, { participantId: p.id })
    const main = await createContract(db, {
      resource: giver,
      deliveryYear: 2040,
      contractKw: 10_000,
      annualAmount: 100_000_003,
      state: 'confirmed',
    })
    await createContract(db, {
      resource: giver,
      deliveryYear: 2040,
      contractKw: 2_000,
      annualAmount: 20_000_000,
      state: 'draft',
    })
    const replacement = await db.replacement.create({
      data: {
        contractId: main.id,
        participantId: p.id,
        replacingResourceId: taker.id,
        replacingParticipantId: p.id,
        kw: 3_000,
        fromMonth: '2040-07',
        toMonth: '2040-07',
        state: 'approved',
      },
    })
    await db.replacementAllocation.create({
      data: {
        contractId: main.id,
        replacementId: replacement.id,
        resourceId: taker.id,
        month: '2040-07',
        kw: 3_000,
      },
    })

    const june = await assessmentBasis(db, '2040-06', { participantId: p.id })
    expect(june.map((b) => [b.resourceCode, b.contractKw, b.annualAmount])).toEqual([
      [giver.code, 10_000, 100_000_003],
    ])

    const july = await assessmentBasis(db, '2040-07', { participantId: p.id })
    const byCode = Object.fromEntries(july.map((b) => [b.resourceCode, b]))
    // floor(100,000,003 × 3,000 / 10,000) = 30,000,000 moves with the kW.
    expect(byCode[giver.code]).toMatchObject({ contractKw: 7_000, annualAmount: 70_000_003 })
    expect(byCode[giver.code]?.allocationsOut).toEqual([
      {
        contractNo: main.contractNo,
        resourceCode: taker.code,
        kw: 3_000,
        annualAmount: 30_000_000,
      },
    ])
    expect(byCode[taker.code]).toMatchObject({ contractKw: 3_000, annualAmount: 30_000_000 })
    expect(byCode[taker.code]?.contracts).toEqual([])

    // Narrowed to resources (one, a batch of the job): each gets the basis of the whole month,
    // the taker's kW from a contract of a resource outside the filter included.
    expect(await assessmentBasis(db, '2040-07', { resourceIds: [taker.id] })).toEqual([
      byCode[taker.code],
    ])
    expect(await assessmentBasis(db, '2040-07', { resourceIds: [giver.id] })).toEqual([
      byCode[giver.code],
    ])
    const ids = await assessmentBasisResourceIds(db, '2040-07')
    expect(ids).toEqual((await assessmentBasis(db, '2040-07')).map((b) => b.resourceId))
    expect(ids).toEqual(expect.arrayContaining([giver.id, taker.id]))
    expect(await assessmentBasisResourceIds(db, '2040-06')).not.toContain(taker.id)
  })

  it('gives the rules.md defaults for a year without a parameter set, else the stored set', async () => {
    const db = t.database.prisma
    expect(await assessmentParameters(db, 2041)).toMatchObject({
      outageAllowanceDays: 58,
      multipliers: { unplannedOutage: 3, supplyInstruction: 3, reserveNotice: 1.5 },
      version: null,
    })
    await db.assessmentParameterSet.create({
      data: {
        deliveryYear: 2041,
        outageAllowanceDays: 30,
        unplannedOutageMultiplier: 2,
        supplyInstructionMultiplier: 3,
        reserveNoticeMultiplier: 1.5,
        expectedOrdersPerYear: 10,
        monthlyCapShare: 0.2,
        annualCapShare: 1,
      },
    })
    expect(await assessmentParameters(db, 2041)).toMatchObject({
      outageAllowanceDays: 30,
      expectedOrdersPerYear: 10,
      monthlyCapShare: 0.2,
      version: 1,
    })
  })
})
