import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  auditEntrySchema,
  auditLogQuerySchema,
  pageSchema,
  problemSchema,
  type AuditEntry,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { requireAuth } from '../../lib/guards.ts'
import { CSV_EXPORT_LIMIT, orderByOf, sendCsv } from '../../lib/list.ts'

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v))

/**
 * The audit log: every write with who, which participant, when, what, before → after and the
 * request ID. The operator searches all of it; a participant administrator its own participant's.
 */
export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: routeAccess('auditLog', 'view') },
      schema: {
        operationId: 'listAuditLog',
        summary: 'Search the audit log (operator: all; participant administrator: own participant)',
        tags: ['audit-log', '020'],
        querystring: auditLogQuerySchema,
        response: {
          200: pageSchema(auditEntrySchema),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const q = request.query
      const order = orderByOf(q.sort, ['at', 'action', 'entityType'] as const, {
        field: 'at',
        direction: 'desc',
      })
      let participantFilter: Prisma.AuditLogWhereInput = {}
      if (auth.user.role !== 'operator') {
        participantFilter = { participantId: auth.participant.id }
      } else if (q.participantCode) {
        const p = await app.db.participant.findUnique({
          where: { code: q.participantCode },
          select: { id: true },
        })
        participantFilter = { participantId: p?.id ?? '00000000-0000-0000-0000-000000000000' }
      }
      const where: Prisma.AuditLogWhereInput = {
        ...participantFilter,
        ...(q.action ? { action: { startsWith: q.action } } : {}),
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.actor ? { actorLabel: { contains: q.actor } } : {}),
        ...(q.requestId ? { requestId: q.requestId } : {}),
        ...(q.from || q.to
          ? {
              at: {
                ...(q.from ? { gte: new Date(`${q.from}T00:00:00+09:00`) } : {}),
                ...(q.to
                  ? { lt: new Date(new Date(`${q.to}T00:00:00+09:00`).getTime() + 86_400_000) }
                  : {}),
              },
            }
          : {}),
      }
      const csv = q.format === 'csv'
      const [rows, total] = await Promise.all([
        app.db.auditLog.findMany({
          where,
          orderBy: [{ [order.field]: order.direction }, { id: 'asc' }],
          take: csv ? CSV_EXPORT_LIMIT : q.pageSize,
          skip: csv ? 0 : (q.page - 1) * q.pageSize,
        }),
        app.db.auditLog.count({ where }),
      ])
      const codes = new Map(
        (
          await app.db.participant.findMany({
            where: {
              id: {
                in: [...new Set(rows.flatMap((r) => (r.participantId ? [r.participantId] : [])))],
              },
            },
            select: { id: true, code: true },
          })
        ).map((p) => [p.id, p.code]),
      )
      const items: AuditEntry[] = rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorLabel: r.actorLabel,
        participantCode: r.participantId ? (codes.get(r.participantId) ?? null) : null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.requestId,
      }))
      if (csv) {
        return sendCsv(
          reply,
          'audit-log.csv',
          [
            { header: '日時', value: (r) => r.at },
            { header: '操作者', value: (r) => r.actorLabel },
            { header: '事業者コード', value: (r) => r.participantCode },
            { header: '操作', value: (r) => r.action },
            { header: '対象', value: (r) => r.entityType },
            { header: '対象ID', value: (r) => r.entityId },
            { header: '変更前', value: (r) => json(r.before) },
            { header: '変更後', value: (r) => json(r.after) },
            { header: 'リクエストID', value: (r) => r.requestId },
          ],
          items,
          q.encoding,
        )
      }
      return { items, total, page: q.page, pageSize: q.pageSize }
    },
  )
}
