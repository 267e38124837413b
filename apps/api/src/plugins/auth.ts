import type { TLSSocket } from 'node:tls'
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../lib/errors.ts'
import { normaliseFingerprint } from '../lib/crypto.ts'
import { SESSION_COOKIE } from '../lib/app-types.ts'
import { hasPermission } from '../lib/guards.ts'
import { requestPath } from '../lib/paths.ts'
import { resolveApiToken, resolveSession } from '../modules/auth/service.ts'
import { isMaintenanceBlocking } from '../modules/system/service.ts'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The verified client certificate's SHA-256, from the TLS socket or the trusted proxy header. */
function clientCertificateOf(
  request: FastifyRequest,
  mode: 'off' | 'tls' | 'proxy',
  header: string,
) {
  if (mode === 'tls') {
    const socket = request.raw.socket as TLSSocket
    if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return null
    const cert = socket.getPeerCertificate()
    return cert?.fingerprint256 ? normaliseFingerprint(cert.fingerprint256) : null
  }
  if (mode === 'proxy') {
    const value = request.headers[header]
    return typeof value === 'string' && value.trim() ? normaliseFingerprint(value) : null
  }
  return null
}

/**
 * Identity on every request: session cookie or bearer token → `request.auth`; CSRF check on
 * state-changing requests that carry the cookie; then the route's `access` rule, the forced
 * password change and maintenance mode.
 */
export const authPlugin = fp(async (app) => {
  const { config } = app
  app.decorateRequest('auth', null)
  app.decorateRequest('authFailure', null)
  app.decorateRequest('clientCertificate', null)

  app.addHook('onRequest', async (request) => {
    if (!requestPath(request).startsWith('/api/')) return
    request.clientCertificate = clientCertificateOf(
      request,
      config.clientCertificates.mode,
      config.clientCertificates.proxyHeader,
    )
    const cookie = request.cookies[SESSION_COOKIE]
    if (cookie && STATE_CHANGING.has(request.method)) {
      if (request.headers.origin !== config.publicOrigin) throw new AppError('E-AUTH-006', 403)
    }
    const authorization = request.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      request.auth = await resolveApiToken(app, authorization.slice('Bearer '.length).trim())
      if (!request.auth) request.authFailure = 'invalidToken'
    } else if (cookie) {
      request.auth = await resolveSession(app, cookie)
      if (!request.auth) request.authFailure = 'expired'
    }
  })

  // Before validation, so an anonymous caller learns nothing about a route's input.
  app.addHook('preValidation', async (request) => {
    // Health, the OpenAPI document and its reference are public; so are 404 answers.
    if (!requestPath(request).startsWith('/api/v1/') || request.is404) return
    const access = request.routeOptions.config.access ?? { public: false }
    if (access.public) {
      // Public writes (the system use application, 700) wait for the end of maintenance too.
      if (!access.duringMaintenance) {
        const blocking = await isMaintenanceBlocking(app)
        if (blocking) throw blocking
      }
      return
    }
    const auth = request.auth
    if (!auth) {
      if (request.authFailure === 'invalidToken') throw new AppError('E-AUTH-014', 401)
      throw new AppError(request.authFailure === 'expired' ? 'E-AUTH-004' : 'E-AUTH-003', 401)
    }
    if (access.roles && !access.roles.includes(auth.user.role)) {
      throw new AppError('E-AUTH-005', 403)
    }
    const permission = access.permission
    if (
      permission &&
      ![permission.function].flat().some((g) => hasPermission(auth, g, permission.mode))
    ) {
      throw new AppError('E-AUTH-005', 403)
    }
    if (auth.user.mustChangePassword && !access.allowPasswordChangePending) {
      throw new AppError('E-AUTH-013', 403)
    }
    if (!access.duringMaintenance && auth.user.role !== 'operator') {
      const blocking = await isMaintenanceBlocking(app)
      if (blocking) throw blocking
    }
  })
})
