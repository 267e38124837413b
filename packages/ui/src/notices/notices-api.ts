import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../api/api-fetch.ts'
import { lazySchema } from '../api/lazy-schema.ts'

/** Notices (A30) `/api/v1/notices`: the list and detail screens and the delivery portal's panel. */
export const NOTICES_PATH = '/api/v1/notices'

export interface NoticeListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  category?: string
  state?: string
  unread?: 'true'
}

/** One root key: a read mark, a post or a withdrawal refreshes the lists, details and portal. */
export const noticeKeys = {
  all: ['notices'] as const,
  list: (params: NoticeListParams) => [...noticeKeys.all, 'list', params] as const,
  detail: (id: string) => [...noticeKeys.all, 'detail', id] as const,
  unread: () => [...noticeKeys.all, 'unread'] as const,
}

export const noticeQueries = {
  list: (params: NoticeListParams) =>
    queryOptions({
      queryKey: noticeKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(NOTICES_PATH, {
          signal,
          query: { ...params },
          schema: lazySchema('noticePageSchema'),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: noticeKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch(`${NOTICES_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: lazySchema('noticeSchema'),
        }),
    }),
  /** The caller's unread notices (count and the latest five) for the delivery portal. */
  unread: () =>
    queryOptions({
      queryKey: noticeKeys.unread(),
      queryFn: ({ signal }) =>
        apiFetch(`${NOTICES_PATH}/unread`, { signal, schema: lazySchema('noticeUnreadSchema') }),
      staleTime: 30_000,
      refetchInterval: 5 * 60_000,
    }),
}
