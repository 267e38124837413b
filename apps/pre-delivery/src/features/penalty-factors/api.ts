import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  applicationSchema,
  contractSchema,
  pageSchema,
  penaltyCalculationSchema,
  penaltyFactorSchema,
  penaltyParametersSchema,
  type MarketExitProposed,
  type PenaltyFactorChange,
  type PenaltyFactorInput,
  type PenaltyFactorType,
} from '@yoryo/contracts'
import { apiFetch, applicationKeys } from '@yoryo/ui'

/**
 * Penalty factors (190) `/api/v1/penalty-factors`, their parameters per delivery year
 * `/api/v1/penalty-parameters/{year}` and market exit `/api/v1/market-exits`.
 */
export const PENALTY_FACTORS_PATH = '/api/v1/penalty-factors'
export const PENALTY_PARAMETERS_PATH = '/api/v1/penalty-parameters'
export const MARKET_EXITS_PATH = '/api/v1/market-exits'

export interface ListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  factorType?: PenaltyFactorType
  deliveryYear?: number
}

export interface CalculateBody {
  contractId: string
  factorType: PenaltyFactorType
  kw: number
  occurredOn?: string
  givenAmount?: number
}

export const penaltyKeys = {
  all: ['penaltyFactors'] as const,
  list: (params: ListParams) => [...penaltyKeys.all, 'list', params] as const,
  detail: (id: string) => [...penaltyKeys.all, 'detail', id] as const,
  parameters: (year: number) => [...penaltyKeys.all, 'parameters', year] as const,
  contracts: () => [...penaltyKeys.all, 'contracts'] as const,
  calculation: (body: CalculateBody) => [...penaltyKeys.all, 'calculation', body] as const,
}

const refundResultSchema = penaltyParametersSchema.extend({ refunded: z.number().int() })

export const penaltyQueries = {
  list: (params: ListParams) =>
    queryOptions({
      queryKey: penaltyKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(PENALTY_FACTORS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(penaltyFactorSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: penaltyKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch(`${PENALTY_FACTORS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: penaltyFactorSchema,
        }),
    }),
  parameters: (year: number) =>
    queryOptions({
      queryKey: penaltyKeys.parameters(year),
      queryFn: ({ signal }) =>
        apiFetch(`${PENALTY_PARAMETERS_PATH}/${year}`, { signal, schema: penaltyParametersSchema }),
    }),
  /**
   * The contracts that may exit (not terminated), newest first: the participant's own, all for
   * the operator; `q` searches on the server (contract no., resource, participant code).
   */
  contracts: (q = '') =>
    queryOptions({
      queryKey: [...penaltyKeys.contracts(), q],
      queryFn: ({ signal }) =>
        apiFetch(`${MARKET_EXITS_PATH}/contracts${q ? `?q=${encodeURIComponent(q)}` : ''}`, {
          signal,
          schema: z.object({ items: z.array(contractSchema) }),
        }),
    }),
  calculation: (body: CalculateBody) =>
    queryOptions({
      queryKey: penaltyKeys.calculation(body),
      queryFn: ({ signal }) =>
        apiFetch(`${PENALTY_FACTORS_PATH}/calculate`, {
          method: 'POST',
          signal,
          body,
          schema: penaltyCalculationSchema,
        }),
      placeholderData: keepPreviousData,
      retry: false,
    }),
}

export function useRegisterPenaltyFactor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: PenaltyFactorInput) =>
      apiFetch(PENALTY_FACTORS_PATH, { method: 'POST', body: input, schema: penaltyFactorSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: penaltyKeys.all }),
  })
}

export function useChangePenaltyFactor(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: PenaltyFactorChange) =>
      apiFetch(`${PENALTY_FACTORS_PATH}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: input,
        schema: penaltyFactorSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: penaltyKeys.all }),
  })
}

export function useSavePenaltyParameters(year: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: {
      rateBeforeDeadline: number
      rateAfterDeadline: number
      decisionDeadline: string
      version: number
    }) =>
      apiFetch(`${PENALTY_PARAMETERS_PATH}/${year}`, {
        method: 'PUT',
        body: input,
        schema: penaltyParametersSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: penaltyKeys.all }),
  })
}

export function useRefundYear(year: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch(`${PENALTY_PARAMETERS_PATH}/${year}/refund`, {
        method: 'POST',
        body: { version },
        schema: refundResultSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: penaltyKeys.all }),
  })
}

export function useFileMarketExit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (proposed: MarketExitProposed) =>
      apiFetch(`${MARKET_EXITS_PATH}/registration-applications`, {
        method: 'POST',
        body: { proposed, submit: true },
        schema: applicationSchema,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all })
      await queryClient.invalidateQueries({ queryKey: penaltyKeys.all })
    },
  })
}
