import { describe, expect, it } from 'vitest'
import { sessionDeadline } from './session-expiry.tsx'

const t0 = Date.parse('2026-12-01T09:00:00Z')
const min = 60_000
const session = {
  now: new Date(t0).toISOString(),
  idleExpiresAt: new Date(t0 + 30 * min).toISOString(),
  absoluteExpiresAt: new Date(t0 + 12 * 60 * min).toISOString(),
  via: 'session' as const,
}

describe('session deadline', () => {
  it('runs the idle timeout from the last API answer (less the server’s touch interval)', () => {
    expect(sessionDeadline(session, t0, t0)).toEqual({ at: t0 + 30 * min, absolute: false })
    const later = sessionDeadline(session, t0, t0 + 10 * min)
    expect(later.at).toBe(t0 + 40 * min - 30_000)
    expect(later.absolute).toBe(false)
  })

  it('never passes the absolute end', () => {
    const late = sessionDeadline(session, t0, t0 + 11 * 60 * min + 50 * min)
    expect(late).toEqual({ at: t0 + 12 * 60 * min, absolute: true })
  })

  it("measures with the server's clock: a browser clock 26 minutes fast or slow changes nothing", () => {
    for (const skew of [26 * min, -26 * min]) {
      const fetchedAt = t0 + skew
      expect(sessionDeadline(session, fetchedAt, fetchedAt)).toEqual({
        at: fetchedAt + 30 * min,
        absolute: false,
      })
      expect(sessionDeadline(session, fetchedAt, fetchedAt + 11 * 60 * min + 50 * min)).toEqual({
        at: fetchedAt + 12 * 60 * min,
        absolute: true,
      })
    }
  })
})
