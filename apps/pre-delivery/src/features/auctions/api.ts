import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  auctionSchema,
  auctionSummarySchema,
  pageSchema,
  qualificationConfirmResultSchema,
  qualificationNoticeListSchema,
  qualificationProposalSchema,
  qualificationSchema,
  type AuctionCreate,
  type AuctionParameters,
  type AuctionWindows,
  type Qualification,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** Auctions (120 set-up) `/api/v1/auctions` and their qualifications (100). */
export const AUCTIONS_PATH = '/api/v1/auctions'

export const qualificationsPath = (auctionId: string) =>
  `${AUCTIONS_PATH}/${encodeURIComponent(auctionId)}/qualifications`

export interface AuctionListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  deliveryYear?: number
  state?: string
}

export interface QualificationListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  state?: string
  proposed?: string
}

export const auctionKeys = {
  all: ['auctions'] as const,
  list: (params: AuctionListParams) => [...auctionKeys.all, 'list', params] as const,
  detail: (id: string) => [...auctionKeys.all, 'detail', id] as const,
  qualifications: (id: string, params: QualificationListParams) =>
    [...auctionKeys.all, 'qualifications', id, params] as const,
  notices: (id: string) => [...auctionKeys.all, 'notices', id] as const,
}

export const auctionQueries = {
  list: (params: AuctionListParams) =>
    queryOptions({
      queryKey: auctionKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(AUCTIONS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(auctionSummarySchema),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: auctionKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch(`${AUCTIONS_PATH}/${encodeURIComponent(id)}`, { signal, schema: auctionSchema }),
    }),
  qualifications: (id: string, params: QualificationListParams) =>
    queryOptions({
      queryKey: auctionKeys.qualifications(id, params),
      queryFn: ({ signal }) =>
        apiFetch(qualificationsPath(id), {
          signal,
          query: { ...params },
          schema: pageSchema(qualificationSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  notices: (id: string) =>
    queryOptions({
      queryKey: auctionKeys.notices(id),
      queryFn: ({ signal }) =>
        apiFetch(`${qualificationsPath(id)}/notices`, {
          signal,
          schema: qualificationNoticeListSchema,
        }),
    }),
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: auctionKeys.all })
}

export function useCreateAuction() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: AuctionCreate) =>
      apiFetch(AUCTIONS_PATH, { method: 'POST', body: input, schema: auctionSchema }),
    onSuccess: invalidate,
  })
}

export function useSaveParameters(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { parameters: AuctionParameters; version: number }) =>
      apiFetch(`${AUCTIONS_PATH}/${encodeURIComponent(id)}/parameters`, {
        method: 'PUT',
        body: input,
        schema: auctionSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useSaveWindows(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { windows: AuctionWindows; version: number }) =>
      apiFetch(`${AUCTIONS_PATH}/${encodeURIComponent(id)}/windows`, {
        method: 'PUT',
        body: input,
        schema: auctionSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useTransitionAuction(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { to: 'open' | 'biddingClosed'; version: number }) =>
      apiFetch(`${AUCTIONS_PATH}/${encodeURIComponent(id)}/transitions`, {
        method: 'POST',
        body: input,
        schema: auctionSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useProposeQualifications(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: () =>
      apiFetch(`${qualificationsPath(id)}/propose`, {
        method: 'POST',
        schema: qualificationProposalSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useConfirmQualifications(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: () =>
      apiFetch(`${qualificationsPath(id)}/confirm`, {
        method: 'POST',
        schema: qualificationConfirmResultSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useDecideQualification(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: {
      qualification: Qualification
      state: 'qualified' | 'excluded'
      reason?: string
    }) =>
      apiFetch(`${qualificationsPath(id)}/${encodeURIComponent(input.qualification.id)}/decision`, {
        method: 'POST',
        body: {
          state: input.state,
          ...(input.reason ? { reason: input.reason } : {}),
          version: input.qualification.version,
        },
        schema: qualificationSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useIssueNotices(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: () =>
      apiFetch(`${qualificationsPath(id)}/notices`, {
        method: 'POST',
        schema: qualificationNoticeListSchema,
      }),
    onSuccess: invalidate,
  })
}
