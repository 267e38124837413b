import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import {
  auctionBidItemSchema,
  bidHistorySchema,
  bidWriteResultSchema,
  biddingAuctionSchema,
  pageSchema,
  type BidWrite,
} from '@yoryo/contracts'
import { apiFetch, downloadFile } from '@yoryo/ui'
import { z } from 'zod'

/** Bids (110): `/api/v1/bids/…`, `/api/v1/auctions/{id}/bidding|bids`, receipts. */
export interface BidListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  state?: string
}

export const bidKeys = {
  all: ['bids'] as const,
  auctions: () => [...bidKeys.all, 'auctions'] as const,
  auction: (id: string) => [...bidKeys.all, 'auction', id] as const,
  items: (id: string, params: BidListParams) => [...bidKeys.all, 'items', id, params] as const,
  history: (bidId: string) => [...bidKeys.all, 'history', bidId] as const,
}

export const bidQueries = {
  auctions: () =>
    queryOptions({
      queryKey: bidKeys.auctions(),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/bids/auctions', {
          signal,
          schema: z.object({ items: z.array(biddingAuctionSchema) }),
        }),
    }),
  auction: (id: string) =>
    queryOptions({
      queryKey: bidKeys.auction(id),
      queryFn: ({ signal }) =>
        apiFetch(`/api/v1/auctions/${encodeURIComponent(id)}/bidding`, {
          signal,
          schema: biddingAuctionSchema,
        }),
    }),
  items: (id: string, params: BidListParams) =>
    queryOptions({
      queryKey: bidKeys.items(id, params),
      queryFn: ({ signal }) =>
        apiFetch(`/api/v1/auctions/${encodeURIComponent(id)}/bids`, {
          signal,
          query: { ...params },
          schema: pageSchema(auctionBidItemSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  history: (bidId: string) =>
    queryOptions({
      queryKey: bidKeys.history(bidId),
      queryFn: ({ signal }) =>
        apiFetch(`/api/v1/bids/${encodeURIComponent(bidId)}/versions`, {
          signal,
          schema: bidHistorySchema,
        }),
    }),
}

export function invalidateBids(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: bidKeys.all })
}

/** Registers (no version) or changes (with the version) one bid; answers the receipt. */
export function useWriteBid(auctionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ resourceCode, ...body }: BidWrite & { resourceCode: string }) =>
      apiFetch(
        `/api/v1/auctions/${encodeURIComponent(auctionId)}/bids/${encodeURIComponent(resourceCode)}`,
        { method: 'PUT', body, schema: bidWriteResultSchema },
      ),
    onSettled: () => invalidateBids(queryClient),
  })
}

export function useWithdrawBid(auctionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ resourceCode, version }: { resourceCode: string; version: number }) =>
      apiFetch(
        `/api/v1/auctions/${encodeURIComponent(auctionId)}/bids/${encodeURIComponent(resourceCode)}`,
        { method: 'DELETE', query: { version }, schema: bidWriteResultSchema },
      ),
    onSettled: () => invalidateBids(queryClient),
  })
}

export function receiptFileName(c: { auctionCode: string; resourceCode: string; version: number }) {
  return `bid-receipt-${c.auctionCode}-${c.resourceCode}-v${c.version}`
}

export function downloadReceipt(
  versionId: string,
  content: { auctionCode: string; resourceCode: string; version: number },
  kind: 'json' | 'pdf',
) {
  return downloadFile(
    `/api/v1/bid-versions/${encodeURIComponent(versionId)}/${kind === 'pdf' ? 'receipt.pdf' : 'receipt'}`,
    `${receiptFileName(content)}.${kind}`,
  )
}
