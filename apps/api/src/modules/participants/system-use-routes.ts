import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationSchema,
  applicationTransitionSchema,
  fileResponseSchema,
  problemSchema,
  systemUseApplicationSchema,
  transitionResultSchema,
  versionInputSchema,
} from '@yoryo/contracts'
import { actorOf } from '../../lib/audit.ts'
import { sha256Hex } from '../../lib/crypto.ts'
import { requestLang } from '../../lib/problem.ts'
import {
  applicationDocument,
  createApplication,
  forPublicApplicant,
  loadByAccessKey,
  toApplication,
  transition,
  updateProposed,
} from '../applications/public.ts'

const tags = ['applications', '700']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const KEY_HEADER = 'x-application-key'

// Without look-alikes (0/O, 1/I/l): the key is read from paper and typed. 32 characters, so
// each random byte maps to one without bias.
const KEY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const KEY_LENGTH = 24

/** A new access key: 24 characters (120 bits), shown in groups of four. */
export function newAccessKey(): string {
  return [...randomBytes(KEY_LENGTH)].map((b) => KEY_ALPHABET[b & 31]).join('')
}

/**
 * System use application (700/701): a participant's registration, filed without login. The
 * applicant reads, corrects, resubmits, withdraws and prints it with the receipt number and the
 * access key shown once at filing. Served under `/api/v1/applications/system-use`.
 */
export const systemUseRoutes: FastifyPluginAsyncZod = async (app) => {
  const receiptParams = z.object({ receiptNo: z.string().regex(/^A\d{8}-[0-9A-Z]{5}$/) })
  // Any key up to 100 characters is looked up: a wrong one of any length is E-APP-006, not a
  // field error on a header the applicant cannot see.
  const keyHeaders = z.object({ [KEY_HEADER]: z.string().min(1).max(100) })

  app.post(
    '',
    {
      config: {
        access: { public: true },
        rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'createSystemUseApplication',
        summary: 'Apply for use of the system (700): the company and its first administrator',
        description:
          'Answers the receipt number and an access key (24 characters without look-alikes such as ' +
          '0/O and 1/I), shown only here, with which the applicant reads and corrects the ' +
          `application (header \`${KEY_HEADER}\`; groups separated by hyphens are accepted).`,
        tags,
        security: [],
        body: systemUseApplicationSchema,
        response: {
          201: z.object({ application: applicationSchema, accessKey: z.string() }),
          400: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const accessKey = newAccessKey()
      const row = await app.db.$transaction((tx) =>
        createApplication(tx, app.entityHandlers, actorOf(request), {
          kind: 'register',
          entityType: 'participant',
          entityId: null,
          participantId: null,
          proposed: request.body,
          submit: true,
          accessKeyHash: sha256Hex(accessKey),
          lang: requestLang(request),
        }),
      )
      reply.code(201)
      return {
        application: forPublicApplicant(await toApplication(app.db, app.entityHandlers, row)),
        accessKey,
      }
    },
  )

  app.get(
    '/:receiptNo',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'getSystemUseApplication',
        summary: 'The applicant reads its system use application (receipt number + access key)',
        tags,
        security: [],
        params: receiptParams,
        headers: keyHeaders,
        response: { 200: applicationSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      forPublicApplicant(
        await toApplication(
          app.db,
          app.entityHandlers,
          await loadByAccessKey(app.db, request.params.receiptNo, request.headers[KEY_HEADER]),
        ),
      ),
  )

  app.put(
    '/:receiptNo',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'updateSystemUseApplication',
        summary: 'The applicant corrects a returned system use application',
        tags,
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
      const row = await loadByAccessKey(
        app.db,
        request.params.receiptNo,
        request.headers[KEY_HEADER],
      )
      return forPublicApplicant(
        await updateProposed(
          app,
          { publicApplicant: true },
          actorOf(request),
          row,
          request.body,
          requestLang(request),
        ),
      )
    },
  )

  app.post(
    '/:receiptNo/transitions/:action',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'transitionSystemUseApplication',
        summary: 'The applicant resubmits or withdraws its system use application',
        tags,
        security: [],
        params: receiptParams.extend({ action: z.enum(['resubmit', 'withdraw']) }),
        headers: keyHeaders,
        body: applicationTransitionSchema,
        response: { 200: transitionResultSchema, ...problems },
      },
    },
    async (request) => {
      const row = await loadByAccessKey(
        app.db,
        request.params.receiptNo,
        request.headers[KEY_HEADER],
      )
      const result = await transition(
        app,
        { publicApplicant: true },
        actorOf(request),
        row,
        request.params.action,
        request.body,
        requestLang(request),
      )
      return { ...result, application: forPublicApplicant(result.application) }
    },
  )

  app.get(
    '/:receiptNo/pdf',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'printSystemUseApplication',
        summary: 'The system use application as a PDF, for the applicant to print (701)',
        tags,
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
    async (request, reply) => {
      const row = await loadByAccessKey(
        app.db,
        request.params.receiptNo,
        request.headers[KEY_HEADER],
      )
      const pdf = await applicationDocument(app.entityHandlers, row)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${pdf.fileName}"`)
        .send(pdf.content)
    },
  )
}
