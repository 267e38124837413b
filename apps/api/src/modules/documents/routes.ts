import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { fileResponseSchema, idParamSchema, problemSchema } from '@yoryo/contracts'
import { documentTemplate, renderDocument } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { hasPermission, requireAuth } from '../../lib/guards.ts'

/** Documents (800 and later): the PDF of an issued document, rendered from its snapshot. */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/pdf',
    {
      config: {
        access: {
          narrowedBy:
            "the operator, or the addressed participant's users with the view right on the document's function group",
        },
      },
      schema: {
        operationId: 'downloadDocument',
        summary: 'An issued document (e.g. 電源等登録通知書, 800) as a PDF',
        tags: ['documents', '800'],
        params: idParamSchema,
        response: {
          200: fileResponseSchema('application/pdf', 'The document as a PDF'),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const row = await app.db.document.findUnique({ where: { id: request.params.id } })
      if (!row) throw new AppError('E-COMMON-002', 404)
      if (auth.user.role !== 'operator') {
        // Another participant's document (or one addressed to none) does not exist for the caller.
        if (row.participantId !== auth.participant.id) throw new AppError('E-COMMON-002', 404)
        const group = documentTemplate(row.kind).functionGroup
        if (!hasPermission(auth, group, 'view')) throw new AppError('E-AUTH-005', 403)
      }
      const content = await renderDocument(row)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${row.documentNo}.pdf"`)
        .send(content)
    },
  )
}
