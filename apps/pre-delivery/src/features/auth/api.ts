import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  apiTokenCreatedSchema,
  apiTokenSchema,
  type ApiToken,
  type ApiTokenCreate,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** API tokens of the logged-in user (`/api/v1/auth/tokens`). */
export const apiTokenKeys = {
  all: ['auth', 'tokens'] as const,
  list: () => [...apiTokenKeys.all, 'list'] as const,
}

const apiTokenListSchema = apiTokenSchema.array()

export const apiTokenQueries = {
  list: () =>
    queryOptions({
      queryKey: apiTokenKeys.list(),
      queryFn: ({ signal }): Promise<ApiToken[]> =>
        apiFetch('/api/v1/auth/tokens', { signal, schema: apiTokenListSchema }),
    }),
}

export function invalidateApiTokens(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: apiTokenKeys.all })
}

export function useCreateApiToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ApiTokenCreate) =>
      apiFetch('/api/v1/auth/tokens', { method: 'POST', body, schema: apiTokenCreatedSchema }),
    onSuccess: () => invalidateApiTokens(queryClient),
  })
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (token: ApiToken) =>
      apiFetch(`/api/v1/auth/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' }),
    onSuccess: () => invalidateApiTokens(queryClient),
  })
}

export type ApiTokenStatus = 'active' | 'revoked' | 'expired'

export function apiTokenStatus(token: ApiToken, now: Date): ApiTokenStatus {
  if (token.revokedAt) return 'revoked'
  if (new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired'
  return 'active'
}
