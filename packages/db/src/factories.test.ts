import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './client.ts'
import { auctionParametersSchema } from '@yoryo/contracts'
import {
  auctionParametersExample,
  createAuction,
  createParticipant,
  createContract,
  createQualification,
  createResource,
  createUser,
  TEST_PASSWORD,
} from './factories.ts'
import { seedDemoData } from './seed.ts'
import { createTestDatabase } from './testing.ts'

const hashPassword = async (plain: string) => `test-hash:${plain}`

let db: Database
beforeAll(async () => {
  db = await createTestDatabase()
  await seedDemoData(db.prisma, { hashPassword })
})
afterAll(() => db.close())

describe('factories', () => {
  it('createParticipant issues the next free participant code', async () => {
    const a = await createParticipant(db.prisma)
    const b = await createParticipant(db.prisma, { name: '北国電力株式会社' })
    expect(a.code).toBe('P00003')
    expect(b.code).toBe('P00004')
    expect(b.name).toBe('北国電力株式会社')
    expect(a.kind).toBe('participant')
    const parallel = await Promise.all([1, 2, 3].map(() => createParticipant(db.prisma)))
    expect(new Set(parallel.map((p) => p.code)).size).toBe(3)
  })

  it('issues distinct participant codes to many creations at once (e2e workers in parallel)', async () => {
    const many = await Promise.all(Array.from({ length: 40 }, () => createParticipant(db.prisma)))
    const codes = many.map((p) => p.code)
    expect(new Set(codes).size).toBe(40)
    for (const code of codes) expect(code).toMatch(/^P\d{5}$/)
  })

  it('createUser makes a login with a unique user ID and the password given', async () => {
    const participant = await createParticipant(db.prisma)
    const admin = await createUser(db.prisma, {
      participantId: participant.id,
      role: 'participantAdmin',
      hashPassword,
    })
    const user = await createUser(db.prisma, {
      participantId: participant.id,
      role: 'participantUser',
      password: 'Another#Passw0rd',
      hashPassword,
      mustChangePassword: true,
    })
    expect(admin.userId).not.toBe(user.userId)
    expect(admin.password).toBe(TEST_PASSWORD)
    expect(admin.passwordHash).toBe(`test-hash:${TEST_PASSWORD}`)
    expect(user.passwordHash).toBe('test-hash:Another#Passw0rd')
    expect(user.mustChangePassword).toBe(true)
    expect(admin.role).toBe('participantAdmin')
    expect(await db.prisma.user.count({ where: { participantId: participant.id } })).toBe(2)
  })

  it('createUser honours a given user ID', async () => {
    const participant = await createParticipant(db.prisma)
    const user = await createUser(db.prisma, {
      participantId: participant.id,
      role: 'participantUser',
      userId: 'admin01',
      hashPassword,
    })
    expect(user.userId).toBe('admin01')
    await expect(
      createUser(db.prisma, {
        participantId: participant.id,
        role: 'participantUser',
        userId: 'admin01',
        hashPassword,
      }),
    ).rejects.toThrow()
  })

  it('createAuction makes an open auction with valid parameters, version 1 and its two windows', async () => {
    expect(auctionParametersSchema.parse(auctionParametersExample())).toEqual(
      auctionParametersExample(),
    )
    const a = await createAuction(db.prisma, { deliveryYear: 2031 })
    const b = await createAuction(db.prisma, { deliveryYear: 2031 })
    expect([a.code, b.code]).toEqual(['A2031M1', 'A2031M2'])
    expect(a.state).toBe('open')
    const windows = await db.prisma.marketWindow.findMany({
      where: { auctionId: a.id },
      orderBy: { opensAt: 'asc' },
    })
    expect(windows.map((w) => [w.kind, w.deliveryYear])).toEqual([
      ['expectedCapacityRegistration', 2031],
      ['bidding', 2031],
    ])
    const now = Date.now()
    expect(windows[1]!.opensAt.getTime()).toBeLessThan(now)
    expect(windows[1]!.closesAt.getTime()).toBeGreaterThan(now)
    expect(await db.prisma.auctionParameterSet.count({ where: { auctionId: a.id } })).toBe(1)
    const participant = await createParticipant(db.prisma)
    const resource = await createResource(db.prisma, { participantId: participant.id })
    const q = await createQualification(db.prisma, { auctionId: a.id, resource })
    expect([q.state, q.participantId]).toEqual(['qualified', participant.id])
  })

  it('createContract makes a contract whose twelve months sum to the annual amount', async () => {
    const participant = await createParticipant(db.prisma)
    const resource = await createResource(db.prisma, { participantId: participant.id })
    const c = await createContract(db.prisma, { resource, contractKw: 1_001, areaPrice: 7 })
    const monthly = c.monthlyAmounts as number[]
    expect(c.contractNo).toMatch(/^C\d{4}-\d{6}$/)
    expect(monthly).toHaveLength(12)
    expect(monthly.reduce((a, b) => a + b, 0)).toBe(7_007)
    expect([Number(c.annualAmount), monthly[0], monthly[11], c.state]).toEqual([
      7_007,
      583,
      594,
      'draft',
    ])
  })
})
