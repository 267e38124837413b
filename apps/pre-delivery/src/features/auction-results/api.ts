import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  auctionResultPageSchema,
  auctionResultsSchema,
  bidResultPageSchema,
  bidSimulationOptionsSchema,
  bidSimulationSchema,
  clearingRunListSchema,
  clearingRunSchema,
  resultAuctionSchema,
  type BidSimulationInput,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/**
 * Clearing and results (120) `/api/v1/auctions/{id}/…`, the list `/api/v1/auction-results`, and
 * the what-if simulator (110) `/api/v1/bid-simulations`.
 */
export const AUCTION_RESULTS_PATH = '/api/v1/auction-results'
export const auctionPath = (id: string) => `/api/v1/auctions/${encodeURIComponent(id)}`
export const BID_SIMULATIONS_PATH = '/api/v1/bid-simulations'

export interface ListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  deliveryYear?: number
  area?: string
  reason?: string
}

export const auctionResultKeys = {
  all: ['auctionResults'] as const,
  list: (params: ListParams) => [...auctionResultKeys.all, 'list', params] as const,
  auction: (id: string) => [...auctionResultKeys.all, 'auction', id] as const,
  runs: (id: string) => [...auctionResultKeys.auction(id), 'runs'] as const,
  results: (id: string) => [...auctionResultKeys.auction(id), 'results'] as const,
  bids: (id: string, params: ListParams) =>
    [...auctionResultKeys.auction(id), 'bids', params] as const,
  simulationOptions: () => [...auctionResultKeys.all, 'simulationOptions'] as const,
}

export const auctionResultQueries = {
  list: (params: ListParams) =>
    queryOptions({
      queryKey: auctionResultKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(AUCTION_RESULTS_PATH, {
          signal,
          query: { ...params },
          schema: auctionResultPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  /** The runs, polled while one is queued or running. */
  runs: (id: string) =>
    queryOptions({
      queryKey: auctionResultKeys.runs(id),
      queryFn: ({ signal }) =>
        apiFetch(`${auctionPath(id)}/clearings`, { signal, schema: clearingRunListSchema }),
      refetchInterval: (query) =>
        query.state.data?.items.some((r) => r.state === 'queued' || r.state === 'running')
          ? 1_000
          : false,
    }),
  results: (id: string) =>
    queryOptions({
      queryKey: auctionResultKeys.results(id),
      queryFn: ({ signal }) =>
        apiFetch(`${auctionPath(id)}/results`, { signal, schema: auctionResultsSchema }),
      retry: false,
    }),
  bids: (id: string, params: ListParams) =>
    queryOptions({
      queryKey: auctionResultKeys.bids(id, params),
      queryFn: ({ signal }) =>
        apiFetch(`${auctionPath(id)}/results/bids`, {
          signal,
          query: { ...params },
          schema: bidResultPageSchema,
        }),
      placeholderData: keepPreviousData,
      retry: false,
    }),
  simulationOptions: () =>
    queryOptions({
      queryKey: auctionResultKeys.simulationOptions(),
      queryFn: ({ signal }) =>
        apiFetch(`${BID_SIMULATIONS_PATH}/options`, { signal, schema: bidSimulationOptionsSchema }),
    }),
}

export function useStartClearing(auctionId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      apiFetch(`${auctionPath(auctionId)}/clearings`, {
        method: 'POST',
        schema: clearingRunSchema,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: auctionResultKeys.auction(auctionId) }),
  })
}

export function usePublish(auctionId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (clearingId: string) =>
      apiFetch(`${auctionPath(auctionId)}/publication`, {
        method: 'POST',
        body: { clearingId },
        schema: resultAuctionSchema,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: auctionResultKeys.all }),
  })
}

export function useSimulate() {
  return useMutation({
    mutationFn: (body: BidSimulationInput) =>
      apiFetch(BID_SIMULATIONS_PATH, { method: 'POST', body, schema: bidSimulationSchema }),
  })
}
