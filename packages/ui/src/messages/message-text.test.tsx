// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mountPerTest } from '../test/mount.tsx'
import { RunFailureText } from './message-text.tsx'

const view = mountPerTest()

const failure = {
  messageId: 'E-STL-008',
  params: { month: '2025-06', resourceCode: '03S0000123', amount: '17,001' },
}

describe('RunFailureText', () => {
  it('shows a known failure as its catalogue message in the reader’s language, with the ID', () => {
    view.render(<RunFailureText failure={failure} error="E-STL-008 The assessment of 2025-06 …" />)
    const text = view.container.querySelector('[data-testid="run-failure"]')?.textContent ?? ''
    expect(text).toContain('2025-06のアセスメント結果に')
    expect(text).toContain('電源等（03S0000123）のペナルティ（17,001円）')
    expect(text).not.toContain('The assessment')
    expect(view.container.querySelector('[data-message-id="E-STL-008"]')).not.toBeNull()
  })

  it('shows an unexpected failure’s text, and nothing for a run that did not fail', () => {
    view.render(<RunFailureText failure={null} error="connection reset" />)
    expect(view.container.querySelector('[data-testid="run-failure"]')?.textContent).toBe(
      'connection reset',
    )
    view.render(<RunFailureText failure={null} error={null} />)
    expect(view.container.querySelector('[data-testid="run-failure"]')).toBeNull()
  })
})
