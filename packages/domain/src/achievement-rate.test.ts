import { describe, expect, it } from 'vitest'
import { computeAchievementRate } from './achievement-rate.ts'
import { RulesValidationError } from './errors.ts'

describe('computeAchievementRate (records.md, 824)', () => {
  it('average delivered / instructed, 3 decimals', () => {
    expect(
      computeAchievementRate({
        instructedKw: 1000,
        deliveredKw: [1000, 1000, 1000, 1000, 1000, 1000],
      }),
    ).toEqual({ achievementRate: 1, achievementRateText: '1.000', exact: '1' })
    // 5,900 / 6,000 = 0.98333… → 0.983
    expect(
      computeAchievementRate({
        instructedKw: 1000,
        deliveredKw: [1000, 1000, 1000, 1000, 1000, 900],
      }),
    ).toMatchObject({ achievementRate: 0.983, achievementRateText: '0.983', exact: '59/60' })
  })

  it('rounds half up exactly, where binary floating point would not', () => {
    // 6,003 / 6,000 = 1.0005 exactly → 1.001 (1.0005 in binary is 1.000499999…)
    expect(
      computeAchievementRate({
        instructedKw: 1000,
        deliveredKw: [1000, 1000, 1000, 1000, 1000, 1003],
      }),
    ).toMatchObject({ achievementRateText: '1.001', exact: '1.0005' })
    // 1,000 × 0.0005 short: 5,997 / 6,000 = 0.9995 → 1.000
    expect(
      computeAchievementRate({
        instructedKw: 1000,
        deliveredKw: [1000, 1000, 1000, 1000, 1000, 997],
      }),
    ).toMatchObject({ achievementRate: 1, achievementRateText: '1.000' })
    // 1 / 7 of the instruction: 0.142857… → 0.143
    expect(
      computeAchievementRate({ instructedKw: 7, deliveredKw: [1, 1, 1, 1, 1, 1] }),
    ).toMatchObject({ achievementRateText: '0.143' })
  })

  it('counts delivery above the instruction in full and zero delivery as 0', () => {
    expect(
      computeAchievementRate({
        instructedKw: 1000,
        deliveredKw: [1200, 1200, 1200, 1200, 1200, 1200],
      }),
    ).toMatchObject({ achievementRate: 1.2, achievementRateText: '1.200' })
    expect(
      computeAchievementRate({ instructedKw: 1000, deliveredKw: [0, 0, 0, 0, 0, 0] }),
    ).toMatchObject({ achievementRate: 0, achievementRateText: '0.000' })
  })

  it('refuses invalid input with a rules message', () => {
    const fails = (input: Parameters<typeof computeAchievementRate>[0], id: string) => {
      try {
        computeAchievementRate(input)
      } catch (e) {
        expect(e).toBeInstanceOf(RulesValidationError)
        expect((e as RulesValidationError).messageId).toBe(id)
        return
      }
      throw new Error('expected a RulesValidationError')
    }
    fails({ instructedKw: 0, deliveredKw: [1, 1, 1, 1, 1, 1] }, 'E-RULES-044')
    fails({ instructedKw: 1.5, deliveredKw: [1, 1, 1, 1, 1, 1] }, 'E-RULES-044')
    fails({ instructedKw: 1000, deliveredKw: [1, 1, 1, 1, 1] }, 'E-RULES-045')
    fails({ instructedKw: 1000, deliveredKw: [1, 1, 1, 1, 1, -1] }, 'E-RULES-033')
  })
})
