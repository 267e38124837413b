import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import {
  applicationSchema,
  applicationSummarySchema,
  pageSchema,
  transitionResultSchema,
  type Application,
  type ApplicationAction,
  type ApplicationKind,
  type ApplicationState,
} from '@yoryo/contracts'
import { isApiError } from '../api/api-error.ts'
import { apiFetch } from '../api/api-fetch.ts'
import { invalidatePortal } from '../api/queries.ts'

/** Applications and their review (030, 700): `/api/v1/applications`. */

export const APPLICATIONS_PATH = '/api/v1/applications'

/** The filters, page and order of the applications list. */
export interface ApplicationListParams {
  page: number
  pageSize: number
  /** A column (`applicationSortFields`), `-` for descending; default oldest submitted first. */
  sort?: string | undefined
  /** Part of the receipt number. */
  receiptNo?: string | undefined
  entityType?: string
  kind?: ApplicationKind
  state?: ApplicationState | 'queue'
  participantCode?: string
  /** Submitted on or after / before (JST dates, `YYYY-MM-DD`). */
  from?: string
  to?: string
}

export const applicationKeys = {
  all: ['applications'] as const,
  lists: () => [...applicationKeys.all, 'list'] as const,
  list: (params: ApplicationListParams) => [...applicationKeys.lists(), params] as const,
  details: () => [...applicationKeys.all, 'detail'] as const,
  detail: (id: string) => [...applicationKeys.details(), id] as const,
}

const applicationPageSchema = pageSchema(applicationSummarySchema)

export const applicationQueries = {
  /** One page; the previous page stays on screen while the next one loads. */
  list: (params: ApplicationListParams) =>
    queryOptions({
      queryKey: applicationKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(APPLICATIONS_PATH, {
          signal,
          query: { ...params },
          schema: applicationPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: applicationKeys.detail(id),
      queryFn: ({ signal }): Promise<Application> =>
        apiFetch(`${APPLICATIONS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: applicationSchema,
        }),
    }),
}

export function invalidateApplications(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: applicationKeys.all })
}

/** A stale version (E-COMMON-004) or a state changed meanwhile (E-APP-001). */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409
}

export interface TransitionInput {
  application: Application
  action: ApplicationAction
  comment?: string
}

/**
 * One step of the workflow with the version the user saw. Approving a system use application
 * answers, once, the first administrator's one-time password.
 */
export function useTransitionApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ application, action, comment = '' }: TransitionInput) =>
      apiFetch(`${APPLICATIONS_PATH}/${encodeURIComponent(application.id)}/transitions/${action}`, {
        method: 'POST',
        body: { comment, version: application.version },
        schema: transitionResultSchema,
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(applicationKeys.detail(result.application.id), result.application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists() })
      void invalidatePortal(queryClient)
    },
    onError: (error, { application }) => {
      if (isConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: applicationKeys.detail(application.id) })
      }
    },
  })
}

/** `A20260401-7K3QZ.pdf` of a system use application, for the operator (`GET …/{id}/pdf`). */
export function applicationPdfPath(id: string): string {
  return `${APPLICATIONS_PATH}/${encodeURIComponent(id)}/pdf`
}
