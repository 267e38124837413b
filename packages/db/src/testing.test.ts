import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from './client.ts'
import { readMigrations } from './migrations.ts'
import { createTestDatabase } from './testing.ts'

const opened: Database[] = []
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()))
})

async function timedCreate(): Promise<{ db: Database; ms: number }> {
  const started = performance.now()
  const db = await createTestDatabase()
  opened.push(db)
  return { db, ms: Math.round(performance.now() - started) }
}

describe('createTestDatabase', () => {
  it('gives fresh, migrated, empty databases that do not share data', async () => {
    const first = await timedCreate()
    const second = await timedCreate()
    const third = await timedCreate()
    console.info(
      `createTestDatabase (${first.db.kind}): ${first.ms} ms, then ${second.ms} ms and ${third.ms} ms`,
    )
    const a = first.db.prisma
    const b = second.db.prisma

    const migrations = readMigrations()
    const applied = await a.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(applied.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name))
    expect(await a.participant.count()).toBe(0)
    expect(await b.participant.count()).toBe(0)

    await a.participant.create({
      data: { code: 'P00001', name: 'A', nameKana: 'エー', nameEn: 'A' },
    })
    // Same code in the other database: no conflict, because nothing is shared.
    await b.participant.create({
      data: { code: 'P00001', name: 'B', nameKana: 'ビー', nameEn: 'B' },
    })
    expect((await a.participant.findMany()).map((p) => p.name)).toEqual(['A'])
    expect((await b.participant.findMany()).map((p) => p.name)).toEqual(['B'])
    expect(await third.db.prisma.participant.count()).toBe(0)
  })

  it('closes cleanly, twice', async () => {
    const { db } = await timedCreate()
    await db.close()
    await db.close()
  })

  it('supports interactive transactions', async () => {
    const { db } = await timedCreate()
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.participant.create({
          data: { code: 'P00009', name: 'X', nameKana: 'エックス', nameEn: 'X' },
        })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await db.prisma.participant.count()).toBe(0)
  })
})
