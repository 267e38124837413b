import fp from 'fastify-plugin'
import type { FastifyError, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { formatMessage, messageForIssue, type FieldError, type MessageId } from '@yoryo/contracts'
import { AppError } from '../lib/errors.ts'
import { requestLang, sendProblem } from '../lib/problem.ts'

type ValidationIssue = {
  keyword: string
  instancePath: string
  message: string
  params: Record<string, unknown>
}

/** A zod issue as a field error with its catalogue message (contracts' messageForIssue). */
function fieldError(request: FastifyRequest, issue: ValidationIssue, context: string): FieldError {
  const path = issue.instancePath.split('/').filter(Boolean)
  const { messageId, params } = messageForIssue({
    ...issue.params,
    code: issue.keyword,
    message: issue.message,
  })
  return {
    path: context === 'body' ? path : [context, ...path],
    messageId,
    message: formatMessage(messageId, requestLang(request), params),
  }
}

/**
 * One error handler for the whole API: every error becomes RFC 9457 problem details with a
 * message ID and the request ID; 5xx never leak internals.
 */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v)
      // Field messages in the request's language, whatever language the thrower formatted in.
      const errors = error.errors?.map(({ params, ...e }) => ({
        ...e,
        message: formatMessage(e.messageId as MessageId, requestLang(request), params ?? {}),
      }))
      return sendProblem(request, reply, error.status, error.messageId, error.params, errors)
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context =
        (error as FastifyError & { validationContext?: string }).validationContext ?? 'body'
      const errors = (error.validation as unknown as ValidationIssue[]).map((issue) =>
        fieldError(request, issue, context),
      )
      return sendProblem(request, reply, 400, 'E-COMMON-001', {}, errors)
    }
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'E-COMMON-010')
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type, body too large and the like.
      request.log.info({ err: error }, 'client error')
      return sendProblem(request, reply, error.statusCode, 'E-COMMON-008')
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(request, reply, 500, 'E-COMMON-003')
  })
})
