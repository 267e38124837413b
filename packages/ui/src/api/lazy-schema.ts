import type { ResponseSchema } from './api-fetch.ts'
import type * as ResponseSchemas from './response-schemas.ts'

type SchemaName = keyof typeof ResponseSchemas
type Output<N extends SchemaName> = (typeof ResponseSchemas)[N]['_zod']['output']

/**
 * `apiFetch`'s `schema` for a call of the entry chunk: the named schema of `response-schemas.ts`,
 * imported when the request starts (a chunk of its own, with zod).
 *
 *   apiFetch('/api/v1/auth/me', { schema: lazySchema('sessionUserSchema') })
 */
export function lazySchema<N extends SchemaName>(
  name: N,
): () => Promise<ResponseSchema<Output<N>>> {
  return () =>
    import('./response-schemas.ts').then((schemas): ResponseSchema<Output<N>> => schemas[name])
}
