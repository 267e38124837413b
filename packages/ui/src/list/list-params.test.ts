import { describe, expect, it } from 'vitest'
import { nextParams, readDate, readPage, readSorting, sortParam } from './list-params.ts'

describe('list params', () => {
  it('reads page, size and sorting from the URL, ignoring what is not allowed', () => {
    const params = new URLSearchParams('page=3&size=100&sort=-name')
    expect(readPage(params)).toEqual({ page: 3, pageSize: 100 })
    expect(readPage(new URLSearchParams('page=-1&size=7'))).toEqual({ page: 1, pageSize: 50 })
    expect(readSorting(params, ['name'])).toEqual([{ id: 'name', desc: true }])
    expect(readSorting(params, ['userId'])).toEqual([])
    expect(sortParam([{ id: 'name', desc: false }])).toBe('name')
    expect(sortParam([])).toBeUndefined()
  })

  it('reads dates typed in any of the accepted forms', () => {
    expect(readDate(new URLSearchParams('from=20261201'), 'from')).toBe('2026-12-01')
    expect(readDate(new URLSearchParams('from=2026-02-30'), 'from')).toBeUndefined()
  })

  it('goes back to page 1 when a filter changes', () => {
    const next = nextParams(new URLSearchParams('page=3&q=a'), { q: 'b', status: '' })
    expect(next.toString()).toBe('q=b')
    expect(nextParams(next, { page: 2 }).toString()).toBe('q=b&page=2')
  })
})
