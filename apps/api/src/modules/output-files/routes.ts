import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  csvSampleListSchema,
  documentKindParamSchema,
  documentSampleListSchema,
  fileResponseSchema,
  jstDateOf,
  outputFileMapSchema,
  problemSchema,
  type OutputFile,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { documentTemplates, renderSample } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { buildOutputFileMap, csvSamplesFor, documentSamples } from './map.ts'

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema }

/**
 * 帳票サンプル (K00), 画面と出力ファイルの紐づき一覧 (K20) and CSV出力サンプル (K21). The map is
 * computed once when the app is ready, from the routes and templates registered by then.
 */
export const outputFileRoutes: FastifyPluginAsyncZod = async (app) => {
  let map: OutputFile[] | undefined
  app.addHook('onReady', async () => {
    map = buildOutputFileMap(app)
  })

  app.get(
    '/output-files',
    {
      config: { access: routeAccess('outputFileMap', 'view') },
      schema: {
        operationId: 'listOutputFiles',
        summary:
          'K20: which screen produces which file — every list’s CSV (its columns), every document ' +
          'template and every bulk file, generated from the registered routes and templates',
        tags: ['output-files', 'K20'],
        response: { 200: outputFileMapSchema, ...problems },
      },
    },
    async () => ({ items: (map ??= buildOutputFileMap(app)) }),
  )

  app.get(
    '/csv-samples',
    {
      config: { access: routeAccess('csvSamples', 'view') },
      schema: {
        operationId: 'listCsvSamples',
        summary:
          'K21: the CSV header of every list screen the caller may use; the file itself is the ' +
          'list’s own export (`GET <apiPath>?format=csv`)',
        tags: ['output-files', 'K21'],
        response: { 200: csvSampleListSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      return { items: csvSamplesFor(app, auth.user.role, auth.permissions) }
    },
  )

  app.get(
    '/document-samples',
    {
      config: { access: routeAccess('documentSamples', 'view') },
      schema: {
        operationId: 'listDocumentSamples',
        summary: 'K00: every document template (帳票) with the title its sample prints',
        tags: ['output-files', 'K00'],
        response: { 200: documentSampleListSchema, ...problems },
      },
    },
    async () => ({ items: documentSamples() }),
  )

  app.get(
    '/document-samples/:kind/pdf',
    {
      config: { access: routeAccess('documentSamples', 'view') },
      schema: {
        operationId: 'downloadDocumentSample',
        summary:
          'K00: a template’s sample rendered now — fictitious data, numbered 見本 (never from ' +
          'the real series), every page stamped 見本 / SAMPLE',
        tags: ['output-files', 'K00'],
        params: documentKindParamSchema,
        response: {
          200: fileResponseSchema('application/pdf', 'The sample as a PDF'),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const template = documentTemplates().find((t) => t.kind === request.params.kind)
      if (!template || template.sample === undefined) throw new AppError('E-COMMON-002', 404)
      const content = await renderSample(template, jstDateOf(new Date()))
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="sample-${template.kind}.pdf"`)
        .send(content)
    },
  )
}
