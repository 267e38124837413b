import { randomUUID } from 'node:crypto'
import type { App } from '../../app.ts'

/** The access declaration an operation carries as `x-access` (plugins/openapi.ts). */
export interface XAccess {
  public: boolean
  roles?: string[]
  permission?: { function: string; mode: 'view' | 'edit' }
  narrowedBy?: string
  allowPasswordChangePending?: boolean
  duringMaintenance: boolean
}

export type JsonSchema = Record<string, unknown>

export interface Operation {
  method: string
  /** OpenAPI path, e.g. `/api/v1/users/{id}`. */
  path: string
  operationId: string
  access: XAccess | undefined
  pathParams: Record<string, JsonSchema>
  queryParams: Record<string, { schema: JsonSchema; required: boolean }>
  headerParams: Record<string, { schema: JsonSchema; required: boolean }>
  /** The JSON request body schema ($refs resolved), or 'multipart', or none. */
  body: JsonSchema | 'multipart' | undefined
  /** Status → media types documented. */
  responses: Record<string, string[]>
}

/** Every operation of the app's own OpenAPI document: the suites cover what the document says. */
export function operationsOf(app: App): Operation[] {
  const doc = app.swagger() as unknown as {
    paths: Record<string, Record<string, Record<string, unknown>>>
    components: { schemas: Record<string, JsonSchema> }
  }
  const deref = (schema: unknown, depth = 0): JsonSchema => {
    if (!schema || typeof schema !== 'object' || depth > 20) return (schema ?? {}) as JsonSchema
    if (Array.isArray(schema))
      return schema.map((s) => deref(s, depth + 1)) as unknown as JsonSchema
    const s = schema as JsonSchema
    if (typeof s.$ref === 'string') {
      const name = s.$ref.split('/').pop() as string
      return deref(doc.components.schemas[name], depth + 1)
    }
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, deref(v, depth + 1)]))
  }
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as {
        in: string
        name: string
        required?: boolean
        schema: unknown
      }[]
      const pick = (where: string) =>
        Object.fromEntries(
          parameters
            .filter((p) => p.in === where)
            .map((p) => [p.name, { schema: deref(p.schema), required: p.required ?? false }]),
        )
      const content = (op.requestBody as { content?: Record<string, { schema: unknown }> })?.content
      const responses = Object.fromEntries(
        Object.entries(op.responses as Record<string, { content?: object }>).map(([s, r]) => [
          s,
          Object.keys(r.content ?? {}),
        ]),
      )
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string,
        access: op['x-access'] as XAccess | undefined,
        pathParams: Object.fromEntries(Object.entries(pick('path')).map(([k, v]) => [k, v.schema])),
        queryParams: pick('query'),
        headerParams: pick('header'),
        body: content?.['application/json']
          ? deref(content['application/json'].schema)
          : (op.description as string | undefined)?.includes('multipart')
            ? 'multipart'
            : undefined,
        responses,
      })
    }
  }
  return ops
}

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))
}

/**
 * A plausible valid value for a JSON schema: required properties only, formats honoured. Rules
 * beyond the schema (check digits, cross-field rules) may still refuse it; that is a 400, never
 * an authorisation answer.
 */
export function exampleOf(schema: JsonSchema): unknown {
  if ('default' in schema) return schema.default
  if (Array.isArray(schema.enum)) return schema.enum[0]
  if ('const' in schema) return schema.const
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (variants) return exampleOf(variants.find((v) => v.type !== 'null') ?? variants[0] ?? {})
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : schema.type
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
      const required = (schema.required ?? []) as string[]
      return Object.fromEntries(required.map((k) => [k, exampleOf(properties[k] ?? {})]))
    }
    case 'array':
      return []
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' && schema.minimum > 1 ? schema.minimum : 1
    case 'boolean':
      return false
    case 'null':
      return null
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return randomUUID()
        case 'date-time':
          return new Date().toISOString()
        case 'date':
          return new Date().toISOString().slice(0, 10)
        case 'email':
          return 'someone@example.jp'
        default: {
          const min = typeof schema.minLength === 'number' ? schema.minLength : 1
          return 'a'.repeat(Math.max(1, min))
        }
      }
    default:
      return {}
  }
}

/** A multipart/form-data body with text fields and one file part. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
) {
  const boundary = '----yoryo' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    )
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}
