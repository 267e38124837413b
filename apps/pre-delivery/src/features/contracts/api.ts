import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  contractDetailSchema,
  contractSchema,
  pageSchema,
  type ContractCorrectionAnswer,
  type ContractCorrectionRequest,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** Capacity contracts (130) `/api/v1/contracts`. */
export const CONTRACTS_PATH = '/api/v1/contracts'
const contractPath = (id: string) => `${CONTRACTS_PATH}/${encodeURIComponent(id)}`

export interface ContractListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  deliveryYear?: number
  state?: string
  participantCode?: string
  auctionId?: string
}

export const contractKeys = {
  all: ['contracts'] as const,
  list: (params: ContractListParams) => [...contractKeys.all, 'list', params] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
}

export const contractQueries = {
  list: (params: ContractListParams) =>
    queryOptions({
      queryKey: contractKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(CONTRACTS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(contractSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: contractKeys.detail(id),
      queryFn: ({ signal }) => apiFetch(contractPath(id), { signal, schema: contractDetailSchema }),
    }),
}

function useContractAction<B>(id: string, action: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: B) =>
      apiFetch(`${contractPath(id)}/${action}`, {
        method: 'POST',
        body: body as object,
        schema: contractDetailSchema,
      }),
    onSuccess: (detail) => {
      client.setQueryData(contractKeys.detail(id), detail)
      void client.invalidateQueries({ queryKey: [...contractKeys.all, 'list'] })
    },
  })
}

export const useConfirmContract = (id: string) =>
  useContractAction<{ version: number }>(id, 'confirm')
export const useRequestCorrection = (id: string) =>
  useContractAction<ContractCorrectionRequest>(id, 'correction-request')
export const useAnswerCorrection = (id: string) =>
  useContractAction<ContractCorrectionAnswer>(id, 'correction-answer')

/** The URL of an issued document's PDF (`GET /api/v1/documents/{id}/pdf`). */
export function documentPdfPath(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/pdf`
}
