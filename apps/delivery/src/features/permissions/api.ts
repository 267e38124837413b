import { useMutation, useQueryClient } from '@tanstack/react-query'
import { userPermissionsSchema, type PermissionsUpdate } from '@yoryo/contracts'
import { apiFetch, invalidateUsers, isApiError, userKeys } from '@yoryo/ui'

/**
 * `PUT /api/v1/users/{id}/permissions` (A40) with the user's version. The answer is the user's
 * rights and new version, kept as the rights query's data; the user lists refresh (the version
 * of the user changed).
 */
export function useUpdatePermissions() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PermissionsUpdate }) =>
      apiFetch(`/api/v1/users/${encodeURIComponent(id)}/permissions`, {
        method: 'PUT',
        body,
        schema: userPermissionsSchema,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(userKeys.permissions(saved.id), saved)
      void queryClient.invalidateQueries({ queryKey: userKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: userKeys.details() })
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void invalidateUsers(queryClient)
    },
  })
}
