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

  it('compares a list element by element, not as one value', () => {
    const site = (name: string, kw: number) => ({ name, kw })
    expect(
      diffValues(
        { sites: [site('北', 100), site('南', 200)] },
        { sites: [site('北', 100), site('南', 250), site('東', 50)] },
      ),
    ).toEqual([
      { path: 'sites[1].kw', current: 200, proposed: 250 },
      { path: 'sites[2]', current: null, proposed: site('東', 50) },
    ])
    expect(diffValues({ tags: ['a', 'b'] }, { tags: ['a'] })).toEqual([
      { path: 'tags[1]', current: 'b', proposed: null },
    ])
  })

  it('matches list elements with an id by it, wherever they moved', () => {
    const member = (id: string, share: number) => ({ id, share })
    expect(
      diffValues(
        { members: [member('m1', 50), member('m2', 30), member('m3', 20)] },
        { members: [member('m3', 20), member('m1', 60)] },
      ),
    ).toEqual([
      { path: 'members[1].share', current: 50, proposed: 60 },
      { path: 'members[1]', current: member('m2', 30), proposed: null },
    ])
  })
})
