import { MantineProvider } from '@mantine/core'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { AppId } from '@yoryo/contracts'
import type { i18n as I18n } from 'i18next'
import { Suspense, useState, type ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { APP_CONFIGS, AppConfigContext } from './app-config.tsx'
import { createI18n } from './i18n/i18n.ts'
import { cssVariablesResolver, theme } from './theme.ts'

export interface UiProviderProps {
  app: AppId
  queryClient: QueryClient
  /** Defaults to a fresh instance with the stored language. */
  i18n?: I18n
  children: ReactNode
}

/** Mantine theme, i18n, React Query and the app's identity for everything in @yoryo/ui. */
export function UiProvider({ app, queryClient, i18n, children }: UiProviderProps) {
  const [instance] = useState(() => i18n ?? createI18n())
  return (
    <I18nextProvider i18n={instance}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        forceColorScheme="light"
      >
        <QueryClientProvider client={queryClient}>
          <AppConfigContext.Provider value={APP_CONFIGS[app]}>
            {/* Nothing, not keys, while a chosen language's texts load (English on the first load). */}
            <Suspense fallback={null}>{children}</Suspense>
          </AppConfigContext.Provider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  )
}
