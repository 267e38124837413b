/**
 * Limits the API enforces and the SPAs name in their messages. A module without zod: the SPAs'
 * entry chunk reads these (message placeholders) and must not pull in a schema module (issue 7
 * first-load budget; a module with top-level schemas is kept whole by the bundler).
 */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_AGE_DAYS = 90
export const PASSWORD_HISTORY_SIZE = 3
export const MAX_FAILED_LOGINS = 5
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
