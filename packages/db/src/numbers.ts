import type { DbClient } from './client.ts'

/**
 * The next number of a series (`number_series`): one statement that creates the series or
 * raises it by one and returns the value. The row lock serialises concurrent issues, so two
 * transactions never get the same number; a rolled-back transaction gives its number back.
 * `atLeast` (default 1) is a floor for the value — for a series whose numbers may also exist
 * outside it (participant codes of data made before the series): the caller passes one above the
 * highest in use, and two callers that read the same highest still get different numbers.
 */
export async function nextNumber(db: DbClient, key: string, atLeast = 1): Promise<number> {
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO number_series (key, last) VALUES (${key}, ${atLeast})
    ON CONFLICT (key) DO UPDATE SET last = GREATEST(number_series.last + 1, EXCLUDED.last)
    RETURNING last`
  const last = rows[0]?.last
  if (typeof last !== 'number') throw new Error(`number series ${key}: no value`)
  return last
}

/**
 * Takes `count` consecutive numbers of a series at once (one statement, same locking as
 * `nextNumber`): returns the first; the numbers are first … first + count − 1.
 */
export async function reserveNumbers(db: DbClient, key: string, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`reserveNumbers: count ${count}`)
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO number_series (key, last) VALUES (${key}, ${count})
    ON CONFLICT (key) DO UPDATE SET last = number_series.last + ${count}
    RETURNING last`
  const last = rows[0]?.last
  if (typeof last !== 'number') throw new Error(`number series ${key}: no value`)
  return last - count + 1
}
