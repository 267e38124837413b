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

/** A problem document; also for answers written outside a request (client errors on the socket). */
export function problemDocument(p: {
  status: number
  messageId: MessageId
  lang: Lang
  requestId: string
  instance?: string
  params?: Record<string, string | number>
  errors?: FieldError[]
}): Problem {
  return {
    type: `about:blank#${p.messageId}`,
    title: STATUS_CODES[p.status] ?? 'Error',
    status: p.status,
    detail: formatMessage(p.messageId, p.lang, { requestId: p.requestId, ...p.params }),
    ...(p.instance !== undefined ? { instance: p.instance } : {}),
    messageId: p.messageId,
    requestId: p.requestId,
    ...(p.errors ? { errors: p.errors } : {}),
  }
}

export function problemBody(
  request: FastifyRequest,
  status: number,
  messageId: MessageId,
  params: Record<string, string | number> = {},
  errors?: FieldError[],
): Problem {
  return problemDocument({
    status,
    messageId,
    lang: requestLang(request),
    requestId: request.id,
    instance: request.url,
    params,
    errors,
  })
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
