import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  exitPenaltySchema,
  successionChoicesSchema,
  successionPageSchema,
  successionSchema,
  transitionResultSchema,
  type ApplicationAction,
  type SuccessionInput,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** G50 電源承継・事業者統合・市場退出. */
export const SUCCESSIONS_PATH = '/api/v1/successions'

export interface SuccessionParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  kind?: string
  state?: string
}

export const successionKeys = {
  all: ['successions'] as const,
  list: (params: SuccessionParams) => [...successionKeys.all, 'list', params] as const,
  detail: (id: string) => [...successionKeys.all, 'detail', id] as const,
  choices: () => [...successionKeys.all, 'choices'] as const,
  exitPenalty: (month: string) => [...successionKeys.all, 'exitPenalty', month] as const,
}

const path = (id: string) => `${SUCCESSIONS_PATH}/${encodeURIComponent(id)}`

export const successionQueries = {
  list: (params: SuccessionParams) =>
    queryOptions({
      queryKey: successionKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(SUCCESSIONS_PATH, { signal, query: { ...params }, schema: successionPageSchema }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: successionKeys.detail(id),
      queryFn: ({ signal }) => apiFetch(path(id), { signal, schema: successionSchema }),
    }),
  choices: () =>
    queryOptions({
      queryKey: successionKeys.choices(),
      queryFn: ({ signal }) =>
        apiFetch(`${SUCCESSIONS_PATH}/choices`, { signal, schema: successionChoicesSchema }),
    }),
  exitPenalty: (effectiveMonth: string) =>
    queryOptions({
      queryKey: successionKeys.exitPenalty(effectiveMonth),
      queryFn: ({ signal }) =>
        apiFetch(`${SUCCESSIONS_PATH}/exit-penalty`, {
          signal,
          query: { effectiveMonth },
          schema: exitPenaltySchema,
        }),
    }),
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: successionKeys.all })
}

export function useFileSuccession() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: SuccessionInput) =>
      apiFetch(SUCCESSIONS_PATH, { method: 'POST', body: input, schema: successionSchema }),
    onSuccess: invalidate,
  })
}

/** consent, decline, withdraw (the receiver or the applicant). */
export function useSuccessionAction(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: {
      action: 'consent' | 'decline' | 'withdraw'
      version: number
      reason?: string
    }) =>
      apiFetch(`${path(id)}/${input.action}`, {
        method: 'POST',
        body: { version: input.version, ...(input.reason ? { reason: input.reason } : {}) },
        schema: successionSchema,
      }),
    onSuccess: invalidate,
  })
}

/** The operator's review of the application (the applications module's transitions). */
export function useReview() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: async (input: {
      applicationId: string
      action: Extract<ApplicationAction, 'startReview' | 'approve' | 'return' | 'reject'>
      comment?: string
    }) => {
      const app = `/api/v1/applications/${encodeURIComponent(input.applicationId)}`
      const current = await apiFetch<{ version: number }>(app)
      return apiFetch(`${app}/transitions/${input.action}`, {
        method: 'POST',
        body: { version: current.version, comment: input.comment ?? '' },
        schema: transitionResultSchema,
      })
    },
    onSuccess: invalidate,
  })
}
