import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import {
  pageSchema,
  participantSchema,
  userPageSchema,
  userPermissionsSchema,
  userSchema,
  type Participant,
  type Role,
  type User,
  type UserStatus,
} from '@yoryo/contracts'
import { apiFetch, type QueryValue } from './api-fetch.ts'

/**
 * Query-option factories of user management (020) and permissions (A40), shared by both SPAs
 * (the delivery SPA picks the general users whose rights it sets), and the participants an
 * operator chooses from.
 */

/** The filters, page and sort of the user list (`GET /api/v1/users`). */
export interface UserListParams {
  page: number
  pageSize: number
  /** `field` or `-field` (contracts `userSortFields`). */
  sort?: string
  participantId?: string
  role?: Role
  status?: UserStatus
  q?: string
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
  permissions: (id: string) => [...userKeys.all, 'permissions', id] as const,
}

function listQuery(params: UserListParams): Record<string, QueryValue> {
  return { ...params }
}

export const userQueries = {
  /** One page of users; the previous page stays on screen while the next one loads. */
  list: (params: UserListParams) =>
    queryOptions({
      queryKey: userKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/users', { signal, query: listQuery(params), schema: userPageSchema }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: userKeys.detail(id),
      queryFn: ({ signal }): Promise<User> =>
        apiFetch(`/api/v1/users/${encodeURIComponent(id)}`, { signal, schema: userSchema }),
    }),
  /** A user's rights per function group with the user's version (A40). */
  permissions: (id: string) =>
    queryOptions({
      queryKey: userKeys.permissions(id),
      queryFn: ({ signal }) =>
        apiFetch(`/api/v1/users/${encodeURIComponent(id)}/permissions`, {
          signal,
          schema: userPermissionsSchema,
        }),
    }),
}

/** Refreshes every user query (lists, details, rights). */
export function invalidateUsers(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: userKeys.all })
}

// ── participants to choose from (operator) ──────────────────────────────────────────────────
export const participantOptionKeys = {
  all: ['participants', 'options'] as const,
}

const participantPageSchema = pageSchema(participantSchema)
/** Most participants the choice lists (the API's largest page). */
const PARTICIPANT_OPTIONS_MAX = 500

export const participantOptionQueries = {
  /** Active participants (the operator's own included) by code, for filters and forms. */
  active: () =>
    queryOptions({
      queryKey: participantOptionKeys.all,
      queryFn: async ({ signal }): Promise<Participant[]> => {
        const page = await apiFetch('/api/v1/participants', {
          signal,
          query: { status: 'active', pageSize: PARTICIPANT_OPTIONS_MAX, sort: 'code' },
          schema: participantPageSchema,
        })
        return page.items
      },
      staleTime: 5 * 60_000,
    }),
}
