import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { LoginRequest, PasswordChangeRequest, SessionUser } from '@yoryo/contracts'
import { createContext, useContext } from 'react'
import { useNavigate } from 'react-router'
import { apiFetch } from '../api/api-fetch.ts'
import { lazySchema } from '../api/lazy-schema.ts'
import { authKeys, maintenanceKeys } from '../api/queries.ts'

/** Provided by `RequireSession` once the session is known. */
export const SessionContext = createContext<SessionUser | null>(null)

/** The logged-in user. Only inside `RequireSession`, which guarantees it is there. */
export function useSession(): SessionUser {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() used outside <RequireSession>')
  return session
}

/** `/login` with an optional notice (message ID) and the page to return to. */
export function loginHref(messageId?: string | null, next?: string | null): string {
  const params = new URLSearchParams()
  if (messageId) params.set('message', messageId)
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next)
  const qs = params.toString()
  return qs ? `/login?${qs}` : '/login'
}

/** Only same-app relative paths are followed after login (no open redirect). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/'
  return next
}

/**
 * Forgets the server state of a previous session: everything except the maintenance status
 * (needs no login) and, with `keepSession`, the session query itself (the login page re-asks it).
 */
export function clearSessionData(
  queryClient: ReturnType<typeof useQueryClient>,
  { keepSession = false }: { keepSession?: boolean } = {},
) {
  queryClient.removeQueries({
    predicate: (query) => {
      const [root, kind] = query.queryKey
      if (root === maintenanceKeys.all[0]) return false
      if (keepSession && root === authKeys.all[0] && kind === authKeys.me()[1]) return false
      return true
    },
  })
}

export function useLoginMutation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: LoginRequest) =>
      apiFetch('/api/v1/auth/login', {
        method: 'POST',
        body,
        schema: lazySchema('sessionUserSchema'),
      }),
    onSuccess: (user) => {
      clearSessionData(queryClient)
      queryClient.setQueryData(authKeys.me(), user)
    },
  })
}

export function usePasswordChangeMutation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PasswordChangeRequest) =>
      apiFetch('/api/v1/auth/password', {
        method: 'POST',
        body,
        schema: lazySchema('sessionUserSchema'),
      }),
    onSuccess: (user) => {
      queryClient.setQueryData(authKeys.me(), user)
      // Everything else was refused while the change was pending: fetch it again.
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== authKeys.all[0],
      })
    },
  })
}

/** Logs out, forgets all server state, and shows the login page with `I-AUTH-001`. */
export function useLogout() {
  const navigate = useNavigate()
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch('/api/v1/auth/logout', { method: 'POST', schema: lazySchema('okSchema') }),
    // An expired session is fine here: no "session expired" redirect, just the logout notice.
    meta: { skipErrorRedirect: true },
    // The login page clears the cached data of this session once it is shown.
    onSettled: () => navigate(loginHref('I-AUTH-001'), { replace: true }),
  })
  return mutation
}
