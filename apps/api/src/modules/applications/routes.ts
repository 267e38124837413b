import { createHash, randomBytes } from 'node:crypto'
import type { FastifyReply } from 'fastify'
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
  systemUseApplicationSchema,
  transitionResultSchema,
  type SystemUseApplication,
} from '@yoryo/contracts'
import { actorOf } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { CSV_EXPORT_LIMIT, orderByOf, sendCsv } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { assertCorporateNumberFree } from '../participants/handler.ts'
import { systemUseApplicationPdf } from './system-use-pdf.ts'
import {
  createApplication,
  listApplications,
  loadVisible,
  toApplication,
  transition,
  updateProposed,
} from './service.ts'

const tags = ['applications', '030', '700']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const KEY_HEADER = 'x-application-key'
/** Who may change or move an application: decided per action and record (assertMayAct). */
const APPLICANT_OR_REVIEWER =
  "applicant actions: the applying participant's users with the edit right on the record's " +
  'function group; review actions: the operator'
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

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
      config: { access: {} },
      schema: {
        operationId: 'getApplication',
        summary: 'One application with proposed and current values, the difference and the history',
        tags,
        params: idParamSchema,
        response: { 200: applicationSchema, ...problems },
      },
    },
    async (request) => {
      const row = await loadVisible(app.db, requireAuth(request), request.params.id)
      return toApplication(app.db, row)
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
          proposed: z.record(z.string(), z.unknown()),
          version: versionInputSchema,
        }),
        response: { 200: applicationSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await loadVisible(app.db, auth, request.params.id)
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
      const row = await loadVisible(app.db, auth, request.params.id)
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

  // ── System use application (700/701): public, no login ────────────────────────────────────
  const publicTags = ['applications', '700']
  const receiptParams = z.object({ receiptNo: z.string().regex(/^A\d{8}-[0-9A-Z]{5}$/) })
  const keyHeaders = z.object({ [KEY_HEADER]: z.string().min(20).max(100) })

  async function loadByKey(receiptNo: string, key: string) {
    const row = await app.db.application.findUnique({
      where: { receiptNo },
      include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
    })
    if (!row || !row.accessKeyHash || row.accessKeyHash !== sha256(key)) {
      throw new AppError('E-COMMON-002', 404)
    }
    return row
  }

  app.post(
    '/system-use',
    {
      config: {
        access: { public: true },
        rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'createSystemUseApplication',
        summary: 'Apply for use of the system (700): the company and its first administrator',
        description:
          'Answers the receipt number and an access key, shown only here, with which the applicant ' +
          `reads and corrects the application (header \`${KEY_HEADER}\`).`,
        tags: publicTags,
        security: [],
        body: systemUseApplicationSchema,
        response: {
          201: z.object({ application: applicationSchema, accessKey: z.string() }),
          400: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await assertCorporateNumberFree(app.db, request.body.participant.corporateNumber)
      const accessKey = randomBytes(24).toString('base64url')
      const row = await app.db.$transaction((tx) =>
        createApplication(tx, actorOf(request), {
          kind: 'register',
          entityType: 'participant',
          entityId: null,
          participantId: null,
          proposed: request.body,
          submit: true,
          accessKeyHash: sha256(accessKey),
        }),
      )
      reply.code(201)
      return { application: await toApplication(app.db, row), accessKey }
    },
  )

  app.get(
    '/system-use/:receiptNo',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'getSystemUseApplication',
        summary: 'The applicant reads its system use application (receipt number + access key)',
        tags: publicTags,
        security: [],
        params: receiptParams,
        headers: keyHeaders,
        response: { 200: applicationSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      toApplication(app.db, await loadByKey(request.params.receiptNo, request.headers[KEY_HEADER])),
  )

  app.put(
    '/system-use/:receiptNo',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'updateSystemUseApplication',
        summary: 'The applicant corrects a returned system use application',
        tags: publicTags,
        security: [],
        params: receiptParams,
        headers: keyHeaders,
        body: z.object({ proposed: systemUseApplicationSchema, version: versionInputSchema }),
        response: {
          200: applicationSchema,
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const row = await loadByKey(request.params.receiptNo, request.headers[KEY_HEADER])
      return updateProposed(
        app,
        { publicApplicant: true },
        actorOf(request),
        row,
        request.body,
        requestLang(request),
      )
    },
  )

  app.post(
    '/system-use/:receiptNo/transitions/:action',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'transitionSystemUseApplication',
        summary: 'The applicant resubmits or withdraws its system use application',
        tags: publicTags,
        security: [],
        params: receiptParams.extend({ action: z.enum(['resubmit', 'withdraw']) }),
        headers: keyHeaders,
        body: applicationTransitionSchema,
        response: { 200: transitionResultSchema, ...problems },
      },
    },
    async (request) => {
      const row = await loadByKey(request.params.receiptNo, request.headers[KEY_HEADER])
      return transition(
        app,
        { publicApplicant: true },
        actorOf(request),
        row,
        request.params.action,
        request.body,
        requestLang(request),
      )
    },
  )

  async function sendApplicationPdf(
    reply: FastifyReply,
    row: {
      receiptNo: string
      entityType: string
      kind: string
      proposed: unknown
      submittedAt: Date | null
      createdAt: Date
    },
  ) {
    if (row.entityType !== 'participant' || row.kind !== 'register')
      throw new AppError('E-COMMON-002', 404)
    const pdf = await systemUseApplicationPdf(
      row.receiptNo,
      row.submittedAt ?? row.createdAt,
      row.proposed as SystemUseApplication,
    )
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${row.receiptNo}.pdf"`)
      .send(pdf)
  }

  app.get(
    '/system-use/:receiptNo/pdf',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'printSystemUseApplication',
        summary: 'The system use application as a PDF, for the applicant to print (701)',
        tags: publicTags,
        security: [],
        params: receiptParams,
        headers: keyHeaders,
        response: {
          200: fileResponseSchema('application/pdf', 'The application as a PDF'),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) =>
      sendApplicationPdf(
        reply,
        await loadByKey(request.params.receiptNo, request.headers[KEY_HEADER]),
      ),
  )

  app.get(
    '/:id/pdf',
    {
      config: { access: {} },
      schema: {
        operationId: 'printApplication',
        summary: 'A system use application as a PDF (operator)',
        tags: publicTags,
        params: idParamSchema,
        response: {
          200: fileResponseSchema('application/pdf', 'The application as a PDF'),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      sendApplicationPdf(reply, await loadVisible(app.db, requireAuth(request), request.params.id)),
  )
}
