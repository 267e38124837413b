import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationSchema,
  cancelApplicationSchema,
  idParamSchema,
  listQuerySchema,
  pageSchema,
  participantProfileSchema,
  participantSchema,
  problemSchema,
  versionInputSchema,
  type Participant,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { CSV_EXPORT_LIMIT, orderByOf, sendCsv } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { createApplication, toApplication } from '../applications/public.ts'
import { participantHandler, profileOf } from './handler.ts'

const tags = ['participants', '030']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

function toParticipant(p: Prisma.ParticipantGetPayload<object>): Participant {
  return {
    ...(p.kind === 'participant' ? profileOf(p) : {}),
    id: p.id,
    code: p.code,
    kind: p.kind,
    name: p.name,
    nameKana: p.nameKana,
    nameEn: p.nameEn,
    status: p.status,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }
}

const listQuery = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Code or name contains'),
  status: z.enum(['active', 'cancelled']).optional(),
})

/** Participant information (030): read; changes and cancellation go through applications. */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(participantHandler)

  app.get(
    '/',
    {
      config: { access: routeAccess(['participant', 'participants'], 'view') },
      schema: {
        operationId: 'listParticipants',
        summary: 'Participants: all for the operator, the own one for a participant',
        tags,
        querystring: listQuery,
        response: { 200: pageSchema(participantSchema), ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const q = request.query
      const order = orderByOf(q.sort, ['code', 'name', 'createdAt'] as const, {
        field: 'code',
        direction: 'asc',
      })
      const where: Prisma.ParticipantWhereInput = {
        ...(auth.user.role === 'operator' ? {} : { id: auth.participant.id }),
        ...(q.status ? { status: q.status } : {}),
        ...(q.q
          ? {
              OR: [
                { code: { contains: q.q } },
                { name: { contains: q.q } },
                { nameKana: { contains: q.q } },
              ],
            }
          : {}),
      }
      const csv = q.format === 'csv'
      const [rows, total] = await Promise.all([
        app.db.participant.findMany({
          where,
          orderBy: [{ [order.field]: order.direction }, { id: 'asc' }],
          take: csv ? CSV_EXPORT_LIMIT : q.pageSize,
          skip: csv ? 0 : (q.page - 1) * q.pageSize,
        }),
        app.db.participant.count({ where }),
      ])
      const items = rows.map(toParticipant)
      if (csv) {
        return sendCsv(
          reply,
          'participants.csv',
          [
            { header: '事業者コード', value: (p) => p.code },
            { header: '事業者名', value: (p) => p.name },
            { header: '事業者名(カナ)', value: (p) => p.nameKana },
            { header: '法人番号', value: (p) => p.corporateNumber },
            { header: 'ライセンス区分', value: (p) => p.licenseCategory },
            { header: '状態', value: (p) => (p.status === 'active' ? '有効' : '取消') },
          ],
          items,
          q.encoding,
        )
      }
      return { items, total, page: q.page, pageSize: q.pageSize }
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess(['participant', 'participants'], 'view') },
      schema: {
        operationId: 'getParticipant',
        summary: 'One participant (another participant answers 404)',
        tags,
        params: idParamSchema,
        response: { 200: participantSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      assertSameParticipant(auth, request.params.id)
      const p = await app.db.participant.findUnique({ where: { id: request.params.id } })
      if (!p) throw new AppError('E-COMMON-002', 404)
      return toParticipant(p)
    },
  )

  const applyBody = <T extends z.ZodType>(proposed: T) =>
    z.object({
      proposed,
      submit: z.boolean().default(true).describe('false keeps it as a draft'),
      version: versionInputSchema.describe("The participant's version the change is based on"),
    })

  async function fileApplication(
    request: FastifyRequest,
    kind: 'change' | 'cancel',
    id: string,
    body: { proposed: unknown; submit: boolean; version: number },
  ) {
    const auth = requireAuth(request)
    if (auth.user.role === 'operator' || auth.participant.id !== id) {
      // The operator reviews; it does not apply on a participant's behalf.
      assertSameParticipant(auth, id)
      throw new AppError('E-AUTH-005', 403)
    }
    const row = await app.db.$transaction(async (tx) => {
      const p = await tx.participant.findUnique({ where: { id } })
      if (!p) throw new AppError('E-COMMON-002', 404)
      if (p.version !== body.version) throw new AppError('E-COMMON-004', 409)
      return createApplication(tx, app.entityHandlers, actorOf(request), {
        kind,
        entityType: 'participant',
        entityId: id,
        participantId: id,
        proposed: body.proposed,
        submit: body.submit,
        lang: requestLang(request),
      })
    })
    return toApplication(app.db, app.entityHandlers, row)
  }

  app.post(
    '/:id/change-applications',
    {
      config: { access: routeAccess('participant', 'edit') },
      schema: {
        operationId: 'createParticipantChangeApplication',
        summary: 'Apply to change the participant information (bank account included)',
        tags,
        params: idParamSchema,
        body: applyBody(participantProfileSchema),
        response: { 201: applicationSchema, ...problems },
      },
    },
    async (request, reply) => {
      const application = await fileApplication(request, 'change', request.params.id, request.body)
      reply.code(201)
      return application
    },
  )

  app.post(
    '/:id/cancel-applications',
    {
      config: { access: routeAccess('participant', 'edit') },
      schema: {
        operationId: 'createParticipantCancelApplication',
        summary: 'Apply to cancel the registration of the participant',
        tags,
        params: idParamSchema,
        body: applyBody(cancelApplicationSchema),
        response: { 201: applicationSchema, ...problems },
      },
    },
    async (request, reply) => {
      const application = await fileApplication(request, 'cancel', request.params.id, request.body)
      reply.code(201)
      return application
    },
  )
}
