import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './client.ts'
import { demoLogins, seedDemoData } from './seed.ts'
import { createTestDatabase } from './testing.ts'

// A stand-in for the API's argon2 hashing: fast and checkable.
const hashPassword = async (plain: string) => `test-hash:${plain}`
const now = new Date('2026-11-26T03:00:00Z')
const DAY = 24 * 60 * 60 * 1000

let db: Database
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(() => db.close())

describe('seedDemoData', () => {
  it('creates the operator, two participants, two TSOs and every demo login', async () => {
    expect(await seedDemoData(db.prisma, { hashPassword, now })).toBe(true)

    const participants = await db.prisma.participant.findMany({ orderBy: { code: 'asc' } })
    expect(participants.map((p) => [p.code, p.kind])).toEqual([
      ['OCCTO', 'operator'],
      ['P00001', 'participant'],
      ['P00002', 'participant'],
      ['T0001', 'tso'],
      ['T0002', 'tso'],
    ])
    expect(participants.map((p) => p.serviceArea)).toEqual([null, null, null, 'tokyo', 'kansai'])
    const occto = participants[0]
    expect(occto?.name).toBe('電力広域的運営推進機関')
    expect(occto?.nameKana).toBe('デンリョクコウイキテキウンエイスイシンキカン')
    expect(occto?.nameEn).toBe(
      'Organization for Cross-regional Coordination of Transmission Operators',
    )
    for (const p of participants) {
      expect(p.name).not.toBe('')
      expect(p.nameKana).toMatch(/^[\u30a0-\u30ff]+$/)
      expect(p.nameEn).not.toBe('')
    }

    expect(demoLogins).toHaveLength(7)
    for (const login of demoLogins) {
      const user = await db.prisma.user.findFirst({
        where: { userId: login.userId, participant: { code: login.participantCode } },
      })
      expect(user, `${login.participantCode}/${login.userId}`).not.toBeNull()
      expect(user?.role).toBe(login.role)
      expect(user?.passwordHash).toBe(`test-hash:${login.password}`)
      expect(user?.mustChangePassword).toBe(false)
      expect(user?.passwordChangedAt).toEqual(now)
    }
    expect(demoLogins.find((l) => l.userId === 'operator01')?.password).toBe('Operator#2026demo')
    expect(demoLogins.filter((l) => l.password === 'Participant#2026demo')).toHaveLength(4)
    expect(demoLogins.filter((l) => l.password === 'Tso#2026demo')).toHaveLength(2)
  })

  it('places the market windows around now', async () => {
    const windows = await db.prisma.marketWindow.findMany({ orderBy: { opensAt: 'asc' } })
    expect(windows.length).toBeGreaterThanOrEqual(2)
    const byFunction = (f: string, state: 'open' | 'upcoming') =>
      windows.find(
        (w) =>
          w.function === f &&
          (state === 'open' ? w.opensAt <= now && now < w.closesAt : w.opensAt > now),
      )
    const registration = byFunction('070', 'open')
    const outage = byFunction('180', 'open')
    expect(registration?.titleJa).toBe('期待容量登録受付（各年度共通）')
    expect(registration?.deliveryYear ?? null).toBeNull()
    expect(outage).toBeDefined()
    // About 5 days left for registration.
    expect(Math.round(((registration?.closesAt.getTime() ?? 0) - now.getTime()) / DAY)).toBe(5)
    for (const w of windows) expect(w.opensAt < w.closesAt).toBe(true)
  })

  it('does nothing the second time', async () => {
    const counts = async () => [
      await db.prisma.participant.count(),
      await db.prisma.user.count(),
      await db.prisma.marketWindow.count(),
    ]
    const before = await counts()
    let hashed = 0
    const counting = async (plain: string) => {
      hashed++
      return hashPassword(plain)
    }
    expect(await seedDemoData(db.prisma, { hashPassword: counting })).toBe(false)
    expect(hashed).toBe(0)
    expect(await counts()).toEqual(before)
  })
})
