import type { DbClient } from './client.ts'

/**
 * The next number of a series (`number_series`): one statement that creates the series at 1 or
 * raises it by one and returns the value. The row lock serialises concurrent issues, so two
 * transactions never get the same number; a rolled-back transaction gives its number back.
 */
export async function nextNumber(db: DbClient, key: string): Promise<number> {
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO number_series (key, last) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET last = number_series.last + 1
    RETURNING last`
  const last = rows[0]?.last
  if (typeof last !== 'number') throw new Error(`number series ${key}: no value`)
  return last
}
