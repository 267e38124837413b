/**
 * How a versioned run (the monthly assessment B40, the settlement E10) records why it failed: the
 * technical text (`error`, for the operator and the log) and, for a known failure — an `AppError`
 * thrown by the job — its catalogue message (`errorMessageId`, `errorParams`), which the screens
 * show in the reader's language with its ID.
 */
import { formatMessage, type MessageRefValue } from '@yoryo/contracts'
import { Prisma } from '@yoryo/db'
import { AppError } from './errors.ts'

/** The columns a failed run writes. */
export function runFailure(error: unknown): {
  error: string
  errorMessageId: string | null
  errorParams: Prisma.InputJsonValue | typeof Prisma.DbNull
} {
  if (error instanceof AppError) {
    return {
      error: `${error.messageId} ${formatMessage(error.messageId, 'en', error.params)}`,
      errorMessageId: error.messageId,
      errorParams: error.params,
    }
  }
  return {
    error: error instanceof Error ? error.message : String(error),
    errorMessageId: null,
    errorParams: Prisma.DbNull,
  }
}

/** The columns a run clears when it starts (again). */
export const NO_RUN_FAILURE = {
  error: null,
  errorMessageId: null,
  errorParams: Prisma.DbNull,
} as const

/** A stored run's failure as the API answers it (null: none, or an unexpected one). */
export function runFailureOf(row: {
  errorMessageId: string | null
  errorParams: Prisma.JsonValue
}): MessageRefValue | null {
  if (!row.errorMessageId) return null
  return {
    messageId: row.errorMessageId,
    params: (row.errorParams ?? {}) as MessageRefValue['params'],
  }
}
