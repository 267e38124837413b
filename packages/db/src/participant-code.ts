import type { DbTransaction } from './client.ts'
import { nextNumber } from './numbers.ts'

/**
 * The next 事業者コード: `P` + 5 digits, from the number series `participant` and never below one
 * above the highest code in use (participants made with a given code, data older than the
 * series). Call it inside the transaction that inserts the participant: the series row stays
 * locked until it commits, so concurrent transactions (two approvals of 700, e2e workers making
 * participants in parallel) never issue the same code. Used by the 700 approval and by the test
 * factory alike.
 */
export async function issueParticipantCode(tx: DbTransaction): Promise<string> {
  const rows = await tx.$queryRaw<{ code: string | null }[]>`
    SELECT max(code) AS code FROM participant WHERE code ~ '^P[0-9]{5}$'`
  const highest = rows[0]?.code ? Number(rows[0].code.slice(1)) : 0
  const n = await nextNumber(tx, 'participant', highest + 1)
  return `P${String(n).padStart(5, '0')}`
}
