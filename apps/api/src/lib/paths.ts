import type { FastifyRequest } from 'fastify'

/**
 * The path of a request, also when its target is an absolute URL (`GET http://host/api/…`,
 * which Fastify routes like `/api/…`): the matched route's pattern, else the target without
 * scheme and authority. Decisions "is this an API request" must use it, never `request.url`.
 */
export function requestPath(request: FastifyRequest): string {
  return (
    request.routeOptions.url ??
    request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?')[0] ??
    ''
  )
}
