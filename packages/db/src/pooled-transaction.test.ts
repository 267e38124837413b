import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pooledTransaction, prismaSql, type Database } from './client.ts'
import { createTestDatabase } from './testing.ts'

let db: Database
beforeAll(async () => {
  db = await createTestDatabase()
  await db.prisma.$executeRawUnsafe('CREATE TABLE pooled_probe (id int PRIMARY KEY, note text)')
}, 60_000)
afterAll(async () => {
  await db.close()
})

const notes = async () =>
  (
    await prismaSql(db.prisma).query<{ note: string }>('SELECT note FROM pooled_probe ORDER BY id')
  ).map((r) => r.note)

describe('pooledTransaction', () => {
  it('exists on a PostgreSQL server only (the embedded database has one connection, Prisma’s)', () => {
    expect(pooledTransaction(db.prisma) !== undefined).toBe(db.kind === 'postgresql')
  })

  it.runIf(process.env.TEST_DATABASE_URL)(
    'commits what the function wrote when it resolves, with pg’s own parsing of the results',
    async () => {
      const transaction = pooledTransaction(db.prisma)!
      const rows = await transaction(async (sql) => {
        await sql.query('INSERT INTO pooled_probe VALUES ($1, $2)', [1, 'kept'])
        return sql.query<{ now: Date; doc: { a: number }; n: number }>(
          `SELECT clock_timestamp() AS now, '{"a":1}'::jsonb AS doc, 2::int AS n`,
        )
      })
      expect(rows[0]?.now).toBeInstanceOf(Date)
      expect(rows[0]?.doc).toEqual({ a: 1 })
      expect(rows[0]?.n).toBe(2)
      expect(await notes()).toEqual(['kept'])
    },
  )

  it.runIf(process.env.TEST_DATABASE_URL)(
    'rolls everything back when the function throws, and the connection stays usable',
    async () => {
      const transaction = pooledTransaction(db.prisma)!
      await expect(
        transaction(async (sql) => {
          await sql.query('INSERT INTO pooled_probe VALUES ($1, $2)', [2, 'dropped'])
          throw new Error('refused')
        }),
      ).rejects.toThrow('refused')
      await expect(
        transaction((sql) => sql.query('INSERT INTO pooled_probe VALUES ($1, $2)', [1, 'twice'])),
      ).rejects.toThrow(/duplicate key/)
      expect(await notes()).toEqual(['kept'])
      // Every connection of the pool went back clean (no transaction left open on one)
      const open = await Promise.all(
        Array.from({ length: 30 }, () =>
          transaction((sql) =>
            sql.query<{ n: number }>('SELECT count(*)::int AS n FROM pooled_probe'),
          ),
        ),
      )
      expect(open.map((r) => r[0]?.n)).toEqual(Array(30).fill(1))
    },
  )
})
