import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationSchema,
  cancelApplicationSchema,
  idParamSchema,
  participantProfileSchema,
  participantSchema,
  problemSchema,
  versionInputSchema,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { requestLang } from '../../lib/problem.ts'
import { createApplication, toApplication } from '../applications/public.ts'
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
