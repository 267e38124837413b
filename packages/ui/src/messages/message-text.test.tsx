// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n.ts'
import { RunFailureText } from './message-text.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  container = document.createElement('div')
  document.body.appendChild(container)
  root = createRoot(container)
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

function render(ui: React.ReactNode) {
  act(() => {
    root.render(
      <I18nextProvider i18n={createI18n('ja')}>
        <MantineProvider env="test">{ui}</MantineProvider>
      </I18nextProvider>,
    )
  })
}

const failure = {
  messageId: 'E-STL-008',
  params: { month: '2025-06', resourceCode: '03S0000123', amount: '17,001' },
}

describe('RunFailureText', () => {
  it('shows a known failure as its catalogue message in the reader’s language, with the ID', () => {
    render(<RunFailureText failure={failure} error="E-STL-008 The assessment of 2025-06 …" />)
    const text = container.querySelector('[data-testid="run-failure"]')?.textContent ?? ''
    expect(text).toContain('2025-06のアセスメント結果に')
    expect(text).toContain('電源等（03S0000123）のペナルティ（17,001円）')
    expect(text).not.toContain('The assessment')
    expect(container.querySelector('[data-message-id="E-STL-008"]')).not.toBeNull()
  })

  it('shows an unexpected failure’s text, and nothing for a run that did not fail', () => {
    render(<RunFailureText failure={null} error="connection reset" />)
    expect(container.querySelector('[data-testid="run-failure"]')?.textContent).toBe(
      'connection reset',
    )
    render(<RunFailureText failure={null} error={null} />)
    expect(container.querySelector('[data-testid="run-failure"]')).toBeNull()
  })
})
