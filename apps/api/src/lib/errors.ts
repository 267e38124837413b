import type { FieldError, MessageId } from '@yoryo/contracts'

/** A field error; `params` fill the message's placeholders when it is localised for the reply. */
export type AppFieldError = FieldError & { params?: Record<string, string | number> }

/**
 * The one error type of the API. `messageId` names the catalogue message; `params` fill its
 * placeholders; `errors` carry field-level problems for validation failures.
 */
export class AppError extends Error {
  readonly messageId: MessageId
  readonly status: number
  readonly params: Record<string, string | number>
  readonly errors: AppFieldError[] | undefined
  readonly headers: Record<string, string>

  constructor(
    messageId: MessageId,
    status: number,
    details: {
      params?: Record<string, string | number>
      errors?: AppFieldError[]
      headers?: Record<string, string>
    } = {},
  ) {
    super(messageId)
    this.name = 'AppError'
    this.messageId = messageId
    this.status = status
    this.params = details.params ?? {}
    this.errors = details.errors
    this.headers = details.headers ?? {}
  }
}
