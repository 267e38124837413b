import type { FastifySchemaCompiler } from 'fastify'
import { safeParse, type $ZodType } from 'zod/v4/core'

/**
 * Characters no field may hold: C0 controls except TAB, LF and CR, DEL, and lone UTF-16
 * surrogates (what invalid UTF-8 or `\ud800` in JSON turns into). PostgreSQL refuses NUL in
 * text, so without this check a NUL anywhere became a 500.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Deepest nesting an input may have (objects and arrays); deeper is a format error. */
export const MAX_INPUT_DEPTH = 16

export interface InputIssue {
  keyword: string
  instancePath: string
  message: string
  params: Record<string, unknown>
}

/**
 * Walks an input (iteratively: a hostile nesting cannot overflow the stack) and reports the
 * first string, key included, holding a forbidden character, or nesting deeper than allowed.
 */
export function screenInput(data: unknown): InputIssue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] }
    if (typeof value === 'string') {
      if (FORBIDDEN.test(value)) return issue(path, 'E-COMMON-012')
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= MAX_INPUT_DEPTH) return issue(path, 'E-COMMON-008')
      const entries = Array.isArray(value)
        ? value.map((v, i) => [i, v] as const)
        : Object.entries(value as Record<string, unknown>)
      for (const [key, child] of entries) {
        if (typeof key === 'string' && FORBIDDEN.test(key)) return issue(path, 'E-COMMON-012')
        stack.push({ value: child, path: [...path, key] })
      }
    }
  }
  return null
}

function issue(path: (string | number)[], messageId: string): InputIssue {
  return {
    keyword: 'custom',
    instancePath: `/${path.join('/')}`,
    message: messageId,
    params: {},
  }
}

/**
 * The validator of every route: the input screen above, then the route's zod schema. Issues
 * carry the input they refer to, so a value of the wrong type is told apart from a missing one.
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const screened = screenInput(data)
    if (screened) return { error: [screened] as unknown as Error }
    const result = safeParse(schema, data, { reportInput: true })
    if (!result.success) {
      const issues: InputIssue[] = result.error.issues.map((i) => {
        const { path, code, message, ...params } = i
        return {
          keyword: code,
          instancePath: `/${path.map(String).join('/')}`,
          message,
          params,
        }
      })
      return { error: issues as unknown as Error }
    }
    return { value: result.data }
  }
