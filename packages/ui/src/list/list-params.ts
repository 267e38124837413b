import { jstToday, parseDateInput } from '@yoryo/contracts'
import type { SortingState } from '@tanstack/react-table'
import { PAGE_SIZES } from '../components/list-pager.tsx'

/**
 * The state of a server-paged list in the URL (`?page=2&size=50&sort=-lastLoginAt&q=…`), so a
 * reload, the back button or a copied address shows the same page. The one implementation for
 * every list of both SPAs (`useListState` builds on it).
 */

export const DEFAULT_PAGE_SIZE = 50

export function readPage(params: URLSearchParams): { page: number; pageSize: number } {
  const page = Number(params.get('page'))
  const size = Number(params.get('size'))
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** `sort=-field` as the table's sorting, when `field` is one the API sorts by. */
export function readSorting(params: URLSearchParams, fields: readonly string[]): SortingState {
  const sort = params.get('sort') ?? ''
  const desc = sort.startsWith('-')
  const id = desc ? sort.slice(1) : sort
  return fields.includes(id) ? [{ id, desc }] : []
}

/** The table's sorting as the API's `sort` (`field` / `-field`). */
export function sortParam(sorting: SortingState): string | undefined {
  const first = sorting[0]
  if (!first) return undefined
  return first.desc ? `-${first.id}` : first.id
}

/** One of `values`, or undefined. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  key: string,
  values: readonly T[],
): T | undefined {
  const value = params.get(key)
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined
}

/** An ISO date (`yyyy-MM-dd`; `yyyy/MM/dd` and `yyyyMMdd` read too), or undefined. */
export function readDate(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)
  return (value && parseDateInput(value)) || undefined
}

/** A trimmed text of at most `max` characters, or undefined. */
export function readText(params: URLSearchParams, key: string, max = 100): string | undefined {
  const value = params.get(key)?.trim()
  return value ? value.slice(0, max) : undefined
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An internal ID (UUID), or undefined. */
export function readId(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)
  return value && UUID.test(value) ? value : undefined
}

/**
 * The next search params: `changes` applied (empty values removed); the page goes back to 1
 * unless the page itself changes.
 */
export function nextParams(
  current: URLSearchParams,
  changes: Record<string, string | number | undefined | null>,
): URLSearchParams {
  const next = new URLSearchParams(current)
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '') next.delete(key)
    else next.set(key, String(value))
  }
  if (!('page' in changes)) next.delete('page')
  return next
}

/** `users_20261201.csv`: an export's file name with today's JST date. */
export function exportFileName(base: string): string {
  return `${base}_${jstToday().replaceAll('-', '')}.csv`
}
