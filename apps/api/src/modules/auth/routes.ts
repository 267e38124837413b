import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiTokenCreateSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  idParamSchema,
  loginRequestSchema,
  okSchema,
  passwordChangeRequestSchema,
  problemSchema,
  sessionUserSchema,
} from '@yoryo/contracts'
import { SESSION_COOKIE } from '../../lib/app-types.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { requestLang } from '../../lib/problem.ts'
import { changePassword, login, logout, sessionUser } from './service.ts'
import { LoginGuard } from './login-guard.ts'
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.ts'

const tags = ['auth', '010', 'A20']
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema }

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = new LoginGuard(app.config)
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.session.cookieSecure,
  }

  app.post(
    '/login',
    {
      config: {
        // Operators log in during maintenance; the login itself refuses the others (503).
        access: { public: true, duringMaintenance: true },
        rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'login',
        summary:
          'Log in with participant code, user ID and password (client certificate where required)',
        tags,
        body: loginRequestSchema,
        response: {
          200: sessionUserSchema,
          ...problems,
          423: problemSchema,
          429: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { token, auth } = await login(app, request, request.body, guard)
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: app.config.session.absoluteHours * 3600,
      })
      return sessionUser(app, auth)
    },
  )

  app.post(
    '/logout',
    {
      config: { access: { allowPasswordChangePending: true, duringMaintenance: true } },
      schema: {
        operationId: 'logout',
        summary: 'End the session (for both SPAs)',
        tags,
        response: { 200: okSchema, ...problems },
      },
    },
    async (request, reply) => {
      await logout(app, request, requireAuth(request))
      reply.clearCookie(SESSION_COOKIE, cookieOptions)
      return { ok: true as const }
    },
  )

  app.get(
    '/me',
    {
      config: { access: { allowPasswordChangePending: true, duringMaintenance: true } },
      schema: {
        operationId: 'getSessionUser',
        summary: 'The logged-in user, participant and session',
        tags,
        response: { 200: sessionUserSchema, ...problems },
      },
    },
    async (request) => sessionUser(app, requireAuth(request)),
  )

  app.post(
    '/password',
    {
      config: { access: { allowPasswordChangePending: true } },
      schema: {
        operationId: 'changePassword',
        summary: 'Change the own password (forced at first login and after 90 days)',
        tags,
        body: passwordChangeRequestSchema,
        response: { 200: sessionUserSchema, ...problems },
      },
    },
    async (request) => {
      const auth = await changePassword(
        app,
        requireAuth(request),
        actorOf(request),
        request.body,
        requestLang(request),
      )
      return sessionUser(app, auth)
    },
  )

  app.get(
    '/tokens',
    {
      config: { access: {} },
      schema: {
        operationId: 'listApiTokens',
        summary: 'The own personal API tokens',
        tags,
        response: { 200: z.array(apiTokenSchema), ...problems },
      },
    },
    async (request) => listApiTokens(app, requireAuth(request)),
  )

  app.post(
    '/tokens',
    {
      config: { access: {} },
      schema: {
        operationId: 'createApiToken',
        summary: 'Create a personal API token; the secret is returned only here',
        tags,
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema, ...problems },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return createApiToken(app, requireAuth(request), actorOf(request), request.body)
    },
  )

  app.delete(
    '/tokens/:id',
    {
      config: { access: {} },
      schema: {
        operationId: 'revokeApiToken',
        summary: 'Revoke one of the own API tokens',
        tags,
        params: idParamSchema,
        response: { 200: apiTokenSchema, ...problems, 404: problemSchema },
      },
    },
    async (request) =>
      revokeApiToken(app, requireAuth(request), actorOf(request), request.params.id),
  )
}
