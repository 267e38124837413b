import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import {
  penaltyAmountPageSchema,
  penaltyTargetDetailSchema,
  penaltyTargetPageSchema,
  penaltyYearSchema,
  type AssessmentRequirement,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** D00 ペナルティ対象 and D20 経済的ペナルティ額 (read from the stored assessment results). */
export const PENALTY_TARGETS_PATH = '/api/v1/penalty-targets'
export const PENALTY_AMOUNTS_PATH = '/api/v1/penalty-amounts'

export interface PenaltyTargetListParams {
  page: number
  pageSize: number
  sort?: string
  month?: string
  resourceCode?: string
  requirement?: AssessmentRequirement
  participantId?: string
}

export interface PenaltyAmountListParams {
  page: number
  pageSize: number
  sort?: string
  deliveryYear: number
  resourceCode?: string
  participantId?: string
}

export const economicPenaltyKeys = {
  all: ['economic-penalties'] as const,
  targets: (params: PenaltyTargetListParams) =>
    [...economicPenaltyKeys.all, 'targets', params] as const,
  target: (id: string) => [...economicPenaltyKeys.all, 'target', id] as const,
  amounts: (params: PenaltyAmountListParams) =>
    [...economicPenaltyKeys.all, 'amounts', params] as const,
  year: (resourceId: string, deliveryYear: number) =>
    [...economicPenaltyKeys.all, 'year', resourceId, deliveryYear] as const,
}

export const economicPenaltyQueries = {
  targets: (params: PenaltyTargetListParams) =>
    queryOptions({
      queryKey: economicPenaltyKeys.targets(params),
      queryFn: ({ signal }) =>
        apiFetch(PENALTY_TARGETS_PATH, {
          signal,
          query: { ...params },
          schema: penaltyTargetPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  target: (id: string) =>
    queryOptions({
      queryKey: economicPenaltyKeys.target(id),
      queryFn: ({ signal }) =>
        apiFetch(`${PENALTY_TARGETS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: penaltyTargetDetailSchema,
        }),
    }),
  amounts: (params: PenaltyAmountListParams) =>
    queryOptions({
      queryKey: economicPenaltyKeys.amounts(params),
      queryFn: ({ signal }) =>
        apiFetch(PENALTY_AMOUNTS_PATH, {
          signal,
          query: { ...params },
          schema: penaltyAmountPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  year: (resourceId: string, deliveryYear: number) =>
    queryOptions({
      queryKey: economicPenaltyKeys.year(resourceId, deliveryYear),
      queryFn: ({ signal }) =>
        apiFetch(`${PENALTY_AMOUNTS_PATH}/resources/${encodeURIComponent(resourceId)}`, {
          signal,
          query: { deliveryYear },
          schema: penaltyYearSchema,
        }),
      placeholderData: keepPreviousData,
    }),
}
