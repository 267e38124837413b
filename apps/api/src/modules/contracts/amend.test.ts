import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContract, createParticipant, createResource } from '@yoryo/db/factories'
import { computeContractAmount } from '@yoryo/domain'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { amendContract, ContractAmendmentError } from './amend.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const actor = { userId: null, label: 'test', requestId: 'amend-test' }

async function contract(input: {
  contractKw: number
  annualAmount?: number
  deductionRate?: number
  state?: 'draft' | 'confirmed'
}) {
  const db = t.database.prisma
  const participant = await createParticipant(db)
  const resource = await createResource(db, { participantId: participant.id })
  const amounts = computeContractAmount({
    areaPrice: 14_137,
    contractKw: input.contractKw,
    deductionRate: input.deductionRate ?? 0,
  })
  return createContract(db, {
    resource,
    contractKw: input.contractKw,
    areaPrice: 14_137,
    deductionRate: input.deductionRate ?? 0,
    annualAmount: amounts.annualAmount,
    monthlyAmounts: amounts.monthly,
    state: input.state ?? 'confirmed',
  })
}

describe('[130] amendContract', () => {
  it('recomputes the amounts for the new kW, keeps before/after and bumps the version', async () => {
    const c = await contract({ contractKw: 10_000, deductionRate: 0.42 })
    const { contract: after, amendment } = await t.database.prisma.$transaction((tx) =>
      amendContract(tx, actor, { contractId: c.id, source: 'replacement', contractKw: 6_000 }),
    )
    const expected = computeContractAmount({
      areaPrice: 14_137,
      contractKw: 6_000,
      deductionRate: 0.42,
    })
    expect(Number(after.annualAmount)).toBe(expected.annualAmount)
    expect(after.monthlyAmounts).toEqual(expected.monthly)
    expect([after.contractKw, after.state, after.version]).toEqual([
      6_000,
      'amended',
      c.version + 1,
    ])
    expect([amendment.seq, amendment.kind, amendment.source]).toEqual([
      1,
      'amendment',
      'replacement',
    ])
    expect((amendment.before as { contractKw: number }).contractKw).toBe(10_000)
    const log = await t.database.prisma.auditLog.findFirst({
      where: { entityId: c.id, action: 'contract.amend' },
    })
    expect(log?.participantId).toBe(c.participantId)
  })

  it('terminates: kW and amounts 0; a terminated contract cannot be amended again', async () => {
    const c = await contract({ contractKw: 2_000 })
    const db = t.database.prisma
    const { contract: after } = await db.$transaction((tx) =>
      amendContract(tx, actor, { contractId: c.id, source: 'marketExit', terminate: true }),
    )
    expect([after.state, after.contractKw, Number(after.annualAmount)]).toEqual([
      'terminated',
      0,
      0,
    ])
    await expect(
      db.$transaction((tx) =>
        amendContract(tx, actor, { contractId: c.id, source: 'replacement', contractKw: 1_000 }),
      ),
    ).rejects.toBeInstanceOf(ContractAmendmentError)
  })

  it('corrects a contract not yet confirmed: back to draft, no change contract', async () => {
    const c = await contract({ contractKw: 5_000, state: 'draft' })
    const { contract: after, amendment } = await t.database.prisma.$transaction((tx) =>
      amendContract(tx, actor, { contractId: c.id, source: 'correction', contractKw: 4_000 }),
    )
    expect([after.state, after.contractKw, amendment.documentId]).toEqual(['draft', 4_000, null])
  })

  it('numbers amendments of one contract 1, 2, … even when written at once', async () => {
    const c = await contract({ contractKw: 9_000 })
    const db = t.database.prisma
    await Promise.all(
      [8_000, 7_000, 6_000].map((kw) =>
        db.$transaction((tx) =>
          amendContract(tx, actor, { contractId: c.id, source: 'replacement', contractKw: kw }),
        ),
      ),
    )
    const rows = await db.contractAmendment.findMany({
      where: { contractId: c.id },
      orderBy: { seq: 'asc' },
    })
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3])
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(4)
  })
})
