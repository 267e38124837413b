import { functionOf, mayUse, type FunctionKey } from '@yoryo/contracts'
import type { ReactNode } from 'react'
import { Outlet, type RouteObject } from 'react-router'
import { ForbiddenPage } from '../pages/error-pages.tsx'
import { useSession } from './session.ts'

/**
 * Renders its routes only for a user who may view the function (registry roles and, for a
 * general user, the A40 right on its group); others see the 403 page. The API refuses the same
 * user with the same rule (`routeAccess`).
 */
export function RequireFunction({ fn, children }: { fn: FunctionKey; children?: ReactNode }) {
  const session = useSession()
  if (!mayUse(functionOf(fn), session.user.role, session.permissions)) return <ForbiddenPage />
  return children ?? <Outlet />
}

type Screen = Pick<RouteObject, 'lazy' | 'element' | 'HydrateFallback'>

/**
 * The routes of one registry function: `''` is the function's own path, the other keys its
 * `subPaths` — exactly those, or this throws when the router is built. Behind `RequireFunction`
 * unless the function is public.
 *
 *   functionRoutes('applications', { '': lazy(…ApplicationsPage), ':id': lazy(…DetailPage) })
 */
export function functionRoutes(fn: FunctionKey, screens: Record<string, Screen>): RouteObject {
  const entry = functionOf(fn)
  if (!entry.path) throw new Error(`function ${fn} has no screen`)
  const declared = ['', ...(entry.subPaths ?? [])].sort()
  const given = Object.keys(screens).sort()
  if (declared.join('|') !== given.join('|')) {
    throw new Error(`routes of ${fn} (${given.join(', ')}) differ from the registry`)
  }
  const base = entry.path.replace(/^\//, '')
  const children: RouteObject[] = Object.entries(screens).map(([sub, screen]) => {
    const path = [base, sub].filter(Boolean).join('/')
    return path ? { path, ...screen } : { index: true, ...screen }
  })
  if (entry.public) return { children }
  return { element: <RequireFunction fn={fn} />, children }
}

/** The absolute paths (`/users`, `/applications/:id`) of a route tree, for the registry tests. */
export function routePaths(routes: readonly RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const here = route.index
      ? parent || '/'
      : route.path
        ? `${parent === '/' ? '' : parent}/${route.path}`.replace(/\/+/g, '/')
        : parent
    const own = route.index || route.path ? [here] : []
    return [...own, ...routePaths(route.children ?? [], here)]
  })
}
