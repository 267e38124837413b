import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  assessmentBasisRowSchema,
  assessmentParameterSetSchema,
  deliveryMonths,
  fiscalYearOf,
  pageSchema,
  replacementAllocationRowSchema,
  type AssessmentParameterValues,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** B10 per resource and month `/api/v1/assessment-basis`. */
export const ASSESSMENT_BASIS_PATH = '/api/v1/assessment-basis'
/** B10 parameter set of a delivery year `/api/v1/assessment-parameters`. */
export const ASSESSMENT_PARAMETERS_PATH = '/api/v1/assessment-parameters'
/** B20 `/api/v1/replacement-allocations`. */
export const REPLACEMENT_ALLOCATIONS_PATH = '/api/v1/replacement-allocations'

export interface BasisListParams {
  page: number
  pageSize: number
  sort?: string
  month: string
  q?: string
  kind?: string
  participantId?: string
}

export interface AllocationListParams {
  page: number
  pageSize: number
  sort?: string
  deliveryYear: number
  month?: string
  direction?: string
  q?: string
  participantId?: string
}

export const assessmentBasisKeys = {
  all: ['assessmentBasis'] as const,
  basis: (p: BasisListParams) => [...assessmentBasisKeys.all, 'basis', p] as const,
  parameters: (year: number) => [...assessmentBasisKeys.all, 'parameters', year] as const,
  allocations: (p: AllocationListParams) => [...assessmentBasisKeys.all, 'allocations', p] as const,
}

export const assessmentBasisQueries = {
  basis: (params: BasisListParams) =>
    queryOptions({
      queryKey: assessmentBasisKeys.basis(params),
      queryFn: ({ signal }) =>
        apiFetch(ASSESSMENT_BASIS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(assessmentBasisRowSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  parameters: (deliveryYear: number) =>
    queryOptions({
      queryKey: assessmentBasisKeys.parameters(deliveryYear),
      queryFn: ({ signal }) =>
        apiFetch(`${ASSESSMENT_PARAMETERS_PATH}/${deliveryYear}`, {
          signal,
          schema: assessmentParameterSetSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  allocations: (params: AllocationListParams) =>
    queryOptions({
      queryKey: assessmentBasisKeys.allocations(params),
      queryFn: ({ signal }) =>
        apiFetch(REPLACEMENT_ALLOCATIONS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(replacementAllocationRowSchema),
        }),
      placeholderData: keepPreviousData,
    }),
}

/** Operator: stores the year's set from the defaults. */
export function useCreateParameterSet() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (deliveryYear: number) =>
      apiFetch(ASSESSMENT_PARAMETERS_PATH, {
        method: 'POST',
        body: { deliveryYear },
        schema: assessmentParameterSetSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentBasisKeys.all }),
  })
}

/** Operator: a new version of the year's set. */
export function useChangeParameterSet(deliveryYear: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AssessmentParameterValues & { version: number }) =>
      apiFetch(`${ASSESSMENT_PARAMETERS_PATH}/${deliveryYear}`, {
        method: 'PUT',
        body,
        schema: assessmentParameterSetSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentBasisKeys.all }),
  })
}

/** The months a picker offers: the delivery years of `month`, the one before and the one after. */
export function monthChoices(month: string): string[] {
  const year = fiscalYearOf(`${month}-01`)
  return [year - 1, year, year + 1].flatMap(deliveryMonths)
}
