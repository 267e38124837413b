import type { DbTransaction } from './client.ts'

/** Key of the transaction-level advisory lock that serialises the issuing of participant codes. */
const PARTICIPANT_CODE_LOCK = 7_001_700

/**
 * The next 事業者コード: `P` + 5 digits, one above the highest issued. Call it inside the
 * transaction that inserts the participant: it takes a transaction-level advisory lock first, so
 * concurrent transactions (two approvals of 700, e2e workers making participants in parallel)
 * issue one after another and each sees the code the previous one committed. Used by the 700
 * approval and by the test factory alike.
 */
export async function issueParticipantCode(tx: DbTransaction): Promise<string> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${PARTICIPANT_CODE_LOCK}::bigint)) AS l`
  const rows = await tx.$queryRaw<{ code: string | null }[]>`
    SELECT max(code) AS code FROM participant WHERE code ~ '^P[0-9]{5}$'`
  const last = rows[0]?.code ? Number(rows[0].code.slice(1)) : 0
  return `P${String(last + 1).padStart(5, '0')}`
}
