import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import {
  applicationSchema,
  idParamSchema,
  problemSchema,
  type EntityType,
  type FunctionKey,
} from '@yoryo/contracts'
import type { DbTransaction } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { requestLang } from '../../lib/problem.ts'
import { createApplication, toApplication } from './service.ts'

/** The body of a filing route: the proposed values, draft or submit, the base version. */
type FilingBody = { proposed: unknown; submit: boolean; version?: number }

interface FilingRoute {
  operationId: string
  summary: string
  /** Built with `applicationRequestSchema` of @yoryo/contracts (or a named schema made by it). */
  body: z.ZodType<FilingBody>
}

export interface ApplicationRoutesOptions {
  entityType: EntityType
  /**
   * The registry function whose edit right filing needs (participants file, the operator
   * reviews); several: a right on any of them (`routeAccess`).
   */
  functionKey: FunctionKey | readonly FunctionKey[]
  tags: string[]
  /** The record a change or cancellation is filed on: its participant and version; null: 404. */
  record: (
    tx: DbTransaction,
    id: string,
  ) => Promise<{ participantId: string; version: number } | null>
  /** `POST /registration-applications`, when the record is registered through an application. */
  register?: FilingRoute & {
    /**
     * The participant a registration is filed for (checks what the proposed values refer to,
     * e.g. the caller's own resource); default: the caller's participant.
     */
    participantOf?: (tx: DbTransaction, auth: AuthContext, proposed: unknown) => Promise<string>
  }
  /** `POST /:id/change-applications` */
  change: FilingRoute
  /** `POST /:id/cancel-applications` */
  cancel: FilingRoute
}

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

/**
 * The register / change / cancel routes of a kind of reviewed record, the same for every kind:
 * the caller files for its own participant; a change or cancellation names the record's version
 * it is based on (another version: 409 `E-COMMON-004`; another participant's record: 404); the
 * application is created (checks, window, audit) by `createApplication` in one transaction and
 * answered 201 with the application.
 */
export function applicationRoutes(app: FastifyInstance, options: ApplicationRoutesOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const access = routeAccess(options.functionKey, 'edit')
  const { entityType, tags } = options

  async function file(
    auth: AuthContext,
    request: Parameters<typeof actorOf>[0],
    kind: 'register' | 'change' | 'cancel',
    entityId: string | null,
    body: FilingBody,
  ) {
    const row = await app.db.$transaction(async (tx) => {
      let participantId: string
      if (entityId) {
        const record = await options.record(tx, entityId)
        if (!record) throw new AppError('E-COMMON-002', 404)
        assertSameParticipant(auth, record.participantId)
        if (record.version !== body.version) throw new AppError('E-COMMON-004', 409)
        participantId = record.participantId
      } else {
        const participantOf = options.register?.participantOf
        participantId = participantOf
          ? await participantOf(tx, auth, body.proposed)
          : auth.participant.id
      }
      return createApplication(tx, app.entityHandlers, actorOf(request), {
        kind,
        entityType,
        entityId,
        participantId,
        proposed: body.proposed,
        submit: body.submit,
        lang: requestLang(request),
      })
    })
    return toApplication(app.db, app.entityHandlers, row)
  }

  const { register } = options
  if (register) {
    api.post(
      '/registration-applications',
      {
        config: { access },
        schema: {
          operationId: register.operationId,
          summary: register.summary,
          tags,
          body: register.body,
          response: { 201: applicationSchema, ...problems },
        },
      },
      async (request, reply) => {
        const application = await file(
          requireAuth(request),
          request,
          'register',
          null,
          request.body,
        )
        reply.code(201)
        return application
      },
    )
  }

  for (const [kind, route] of [
    ['change', options.change],
    ['cancel', options.cancel],
  ] as const) {
    api.post(
      `/:id/${kind}-applications`,
      {
        config: { access },
        schema: {
          operationId: route.operationId,
          summary: route.summary,
          tags,
          params: idParamSchema,
          body: route.body,
          response: { 201: applicationSchema, ...problems },
        },
      },
      async (request, reply) => {
        const application = await file(
          requireAuth(request),
          request,
          kind,
          request.params.id,
          request.body,
        )
        reply.code(201)
        return application
      },
    )
  }
}
