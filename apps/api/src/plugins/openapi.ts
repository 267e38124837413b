import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

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
          'problem details with a `messageId` from the message catalogue (600 / G30). Tags carry the ' +
          'function codes of the manual.',
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
    transform: jsonSchemaTransform,
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
