import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  applicationRequestSchema,
  cancelApplicationSchema,
  idParamSchema,
  problemSchema,
  resourceChangeRequestSchema,
  resourceDetailSchema,
  resourceRegistrationRequestSchema,
  type ResourceDetail,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { documentSummariesOf } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { applicationRoutes, findApplicationSummaries } from '../applications/public.ts'
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

  applicationRoutes(app, {
    entityType: 'resource',
    functionKey: 'resources',
    tags,
    record: (tx, id) =>
      tx.resource.findUnique({ where: { id }, select: { participantId: true, version: true } }),
    register: {
      operationId: 'createResourceRegistrationApplication',
      summary: 'Apply to register a resource of one of the four kinds',
      body: resourceRegistrationRequestSchema,
    },
    change: {
      operationId: 'createResourceChangeApplication',
      summary: 'Apply to change a resource (its kind and area stay)',
      body: resourceChangeRequestSchema,
    },
    cancel: {
      operationId: 'createResourceCancelApplication',
      summary: 'Apply to cancel a resource',
      body: applicationRequestSchema(
        cancelApplicationSchema,
        "The resource's version the cancellation is based on",
      ),
    },
  })
}
