import type { FieldError, Problem } from '@yoryo/contracts'
import { ApiError, NETWORK_ERROR_MESSAGE_ID, SERVER_ERROR_MESSAGE_ID } from './api-error.ts'

/** Anything with zod's `safeParse` (a contracts schema), used to check responses. */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown }
}

export type QueryValue = string | number | boolean | null | undefined

export interface ApiFetchOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON. */
  body?: unknown
  /** Sent as multipart/form-data instead of `body`. */
  formData?: FormData
  query?: Record<string, QueryValue>
  /** Extra request headers (e.g. the access key of a public application). */
  headers?: Record<string, string>
  signal?: AbortSignal
  /**
   * The contract schema of the response; a mismatch is logged, not thrown. Screens in the entry
   * chunk pass a loader (`() => import(…)`) instead, so zod stays out of the first load; it is
   * fetched while the request runs.
   */
  schema?: ResponseSchema<T> | (() => Promise<ResponseSchema<T>>)
  /**
   * `blob` for file downloads: resolves to the body as a `Blob` (use `apiFetch<Blob>`); errors
   * are problem details as for any other call.
   */
  responseType?: 'json' | 'blob'
}

export const REQUEST_ID_HEADER = 'x-request-id'

function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path
}

function currentLanguage(): string {
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'ja'
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isOptionalString = (value: unknown): value is string | undefined =>
  value === undefined || typeof value === 'string'

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false
  const { path, messageId, message } = value as Record<string, unknown>
  return (
    Array.isArray(path) &&
    path.every((part) => typeof part === 'string' || typeof part === 'number') &&
    isString(messageId) &&
    isString(message)
  )
}

/**
 * RFC 9457 problem details as the API sends them (`problemSchema` of @yoryo/contracts), checked
 * by hand: zod stays out of the SPAs' entry chunk (issue 7 first-load budget). The schema and
 * this check are compared in api-fetch.test.ts.
 */
export function readProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null
  const { type, title, status, detail, instance, messageId, requestId, errors } = body as Record<
    string,
    unknown
  >
  const valid =
    isString(type) &&
    isString(title) &&
    Number.isInteger(status) &&
    isOptionalString(detail) &&
    isOptionalString(instance) &&
    isString(messageId) &&
    isString(requestId) &&
    (errors === undefined || (Array.isArray(errors) && errors.every(isFieldError)))
  if (!valid) return null
  return {
    type,
    title,
    status: status as number,
    ...(detail === undefined ? {} : { detail }),
    ...(instance === undefined ? {} : { instance }),
    messageId,
    requestId,
    ...(errors === undefined ? {} : { errors: errors as FieldError[] }),
  }
}

/** Turns a non-2xx response into an `ApiError`, reading RFC 9457 problem details if present. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response)
  const headerRequestId = response.headers.get(REQUEST_ID_HEADER)
  const problem = readProblem(body)
  if (problem) {
    return new ApiError({
      status: response.status,
      messageId: problem.messageId,
      requestId: problem.requestId || headerRequestId,
      fieldErrors: problem.errors ?? [],
      problem,
      message: problem.detail ?? problem.title,
    })
  }
  const loose = (body ?? {}) as { messageId?: unknown; requestId?: unknown; errors?: unknown }
  // A gateway's own error page (the API itself always answers with problem details).
  const gateway = response.status === 502 || response.status === 504
  return new ApiError({
    status: response.status,
    messageId:
      typeof loose.messageId === 'string'
        ? loose.messageId
        : gateway
          ? NETWORK_ERROR_MESSAGE_ID
          : SERVER_ERROR_MESSAGE_ID,
    requestId: typeof loose.requestId === 'string' ? loose.requestId : headerRequestId,
    fieldErrors: Array.isArray(loose.errors) ? (loose.errors as FieldError[]) : [],
  })
}

let lastActivityAt = Date.now()
const activityListeners = new Set<(at: number) => void>()

/** When the API last answered a request of this tab (each answer extends the session). */
export function lastApiActivityAt(): number {
  return lastActivityAt
}

/** Calls `listener` whenever the API answers; returns the unsubscribe function. */
export function onApiActivity(listener: (at: number) => void): () => void {
  activityListeners.add(listener)
  return () => activityListeners.delete(listener)
}

function markApiActivity(): void {
  lastActivityAt = Date.now()
  for (const listener of activityListeners) listener(lastActivityAt)
}

/**
 * The one way the SPAs call the API: same-origin cookies, JSON in and out, problem details
 * turned into `ApiError`, network failures into `ApiError` with status 0 (`E-COMMON-011`).
 */
export async function apiFetch<T = unknown>(
  path: string,
  options: ApiFetchOptions<T> = {},
): Promise<T> {
  const { method = 'GET', body, formData, query, signal, schema, responseType = 'json' } = options
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: responseType === 'blob' ? '*/*' : 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  }
  let payload: BodyInit | undefined
  if (formData) {
    payload = formData
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }

  const pendingSchema = typeof schema === 'function' ? schema() : schema
  // Settled even when the request fails first (no unhandled rejection).
  void Promise.resolve(pendingSchema).catch(() => undefined)

  let response: Response
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError({ status: 0, messageId: NETWORK_ERROR_MESSAGE_ID })
  }

  if (!response.ok) throw await toApiError(response)
  markApiActivity()
  if (responseType === 'blob') {
    try {
      return (await response.blob()) as T
    } catch (cause) {
      // The connection broke while the file was coming in.
      if (signal?.aborted) throw cause
      throw new ApiError({ status: 0, messageId: NETWORK_ERROR_MESSAGE_ID })
    }
  }
  if (response.status === 204) return undefined as T

  const data = await readJson(response)
  const responseSchema = await Promise.resolve(pendingSchema).catch(() => undefined)
  if (responseSchema) {
    const result = responseSchema.safeParse(data)
    if (result.success) return result.data
    console.warn(`[apiFetch] ${method} ${path}: response does not match the contract`, result.error)
  }
  return data as T
}
