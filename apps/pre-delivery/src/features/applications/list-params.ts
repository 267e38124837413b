import { PAGE_SIZES } from '@yoryo/ui'

/**
 * The state of a server-paged list in the URL (`?page=2&size=50&state=queue…`), so a reload,
 * the back button or a copied address shows the same page.
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

/** One of `values`, or undefined. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  key: string,
  values: readonly T[],
): T | undefined {
  const value = params.get(key)
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined
}

/** A `YYYY-MM-DD` date, or undefined. */
export function readDate(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined
}

/** A trimmed text of at most `max` characters, or undefined. */
export function readText(params: URLSearchParams, key: string, max = 100): string | undefined {
  const value = params.get(key)?.trim()
  return value ? value.slice(0, max) : undefined
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

/** Today in JST as `YYYYMMDD`, for export file names. */
export function jstToday(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')
}
