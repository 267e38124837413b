import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { formatMessage, messageForIssue, type FieldError, type MessageId } from '@yoryo/contracts'
import { AppError } from '../lib/errors.ts'
import { problemDocument, requestLang, sendProblem } from '../lib/problem.ts'
import type { InputIssue } from '../lib/validation.ts'

type ValidationIssue = InputIssue

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
    if (Array.isArray(error.validation) && error.validation.length > 0) {
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

/** Headers every answer carries, also those sent before the hooks run. */
const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'self'; frame-ancestors 'self'; object-src 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
}

/**
 * Errors Fastify raises before routing (a path that is not valid percent-encoding, a parameter
 * too long): problem documents like every other error.
 */
export function frameworkErrors(
  _error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.headers({ ...BASE_HEADERS, 'x-request-id': request.id })
  void sendProblem(request, reply, 400, 'E-COMMON-008')
}

/**
 * A request Node's HTTP parser rejects (malformed request line or header, headers too large,
 * timeout) never becomes a Fastify request: answer it on the socket with a problem document.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 408
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'HPE_URI_TOO_LONG'
          ? 414
          : 400
  const requestId = randomUUID()
  const body = JSON.stringify(
    problemDocument({ status, messageId: 'E-COMMON-008', lang: 'ja', requestId }),
  )
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        Object.entries(BASE_HEADERS)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('') +
        `Connection: close\r\n\r\n` +
        body,
    )
  }
  socket.destroy(error)
}
