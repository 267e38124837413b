import { describe, expect, it } from 'vitest'
import { appOfFunction, displayParams } from './portal-top.tsx'

describe('portal top', () => {
  it('shows task parameters in the current language, timestamps in JST', () => {
    const params = {
      title: '応札受付',
      titleEn: 'Bidding',
      closesAt: '2026-12-01T08:00:00.000Z',
    }
    expect(displayParams(params, 'ja')).toMatchObject({
      title: '応札受付',
      closesAt: '2026/12/01 17:00',
    })
    expect(displayParams(params, 'en')).toMatchObject({ title: 'Bidding' })
    expect(displayParams({ title: '応札受付', titleEn: '' }, 'en').title).toBe('応札受付')
  })

  it('tells the SPA of a function by its code', () => {
    expect(appOfFunction('110')).toBe('preDelivery')
    expect(appOfFunction('A20')).toBe('delivery')
  })
})
