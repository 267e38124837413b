import { randomInt } from 'node:crypto'
import { passwordCharacterClasses, PASSWORD_MIN_LENGTH } from '@yoryo/contracts'

// Without look-alikes (0/O, 1/l/I) so it can be read out and typed.
const LOWER = 'abcdefghijkmnpqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const SYMBOLS = '#%+-=@'
const ALL = LOWER + UPPER + DIGITS + SYMBOLS
const LENGTH = Math.max(16, PASSWORD_MIN_LENGTH)

const pick = (chars: string) => chars[randomInt(chars.length)] as string

/**
 * A random one-time password (initial password of a new user, password reissue) that passes the
 * password policy: 16 characters of all four classes, never containing the user ID.
 */
export function generateOneTimePassword(userId: string): string {
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)]
    while (chars.length < LENGTH) chars.push(pick(ALL))
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1)
      ;[chars[i], chars[j]] = [chars[j] as string, chars[i] as string]
    }
    const password = chars.join('')
    if (
      passwordCharacterClasses(password) === 4 &&
      !password.toLowerCase().includes(userId.toLowerCase())
    ) {
      return password
    }
  }
}
