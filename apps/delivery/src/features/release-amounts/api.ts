import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  releaseAmountPageSchema,
  releaseAuctionListSchema,
  releaseOfferListSchema,
  type ReleaseOfferInput,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** The release auction (F30): auctions, offers, clearing, publishing, the monthly amounts. */
export const RELEASE_AUCTIONS_PATH = '/api/v1/release-auctions'
export const RELEASE_AMOUNTS_PATH = '/api/v1/release-amounts'

const auctionPath = (id: string) => `${RELEASE_AUCTIONS_PATH}/${encodeURIComponent(id)}`

export interface ReleaseAmountParams {
  deliveryYear?: number
  month?: string
  participantId?: string
  contract?: string
  page: number
  pageSize: number
  sort?: string
}

export const releaseKeys = {
  all: ['release-amounts'] as const,
  auctions: (year: number | undefined) => [...releaseKeys.all, 'auctions', year ?? ''] as const,
  offers: (auctionId: string) => [...releaseKeys.all, 'offers', auctionId] as const,
  amounts: (params: ReleaseAmountParams) => [...releaseKeys.all, 'amounts', params] as const,
}

export const releaseQueries = {
  auctions: (deliveryYear: number | undefined) =>
    queryOptions({
      queryKey: releaseKeys.auctions(deliveryYear),
      queryFn: ({ signal }) =>
        apiFetch(RELEASE_AUCTIONS_PATH, {
          signal,
          query: { deliveryYear },
          schema: releaseAuctionListSchema,
        }),
    }),
  offers: (auctionId: string) =>
    queryOptions({
      queryKey: releaseKeys.offers(auctionId),
      queryFn: ({ signal }) =>
        apiFetch(`${auctionPath(auctionId)}/offers`, { signal, schema: releaseOfferListSchema }),
    }),
  amounts: (params: ReleaseAmountParams) =>
    queryOptions({
      queryKey: releaseKeys.amounts(params),
      queryFn: ({ signal }) =>
        apiFetch(RELEASE_AMOUNTS_PATH, {
          signal,
          query: { ...params },
          schema: releaseAmountPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
}

/** A participant registers, changes or withdraws an offer of one contract. */
export function useWriteOffer(auctionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ReleaseOfferInput) =>
      apiFetch(`${auctionPath(auctionId)}/offers`, {
        method: 'POST',
        body: input,
        schema: releaseOfferListSchema,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(releaseKeys.offers(auctionId), data)
      return queryClient.invalidateQueries({ queryKey: releaseKeys.all })
    },
  })
}

/** The operator clears (`clearing`) or publishes (`publication`) the release auction. */
export function useReleaseStep(auctionId: string, step: 'clearing' | 'publication') {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch(`${auctionPath(auctionId)}/${step}`, {
        method: 'POST',
        body: { version },
        schema: releaseOfferListSchema,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(releaseKeys.offers(auctionId), data)
      return queryClient.invalidateQueries({ queryKey: releaseKeys.all })
    },
  })
}
