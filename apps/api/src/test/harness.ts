import { createTestDatabase } from '@yoryo/db/testing'
import { seedDemoData, type Database } from '@yoryo/db'
import { buildApp, type App } from '../app.ts'
import { testConfig, type Config } from '../config.ts'
import { hashPassword } from '../modules/auth/password.ts'
import { SESSION_COOKIE } from '../lib/app-types.ts'

export const ORIGIN = 'http://127.0.0.1:3000'
export const DEMO_PASSWORD = 'Participant#2026demo'
export const OPERATOR_PASSWORD = 'Operator#2026demo'

export interface TestContext {
  app: App
  database: Database
  config: Config
  close(): Promise<void>
}

/**
 * A fresh database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set) with the demo data,
 * and the API built on it. One per test file.
 */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase()
  await seedDemoData(database.prisma, { hashPassword })
  const config = testConfig({ publicOrigin: ORIGIN, webDistDir: undefined, ...overrides })
  const app = await buildApp(config, { db: database.prisma })
  await app.ready()
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}

/** Logs in and returns the headers that carry the session on later requests. */
export async function loginAs(
  app: App,
  participantCode: string,
  userId: string,
  password = participantCode === 'OCCTO' ? OPERATOR_PASSWORD : DEMO_PASSWORD,
): Promise<{ cookie: string; origin: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: ORIGIN },
    payload: { participantCode, userId, password },
  })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)
  if (!cookie) throw new Error('no session cookie')
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, origin: ORIGIN }
}
