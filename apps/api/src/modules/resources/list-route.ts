import type { FastifyInstance } from 'fastify'
import {
  areaLabels,
  generationTypeLabels,
  resourceKindLabels,
  resourceListQuerySchema,
  resourceSchema,
  resourceStatusLabels,
  supportSchemeLabels,
  type Resource,
  type ResourceListQuery,
  type ResourceSortField,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import type { AuthContext } from '../../lib/context.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type CsvColumn, type Direction } from '../../lib/list.ts'
import { resourceInclude, toResource } from './resource.ts'

type ResourceOrder = Prisma.ResourceOrderByWithRelationInput

const sort: Record<ResourceSortField, (d: Direction) => ResourceOrder> = {
  code: (d) => ({ code: d }),
  name: (d) => ({ name: d }),
  kind: (d) => ({ kind: d }),
  area: (d) => ({ area: d }),
  generationType: (d) => ({ generationType: d }),
  participantCode: (d) => ({ participant: { code: d } }),
  status: (d) => ({ status: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

const tieBreak: ResourceOrder[] = [{ code: 'asc' }]

function resourceWhere(q: ResourceListQuery, auth: AuthContext): Prisma.ResourceWhereInput {
  return {
    ...(auth.user.role === 'operator'
      ? q.participantCode
        ? { participant: { code: q.participantCode } }
        : {}
      : { participantId: auth.participant.id }),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.area ? { area: q.area } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.q
      ? {
          OR: [
            { code: containsText(q.q) },
            { name: containsText(q.q) },
            { nameKana: containsText(q.q) },
          ],
        }
      : {}),
  }
}

const kwText = (n: number | null) => (n === null ? '' : n)

const csvColumns: CsvColumn<Resource>[] = [
  csv.text({ ja: '電源等識別番号', en: 'Resource code' }, (r) => r.code),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (r) => r.participant.code),
  csv.text({ ja: '電源等の名称', en: 'Name' }, (r) => r.name),
  csv.text({ ja: '電源等の名称(カナ)', en: 'Name (kana)' }, (r) => r.nameKana),
  csv.enumeration({ ja: '電源等の区分', en: 'Kind' }, (r) => r.kind, resourceKindLabels),
  csv.enumeration({ ja: 'エリア', en: 'Area' }, (r) => r.area, areaLabels),
  csv.enumeration(
    { ja: '発電方式', en: 'Generation type' },
    (r) => r.generationType,
    generationTypeLabels,
  ),
  csv.text({ ja: '系統コード', en: 'Grid code' }, (r) => r.gridCode),
  csv.text({ ja: '所在地', en: 'Location' }, (r) => r.location),
  csv.text({ ja: '運転開始年月', en: 'Commissioned' }, (r) => r.commissionedOn),
  csv.enumeration(
    { ja: 'FIT・FIP区分', en: 'FIT / FIP' },
    (r) => r.supportScheme,
    supportSchemeLabels,
  ),
  csv.text({ ja: '設備容量(kW)', en: 'Installed (kW)' }, (r) => kwText(r.installedKw)),
  csv.text({ ja: '提供可能容量(kW)', en: 'Offerable (kW)' }, (r) => kwText(r.offerableKw)),
  csv.enumeration({ ja: '状態', en: 'Status' }, (r) => r.status, resourceStatusLabels),
  csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (r) => r.updatedAt),
]

/** 050 電源等一覧: every resource for the operator, the own participant's for a participant. */
export function resourceListRoute(app: FastifyInstance): void {
  listRoute(app, '/', {
    config: { access: routeAccess('resources', 'view') },
    operationId: 'listResources',
    summary: 'Resources: all for the operator, the own participant’s for a participant',
    tags: ['resources', '050'],
    querystring: resourceListQuerySchema,
    item: resourceSchema,
    sort,
    defaultSort: { field: 'code', direction: 'asc' },
    tieBreak,
    where: (query, request) => resourceWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) =>
      (
        await app.db.resource.findMany({ where, orderBy, skip, take, include: resourceInclude })
      ).map(toResource),
    count: (where) => app.db.resource.count({ where }),
    csv: { fileName: 'resources.csv', columns: csvColumns },
  })
}
