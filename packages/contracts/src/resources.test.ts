import { describe, expect, it } from 'vitest'
import {
  areaNumber,
  resourceInputSchema,
  resourceMemberRowSchema,
  resourceRowSchema,
  resourceSiteRowSchema,
} from './resources.ts'

const common = {
  name: '湾岸火力1号機',
  nameKana: 'ワンガンカリョクイチゴウキ',
  area: 'tokyo',
  generationType: 'lng',
  gridCode: 'TK0001',
  location: '東京都江東区1-1',
  commissionedOn: '2005-04',
  supportScheme: 'none',
} as const

function messageIds(value: unknown): string[] {
  const result = resourceInputSchema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('[050] resource schemas', () => {
  it('accepts a stable resource and numbers the areas 01–09', () => {
    expect(
      messageIds({
        kind: 'stable',
        ...common,
        installedKw: 500_000,
        houseLoadPercent: 3.5,
        hasAdjustment: true,
      }),
    ).toEqual([])
    expect(areaNumber('hokkaido')).toBe('01')
    expect(areaNumber('kyushu')).toBe('09')
  })

  it('refuses a generation type that does not fit the kind', () => {
    expect(messageIds({ kind: 'variableSingle', ...common, installedKw: 2000 })).toEqual([
      'generationType:E-RES-002',
    ])
  })

  it('asks storage registered as stable for 3 hours of output', () => {
    const battery = {
      kind: 'stable',
      ...common,
      generationType: 'battery',
      installedKw: 5000,
      houseLoadPercent: 0,
      hasAdjustment: true,
    }
    expect(messageIds({ ...battery, storageHours: 2 })).toEqual(['storageHours:E-RES-009'])
    expect(messageIds({ ...battery, storageHours: 3 })).toEqual([])
  })

  it('checks members (< 1,000 kW each) and sites (22 digits, no duplicates), katakana', () => {
    expect(
      messageIds({
        kind: 'variableAggregate',
        ...common,
        nameKana: 'たいようこう',
        generationType: 'solar',
        members: [{ name: 'A', generationType: 'solar', gridCode: 'X1', installedKw: 1000 }],
      }),
    ).toEqual(['nameKana:E-PART-003', 'members.0.installedKw:E-RES-006'])
    const site = {
      name: '工場',
      supplyPointId: '0300111122223333444455',
      siteType: 'generator',
      kw: 800,
    }
    expect(
      messageIds({
        kind: 'dispatchOrder',
        ...common,
        generationType: 'demandResponse',
        offerableKw: 1600,
        sites: [site, site, { ...site, supplyPointId: '123' }],
      }),
    ).toEqual(['sites.2.supplyPointId:E-RES-007', 'sites.1.supplyPointId:E-RES-010'])
  })

  it('gives CSV rows flat schemas per kind and keyed list rows', () => {
    expect(
      resourceRowSchema('variableSingle').safeParse({
        ...common,
        generationType: 'solar',
        installedKw: 1500,
      }).success,
    ).toBe(true)
    expect(
      resourceRowSchema('variableSingle').safeParse({ ...common, installedKw: 1500 }).success,
    ).toBe(false)
    expect(
      resourceMemberRowSchema.safeParse({
        resourceCode: '03A0000001',
        name: 'A',
        generationType: 'solar',
        gridCode: 'X1',
        installedKw: 999,
      }).success,
    ).toBe(true)
    expect(resourceSiteRowSchema.safeParse({ resourceCode: '3A1' }).success).toBe(false)
  })
})

describe('[050] an empty required cell', () => {
  it('asks for a value, not for its format', () => {
    const result = resourceInputSchema.safeParse({
      kind: 'variableSingle',
      ...common,
      generationType: 'solar',
      gridCode: '',
      commissionedOn: ' ',
      installedKw: 1000,
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'gridCode:too_small',
      'commissionedOn:too_small',
    ])
  })
})
