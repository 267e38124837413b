import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  auditActionLabel,
  auditEntityTypeLabel,
  auditEntrySchema,
  auditFieldLabel,
  auditFieldOrder,
  auditLogQuerySchema,
  auditValueLabel,
  jstDayEnd,
  jstDayStart,
  type AuditEntry,
  type AuditLogQuery,
  type AuditSortField,
  type Lang,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import type { AuthContext } from '../../lib/context.ts'
import { requireAuth } from '../../lib/guards.ts'
import {
  containsText,
  csv,
  likeText,
  listRoute,
  type CsvColumn,
  type Direction,
} from '../../lib/list.ts'

type AuditOrder = Prisma.AuditLogOrderByWithRelationInput

const sort: Record<AuditSortField, (d: Direction) => AuditOrder> = {
  at: (d) => ({ at: d }),
  actorLabel: (d) => ({ actorLabel: d }),
  participantCode: (d) => ({ participant: { code: d } }),
  action: (d) => ({ action: d }),
  entityType: (d) => ({ entityType: d }),
  entityId: (d) => ({ entityId: d }),
  requestId: (d) => ({ requestId: d }),
}
const tieBreak: AuditOrder[] = [{ at: 'desc' }, { id: 'asc' }]

function auditWhere(q: AuditLogQuery, auth: AuthContext): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = []
  if (auth.user.role !== 'operator') and.push({ participantId: auth.participant.id })
  else if (q.participantCode) and.push({ participant: { code: q.participantCode } })
  if (q.action) and.push({ action: { startsWith: likeText(q.action) } })
  if (q.entityType) and.push({ entityType: q.entityType })
  if (q.entityId) and.push({ entityId: q.entityId })
  if (q.actor) and.push({ actorLabel: containsText(q.actor) })
  if (q.requestId) and.push({ requestId: q.requestId })
  if (q.from) and.push({ at: { gte: jstDayStart(q.from) } })
  if (q.to) and.push({ at: { lt: jstDayEnd(q.to) } })
  return { AND: and }
}

/** A recorded value as a CSV cell: `field: value` per line, fields and codes by their label. */
function changeText(entityType: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value)
  const record = value as Record<string, unknown>
  return auditFieldOrder(Object.keys(record))
    .map((key) => {
      const v = record[key]
      const text =
        typeof v === 'string' ? (auditValueLabel(entityType, key, v, lang) ?? v) : JSON.stringify(v)
      return `${auditFieldLabel(key, lang)}: ${text}`
    })
    .join('\n')
}

const csvColumns: CsvColumn<AuditEntry>[] = [
  csv.dateTime({ ja: '日時', en: 'Time' }, (r) => r.at),
  csv.text({ ja: '操作者', en: 'Actor' }, (r) => r.actorLabel),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (r) => r.participantCode),
  {
    header: { ja: '操作', en: 'Operation' },
    value: (r, lang) => auditActionLabel(r.action, lang) ?? r.action,
  },
  {
    header: { ja: '対象', en: 'Record kind' },
    value: (r, lang) => auditEntityTypeLabel(r.entityType, lang),
  },
  csv.text({ ja: '対象ID', en: 'Record ID' }, (r) => r.entityId),
  {
    header: { ja: '変更前', en: 'Before' },
    value: (r, lang) => changeText(r.entityType, r.before, lang),
  },
  {
    header: { ja: '変更後', en: 'After' },
    value: (r, lang) => changeText(r.entityType, r.after, lang),
  },
  csv.text({ ja: 'リクエストID', en: 'Request ID' }, (r) => r.requestId),
]

/**
 * The audit log: every write with who, which participant, when, what, before → after and the
 * request ID. The operator searches all of it; a participant administrator its own participant's.
 */
export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('auditLog', 'view') },
    operationId: 'listAuditLog',
    summary: 'Search the audit log (operator: all; participant administrator: own participant)',
    tags: ['audit-log', '020'],
    querystring: auditLogQuerySchema,
    item: auditEntrySchema,
    sort,
    defaultSort: { field: 'at', direction: 'desc' },
    tieBreak,
    where: (query, request) => auditWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) => {
      const rows = await app.db.auditLog.findMany({
        where,
        orderBy,
        skip,
        take,
        include: { participant: { select: { code: true } } },
      })
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorLabel: r.actorLabel,
        participantCode: r.participant?.code ?? null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.requestId,
      }))
    },
    count: (where) => app.db.auditLog.count({ where }),
    csv: { fileName: 'audit-log.csv', columns: csvColumns },
  })
}
