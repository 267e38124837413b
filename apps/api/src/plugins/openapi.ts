import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import type { Access } from '../lib/context.ts'

type JsonSchema = Record<string, unknown>
type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route?: { config?: { access?: Access } }
}

/**
 * The access declaration of a route as the OpenAPI extension `x-access`, produced from the
 * route's own resolved `config.access` (what the auth plugin enforces). A route without a
 * declaration gets none: the authorisation suite fails on it.
 */
export function accessExtension(access: Access | undefined) {
  if (!access) return undefined
  if (access.public) {
    return { public: true, duringMaintenance: access.duringMaintenance ?? false }
  }
  return {
    public: false,
    ...(access.roles ? { roles: [...access.roles] } : {}),
    ...(access.permission ? { permission: { ...access.permission } } : {}),
    allowPasswordChangePending: access.allowPasswordChangePending ?? false,
    duringMaintenance: access.duringMaintenance ?? false,
    ...(access.narrowedBy ? { narrowedBy: access.narrowedBy } : {}),
  }
}

function querystringOffersCsv(querystring: unknown): boolean {
  const format = (querystring as { properties?: Record<string, JsonSchema> } | undefined)
    ?.properties?.format
  return Array.isArray(format?.enum) && (format.enum as unknown[]).includes('csv')
}

const binary = { type: 'string', format: 'binary' }

/**
 * Per operation: zod → JSON Schema, then what the zod schemas cannot say: errors are
 * `application/problem+json`; downloads (`contentMediaType` on the 200 schema) and CSV exports
 * (`format=csv`) have their own media types; public operations need no security; `x-access`.
 */
function transform(input: TransformInput) {
  const result = jsonSchemaTransform(input) as { schema: JsonSchema; url: string }
  const schema = result.schema
  if (!schema || schema.hide) return result
  const access = input.route?.config?.access
  const responses = (schema.response ?? {}) as Record<string, JsonSchema>
  for (const [status, body] of Object.entries(responses)) {
    if (Number(status) >= 400 && JSON.stringify(body).includes('/Problem"')) {
      responses[status] = {
        description: body.description ?? 'Problem details (RFC 9457)',
        content: { 'application/problem+json': { schema: body } },
      }
    } else if (typeof body.contentMediaType === 'string') {
      responses[status] = {
        description: body.description ?? 'The file',
        content: { [body.contentMediaType]: { schema: binary } },
      }
    } else if (Number(status) < 300 && querystringOffersCsv(schema.querystring)) {
      responses[status] = {
        description: 'The page (JSON), or with `format=csv` the whole filtered list as CSV',
        content: {
          'application/json': { schema: body },
          'text/csv': { schema: { type: 'string', description: 'Shift_JIS or UTF-8 with BOM' } },
        },
      }
    }
  }
  const extension = accessExtension(access)
  return {
    ...result,
    schema: {
      ...schema,
      ...(access?.public ? { security: [] } : {}),
      ...(extension ? { 'x-access': extension } : {}),
    },
  }
}

/** OpenAPI 3.1 generated from the zod route schemas; `/api/openapi.json` and `/api/docs`. */
export const openapiPlugin = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Yoryo API — 容量市場システム',
        description:
          'REST API of Yoryo, used by both SPAs and by integrators. Authenticate with the session ' +
          'cookie (login) or a personal API token (`Authorization: Bearer …`). Errors are RFC 9457 ' +
          'problem details (`application/problem+json`) with a `messageId` from the message ' +
          'catalogue (600 / G30). Tags carry the function codes of the manual. `x-access` on each ' +
          'operation states who may call it: `public`, else the `roles`, the function-group ' +
          '`permission` a general user needs (A40), and whether it answers while a password change ' +
          'is pending or during maintenance.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yoryo_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: transform as typeof jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  })
  app.get(
    '/api/openapi.json',
    { schema: { hide: true }, config: { access: { public: true, duringMaintenance: true } } },
    async () => app.swagger(),
  )
})
