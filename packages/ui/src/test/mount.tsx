import { MantineProvider } from '@mantine/core'
import type { i18n as I18n } from 'i18next'
import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach } from 'vitest'
import { createI18n } from '../i18n/i18n.ts'
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface TestMount {
  /** The element the component is rendered into (a fresh one per test). */
  readonly container: HTMLDivElement
  /**
   * Renders `ui` inside the i18n and Mantine providers (Japanese unless `i18n` is given) and
   * waits for React to commit.
   */
  render(ui: ReactNode, options?: { i18n?: I18n }): void
}

/**
 * A React root in the document for a component test file (happy-dom): a fresh one before each
 * test, unmounted and removed after it. Call once at the top of the file.
 */
export function mountPerTest(): TestMount {
  let container: HTMLDivElement | undefined
  let root: Root | undefined
  beforeEach(() => {
    container = document.createElement('div')
    document.body.appendChild(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root?.unmount())
    container?.remove()
  })
  return {
    get container() {
      if (!container) throw new Error('mountPerTest: used outside a test')
      return container
    },
    render(ui, options = {}) {
      act(() => {
        root?.render(
          <I18nextProvider i18n={options.i18n ?? createI18n('ja')}>
            <MantineProvider env="test">{ui}</MantineProvider>
          </I18nextProvider>,
        )
      })
    },
  }
}
