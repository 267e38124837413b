import { describe, expect, it } from 'vitest'
import { passwordCharacterClasses } from '@yoryo/contracts'
import {
  generateOneTimePassword,
  ONE_TIME_PASSWORD_ALPHABET,
  ONE_TIME_PASSWORD_LENGTH,
} from './one-time-password.ts'

const alphabet = Object.values(ONE_TIME_PASSWORD_ALPHABET).join('')

describe('one-time password', () => {
  it('has the policy length, all four classes and only unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword()
      expect(password).toHaveLength(ONE_TIME_PASSWORD_LENGTH)
      expect(passwordCharacterClasses(password)).toBe(4)
      for (const c of password) expect(alphabet).toContain(c)
      expect(password).not.toMatch(/[0O1lI]/)
    }
  })

  it('never contains the user ID', () => {
    for (let i = 0; i < 200; i++) {
      expect(generateOneTimePassword('ab').toLowerCase()).not.toContain('ab')
    }
  })

  it('draws every character uniformly (chi-square; a modulo-biased draw fails it)', () => {
    // The four class characters go anywhere (shuffled); the other twelve come from the whole
    // alphabet. Over many passwords the counts per character must fit its expected share:
    // a modulo-biased draw (random byte % 62) gives the first characters ~25 % more.
    const n = 4000
    const counts = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      for (const c of generateOneTimePassword()) counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    const total = n * ONE_TIME_PASSWORD_LENGTH
    const fillers = n * (ONE_TIME_PASSWORD_LENGTH - 4)
    let chi = 0
    for (const chars of Object.values(ONE_TIME_PASSWORD_ALPHABET)) {
      for (const c of chars) {
        // One guaranteed character per class spread over its class, plus the fillers.
        const expected = n / chars.length + fillers / alphabet.length
        const observed = counts.get(c) ?? 0
        chi += (observed - expected) ** 2 / expected
      }
    }
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(total)
    // 61 degrees of freedom: p = 0.0001 at about 112. A fair generator passes virtually always.
    expect(chi).toBeLessThan(112)
  })
})
