import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  contractSchema,
  freeCapacitySchema,
  pageSchema,
  replacementSchema,
  type Replacement,
  type ReplacementInput,
} from '@yoryo/contracts'
import { apiFetch, applicationKeys } from '@yoryo/ui'
import { z } from 'zod'

/** Replacements (160): `/api/v1/replacements`, with the contracts they may be filed for. */
export const REPLACEMENTS_PATH = '/api/v1/replacements'

export interface ReplacementListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  state?: string
  side?: string
  deliveryYear?: number
}

export const replacementKeys = {
  all: ['replacements'] as const,
  list: (params: ReplacementListParams) => [...replacementKeys.all, 'list', params] as const,
  detail: (id: string) => [...replacementKeys.all, 'detail', id] as const,
  free: (resourceCode: string, deliveryYear: number, contractId: string) =>
    [...replacementKeys.all, 'free', resourceCode, deliveryYear, contractId] as const,
  contracts: () => [...replacementKeys.all, 'contracts'] as const,
}

export const replacementQueries = {
  list: (params: ReplacementListParams) =>
    queryOptions({
      queryKey: replacementKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(REPLACEMENTS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(replacementSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: replacementKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch(`${REPLACEMENTS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: replacementSchema,
        }),
    }),
  /** Free capacity of the replacing resource per month, with the contract's replaceable kW. */
  free: (resourceCode: string, deliveryYear: number, contractId: string) =>
    queryOptions({
      queryKey: replacementKeys.free(resourceCode, deliveryYear, contractId),
      queryFn: ({ signal }) =>
        apiFetch(`${REPLACEMENTS_PATH}/free-capacity`, {
          signal,
          query: { resourceCode, deliveryYear, contractId },
          schema: freeCapacitySchema,
        }),
      retry: false,
    }),
  /** The caller's contracts (130), to choose the one giving capacity. */
  contracts: () =>
    queryOptions({
      queryKey: replacementKeys.contracts(),
      queryFn: ({ signal }) =>
        apiFetch(`${REPLACEMENTS_PATH}/contracts`, {
          signal,
          schema: z.object({ items: z.array(contractSchema) }),
        }),
    }),
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: replacementKeys.all }),
      queryClient.invalidateQueries({ queryKey: applicationKeys.all }),
    ])
}

export function useFileReplacement() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (body: ReplacementInput) =>
      apiFetch(REPLACEMENTS_PATH, { method: 'POST', body, schema: replacementSchema }),
    onSettled: invalidate,
  })
}

/** consent / decline (counterparty) or withdraw (contract holder, while waiting for consent). */
export function useReplacementAction() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({
      replacement,
      action,
      reason,
    }: {
      replacement: Replacement
      action: 'consent' | 'decline' | 'withdraw'
      reason?: string
    }) =>
      apiFetch(`${REPLACEMENTS_PATH}/${encodeURIComponent(replacement.id)}/${action}`, {
        method: 'POST',
        body: {
          version: replacement.version,
          ...(action === 'decline' ? { reason: reason ?? '' } : {}),
        },
        schema: replacementSchema,
      }),
    onSettled: invalidate,
  })
}
