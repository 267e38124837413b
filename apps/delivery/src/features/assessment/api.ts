import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  assessmentResultPageSchema,
  assessmentResultSchema,
  assessmentRunListSchema,
  assessmentRunSchema,
  dispatchOrderResultPageSchema,
  exemptSlotPageSchema,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** The monthly assessment `/api/v1/assessments`: runs (B40), results, C00 orders, B90 slots. */
export const ASSESSMENTS_PATH = '/api/v1/assessments'
export const ASSESSMENT_RESULTS_PATH = `${ASSESSMENTS_PATH}/results`
export const DISPATCH_ORDER_RESULTS_PATH = `${ASSESSMENTS_PATH}/dispatch-orders`
export const EXEMPT_SLOTS_PATH = `${ASSESSMENTS_PATH}/exempt-slots`

/** Which run a list is of: a given run, else the latest succeeded run of the month. */
export interface RunSelection {
  month?: string
  runId?: string
}

export interface AssessmentListParams extends RunSelection {
  page: number
  pageSize: number
  sort?: string
  resource?: string
  hasPenalty?: 'true'
  shortfall?: 'true'
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  runs: (month: string | undefined) => [...assessmentKeys.all, 'runs', month ?? ''] as const,
  run: (id: string) => [...assessmentKeys.all, 'run', id] as const,
  results: (params: AssessmentListParams) => [...assessmentKeys.all, 'results', params] as const,
  result: (id: string) => [...assessmentKeys.all, 'result', id] as const,
  orders: (params: AssessmentListParams) => [...assessmentKeys.all, 'orders', params] as const,
  exempt: (params: AssessmentListParams) => [...assessmentKeys.all, 'exempt', params] as const,
}

const RUNNING = new Set(['queued', 'running'])

export const assessmentQueries = {
  /** The runs (versions) of a month, latest first; without a month the latest runs. */
  runs: (month: string | undefined) =>
    queryOptions({
      queryKey: assessmentKeys.runs(month),
      queryFn: ({ signal }) =>
        apiFetch(`${ASSESSMENTS_PATH}/runs`, {
          signal,
          query: { month },
          schema: assessmentRunListSchema,
        }),
      // While a run of the month is queued or running, follow it.
      refetchInterval: (query) =>
        query.state.data?.items.some((r) => RUNNING.has(r.state)) ? 1000 : false,
    }),
  run: (id: string) =>
    queryOptions({
      queryKey: assessmentKeys.run(id),
      queryFn: ({ signal }) =>
        apiFetch(`${ASSESSMENTS_PATH}/runs/${encodeURIComponent(id)}`, {
          signal,
          schema: assessmentRunSchema,
        }),
    }),
  results: (params: AssessmentListParams) =>
    queryOptions({
      queryKey: assessmentKeys.results(params),
      queryFn: ({ signal }) =>
        apiFetch(ASSESSMENT_RESULTS_PATH, {
          signal,
          query: { ...params },
          schema: assessmentResultPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  result: (id: string) =>
    queryOptions({
      queryKey: assessmentKeys.result(id),
      queryFn: ({ signal }) =>
        apiFetch(`${ASSESSMENT_RESULTS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: assessmentResultSchema,
        }),
    }),
  orders: (params: AssessmentListParams) =>
    queryOptions({
      queryKey: assessmentKeys.orders(params),
      queryFn: ({ signal }) =>
        apiFetch(DISPATCH_ORDER_RESULTS_PATH, {
          signal,
          query: { ...params },
          schema: dispatchOrderResultPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  exempt: (params: AssessmentListParams) =>
    queryOptions({
      queryKey: assessmentKeys.exempt(params),
      queryFn: ({ signal }) =>
        apiFetch(EXEMPT_SLOTS_PATH, {
          signal,
          query: { ...params },
          schema: exemptSlotPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
}

/** The operator queues a run of a month (a new version); the month's runs follow it. */
export function useStartAssessmentRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (month: string) =>
      apiFetch(`${ASSESSMENTS_PATH}/runs`, {
        method: 'POST',
        body: { month },
        schema: assessmentRunSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  })
}
