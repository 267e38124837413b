/**
 * The one test of "locked" (five wrong passwords in a row): a lock set at `lockedAt` holds for
 * `LOGIN_LOCK_MINUTES` and then is over by itself, for the login (auth), the user list and its
 * status filter (users) alike. An administrator's unlock (020) ends it earlier.
 */
export function lockActive(
  lockedAt: Date | number | null,
  now: number,
  lockMinutes: number,
): boolean {
  return lockedAt !== null && new Date(lockedAt).getTime() + lockMinutes * 60_000 > now
}

/** Locks set after this moment still hold at `now` (for database filters). */
export function lockCutoff(now: number, lockMinutes: number): Date {
  return new Date(now - lockMinutes * 60_000)
}
