import { randomUUID } from 'node:crypto'
import Fastify, { LogController, type FastifyServerOptions } from 'fastify'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import { type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from '@yoryo/db'
import type { Config } from './config.ts'
import './lib/app-types.ts'
import './lib/context.ts'
import { requestPath } from './lib/paths.ts'
import { compiledSerializerCompiler } from './lib/serializer.ts'
import { validatorCompiler } from './lib/validation.ts'
import { authPlugin } from './plugins/auth.ts'
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.ts'
import { openapiPlugin } from './plugins/openapi.ts'
import { securityHeadersPlugin } from './plugins/security-headers.ts'
import { webPlugin } from './plugins/web.ts'
import { applicationRoutes } from './modules/applications/routes.ts'
import { attachmentRoutes } from './modules/attachments/routes.ts'
import { auditLogRoutes } from './modules/audit-log/routes.ts'
import { EntityHandlers } from './modules/applications/public.ts'
import { effectivenessTestRoutes } from './modules/expected-capacity/effectiveness-tests.ts'
import { factorTableRoutes } from './modules/expected-capacity/factor-tables.ts'
import { expectedCapacityRoutes } from './modules/expected-capacity/routes.ts'
import { outagePlanRoutes } from './modules/outage-plans/routes.ts'
import { auctionRoutes } from './modules/auctions/routes.ts'
import { participantRoutes } from './modules/participants/routes.ts'
import { resourceRoutes } from './modules/resources/routes.ts'
import { documentRoutes } from './modules/documents/routes.ts'
import { systemUseRoutes } from './modules/participants/system-use-routes.ts'
import { authRoutes } from './modules/auth/routes.ts'
import { portalRoutes } from './modules/portal/routes.ts'
import { healthRoutes, messageRoutes, systemRoutes } from './modules/system/routes.ts'
import { testSupportRoutes } from './modules/test-support/routes.ts'
import { userRoutes } from './modules/users/routes.ts'
import { clientCertificateRoutes } from './modules/client-certificates/routes.ts'
import { bulkFormatRoutes, bulkImportRoutes } from './modules/bulk-imports/routes.ts'
import { bidRoutes } from './modules/bids/routes.ts'
import { replacementBoardRoutes } from './modules/replacements/board.ts'
import { replacementRoutes } from './modules/replacements/routes.ts'
import { BulkFormats } from './modules/bulk-imports/formats.ts'
import {
  auctionResultRoutes,
  bidSimulationRoutes,
  clearingRoutes,
} from './modules/clearing/routes.ts'
import { contractRoutes } from './modules/contracts/routes.ts'
import { penaltyFactorRoutes } from './modules/penalty-factors/routes.ts'
import { feedRoutes } from './modules/feeds/routes.ts'
import { noticeRoutes } from './modules/notices/routes.ts'
import { releaseAmountRoutes, releaseAuctionRoutes } from './modules/release-auctions/routes.ts'
import {
  assessmentBasisRoutes,
  assessmentParameterRoutes,
  replacementAllocationRoutes,
} from './modules/assessment-basis/routes.ts'
import { deliveryDataRoutes } from './modules/delivery-data/routes.ts'
import { assessmentRoutes } from './modules/assessment/routes.ts'
import {
  contractAmountRoutes,
  settlementDocumentRoutes,
  settlementRoutes,
} from './modules/settlement/routes.ts'
import { paymentItemRoutes, paymentRoutes } from './modules/payments/routes.ts'
import { outageOmissionRoutes } from './modules/outage-omissions/routes.ts'
import { penaltyAmountRoutes, penaltyTargetRoutes } from './modules/economic-penalties/routes.ts'
import { JobRunner } from './lib/jobs.ts'
import { ListRoutes } from './lib/list.ts'
import { outputFileRoutes } from './modules/output-files/routes.ts'
import { successionRoutes } from './modules/successions/routes.ts'

export interface AppDeps {
  db: Db
  /** Extra Fastify options (the server passes TLS options here). */
  fastify?: Partial<FastifyServerOptions> & { https?: unknown }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

/** Builds the API: plugins, then modules. Never listens (server.ts does). */
export async function buildApp(config: Config, deps: AppDeps) {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // One access-log line per request (the onResponse hook below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Fastify's own early errors (bad URL encoding, malformed request line or header) answer
    // problem documents too.
    frameworkErrors,
    clientErrorHandler,
    ...(deps.fastify as object),
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(compiledSerializerCompiler({ crossCheck: config.env === 'test' }))
  app.decorate('config', config)
  app.decorate('db', deps.db)
  // Each module of reviewed records registers its handler here when it is registered below.
  app.decorate('entityHandlers', new EntityHandlers())
  // Jobs (lib/jobs.ts): each module registers the kinds it runs; server.ts starts the runner,
  // tests drive it with `app.jobs.drain()`.
  app.decorate('jobs', new JobRunner(deps.db, { log: app.log, ...config.jobs }))
  app.addHook('onClose', async () => app.jobs.stop())
  // Bulk formats (220): registered by the module owning the records, before its routes.
  app.decorate('bulkFormats', new BulkFormats())
  // List routes (lib/list.ts): recorded as they are registered, for K20 / K21.
  app.decorate('listRoutes', new ListRoutes())

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    // API answers (sessions, token secrets, one-time passwords, personal data) are never stored
    // by browsers or proxies.
    if (requestPath(request).startsWith('/api/')) reply.header('cache-control', 'no-store')
    done()
  })
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    )
    done()
  })

  await app.register(errorsPlugin)
  await app.register(securityHeadersPlugin, {
    helmet: {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: config.publicOrigin.startsWith('https:'),
    },
  })
  await app.register(cookie)
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const error = new Error('rate limited') as Error & { statusCode: number }
      error.statusCode = context.statusCode
      return error
    },
  })
  await app.register(multipart)
  await app.register(openapiPlugin)
  await app.register(authPlugin)

  await app.register(healthRoutes, { prefix: '/api' })
  await app.register(authRoutes, { prefix: '/api/v1/auth' })
  await app.register(systemRoutes, { prefix: '/api/v1/system' })
  await app.register(messageRoutes, { prefix: '/api/v1/messages' })
  await app.register(portalRoutes, { prefix: '/api/v1/portal' })
  await app.register(attachmentRoutes, { prefix: '/api/v1/attachments' })
  await app.register(participantRoutes, { prefix: '/api/v1/participants' })
  await app.register(systemUseRoutes, { prefix: '/api/v1/applications/system-use' })
  await app.register(applicationRoutes, { prefix: '/api/v1/applications' })
  await app.register(resourceRoutes, { prefix: '/api/v1/resources' })
  await app.register(documentRoutes, { prefix: '/api/v1/documents' })
  await app.register(auditLogRoutes, { prefix: '/api/v1/audit-log' })
  await app.register(userRoutes, { prefix: '/api/v1/users' })
  await app.register(clientCertificateRoutes, { prefix: '/api/v1/client-certificates' })
  await app.register(expectedCapacityRoutes, { prefix: '/api/v1/expected-capacities' })
  await app.register(factorTableRoutes, { prefix: '/api/v1/factor-tables' })
  await app.register(effectivenessTestRoutes, { prefix: '/api/v1/effectiveness-tests' })
  await app.register(bulkFormatRoutes, { prefix: '/api/v1/bulk-formats' })
  await app.register(bulkImportRoutes, { prefix: '/api/v1/bulk-imports' })
  await app.register(auctionRoutes, { prefix: '/api/v1/auctions' })
  await app.register(bidRoutes, { prefix: '/api/v1' })
  await app.register(clearingRoutes, { prefix: '/api/v1/auctions' })
  await app.register(auctionResultRoutes, { prefix: '/api/v1/auction-results' })
  await app.register(bidSimulationRoutes, { prefix: '/api/v1/bid-simulations' })
  await app.register(contractRoutes, { prefix: '/api/v1/contracts' })
  await app.register(penaltyFactorRoutes, { prefix: '/api/v1' })
  await app.register(replacementBoardRoutes, { prefix: '/api/v1/replacement-board' })
  await app.register(replacementRoutes, { prefix: '/api/v1/replacements' })
  await app.register(outagePlanRoutes, { prefix: '/api/v1/outage-plans' })
  await app.register(noticeRoutes, { prefix: '/api/v1/notices' })
  await app.register(assessmentBasisRoutes, { prefix: '/api/v1/assessment-basis' })
  await app.register(assessmentParameterRoutes, { prefix: '/api/v1/assessment-parameters' })
  await app.register(replacementAllocationRoutes, { prefix: '/api/v1/replacement-allocations' })
  await app.register(deliveryDataRoutes, { prefix: '/api/v1/delivery-data' })
  await app.register(assessmentRoutes, { prefix: '/api/v1/assessments' })
  await app.register(outageOmissionRoutes, { prefix: '/api/v1/outage-omissions' })
  await app.register(feedRoutes, { prefix: '/api/v1/feeds' })
  await app.register(penaltyTargetRoutes, { prefix: '/api/v1/penalty-targets' })
  await app.register(penaltyAmountRoutes, { prefix: '/api/v1/penalty-amounts' })
  await app.register(settlementRoutes, { prefix: '/api/v1/settlements' })
  await app.register(contractAmountRoutes, { prefix: '/api/v1/contract-amounts' })
  await app.register(settlementDocumentRoutes, { prefix: '/api/v1/settlement-documents' })
  await app.register(successionRoutes, { prefix: '/api/v1/successions' })
  await app.register(releaseAuctionRoutes, { prefix: '/api/v1/release-auctions' })
  await app.register(releaseAmountRoutes, { prefix: '/api/v1/release-amounts' })
  await app.register(paymentRoutes, { prefix: '/api/v1/payments' })
  await app.register(paymentItemRoutes, { prefix: '/api/v1/payment-items' })
  await app.register(outputFileRoutes, { prefix: '/api/v1' })
  if (config.testSupport) await app.register(testSupportRoutes, { prefix: '/api/test-support' })
  await app.register(webPlugin, { distDir: config.webDistDir })

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
