import { MAX_FAILED_LOGINS } from '@yoryo/contracts'
import type { Config } from '../../config.ts'
import { AppError } from '../../lib/errors.ts'
import { lockActive } from '../../lib/login-lock.ts'

/** Most accounts the guard remembers; the oldest is forgotten first. */
const MAX_ENTRIES = 10_000

/**
 * Per-instance state of the login flow that is not a user row:
 * - attempts per account (participant code + user ID) per minute, beside the per-address limit;
 * - failures of accounts that do not exist, so that an unknown account answers the same
 *   sequence (401 × 4, then 423 until the lock ends) as a known one and the 423 tells nothing.
 */
export class LoginGuard {
  private readonly attempts = new Map<string, { windowStart: number; count: number }>()
  private readonly phantoms = new Map<string, { failures: number; lockedAt: number | null }>()

  constructor(
    private readonly config: Pick<Config, 'loginRateLimitPerAccountPerMinute' | 'loginLockMinutes'>,
  ) {}

  static key(participantCode: string, userId: string): string {
    return `${participantCode}\u0000${userId}`
  }

  /** Counts an attempt on the account; 429 beyond the per-account limit. */
  countAttempt(key: string, now: number): void {
    const entry = this.attempts.get(key)
    if (!entry || now - entry.windowStart >= 60_000) {
      remember(this.attempts, key, { windowStart: now, count: 1 })
      return
    }
    entry.count += 1
    if (entry.count > this.config.loginRateLimitPerAccountPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((entry.windowStart + 60_000 - now) / 1000))
      throw new AppError('E-COMMON-010', 429, { headers: { 'retry-after': String(retryAfter) } })
    }
  }

  /** Whether an unknown account is "locked", as a known one would be. */
  unknownLocked(key: string, now: number): boolean {
    const entry = this.phantoms.get(key)
    if (!entry?.lockedAt) return false
    if (lockActive(entry.lockedAt, now, this.config.loginLockMinutes)) return true
    this.phantoms.delete(key)
    return false
  }

  /** A failed attempt on an unknown account; true when it locks now. */
  unknownFailed(key: string, now: number): boolean {
    const entry = this.phantoms.get(key) ?? { failures: 0, lockedAt: null }
    entry.failures += 1
    if (entry.failures >= MAX_FAILED_LOGINS) entry.lockedAt = now
    remember(this.phantoms, key, entry)
    return entry.lockedAt !== null
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string)
}
