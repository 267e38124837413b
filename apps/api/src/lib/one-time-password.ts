import { randomInt } from 'node:crypto'
import { passwordCharacterClasses, PASSWORD_MIN_LENGTH } from '@yoryo/contracts'

// Without look-alikes (0/O, 1/l/I) so it can be read out and typed.
export const ONE_TIME_PASSWORD_ALPHABET = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digits: '23456789',
  symbols: '#%+-=@',
} as const
const { lower, upper, digits, symbols } = ONE_TIME_PASSWORD_ALPHABET
const ALL = lower + upper + digits + symbols
export const ONE_TIME_PASSWORD_LENGTH = Math.max(16, PASSWORD_MIN_LENGTH)

/**
 * One character of `chars`, uniformly: `crypto.randomInt` draws by rejection sampling, so no
 * character is likelier than another (a random byte modulo the length would favour the first
 * `256 % length` characters).
 */
const pick = (chars: string) => chars[randomInt(chars.length)] as string

/**
 * The one generator of one-time passwords (initial password of a new user or of an approved
 * participant's first administrator, password reissue): cryptographically random, unbiased,
 * 16 characters with all four classes of the password policy, shuffled by Fisher–Yates, and
 * never containing the user ID when one is given.
 */
export function generateOneTimePassword(userId?: string): string {
  for (;;) {
    const chars = [pick(lower), pick(upper), pick(digits), pick(symbols)]
    while (chars.length < ONE_TIME_PASSWORD_LENGTH) chars.push(pick(ALL))
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1)
      ;[chars[i], chars[j]] = [chars[j] as string, chars[i] as string]
    }
    const password = chars.join('')
    if (
      passwordCharacterClasses(password) === 4 &&
      (!userId || !password.toLowerCase().includes(userId.toLowerCase()))
    ) {
      return password
    }
  }
}
