import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  idParamSchema,
  permissionsUpdateSchema,
  problemSchema,
  userCreateSchema,
  userListQuerySchema,
  userPageSchema,
  userPermissionsSchema,
  userSchema,
  userTransitionSchema,
  userUpdateSchema,
  userWithPasswordSchema,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { listRoute } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { userCsvColumns } from './csv.ts'
import * as repo from './repository.ts'
import {
  cancelUser,
  createUser,
  findUsers,
  getPermissions,
  getUser,
  userListWhere,
  reissuePassword,
  unlockUser,
  updatePermissions,
  updateUser,
  type Caller,
} from './service.ts'

const tags = ['users', '020']
const permissionTags = ['users', 'A40']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

function callerOf(request: FastifyRequest): Caller {
  return { auth: requireAuth(request), actor: actorOf(request), lang: requestLang(request) }
}

/** ユーザ情報管理 (020) and ユーザ権限管理 (A40). `{id}` is the user's internal ID. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('users', 'view') },
    operationId: 'listUsers',
    summary: 'Users: of the own participant, or of any participant for the operator',
    tags,
    querystring: userListQuerySchema,
    item: userSchema,
    page: userPageSchema,
    sort: repo.userSort,
    defaultSort: { field: 'participantCode', direction: 'asc' },
    tieBreak: repo.userTieBreak,
    where: (query, request) =>
      userListWhere(requireAuth(request), query, app.config.loginLockMinutes),
    find: (args) => findUsers(app, args),
    count: (where) => repo.countUsers(app.db, where),
    csv: { fileName: 'users.csv', columns: userCsvColumns },
  })

  app.post(
    '/',
    {
      config: { access: routeAccess('users', 'edit') },
      schema: {
        operationId: 'createUser',
        summary: 'Register a user; its one-time initial password is returned only here',
        tags,
        body: userCreateSchema,
        response: { 201: userWithPasswordSchema, ...problems },
      },
    },
    async (request, reply) => {
      const created = await createUser(app, callerOf(request), request.body)
      reply.code(201)
      return created
    },
  )

  app.get(
    '/:id',
    {
      config: { access: { narrowedBy: 'a general user reads only itself' } },
      schema: {
        operationId: 'getUser',
        summary: 'One user (a general user may read only itself)',
        tags,
        params: idParamSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => getUser(app, requireAuth(request), request.params.id),
  )

  app.put(
    '/:id',
    {
      config: { access: routeAccess('users', 'edit') },
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user (name, contact, role, validity period)',
        tags,
        params: idParamSchema,
        body: userUpdateSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => updateUser(app, callerOf(request), request.params.id, request.body),
  )

  app.post(
    '/:id/cancel',
    {
      config: { access: routeAccess('users', 'edit') },
      schema: {
        operationId: 'cancelUser',
        summary: 'Cancel (取消) a user: it can no longer log in; its sessions and tokens end',
        tags,
        params: idParamSchema,
        body: userTransitionSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => cancelUser(app, callerOf(request), request.params.id, request.body),
  )

  app.post(
    '/:id/unlock',
    {
      config: { access: routeAccess('users', 'edit') },
      schema: {
        operationId: 'unlockUser',
        summary: 'Unlock a user locked after repeated login failures',
        tags,
        params: idParamSchema,
        body: userTransitionSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => unlockUser(app, callerOf(request), request.params.id, request.body),
  )

  app.post(
    '/:id/password-reissue',
    {
      config: { access: routeAccess('users', 'edit') },
      schema: {
        operationId: 'reissueUserPassword',
        summary:
          'Reissue a one-time password (returned only here; to be changed at the next login)',
        tags,
        params: idParamSchema,
        body: userTransitionSchema,
        response: { 200: userWithPasswordSchema, ...problems },
      },
    },
    async (request) => reissuePassword(app, callerOf(request), request.params.id, request.body),
  )

  app.get(
    '/:id/permissions',
    {
      config: { access: { narrowedBy: 'a general user reads only its own rights' } },
      schema: {
        operationId: 'getUserPermissions',
        summary: "A user's view / edit rights per function group",
        tags: permissionTags,
        params: idParamSchema,
        response: { 200: userPermissionsSchema, ...problems },
      },
    },
    async (request) => getPermissions(app, requireAuth(request), request.params.id),
  )

  app.put(
    '/:id/permissions',
    {
      config: { access: routeAccess('permissions', 'edit') },
      schema: {
        operationId: 'updateUserPermissions',
        summary: "Set a general user's view / edit rights per function group (edit implies view)",
        tags: permissionTags,
        params: idParamSchema,
        body: permissionsUpdateSchema,
        response: { 200: userPermissionsSchema, ...problems },
      },
    },
    async (request) => updatePermissions(app, callerOf(request), request.params.id, request.body),
  )
}
