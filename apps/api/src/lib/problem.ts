import { STATUS_CODES } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { formatMessage, type FieldError, type MessageId, type Problem } from '@yoryo/contracts'

export type Lang = 'ja' | 'en'

/** The language of messages for this request: English only when the client prefers it. */
export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'] ?? ''
  const first = header.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'ja'
}

export function problemBody(
  request: FastifyRequest,
  status: number,
  messageId: MessageId,
  params: Record<string, string | number> = {},
  errors?: FieldError[],
): Problem {
  return {
    type: `about:blank#${messageId}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: formatMessage(messageId, requestLang(request), { requestId: request.id, ...params }),
    instance: request.url,
    messageId,
    requestId: request.id,
    ...(errors ? { errors } : {}),
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  messageId: MessageId,
  params: Record<string, string | number> = {},
  errors?: FieldError[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send(problemBody(request, status, messageId, params, errors))
}
