import type { Db } from '@yoryo/db'
import type { Config } from '../config.ts'
import type { BulkFormats } from '../modules/bulk-imports/formats.ts'
import type { JobRunner } from './jobs.ts'
import type { ListRoutes } from './list.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: Db
    /** The job runner of this process (lib/jobs.ts); modules register their kinds on it. */
    jobs: JobRunner
    /** Every bulk format (220/500/K10), registered by the module owning its records. */
    bulkFormats: BulkFormats
    /** Every list route (lib/list.ts), as `listRoute` registered it: K20 and K21 read them. */
    listRoutes: ListRoutes
  }
}

export const SESSION_COOKIE = 'yoryo_session'
export const API_TOKEN_PREFIX = 'yoryo_pat_'
