import type { Db } from '@yoryo/db'
import type { Config } from '../config.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: Db
  }
}

export const SESSION_COOKIE = 'yoryo_session'
export const API_TOKEN_PREFIX = 'yoryo_pat_'
