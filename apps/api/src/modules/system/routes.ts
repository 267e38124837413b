import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  healthSchema,
  maintenanceStatusSchema,
  maintenanceUpdateSchema,
  messages,
  problemSchema,
} from '@yoryo/contracts'
import { actorOf } from '../../lib/audit.ts'
import { routeAccess } from '../../lib/access.ts'
import { requireAuth } from '../../lib/guards.ts'
import { databaseAnswers, getMaintenance, setMaintenance } from './service.ts'

const VERSION = '0.1.0'

const messageEntrySchema = z
  .object({
    id: z.string(),
    severity: z.enum(['info', 'warning', 'error']),
    ja: z.string(),
    en: z.string(),
  })
  .meta({ id: 'MessageEntry' })

/** Health check for load balancers: 200 when the database answers, else 503. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness and database check',
        tags: ['system'],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers(app)) {
        return { status: 'ok' as const, database: 'ok' as const, version: VERSION }
      }
      reply.code(503)
      return { status: 'degraded' as const, database: 'unavailable' as const, version: VERSION }
    },
  )
}

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/maintenance',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        operationId: 'getMaintenance',
        summary: 'Whether maintenance mode is on, with its message and end time',
        tags: ['system', '010', 'A20'],
        response: { 200: maintenanceStatusSchema },
      },
    },
    async () => getMaintenance(app),
  )

  app.put(
    '/maintenance',
    {
      config: { access: routeAccess('maintenance', 'edit') },
      schema: {
        operationId: 'updateMaintenance',
        summary: 'Switch maintenance mode on or off (operator)',
        tags: ['system', '010'],
        body: maintenanceUpdateSchema,
        response: {
          200: maintenanceStatusSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      requireAuth(request)
      return setMaintenance(app, actorOf(request), request.body)
    },
  )
}

/** The message catalogue (600 / G30), public so integrators can map message IDs. */
export const messageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        operationId: 'listMessages',
        summary: 'The message catalogue (600 / G30)',
        tags: ['system', '600', 'G30'],
        response: { 200: z.array(messageEntrySchema) },
      },
    },
    async () =>
      Object.entries(messages)
        .map(([id, m]) => ({ id, severity: m.severity, ja: m.ja, en: m.en }))
        .sort((a, b) => a.id.localeCompare(b.id)),
  )
}
