import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { isApiError } from '../api/api-error.ts'
import { authQueries } from '../api/queries.ts'
import { ServerErrorPage } from '../pages/error-pages.tsx'
import { ShellSkeleton } from '../shell/shell-skeleton.tsx'
import type { MaintenanceRouteState } from './api-error-redirects.tsx'
import { loginHref, SessionContext } from './session.ts'

/**
 * Renders `children` only with a valid session. No session → login (with `E-AUTH-004` when it
 * expired); maintenance → maintenance screen; forced password change → `/password`.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useQuery(authQueries.me())
  const location = useLocation()
  const here = location.pathname + location.search

  if (me.isError) {
    const error = me.error
    if (isApiError(error) && error.isUnauthenticated) {
      const expired = me.data !== undefined || error.messageId === 'E-AUTH-004'
      return <Navigate to={loginHref(expired ? 'E-AUTH-004' : null, here)} replace />
    }
    if (isApiError(error) && error.isMaintenance) {
      const state: MaintenanceRouteState = { from: here }
      return <Navigate to="/maintenance" state={state} replace />
    }
    if (!me.data)
      return <ServerErrorPage error={error} standalone onRetry={() => void me.refetch()} />
  }
  if (!me.data) return <ShellSkeleton />
  if (me.data.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>
}
