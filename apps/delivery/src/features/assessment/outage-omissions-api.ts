import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  outageOmissionBatchResultSchema,
  outageOmissionPageSchema,
  type OutageOmissionAnswer,
  type OutageOmissionDecision,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** The outage omission review (B50) `/api/v1/outage-omissions`. */
export const OUTAGE_OMISSIONS_PATH = '/api/v1/outage-omissions'

export interface OutageOmissionListParams {
  page: number
  pageSize: number
  sort?: string
  month?: string
  state?: string
  resource?: string
}

export const outageOmissionKeys = {
  all: ['outage-omissions'] as const,
  list: (params: OutageOmissionListParams) => [...outageOmissionKeys.all, 'list', params] as const,
}

export const outageOmissionQueries = {
  list: (params: OutageOmissionListParams) =>
    queryOptions({
      queryKey: outageOmissionKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(OUTAGE_OMISSIONS_PATH, {
          signal,
          query: { ...params },
          schema: outageOmissionPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: outageOmissionKeys.all })
}

/** The participant's answer to the selected slots. */
export function useAnswerOutageOmissions() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: OutageOmissionAnswer) =>
      apiFetch(`${OUTAGE_OMISSIONS_PATH}/answer`, {
        method: 'POST',
        body: input,
        schema: outageOmissionBatchResultSchema,
      }),
    onSuccess: invalidate,
  })
}

/** The operator's acceptance or rejection of the selected slots. */
export function useDecideOutageOmissions() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: OutageOmissionDecision) =>
      apiFetch(`${OUTAGE_OMISSIONS_PATH}/decide`, {
        method: 'POST',
        body: input,
        schema: outageOmissionBatchResultSchema,
      }),
    onSuccess: invalidate,
  })
}
