import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ATTACHMENT_MAX_BYTES,
  attachmentOwnerSchema,
  attachmentOwnerTypeSchema,
  attachmentSchema,
  fileResponseSchema,
  idParamSchema,
  okSchema,
  problemSchema,
} from '@yoryo/contracts'
import { actorOf } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { screenInput } from '../../lib/validation.ts'
import { addAttachment, attachmentContent, deleteAttachment, listAttachments } from './service.ts'

const tags = ['attachments', 'A20']
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema }

function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const field = fields[name] as { type?: string; value?: unknown } | undefined
  return field && field.type === 'field' ? String(field.value) : undefined
}

/** Who may act on a record's files: decided per record in the service. */
const OWNER_RIGHTS =
  "the operator, or the owning participant's users with the right (A40) on the owning " +
  "record's function group: view to list and download, edit to upload and delete"

/** Files attached to a record (A20): list, upload, download, delete. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: { narrowedBy: OWNER_RIGHTS } },
      schema: {
        operationId: 'listAttachments',
        summary: 'Files attached to one record',
        tags,
        querystring: attachmentOwnerSchema,
        response: { 200: z.array(attachmentSchema), ...problems },
      },
    },
    async (request) =>
      listAttachments(app, requireAuth(request), request.query.ownerType, request.query.ownerId),
  )

  app.post(
    '/',
    {
      config: { access: { narrowedBy: OWNER_RIGHTS } },
      schema: {
        operationId: 'createAttachment',
        summary: 'Attach a file to a record',
        description:
          'multipart/form-data with the text fields `ownerType` and `ownerId` first, then one part `file`. ' +
          `At most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB; PDF, images, CSV, text, Office files and ZIP.`,
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...problems, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      if (!request.isMultipart()) throw new AppError('E-ATTACH-003', 400)
      const file = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } })
      if (!file) throw new AppError('E-ATTACH-003', 400)
      const owner = attachmentOwnerSchema.safeParse({
        ownerType: fieldValue(file.fields, 'ownerType'),
        ownerId: fieldValue(file.fields, 'ownerId'),
      })
      if (!owner.success) {
        file.file.resume()
        throw new AppError('E-COMMON-002', 404)
      }
      if (screenInput(file.filename)) {
        file.file.resume()
        throw new AppError('E-COMMON-001', 400, {
          errors: [{ path: ['file'], messageId: 'E-COMMON-012', message: '' }],
        })
      }
      let content: Buffer
      try {
        content = await file.toBuffer()
      } catch {
        throw new AppError('E-ATTACH-001', 413, {
          params: { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 },
        })
      }
      const attachment = await addAttachment(app, auth, actorOf(request), {
        ownerType: attachmentOwnerTypeSchema.parse(owner.data.ownerType),
        ownerId: owner.data.ownerId,
        fileName: file.filename,
        contentType: file.mimetype,
        content,
      })
      reply.code(201)
      return attachment
    },
  )

  app.get(
    '/:id/content',
    {
      config: { access: { narrowedBy: OWNER_RIGHTS } },
      schema: {
        operationId: 'downloadAttachment',
        summary: 'Download an attached file',
        tags,
        params: idParamSchema,
        response: {
          200: fileResponseSchema(
            'application/octet-stream',
            'The file, with its own content type',
          ),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const file = await attachmentContent(app, requireAuth(request), request.params.id)
      reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('x-content-sha256', file.sha256)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
      return reply.send(file.content)
    },
  )

  app.delete(
    '/:id',
    {
      config: { access: { narrowedBy: OWNER_RIGHTS } },
      schema: {
        operationId: 'deleteAttachment',
        summary: 'Delete an attached file',
        tags,
        params: idParamSchema,
        response: { 200: okSchema, ...problems },
      },
    },
    async (request) => {
      await deleteAttachment(app, requireAuth(request), actorOf(request), request.params.id)
      return { ok: true as const }
    },
  )
}
