import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  applicationRequestSchema,
  cancelApplicationSchema,
  idParamSchema,
  participantProfileSchema,
  participantSchema,
  problemSchema,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { applicationRoutes } from '../applications/public.ts'
import { participantHandler } from './handler.ts'
import { participantListRoute } from './list-route.ts'
import { toParticipant } from './participant.ts'

const tags = ['participants', '030']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

/** Participant information (030): read; changes and cancellation go through applications. */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(participantHandler)

  participantListRoute(app)

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

  applicationRoutes(app, {
    entityType: 'participant',
    functionKey: 'participant',
    tags,
    record: async (tx, id) => {
      const p = await tx.participant.findUnique({ where: { id }, select: { version: true } })
      return p && { participantId: id, version: p.version }
    },
    change: {
      operationId: 'createParticipantChangeApplication',
      summary: 'Apply to change the participant information (bank account included)',
      body: applicationRequestSchema(
        participantProfileSchema,
        "The participant's version the change is based on",
      ),
    },
    cancel: {
      operationId: 'createParticipantCancelApplication',
      summary: 'Apply to cancel the registration of the participant',
      body: applicationRequestSchema(
        cancelApplicationSchema,
        "The participant's version the change is based on",
      ),
    },
  })
}
