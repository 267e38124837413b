import type { Resource, ResourceInput } from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'

/** What a resource is read with: its participant, members and sites in list order. */
export const resourceInclude = {
  participant: { select: { id: true, code: true, name: true } },
  members: { orderBy: { position: 'asc' } },
  sites: { orderBy: { position: 'asc' } },
} as const satisfies Prisma.ResourceInclude

export type ResourceRow = Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>

const num = (d: Prisma.Decimal | null) => (d === null ? null : d.toNumber())

const memberOf = (m: ResourceRow['members'][number]) => ({
  name: m.name,
  generationType: m.generationType,
  gridCode: m.gridCode,
  installedKw: m.installedKw,
})
const siteOf = (s: ResourceRow['sites'][number]) => ({
  name: s.name,
  supplyPointId: s.supplyPointId,
  siteType: s.siteType,
  kw: s.kw,
})

/** A resource row as the API shows it. */
export function toResource(r: ResourceRow): Resource {
  return {
    id: r.id,
    code: r.code,
    participant: r.participant,
    kind: r.kind,
    name: r.name,
    nameKana: r.nameKana,
    area: r.area,
    generationType: r.generationType,
    gridCode: r.gridCode,
    location: r.location,
    commissionedOn: r.commissionedOn,
    supportScheme: r.supportScheme,
    installedKw: r.installedKw,
    houseLoadPercent: num(r.houseLoadPercent),
    hasAdjustment: r.hasAdjustment,
    storageHours: num(r.storageHours),
    offerableKw: r.offerableKw,
    members: r.members.map(memberOf),
    sites: r.sites.map(siteOf),
    status: r.status,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

/** A resource's values in the shape of its kind's input (current values of a change). */
export function valuesOf(r: ResourceRow): ResourceInput {
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
        houseLoadPercent: num(r.houseLoadPercent) ?? 0,
        hasAdjustment: r.hasAdjustment ?? false,
        storageHours: num(r.storageHours),
      }
    case 'variableSingle':
      return { kind: 'variableSingle', ...common, installedKw: r.installedKw ?? 0 }
    case 'variableAggregate':
      return { kind: 'variableAggregate', ...common, members: r.members.map(memberOf) }
    case 'dispatchOrder':
      return {
        kind: 'dispatchOrder',
        ...common,
        offerableKw: r.offerableKw ?? 0,
        sites: r.sites.map(siteOf),
      }
  }
}

/** The columns of a resource row for its values (the kind's fields; the others null). */
export function columnsOf(values: ResourceInput) {
  return {
    kind: values.kind,
    name: values.name,
    nameKana: values.nameKana,
    area: values.area,
    generationType: values.generationType,
    gridCode: values.gridCode,
    location: values.location,
    commissionedOn: values.commissionedOn,
    supportScheme: values.supportScheme,
    installedKw: 'installedKw' in values ? values.installedKw : null,
    houseLoadPercent: values.kind === 'stable' ? values.houseLoadPercent : null,
    hasAdjustment: values.kind === 'stable' ? values.hasAdjustment : null,
    storageHours: values.kind === 'stable' ? (values.storageHours ?? null) : null,
    offerableKw: values.kind === 'dispatchOrder' ? values.offerableKw : null,
  }
}

/** The member and site rows of the values, numbered from 1. */
export function listsOf(values: ResourceInput) {
  return {
    members: (values.kind === 'variableAggregate' ? values.members : []).map((m, i) => ({
      ...m,
      position: i + 1,
    })),
    sites: (values.kind === 'dispatchOrder' ? values.sites : []).map((s, i) => ({
      ...s,
      position: i + 1,
    })),
  }
}
