import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  pageSchema,
  replacementPostingSchema,
  type ReplacementPosting,
  type ReplacementPostingInput,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** The replacement board (140): `/api/v1/replacement-board`. */
export const REPLACEMENT_BOARD_PATH = '/api/v1/replacement-board'

export interface BoardListParams {
  page: number
  pageSize: number
  sort?: string
  postingType?: string
  area?: string
  kind?: string
  kwMin?: number
  kwMax?: number
  month?: string
  includeClosed?: 'true'
  mine?: 'true'
}

export const boardKeys = {
  all: ['replacementBoard'] as const,
  list: (params: BoardListParams) => [...boardKeys.all, 'list', params] as const,
}

export const boardQueries = {
  list: (params: BoardListParams) =>
    queryOptions({
      queryKey: boardKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(REPLACEMENT_BOARD_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(replacementPostingSchema),
        }),
      placeholderData: keepPreviousData,
    }),
}

/** Posts (no posting given) or changes an own posting (with the version shown). */
export function useSavePosting() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      posting,
      values,
    }: {
      posting: ReplacementPosting | null
      values: ReplacementPostingInput
    }) =>
      posting
        ? apiFetch(`${REPLACEMENT_BOARD_PATH}/${encodeURIComponent(posting.id)}`, {
            method: 'PUT',
            body: { posting: values, version: posting.version },
            schema: replacementPostingSchema,
          })
        : apiFetch(REPLACEMENT_BOARD_PATH, {
            method: 'POST',
            body: values,
            schema: replacementPostingSchema,
          }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.all }),
  })
}

export function useWithdrawPosting() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (posting: ReplacementPosting) =>
      apiFetch(`${REPLACEMENT_BOARD_PATH}/${encodeURIComponent(posting.id)}/withdraw`, {
        method: 'POST',
        body: { version: posting.version },
        schema: replacementPostingSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.all }),
  })
}
