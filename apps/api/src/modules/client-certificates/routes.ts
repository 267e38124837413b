import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  CERTIFICATE_FILE_MAX_BYTES,
  certificateFileColumns,
  certificateImportFieldsSchema,
  certificateImportResultSchema,
  clientCertificateStatusLabels,
  clientCertificateCreateSchema,
  clientCertificateListQuerySchema,
  clientCertificatePageSchema,
  clientCertificateRevokeSchema,
  clientCertificateSchema,
  idParamSchema,
  messageForIssue,
  problemSchema,
  type ClientCertificate,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { fieldError, invalid, type Caller } from '../users/public.ts'
import {
  certificateListWhere,
  findCertificates,
  getCertificate,
  importCertificates,
  registerCertificate,
  revokeCertificate,
} from './service.ts'
import * as repo from './repository.ts'

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

/** クライアント証明書 (710/711): list, register or renew by PEM, import the file, revoke. */
export const clientCertificateRoutes: FastifyPluginAsyncZod = async (app) => {
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

  app.post(
    '/import',
    {
      config: { access: routeAccess('clientCertificates', 'edit') },
      schema: {
        operationId: 'importClientCertificates',
        summary: 'Import the certificate information file (711), all or nothing',
        description:
          'multipart/form-data with one part `file` (CSV, UTF-8 with or without BOM or ' +
          'Shift_JIS, CRLF or LF) and the optional text fields `participantId` (operator) and ' +
          '`encoding` (auto, utf-8, shift_jis). Header row: ' +
          `${certificateFileColumns.map((c) => c.header).join(',')}. One bad row rejects the ` +
          'file: the problem (E-CERT-005) lists every bad row and field, its path being ' +
          '[line in the file (header = 1), column key].',
        tags: [...tags, '711'],
        consumes: ['multipart/form-data'],
        response: { 201: certificateImportResultSchema, ...problems, 413: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      if (!request.isMultipart()) throw new AppError('E-ATTACH-003', 400)
      const raw: Record<string, string> = {}
      let content: Buffer | undefined
      try {
        for await (const part of request.parts({
          limits: { fileSize: CERTIFICATE_FILE_MAX_BYTES, files: 1, fields: 10 },
        })) {
          if (part.type === 'file') content = await part.toBuffer()
          else raw[part.fieldname] = String(part.value)
        }
      } catch (error) {
        if (!(error instanceof app.multipartErrors.RequestFileTooLargeError)) throw error
        throw new AppError('E-ATTACH-001', 413, {
          params: { maxMb: CERTIFICATE_FILE_MAX_BYTES / 1024 / 1024 },
        })
      }
      if (!content) throw new AppError('E-ATTACH-003', 400)
      const fields = certificateImportFieldsSchema.safeParse(raw)
      if (!fields.success) {
        throw invalid(
          fields.error.issues.map((issue) => {
            const { messageId, params } = messageForIssue({
              ...(issue as object),
              code: issue.code,
              message: issue.message,
              input: raw[String(issue.path[0])],
            })
            return fieldError(caller.lang, issue.path.map(String), messageId, params)
          }),
        )
      }
      const result = await importCertificates(app, caller, fields.data, content)
      reply.code(201)
      return result
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
