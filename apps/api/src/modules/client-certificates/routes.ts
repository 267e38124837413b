import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  clientCertificateStatusLabels,
  clientCertificateCreateSchema,
  clientCertificateListQuerySchema,
  clientCertificatePageSchema,
  clientCertificateRevokeSchema,
  clientCertificateSchema,
  idParamSchema,
  problemSchema,
  type ClientCertificate,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { type Caller } from '../users/public.ts'
import {
  certificateListWhere,
  findCertificates,
  getCertificate,
  registerCertificate,
  revokeCertificate,
} from './service.ts'
import * as repo from './repository.ts'
import { certificateFileFormat } from './bulk-format.ts'

const tags = ['client-certificates', '710']
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

const csvColumns: CsvColumn<ClientCertificate>[] = [
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (c) => c.participant.code),
  csv.text({ ja: 'ユーザID', en: 'User ID' }, (c) => c.user.userId),
  csv.text({ ja: '氏名', en: 'Name' }, (c) => c.user.name),
  csv.text({ ja: 'シリアル番号', en: 'Serial number' }, (c) => c.serialNumber),
  csv.text({ ja: 'SHA-256フィンガープリント', en: 'SHA-256 fingerprint' }, (c) => c.fingerprint),
  csv.text({ ja: 'サブジェクト', en: 'Subject' }, (c) => c.subject),
  csv.dateTime({ ja: '有効期間開始', en: 'Valid from' }, (c) => c.validFrom),
  csv.dateTime({ ja: '有効期間終了', en: 'Valid to' }, (c) => c.validTo),
  csv.enumeration({ ja: '状態', en: 'Status' }, (c) => c.status, clientCertificateStatusLabels),
  csv.dateTime({ ja: '失効日時', en: 'Revoked at' }, (c) => c.revokedAt),
  csv.dateTime({ ja: '登録日時', en: 'Registered at' }, (c) => c.createdAt),
]

/**
 * クライアント証明書 (710/711): list, register or renew by PEM, revoke. The certificate
 * information file (711) is a bulk format imported through /api/v1/bulk-imports.
 */
export const clientCertificateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.bulkFormats.register(certificateFileFormat)
  listRoute(app, '/', {
    config: { access: routeAccess('clientCertificates', 'view') },
    operationId: 'listClientCertificates',
    summary: "Client certificates of the own participant's users (operator: of all)",
    tags,
    querystring: clientCertificateListQuerySchema,
    item: clientCertificateSchema,
    page: clientCertificatePageSchema,
    sort: repo.certificateSort,
    defaultSort: { field: 'userId', direction: 'asc' },
    tieBreak: repo.certificateTieBreak,
    where: (query, request) => certificateListWhere(requireAuth(request), query),
    find: (args) => findCertificates(app, args),
    count: (where) => repo.countCertificates(app.db, where),
    csv: { fileName: 'client-certificates.csv', columns: csvColumns },
  })

  app.post(
    '/',
    {
      config: { access: routeAccess('clientCertificates', 'edit') },
      schema: {
        operationId: 'createClientCertificate',
        summary: "Register or renew a user's certificate from its PEM (the old one stays)",
        tags,
        body: clientCertificateCreateSchema,
        response: { 201: clientCertificateSchema, ...problems },
      },
    },
    async (request, reply) => {
      const certificate = await registerCertificate(app, callerOf(request), request.body)
      reply.code(201)
      return certificate
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('clientCertificates', 'view') },
      schema: {
        operationId: 'getClientCertificate',
        summary: 'One client certificate',
        tags,
        params: idParamSchema,
        response: { 200: clientCertificateSchema, ...problems },
      },
    },
    async (request) => getCertificate(app, requireAuth(request), request.params.id),
  )

  app.post(
    '/:id/revoke',
    {
      config: { access: routeAccess('clientCertificates', 'edit') },
      schema: {
        operationId: 'revokeClientCertificate',
        summary: 'Revoke a certificate: it no longer logs in, and its sessions end',
        tags,
        params: idParamSchema,
        body: clientCertificateRevokeSchema,
        response: { 200: clientCertificateSchema, ...problems },
      },
    },
    async (request) => revokeCertificate(app, callerOf(request), request.params.id, request.body),
  )
}
