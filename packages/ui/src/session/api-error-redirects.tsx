import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { isApiError } from '../api/api-error.ts'
import { authKeys } from '../api/queries.ts'
import { loginHref } from './session.ts'

export interface MaintenanceRouteState {
  from?: string
}

/**
 * Reacts to API errors of any query or mutation, wherever they happen:
 * 401 (no or expired session) → login with `E-AUTH-004`; 503 `E-COMMON-005` → maintenance
 * screen; 403 `E-AUTH-013` → forced password change. The session query itself is handled by
 * `RequireSession`; mutations may opt out with `meta: { skipErrorRedirect: true }`.
 */
export function ApiErrorRedirects() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const pathRef = useRef(location.pathname + location.search)

  const redirectingRef = useRef(false)

  useEffect(() => {
    pathRef.current = location.pathname + location.search
    redirectingRef.current = false
  }, [location.pathname, location.search])

  useEffect(() => {
    const handle = (error: unknown, isSessionQuery: boolean) => {
      if (!isApiError(error)) return
      const path = pathRef.current
      const pathname = path.split('?')[0] ?? '/'
      if (error.isUnauthenticated && !isSessionQuery && pathname !== '/login') {
        // The login page forgets the old session's data once it is shown (clearing it here,
        // while the old screen is still mounted, would only make that screen fetch again).
        if (redirectingRef.current) return
        redirectingRef.current = true
        void navigate(loginHref('E-AUTH-004', path), { replace: true })
      } else if (error.isMaintenance && pathname !== '/maintenance') {
        const state: MaintenanceRouteState = { from: pathname === '/login' ? '/' : path }
        void navigate('/maintenance', { state, replace: true })
      } else if (error.isPasswordChangeRequired && pathname !== '/password') {
        void queryClient.invalidateQueries({ queryKey: authKeys.me() })
        void navigate('/password', { replace: true })
      }
    }
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        const key = event.query.queryKey
        const isSessionQuery = key[0] === authKeys.all[0] && key[1] === authKeys.me()[1]
        handle(event.action.error, isSessionQuery)
      }
    })
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        if (event.mutation.meta?.skipErrorRedirect) return
        handle(event.action.error, false)
      }
    })
    return () => {
      unsubscribeQueries()
      unsubscribeMutations()
    }
  }, [queryClient, navigate])

  return null
}
