import type { SortingState } from '@tanstack/react-table'
import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { nextParams, readPage, readSorting, sortParam } from './list-params.ts'

export interface ListState {
  /** The URL's search params, for the list's own filters (`readText`, `readChoice`, …). */
  params: URLSearchParams
  page: number
  pageSize: number
  sorting: SortingState
  /** The API's `sort` of the current sorting. */
  sort: string | undefined
  /** The fields the API sorts this list by (the columns that get a sort button). */
  sortFields: readonly string[]
  /** Changes search params; the page goes back to 1 unless it is the page that changes. */
  update: (changes: Record<string, string | number | undefined | null>) => void
  /** Empties the given filters (クリア). */
  clear: (keys: readonly string[]) => void
}

/**
 * A server-paged list's page, size, sort and filters, all in the URL (reload, back button and
 * copied addresses show the same page). `sortFields`: the API's sortable columns.
 */
export function useListState(sortFields: readonly string[]): ListState {
  const [params, setParams] = useSearchParams()
  const { page, pageSize } = readPage(params)
  const sorting = readSorting(params, sortFields)
  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>) =>
      setParams((prev) => nextParams(prev, changes)),
    [setParams],
  )
  const clear = useCallback(
    (keys: readonly string[]) => update(Object.fromEntries(keys.map((key) => [key, undefined]))),
    [update],
  )
  return { params, page, pageSize, sorting, sort: sortParam(sorting), sortFields, update, clear }
}
