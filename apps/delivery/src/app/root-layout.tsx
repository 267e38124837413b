import { ApiErrorRedirects } from '@yoryo/ui'
import { Outlet, ScrollRestoration } from 'react-router'

/** Root of every route: global API error redirects (401 / 503 / forced change) and scrolling. */
export function RootLayout() {
  return (
    <>
      <ApiErrorRedirects />
      <Outlet />
      <ScrollRestoration />
    </>
  )
}
