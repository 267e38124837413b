import { ApiErrorRedirects, NavigationProgress } from '@yoryo/ui'
import { Outlet, ScrollRestoration } from 'react-router'

/**
 * Root of every route: global API error redirects (401 / 503 / forced change), the bar shown
 * while the next screen loads, and scrolling.
 */
export function RootLayout() {
  return (
    <>
      <ApiErrorRedirects />
      <NavigationProgress />
      <Outlet />
      <ScrollRestoration />
    </>
  )
}
