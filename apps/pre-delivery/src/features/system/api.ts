import { useMutation, useQueryClient } from '@tanstack/react-query'
import { maintenanceStatusSchema, type MaintenanceUpdate } from '@yoryo/contracts'
import { apiFetch, invalidateMaintenance, isApiError, maintenanceKeys } from '@yoryo/ui'

/** `PUT /api/v1/system/maintenance` (operator only). The status query lives in @yoryo/ui. */
export function useUpdateMaintenance() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: MaintenanceUpdate) =>
      apiFetch('/api/v1/system/maintenance', {
        method: 'PUT',
        body,
        schema: maintenanceStatusSchema,
      }),
    onSuccess: (maintenance) => {
      queryClient.setQueryData(maintenanceKeys.status(), maintenance)
      void invalidateMaintenance(queryClient)
    },
    onError: (error) => {
      // Someone else changed it (E-COMMON-004): show the current state; the edits stay in the form.
      if (isApiError(error) && error.status === 409) void invalidateMaintenance(queryClient)
    },
  })
}
