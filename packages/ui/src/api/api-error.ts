import type { FieldError, Problem } from '@yoryo/contracts'

/** Message IDs the client itself uses when the server gives none. */
export const NETWORK_ERROR_MESSAGE_ID = 'E-COMMON-011'
export const SERVER_ERROR_MESSAGE_ID = 'E-COMMON-003'

/**
 * A failed API call: the RFC 9457 problem of the API, or a network failure (status 0).
 * Screens show `messageId` through the message catalogue, and the request ID for 5xx.
 */
export class ApiError extends Error {
  readonly status: number
  readonly messageId: string
  readonly requestId: string | null
  readonly fieldErrors: readonly FieldError[]
  readonly problem: Problem | null

  constructor(init: {
    status: number
    messageId: string
    requestId?: string | null
    fieldErrors?: readonly FieldError[]
    problem?: Problem | null
    message?: string
  }) {
    super(init.message ?? `${init.status} ${init.messageId}`)
    this.name = 'ApiError'
    this.status = init.status
    this.messageId = init.messageId
    this.requestId = init.requestId ?? null
    this.fieldErrors = init.fieldErrors ?? []
    this.problem = init.problem ?? null
  }

  /** No answer from the API: the request failed, or a gateway answered for it (502 / 504). */
  get isNetworkError(): boolean {
    return this.status === 0 || this.messageId === NETWORK_ERROR_MESSAGE_ID
  }

  get isServerError(): boolean {
    return this.status >= 500 && this.status !== 503
  }

  /** The session is missing or expired (not a wrong password at login). */
  get isUnauthenticated(): boolean {
    return (
      this.status === 401 && (this.messageId === 'E-AUTH-003' || this.messageId === 'E-AUTH-004')
    )
  }

  get isMaintenance(): boolean {
    return this.status === 503 && this.messageId === 'E-COMMON-005'
  }

  get isPasswordChangeRequired(): boolean {
    return this.status === 403 && this.messageId === 'E-AUTH-013'
  }

  /**
   * Errors that take the user to another screen (`ApiErrorRedirects`: login, maintenance,
   * password change) rather than being shown where they happened.
   */
  get leadsToRedirect(): boolean {
    return this.isUnauthenticated || this.isMaintenance || this.isPasswordChangeRequired
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
