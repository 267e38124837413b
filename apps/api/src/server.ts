import { readFileSync } from 'node:fs'
import { openDatabase, migrateDatabase, seedDemoData, demoLogins } from '@yoryo/db'
import { seedDemoDeliveryYear } from './modules/assessment-basis/public.ts'
import { seedDemoDeliveryData } from './modules/delivery-data/public.ts'
import { seedDemoAssessment } from './modules/assessment/public.ts'
import { seedDemoSettlement } from './modules/settlement/public.ts'
import { seedDemoPayments } from './modules/payments/public.ts'
import { seedDemoAuctions } from './modules/clearing/public.ts'
import { seedDemoContracts } from './modules/contracts/public.ts'
import { seedDemoExpectedCapacities } from './modules/expected-capacity/public.ts'
import { seedDemoOutagePlans } from './modules/outage-plans/public.ts'
import { seedDemoNotices } from './modules/notices/public.ts'
import { seedDemoPostings } from './modules/replacements/public.ts'
import { seedDemoResourceHistory } from './modules/resources/public.ts'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { hashPassword } from './modules/auth/password.ts'

function tlsOptions(config: Config) {
  if (!config.tls) return undefined
  return {
    https: {
      cert: readFileSync(config.tls.certFile),
      key: readFileSync(config.tls.keyFile),
      ...(config.tls.clientCaFile
        ? {
            ca: readFileSync(config.tls.clientCaFile),
            // Ask for a client certificate but let the login decide: the health check and the
            // public pages work without one.
            requestCert: true,
            rejectUnauthorized: false,
          }
        : {}),
    },
  }
}

/** config → database (migrated, seeded when empty) → app → listen; graceful shutdown. */
async function main() {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const target = config.databaseUrl
    ? { databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize }
    : { dataDir: config.dataDir }
  const database = await openDatabase(target)
  if (database.kind === 'pglite') {
    // The embedded database migrates itself; a PostgreSQL server is migrated by `pnpm db:migrate`.
    await migrateDatabase(database)
  }
  let seeded = false
  if (config.seedDemoData) {
    seeded = await seedDemoData(database.prisma, { hashPassword })
    if (seeded) {
      await seedDemoResourceHistory(database.prisma)
      await seedDemoExpectedCapacities(database.prisma)
      await seedDemoNotices(database.prisma)
    }
  }
  const app = await buildApp(config, { db: database.prisma, fastify: tlsOptions(config) })
  // The demo auctions are cleared by the real clearing job, so they need the app's job runner.
  if (seeded) {
    const auctions = await seedDemoAuctions(database.prisma, app.jobs)
    // Its publication drafted the contracts (130): P00001 confirms some, asks to correct one.
    await seedDemoContracts(database.prisma, auctions.published)
    // Outage plans on the demo contracts of the published auction's year (180).
    await seedDemoOutagePlans(database.prisma)
    // Replacement board postings (140) for the same year.
    await seedDemoPostings(database.prisma)
    // The delivery year (issue 12): contracts in delivery for the last complete month, then the
    // month's feeds, outage plans, omission flags and assessment on top of them.
    await seedDemoDeliveryYear(database.prisma)
    await seedDemoDeliveryData(database.prisma)
    // The demo month assessed through the real job (after the delivery-year seeds above).
    await seedDemoAssessment(database.prisma, app.jobs)
    // The demo month settled and its payment notices issued (E10, F00).
    await seedDemoSettlement(database.prisma, app.jobs)
    // One payment of the demo month: P00001's notice paid, the others open (F10).
    await seedDemoPayments(database.prisma)
  }

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10_000)
    timer.unref()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ host: config.host, port: config.port })
  if (config.jobs.runner) app.jobs.start()
  const where =
    database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'
  console.log(
    [
      '',
      `  Yoryo 容量市場システム is running (${where})`,
      `  実需給期間前向け機能 (pre-delivery):  ${config.publicOrigin}/`,
      `  実需給期間向け機能 (delivery):        ${config.publicOrigin}/delivery/`,
      `  API reference:                       ${config.publicOrigin}/api/docs`,
      '',
      seeded ? '  Demo data was created. Demo logins:' : '  Demo logins:',
      ...demoLogins.map(
        (l) =>
          `    ${l.participantCode.padEnd(7)} ${l.userId.padEnd(11)} ${l.password.padEnd(22)} ${l.description}`,
      ),
      '',
    ].join('\n'),
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
