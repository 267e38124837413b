import { hash, verify } from '@node-rs/argon2'
import {
  MAX_FAILED_LOGINS,
  PASSWORD_HISTORY_SIZE,
  PASSWORD_MAX_AGE_DAYS,
  PASSWORD_MIN_LENGTH,
  passwordCharacterClasses,
  type MessageId,
} from '@yoryo/contracts'

export { MAX_FAILED_LOGINS }

// argon2id (`Algorithm.Argon2id` = 2, a const enum that isolated modules cannot import) with
// the OWASP minimum: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = 2
const argonOptions = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, argonOptions)
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain)
  } catch {
    return false
  }
}

/** A hash of a random string, verified against when the user does not exist (same timing). */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0000')
  return dummyHash
}

export function passwordExpiresAt(changedAt: Date): Date {
  return new Date(changedAt.getTime() + PASSWORD_MAX_AGE_DAYS * 24 * 60 * 60 * 1000)
}

/**
 * The password policy (workflow.md, issue 2): at least 12 characters, 3 of 4 character classes,
 * not containing the user ID, not one of the last 3. Returns the rule broken, if any.
 */
export async function checkPasswordPolicy(
  plain: string,
  userId: string,
  previousHashes: string[],
): Promise<{ messageId: MessageId; params: Record<string, number> } | null> {
  if (plain.length < PASSWORD_MIN_LENGTH) {
    return { messageId: 'E-AUTH-007', params: { min: PASSWORD_MIN_LENGTH } }
  }
  if (passwordCharacterClasses(plain) < 3) return { messageId: 'E-AUTH-008', params: {} }
  if (plain.toLowerCase().includes(userId.toLowerCase()))
    return { messageId: 'E-AUTH-009', params: {} }
  for (const previous of previousHashes.slice(0, PASSWORD_HISTORY_SIZE)) {
    if (await verifyPassword(previous, plain)) {
      return { messageId: 'E-AUTH-010', params: { count: PASSWORD_HISTORY_SIZE } }
    }
  }
  return null
}
