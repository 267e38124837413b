import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { portalSchema, problemSchema } from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { requireAuth } from '../../lib/guards.ts'
import { portalFor } from './service.ts'

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: routeAccess(['portal', 'deliveryPortal'], 'view') },
      schema: {
        operationId: 'getPortal',
        summary: 'Portal top: open windows with deadlines and the pending tasks of the user',
        tags: ['portal', '010', 'A20'],
        response: { 200: portalSchema, 401: problemSchema, 403: problemSchema, 503: problemSchema },
      },
    },
    async (request) => portalFor(app, requireAuth(request)),
  )
}
