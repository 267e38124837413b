import {
  resourceKindFieldShapes,
  type ApplicationDiff,
  type Resource,
  type ResourceInput,
  type ResourceKind,
} from '@yoryo/contracts'
import type { Translate } from '@yoryo/ui'

/** The fields every kind has, in form order. */
export const COMMON_FIELDS = [
  'name',
  'nameKana',
  'area',
  'generationType',
  'gridCode',
  'location',
  'commissionedOn',
  'supportScheme',
] as const
export type CommonField = (typeof COMMON_FIELDS)[number]

/** The flat fields of each kind (members and sites are lists of their own). */
export const KIND_FIELDS = {
  stable: Object.keys(resourceKindFieldShapes.stable),
  variableSingle: Object.keys(resourceKindFieldShapes.variableSingle),
  variableAggregate: [],
  dispatchOrder: Object.keys(resourceKindFieldShapes.dispatchOrder),
} as Record<ResourceKind, readonly KindField[]>
export type KindField =
  'installedKw' | 'houseLoadPercent' | 'hasAdjustment' | 'storageHours' | 'offerableKw'

export const MEMBER_FIELDS = ['name', 'generationType', 'gridCode', 'installedKw'] as const
export const SITE_FIELDS = ['name', 'supplyPointId', 'siteType', 'kw'] as const
export type MemberField = (typeof MEMBER_FIELDS)[number]
export type SiteField = (typeof SITE_FIELDS)[number]

/** Shown in a monospace font (codes and numbers people compare digit by digit). */
export const CODE_FIELDS = new Set(['code', 'gridCode', 'supplyPointId', 'commissionedOn'])

const isEmpty = (v: unknown) => v === null || v === undefined || v === ''
const number = (v: unknown) =>
  typeof v === 'number' ? v.toLocaleString('ja-JP', { maximumFractionDigits: 2 }) : String(v)

/** The label of a field by its path: `name`, `members[1].installedKw`, `sites[0]`. */
export function resourceFieldLabel(path: string, t: Translate, kind?: ResourceKind): string {
  const list = /^(members|sites)\[(\d+)\](?:\.(\w+))?$/.exec(path)
  if (list) {
    const [, name, index, field] = list
    const n = Number(index) + 1
    if (name === 'members') {
      return field
        ? t('resources.memberFieldLabel', {
            n,
            field: t(`resources.memberFields.${field as MemberField}`),
          })
        : t('resources.memberLabel', { n })
    }
    return field
      ? t('resources.siteFieldLabel', { n, field: t(`resources.siteFields.${field as SiteField}`) })
      : t('resources.siteLabel', { n })
  }
  if (path === 'reason') return t('resources.fields.reason')
  if (path === 'installedKw' && kind && kind !== 'stable') {
    return t('resources.fields.installedKwVariable')
  }
  return t(`resources.fields.${path as CommonField | KindField | 'kind'}`)
}

/**
 * The label of a difference: a member or site added or removed as a whole says so (the lists are
 * matched by grid code and supply point ID; a removed element is numbered as it was).
 */
export function resourceDiffLabel(d: ApplicationDiff, t: Translate, kind?: ResourceKind): string {
  const label = resourceFieldLabel(d.path, t, kind)
  if (!/^(members|sites)\[\d+\]$/.test(d.path)) return label
  if (d.current === null) return t('resources.addedLabel', { label })
  if (d.proposed === null) return t('resources.removedLabel', { label })
  return label
}

/** A value as shown: choices by their label, kW and % with their unit, lists summarised. */
export function resourceValueText(path: string, value: unknown, t: Translate): string {
  if (isEmpty(value)) return ''
  const field = path.split('.').at(-1) ?? path
  if (/^(members|sites)\[\d+\]$/.test(path) && typeof value === 'object') {
    const v = value as Record<string, unknown>
    return path.startsWith('members')
      ? [
          v.name,
          resourceValueText('generationType', v.generationType, t),
          v.gridCode,
          resourceValueText('installedKw', v.installedKw, t),
        ].join(' ・ ')
      : [
          v.name,
          v.supplyPointId,
          resourceValueText('siteType', v.siteType, t),
          resourceValueText('kw', v.kw, t),
        ].join(' ・ ')
  }
  switch (field) {
    case 'kind':
      return t(`resources.kind.${value as ResourceKind}`)
    case 'area':
      return t(`resources.area.${value as ResourceInput['area']}`)
    case 'generationType':
      return t(`resources.generationType.${value as ResourceInput['generationType']}`)
    case 'supportScheme':
      return t(`resources.supportScheme.${value as ResourceInput['supportScheme']}`)
    case 'siteType':
      return t(`resources.siteType.${value as 'generator'}`)
    case 'hasAdjustment':
      return value ? t('resources.yes') : t('resources.no')
    case 'installedKw':
    case 'offerableKw':
    case 'kw':
      return t('resources.unitKw', { value: number(value) })
    case 'houseLoadPercent':
      return t('resources.unitPercent', { value: number(value) })
    case 'storageHours':
      return t('resources.unitHours', { value: number(value) })
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  }
}

/** A resource's values in the shape of its kind's input (the form's start, the change's base). */
export function valuesOfResource(r: Resource): ResourceInput {
  const common = {
    name: r.name,
    nameKana: r.nameKana,
    area: r.area,
    generationType: r.generationType,
    gridCode: r.gridCode,
    location: r.location,
    commissionedOn: r.commissionedOn,
    supportScheme: r.supportScheme,
  }
  switch (r.kind) {
    case 'stable':
      return {
        kind: 'stable',
        ...common,
        installedKw: r.installedKw ?? 0,
        houseLoadPercent: r.houseLoadPercent ?? 0,
        hasAdjustment: r.hasAdjustment ?? false,
        storageHours: r.storageHours,
      }
    case 'variableSingle':
      return { kind: 'variableSingle', ...common, installedKw: r.installedKw ?? 0 }
    case 'variableAggregate':
      return { kind: 'variableAggregate', ...common, members: r.members }
    case 'dispatchOrder':
      return { kind: 'dispatchOrder', ...common, offerableKw: r.offerableKw ?? 0, sites: r.sites }
  }
}
