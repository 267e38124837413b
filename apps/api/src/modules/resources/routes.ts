import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationSchema,
  cancelApplicationSchema,
  idParamSchema,
  problemSchema,
  resourceChangeRequestSchema,
  resourceDetailSchema,
  resourceRegistrationRequestSchema,
  versionInputSchema,
  type ResourceDetail,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { documentSummariesOf } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { requestLang } from '../../lib/problem.ts'
import {
  createApplication,
  findApplicationSummaries,
  toApplication,
} from '../applications/public.ts'
import { resourceBulkFormats } from './bulk-formats.ts'
import { resourceHandler } from './handler.ts'
import { resourceListRoute } from './list-route.ts'
import { resourceInclude, toResource } from './resource.ts'

const tags = ['resources', '050']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

/**
 * Resources (050): list and detail (with the applications filed on the resource and its
 * documents); registration, change and cancellation go through applications reviewed by the
 * operator.
 */
export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(resourceHandler)
  for (const format of resourceBulkFormats(app.entityHandlers)) app.bulkFormats.register(format)

  resourceListRoute(app)

  app.get(
    '/:id',
    {
      config: { access: routeAccess('resources', 'view') },
      schema: {
        operationId: 'getResource',
        summary:
          'One resource with its history (applications and their events) and its documents (another participant’s answers 404)',
        tags,
        params: idParamSchema,
        response: { 200: resourceDetailSchema, ...problems },
      },
    },
    async (request): Promise<ResourceDetail> => {
      const auth = requireAuth(request)
      const r = await app.db.resource.findUnique({
        where: { id: request.params.id },
        include: resourceInclude,
      })
      if (!r) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, r.participantId)
      const where = { entityType: 'resource', entityId: r.id }
      const summaries = await findApplicationSummaries(app.db, app.entityHandlers, {
        where,
        orderBy: [{ createdAt: 'asc' }, { receiptNo: 'asc' }],
        skip: 0,
        take: 1000,
      })
      const events = await app.db.applicationEvent.findMany({
        where: { applicationId: { in: summaries.map((s) => s.id) } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })
      const documents = await app.db.document.findMany({
        where: { ownerType: 'resource', ownerId: r.id },
        orderBy: [{ createdAt: 'asc' }, { documentNo: 'asc' }],
      })
      return {
        ...toResource(r),
        applications: summaries.map((s) => ({
          ...s,
          events: events
            .filter((e) => e.applicationId === s.id)
            .map((e) => ({
              id: e.id,
              action: e.action,
              fromState: e.fromState,
              toState: e.toState,
              actorLabel: e.actorLabel,
              comment: e.comment,
              at: e.at.toISOString(),
            })),
        })),
        documents: documentSummariesOf(documents),
      }
    },
  )

  async function fileApplication(
    request: FastifyRequest,
    kind: 'register' | 'change' | 'cancel',
    resourceId: string | null,
    body: { proposed: unknown; submit: boolean; version?: number },
  ) {
    const auth = requireAuth(request)
    // The operator reviews; it does not apply on a participant's behalf (routeAccess: edit).
    const participantId = auth.participant.id
    const row = await app.db.$transaction(async (tx) => {
      if (resourceId) {
        const r = await tx.resource.findUnique({ where: { id: resourceId } })
        if (!r) throw new AppError('E-COMMON-002', 404)
        assertSameParticipant(auth, r.participantId)
        if (r.version !== body.version) throw new AppError('E-COMMON-004', 409)
      }
      return createApplication(tx, app.entityHandlers, actorOf(request), {
        kind,
        entityType: 'resource',
        entityId: resourceId,
        participantId,
        proposed: body.proposed,
        submit: body.submit,
        lang: requestLang(request),
      })
    })
    return toApplication(app.db, app.entityHandlers, row)
  }

  app.post(
    '/registration-applications',
    {
      config: { access: routeAccess('resources', 'edit') },
      schema: {
        operationId: 'createResourceRegistrationApplication',
        summary: 'Apply to register a resource of one of the four kinds',
        tags,
        body: resourceRegistrationRequestSchema,
        response: { 201: applicationSchema, ...problems },
      },
    },
    async (request, reply) => {
      const application = await fileApplication(request, 'register', null, request.body)
      reply.code(201)
      return application
    },
  )

  app.post(
    '/:id/change-applications',
    {
      config: { access: routeAccess('resources', 'edit') },
      schema: {
        operationId: 'createResourceChangeApplication',
        summary: 'Apply to change a resource (its kind and area stay)',
        tags,
        params: idParamSchema,
        body: resourceChangeRequestSchema,
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
      config: { access: routeAccess('resources', 'edit') },
      schema: {
        operationId: 'createResourceCancelApplication',
        summary: 'Apply to cancel a resource',
        tags,
        params: idParamSchema,
        body: z.object({
          proposed: cancelApplicationSchema,
          submit: z.boolean().default(true).describe('false keeps it as a draft'),
          version: versionInputSchema.describe(
            "The resource's version the cancellation is based on",
          ),
        }),
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
