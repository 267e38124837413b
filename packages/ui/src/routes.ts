import { functionOf, functionPath, type AppId, type FunctionKey } from '@yoryo/contracts'
import type { ComponentType } from 'react'
import { loadCatalogueSections, type CatalogueSection } from './i18n/loader.ts'

/**
 * react-router's `lazy` for a route module that exports its screen as `name`: the module becomes
 * a chunk of its own, loaded when the route is first visited (the router keeps the current
 * screen until then; on the first load it shows the route's `HydrateFallback`), together with
 * the sections of the UI catalogue the screen shows (`i18n/loader.ts`, each loaded once, in
 * parallel). Name them, so a SPA loads only what it shows; without `sections` every section is
 * loaded. A screen inside the shell gets `shell` from the layout route.
 *
 *   { path: 'api-tokens', lazy: lazyComponent(() => import('./api-tokens-page.tsx'), 'ApiTokensPage', ['auth']) }
 */
export function lazyComponent<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  sections?: readonly CatalogueSection[],
): () => Promise<{ Component: ComponentType }> {
  return async () => {
    const [module] = await Promise.all([load(), loadCatalogueSections(sections)])
    return { Component: module[name] }
  }
}

/**
 * Screens of @yoryo/ui for the SPAs' routers, each loaded on demand. The login page too (with
 * react-hook-form and zod, which no other screen of the entry needs), so the entry chunk holds
 * only the router, the session check, the maintenance and error pages; the login route shows
 * `StandaloneSkeleton` while it loads on a first visit.
 */
export const lazyScreens = {
  login: lazyComponent(() => import('./pages/login-page.tsx'), 'LoginPage', ['auth']),
  appLayout: lazyComponent(() => import('./shell/app-layout.tsx'), 'AppLayout', ['shell']),
  passwordChange: lazyComponent(
    () => import('./pages/password-change-page.tsx'),
    'PasswordChangePage',
    ['auth'],
  ),
  messageCatalogue: lazyComponent(
    () => import('./pages/message-catalogue-page.tsx'),
    'MessageCataloguePage',
    ['system'],
  ),
}

/** Where each SPA is mounted (the delivery SPA's router has basename `/delivery`). */
const APP_BASE: Record<AppId, string> = { preDelivery: '', delivery: '/delivery' }

/**
 * The address of a registry function's screen for an `<a href>`, from either SPA (a link into
 * the other SPA loads it: the session is shared).
 *
 *   functionHref('permissions', { user: id })  // '/delivery/permissions?user=…'
 */
export function functionHref(key: FunctionKey, query?: Record<string, string>): string {
  const entry = functionOf(key)
  const search = query ? `?${new URLSearchParams(query).toString()}` : ''
  return `${APP_BASE[entry.app]}${functionPath(key)}${search}`
}
