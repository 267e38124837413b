import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationActionSchema,
  applicationSchema,
  applicationTransitionSchema,
  fileResponseSchema,
  idParamSchema,
  problemSchema,
  versionInputSchema,
  transitionResultSchema,
} from '@yoryo/contracts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { requestLang } from '../../lib/problem.ts'
import { applicationListRoute } from './list-route.ts'
import {
  applicationDocument,
  loadVisible,
  toApplication,
  transition,
  updateProposed,
} from './service.ts'

const tags = ['applications']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
/** Who may change or move an application: decided per action and record (assertMayAct). */
const APPLICANT_OR_REVIEWER =
  "applicant actions: the applying participant's users with the edit right on the record's " +
  'function group; review actions: the operator'
/** Who may read an application: decided per record (the record kind's A40 view right). */
const READER =
  "the operator, or the applying participant's users with the view right on the record's " +
  'function group'

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  applicationListRoute(app)

  app.get(
    '/:id',
    {
      config: { access: { narrowedBy: READER } },
      schema: {
        operationId: 'getApplication',
        summary: 'One application with proposed and current values, the difference and the history',
        tags,
        params: idParamSchema,
        response: { 200: applicationSchema, ...problems },
      },
    },
    async (request) => {
      const row = await loadVisible(app, requireAuth(request), request.params.id)
      return toApplication(app.db, app.entityHandlers, row)
    },
  )

  app.put(
    '/:id',
    {
      config: {
        access: {
          narrowedBy: APPLICANT_OR_REVIEWER,
        },
      },
      schema: {
        operationId: 'updateApplication',
        summary: 'Change the proposed values of a draft or returned application',
        tags,
        params: idParamSchema,
        body: z.object({
          proposed: z
            .record(z.string(), z.unknown())
            .describe("The kind's proposed values (validated by the record kind's schema)"),
          version: versionInputSchema,
        }),
        response: { 200: applicationSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await loadVisible(app, auth, request.params.id)
      return updateProposed(
        app,
        { auth },
        actorOf(request),
        row,
        request.body,
        requestLang(request),
      )
    },
  )

  app.post(
    '/:id/transitions/:action',
    {
      config: {
        access: {
          narrowedBy: APPLICANT_OR_REVIEWER,
        },
      },
      schema: {
        operationId: 'transitionApplication',
        summary:
          'Move an application: submit, edit, withdraw, resubmit (applicant); startReview, return, approve, reject (operator)',
        tags,
        params: idParamSchema.extend({ action: applicationActionSchema }),
        body: applicationTransitionSchema,
        response: { 200: transitionResultSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await loadVisible(app, auth, request.params.id)
      return transition(
        app,
        { auth },
        actorOf(request),
        row,
        request.params.action,
        request.body,
        requestLang(request),
      )
    },
  )

  app.get(
    '/:id/pdf',
    {
      config: { access: { narrowedBy: READER } },
      schema: {
        operationId: 'printApplication',
        summary:
          'The document an application produces (e.g. 容量市場システム利用申込書, 701) as a PDF',
        tags,
        params: idParamSchema,
        response: {
          200: fileResponseSchema('application/pdf', 'The application as a PDF'),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const row = await loadVisible(app, requireAuth(request), request.params.id)
      const pdf = await applicationDocument(app.entityHandlers, row)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${pdf.fileName}"`)
        .send(pdf.content)
    },
  )
}
