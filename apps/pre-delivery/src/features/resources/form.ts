import { resourceInputSchema, type ResourceInput, type ResourceKind } from '@yoryo/contracts'
import { z } from 'zod'

/** What the form holds: every kind's fields (empty inputs as ''), the kind picks what is sent. */
export interface FormValues {
  kind: ResourceKind
  name: string
  nameKana: string
  area: string
  generationType: string
  gridCode: string
  location: string
  commissionedOn: string
  supportScheme: string
  installedKw: number | string
  houseLoadPercent: number | string
  hasAdjustment: string
  storageHours: number | string
  offerableKw: number | string
  members: {
    name: string
    generationType: string
    gridCode: string
    installedKw: number | string
  }[]
  sites: { name: string; supplyPointId: string; siteType: string; kw: number | string }[]
}

const blank = (v: number | string) => (v === '' ? undefined : v)

/** The proposed values of the form's kind (what the API receives). */
export function toProposed(v: FormValues): unknown {
  const common = {
    kind: v.kind,
    name: v.name,
    nameKana: v.nameKana,
    area: v.area || undefined,
    generationType: v.generationType || undefined,
    gridCode: v.gridCode,
    location: v.location,
    commissionedOn: v.commissionedOn,
    supportScheme: v.supportScheme || undefined,
  }
  switch (v.kind) {
    case 'stable':
      return {
        ...common,
        installedKw: blank(v.installedKw),
        houseLoadPercent: blank(v.houseLoadPercent),
        hasAdjustment: v.hasAdjustment === '' ? undefined : v.hasAdjustment === 'yes',
        storageHours: v.storageHours === '' ? null : v.storageHours,
      }
    case 'variableSingle':
      return { ...common, installedKw: blank(v.installedKw) }
    case 'variableAggregate':
      return {
        ...common,
        members: v.members.map((m) => ({
          ...m,
          generationType: m.generationType || undefined,
          installedKw: blank(m.installedKw),
        })),
      }
    case 'dispatchOrder':
      return {
        ...common,
        offerableKw: blank(v.offerableKw),
        sites: v.sites.map((s) => ({ ...s, siteType: s.siteType || undefined, kw: blank(s.kw) })),
      }
  }
}

/** The form's schema: the kind's contract schema on the values the kind sends. */
export const formSchema = z.preprocess(
  (v) => toProposed(v as FormValues),
  resourceInputSchema,
) as unknown as z.ZodType<ResourceInput, FormValues>

/** The form's start: empty for a registration, the current values for a change. */
export function toFormValues(kind: ResourceKind, values?: ResourceInput): FormValues {
  const empty: FormValues = {
    kind,
    name: '',
    nameKana: '',
    area: '',
    generationType: '',
    gridCode: '',
    location: '',
    commissionedOn: '',
    supportScheme: 'none',
    installedKw: '',
    houseLoadPercent: '',
    hasAdjustment: '',
    storageHours: '',
    offerableKw: '',
    members: [],
    sites: [],
  }
  if (!values) return empty
  return {
    ...empty,
    ...values,
    installedKw: 'installedKw' in values ? values.installedKw : '',
    houseLoadPercent: values.kind === 'stable' ? values.houseLoadPercent : '',
    hasAdjustment: values.kind === 'stable' ? (values.hasAdjustment ? 'yes' : 'no') : '',
    storageHours: values.kind === 'stable' ? (values.storageHours ?? '') : '',
    offerableKw: values.kind === 'dispatchOrder' ? values.offerableKw : '',
    members: values.kind === 'variableAggregate' ? values.members : [],
    sites: values.kind === 'dispatchOrder' ? values.sites : [],
  }
}
