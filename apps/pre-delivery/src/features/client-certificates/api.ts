import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import {
  clientCertificatePageSchema,
  clientCertificateSchema,
  type ClientCertificate,
  type ClientCertificateCreate,
  type ClientCertificateStatus,
} from '@yoryo/contracts'
import { apiFetch, isApiError } from '@yoryo/ui'

/** クライアント証明書 (710): list, register or renew by PEM, revoke (711: the bulk pipeline). */

export interface CertificateListParams {
  page: number
  pageSize: number
  sort?: string
  participantId?: string
  status?: ClientCertificateStatus
  q?: string
}

export const certificateKeys = {
  all: ['clientCertificates'] as const,
  lists: () => [...certificateKeys.all, 'list'] as const,
  list: (params: CertificateListParams) => [...certificateKeys.lists(), params] as const,
}

export const certificateQueries = {
  list: (params: CertificateListParams) =>
    queryOptions({
      queryKey: certificateKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/client-certificates', {
          signal,
          query: { ...params },
          schema: clientCertificatePageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
}

export function invalidateCertificates(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: certificateKeys.all })
}

/** Registers (or renews: the new one stands beside the old) a user's certificate by its PEM. */
export function useRegisterCertificate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ClientCertificateCreate) =>
      apiFetch('/api/v1/client-certificates', {
        method: 'POST',
        body,
        schema: clientCertificateSchema,
      }),
    onSuccess: () => invalidateCertificates(queryClient),
  })
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (certificate: ClientCertificate) =>
      apiFetch(`/api/v1/client-certificates/${encodeURIComponent(certificate.id)}/revoke`, {
        method: 'POST',
        body: { version: certificate.version },
        schema: clientCertificateSchema,
      }),
    onSuccess: () => invalidateCertificates(queryClient),
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void invalidateCertificates(queryClient)
    },
  })
}
