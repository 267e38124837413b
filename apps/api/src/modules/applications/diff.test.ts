import { describe, expect, it } from 'vitest'
import { diffValues } from './diff.ts'

describe('diffValues', () => {
  it('lists only changed fields, nested ones by dotted path', () => {
    expect(
      diffValues(
        { name: 'A', bank: { code: '0001', branch: '001' }, same: 1 },
        { name: 'B', bank: { code: '0001', branch: '002' }, same: 1, added: 'x' },
      ),
    ).toEqual([
      { path: 'name', current: 'A', proposed: 'B' },
      { path: 'bank.branch', current: '001', proposed: '002' },
      { path: 'added', current: null, proposed: 'x' },
    ])
  })

  it('treats a registration as every field added', () => {
    expect(diffValues(null, { a: 1 })).toEqual([{ path: 'a', current: null, proposed: 1 }])
  })
})
