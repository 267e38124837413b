import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationActionSchema,
  applicationListQuerySchema,
  applicationSchema,
  applicationSummarySchema,
  applicationTransitionSchema,
  fileResponseSchema,
  idParamSchema,
  pageSchema,
  problemSchema,
  versionInputSchema,
  transitionResultSchema,
} from '@yoryo/contracts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { CSV_EXPORT_LIMIT, orderByOf, sendCsv } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import {
  applicationDocument,
  listApplications,
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

const STATE_JA: Record<string, string> = {
  draft: '下書き',
  submitted: '申込済',
  inReview: '審査中',
  returned: '差戻し',
  approved: '承認済',
  rejected: '却下',
  withdrawn: '取下げ',
}
const KIND_JA: Record<string, string> = { register: '登録', change: '変更', cancel: '廃止' }

/** Applications and their review (申込 → 審査), for every kind of reviewed record. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: {} },
      schema: {
        operationId: 'listApplications',
        summary:
          'Applications: the operator sees all (review queue: state=queue), a participant its own',
        tags,
        querystring: applicationListQuerySchema,
        response: { 200: pageSchema(applicationSummarySchema), ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const q = request.query
      const order = orderByOf(q.sort, ['submittedAt', 'createdAt', 'receiptNo', 'state'] as const, {
        field: 'submittedAt',
        direction: 'asc',
      })
      if (q.format === 'csv') {
        const { items } = await listApplications(app, auth, q, order, CSV_EXPORT_LIMIT, 0)
        return sendCsv(
          reply,
          'applications.csv',
          [
            { header: '受付番号', value: (r) => r.receiptNo },
            { header: '申込種別', value: (r) => KIND_JA[r.kind] },
            { header: '対象', value: (r) => r.entityType },
            { header: '事業者コード', value: (r) => r.participant?.code },
            { header: '申込者', value: (r) => r.applicantName },
            { header: '状態', value: (r) => STATE_JA[r.state] },
            { header: '申込日時', value: (r) => r.submittedAt },
            { header: '処理日時', value: (r) => r.decidedAt },
          ],
          items,
          q.encoding,
        )
      }
      const { items, total } = await listApplications(
        app,
        auth,
        q,
        order,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      )
      return { items, total, page: q.page, pageSize: q.pageSize }
    },
  )

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
