import { isDeepStrictEqual } from 'node:util'
import fastJson from 'fast-json-stringify'
import type { FastifySchemaCompiler } from 'fastify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

type SerializerCompiler = (
  route: Parameters<FastifySchemaCompiler<z.ZodType>>[0],
) => (data: unknown) => string

/**
 * Response serialisers compiled once per route and status from the JSON Schema of the zod
 * response schema (fast-json-stringify, as Fastify does for JSON Schema routes), instead of a zod
 * encode plus `JSON.stringify` per response. Properties the schema does not declare are left
 * out, as zod's encode does. Schemas JSON Schema cannot express fall back to zod.
 *
 * With `crossCheck` (the test suite) every response is also encoded by zod and must be the same
 * JSON document: the API tests prove both serialisers agree on every response they exercise.
 */
export function compiledSerializerCompiler(options: { crossCheck: boolean }): SerializerCompiler {
  return (route) => {
    let stringify: (data: unknown) => string
    try {
      const json = z.toJSONSchema(route.schema, {
        io: 'output',
        target: 'draft-07',
        unrepresentable: 'throw',
      })
      stringify = fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string
    } catch {
      return zodSerializerCompiler(route) as (data: unknown) => string
    }
    if (!options.crossCheck) return stringify
    const reference = zodSerializerCompiler(route) as (data: unknown) => string
    return (data) => {
      const fast = stringify(data)
      const expected = reference(data)
      if (!isDeepStrictEqual(JSON.parse(fast), JSON.parse(expected))) {
        throw new Error(
          `compiled serialiser differs from zod for ${route.method} ${route.url}: ` +
            `${fast.slice(0, 300)} ≠ ${expected.slice(0, 300)}`,
        )
      }
      return fast
    }
  }
}
