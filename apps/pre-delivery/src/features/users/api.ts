import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  userSchema,
  userWithPasswordSchema,
  type User,
  type UserCreate,
  type UserUpdate,
} from '@yoryo/contracts'
import { apiFetch, invalidateUsers, isApiError, userKeys } from '@yoryo/ui'

/**
 * Writes of user management (020). The list and detail queries live in @yoryo/ui (the delivery
 * SPA's permissions screen reads them too). Every transition names the version the
 * administrator saw; a 409 (someone else changed the user) refreshes the list.
 */

const userPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`

function useUserMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => invalidateUsers(queryClient),
    onError: (error) => {
      if (isApiError(error) && (error.status === 409 || error.status === 404)) {
        void invalidateUsers(queryClient)
      }
    },
  })
}

/** Registers a user; the answer carries its one-time initial password (shown once). */
export function useCreateUser() {
  return useUserMutation((body: UserCreate) =>
    apiFetch('/api/v1/users', { method: 'POST', body, schema: userWithPasswordSchema }),
  )
}

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) =>
      apiFetch(userPath(id), { method: 'PUT', body, schema: userSchema }),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user)
      void invalidateUsers(queryClient)
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void invalidateUsers(queryClient)
    },
  })
}

export function useCancelUser() {
  return useUserMutation((user: User) =>
    apiFetch(`${userPath(user.id)}/cancel`, {
      method: 'POST',
      body: { version: user.version },
      schema: userSchema,
    }),
  )
}

export function useUnlockUser() {
  return useUserMutation((user: User) =>
    apiFetch(`${userPath(user.id)}/unlock`, {
      method: 'POST',
      body: { version: user.version },
      schema: userSchema,
    }),
  )
}

/** A new one-time password (shown once); the user's sessions end. */
export function useReissuePassword() {
  return useUserMutation((user: User) =>
    apiFetch(`${userPath(user.id)}/password-reissue`, {
      method: 'POST',
      body: { version: user.version },
      schema: userWithPasswordSchema,
    }),
  )
}
