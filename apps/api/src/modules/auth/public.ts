/**
 * What other API modules may use of the auth module (lint zone in eslint.config.js: a module
 * imports another only through its `public.ts`).
 */
export { hashPassword, passwordExpiresAt } from './password.ts'
