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

  const site = (supplyPointId: string, kw: number) => ({
    name: `地点${supplyPointId.slice(-1)}`,
    supplyPointId: supplyPointId.padStart(22, '0'),
    siteType: 'generator',
    kw,
  })

  it('matches sites by supply point ID: one inserted site is one added row', () => {
    expect(
      diffValues(
        { sites: [site('1', 100), site('2', 200), site('3', 300)] },
        { sites: [site('1', 100), site('9', 50), site('2', 200), site('3', 300)] },
      ),
    ).toEqual([{ path: 'sites[1]', current: null, proposed: site('9', 50) }])
  })

  it('shows a removed site as removed and a changed one by its fields, wherever it moved', () => {
    expect(
      diffValues(
        { sites: [site('1', 100), site('2', 200), site('3', 300)] },
        { sites: [site('3', 350), site('1', 100)] },
      ),
    ).toEqual([
      { path: 'sites[0].kw', current: 300, proposed: 350 },
      { path: 'sites[1]', current: site('2', 200), proposed: null },
    ])
  })

  it('matches members by grid code', () => {
    const member = (gridCode: string, installedKw: number) => ({
      name: gridCode,
      generationType: 'solar',
      gridCode,
      installedKw,
    })
    expect(
      diffValues(
        { members: [member('A1', 10), member('B2', 20)] },
        { members: [member('Z9', 5), member('A1', 10), member('B2', 25)] },
      ),
    ).toEqual([
      { path: 'members[0]', current: null, proposed: member('Z9', 5) },
      { path: 'members[2].installedKw', current: 20, proposed: 25 },
    ])
  })

  it('falls back to position when an identity is missing or repeated', () => {
    const row = (gridCode: string, kw: number) => ({ gridCode, kw })
    expect(
      diffValues({ rows: [row('A', 1), row('', 2)] }, { rows: [row('', 2), row('A', 1)] }),
    ).toEqual([
      { path: 'rows[0].gridCode', current: 'A', proposed: '' },
      { path: 'rows[0].kw', current: 1, proposed: 2 },
      { path: 'rows[1].gridCode', current: '', proposed: 'A' },
      { path: 'rows[1].kw', current: 2, proposed: 1 },
    ])
    expect(diffValues({ rows: [row('A', 1), row('A', 2)] }, { rows: [row('A', 2)] })).toEqual([
      { path: 'rows[0].kw', current: 1, proposed: 2 },
      { path: 'rows[1]', current: row('A', 2), proposed: null },
    ])
  })
})
