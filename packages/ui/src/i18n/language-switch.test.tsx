// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LANGUAGE_STORAGE_KEY, createI18n } from './i18n.ts'
import { LanguageSwitch } from './language-switch.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  localStorage.clear()
  container = document.createElement('div')
  document.body.appendChild(container)
  root = createRoot(container)
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

describe('LanguageSwitch', () => {
  it('stores the choice at the click, before the chosen texts are in (a page opened next follows it)', () => {
    const i18n = createI18n('ja')
    // The English texts never arrive: the switch itself must not wait for them.
    vi.spyOn(i18n, 'changeLanguage').mockReturnValue(new Promise(() => {}))
    act(() => {
      root.render(
        <I18nextProvider i18n={i18n}>
          <MantineProvider env="test">
            <LanguageSwitch />
          </MantineProvider>
        </I18nextProvider>,
      )
    })
    const english = container.querySelector<HTMLInputElement>('input[value="en"]')
    expect(english).not.toBeNull()
    act(() => english?.click())
    expect(i18n.changeLanguage).toHaveBeenCalledWith('en')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
  })
})
