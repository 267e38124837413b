import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  applicationSchema,
  pageSchema,
  resourceDetailSchema,
  resourceSchema,
  type Area,
  type ResourceDetail,
  type ResourceInput,
  type ResourceKind,
  type ResourceStatus,
} from '@yoryo/contracts'
import { apiFetch, applicationKeys, isApiError } from '@yoryo/ui'

/** Resources (050): `/api/v1/resources`; documents (800): `/api/v1/documents`. */

export const RESOURCES_PATH = '/api/v1/resources'

export interface ResourceListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  kind?: ResourceKind
  area?: Area
  status?: ResourceStatus
  participantCode?: string
}

export const resourceKeys = {
  all: ['resources'] as const,
  lists: () => [...resourceKeys.all, 'list'] as const,
  list: (params: ResourceListParams) => [...resourceKeys.lists(), params] as const,
  detail: (id: string) => [...resourceKeys.all, 'detail', id] as const,
}

const resourcePageSchema = pageSchema(resourceSchema)
const resourcePath = (id: string) => `${RESOURCES_PATH}/${encodeURIComponent(id)}`

export const resourceQueries = {
  list: (params: ResourceListParams) =>
    queryOptions({
      queryKey: resourceKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(RESOURCES_PATH, { signal, query: { ...params }, schema: resourcePageSchema }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: resourceKeys.detail(id),
      queryFn: ({ signal }): Promise<ResourceDetail> =>
        apiFetch(resourcePath(id), { signal, schema: resourceDetailSchema }),
    }),
}

/** The PDF of an issued document (participant: its own; the operator: all). */
export function documentPdfPath(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/pdf`
}

type Filing =
  | { kind: 'register'; proposed: ResourceInput }
  | { kind: 'change'; resource: ResourceDetail; proposed: ResourceInput }
  | { kind: 'cancel'; resource: ResourceDetail; proposed: { reason: string } }

/** Files a registration, change or cancellation application (submitted at once). */
export function useFileResourceApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (filing: Filing) =>
      filing.kind === 'register'
        ? apiFetch(`${RESOURCES_PATH}/registration-applications`, {
            method: 'POST',
            body: { proposed: filing.proposed, submit: true },
            schema: applicationSchema,
          })
        : apiFetch(`${resourcePath(filing.resource.id)}/${filing.kind}-applications`, {
            method: 'POST',
            body: { proposed: filing.proposed, submit: true, version: filing.resource.version },
            schema: applicationSchema,
          }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all })
    },
    onError: (error, filing) => {
      // Changed meanwhile (E-COMMON-004): show the current resource.
      if (isApiError(error) && error.status === 409 && filing.kind !== 'register') {
        void queryClient.invalidateQueries({ queryKey: resourceKeys.detail(filing.resource.id) })
      }
    },
  })
}
