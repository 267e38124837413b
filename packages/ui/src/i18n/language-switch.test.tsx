// @vitest-environment happy-dom
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mountPerTest } from '../test/mount.tsx'
import { LANGUAGE_STORAGE_KEY, createI18n } from './i18n.ts'
import { LanguageSwitch } from './language-switch.tsx'

const view = mountPerTest()

beforeEach(() => {
  localStorage.clear()
})

describe('LanguageSwitch', () => {
  it('stores the choice at the click, before the chosen texts are in (a page opened next follows it)', () => {
    const i18n = createI18n('ja')
    // The English texts never arrive: the switch itself must not wait for them.
    vi.spyOn(i18n, 'changeLanguage').mockReturnValue(new Promise(() => {}))
    view.render(<LanguageSwitch />, { i18n })
    const english = view.container.querySelector<HTMLInputElement>('input[value="en"]')
    expect(english).not.toBeNull()
    act(() => english?.click())
    expect(i18n.changeLanguage).toHaveBeenCalledWith('en')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
  })
})
