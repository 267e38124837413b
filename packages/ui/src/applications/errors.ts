import { ApiError, isApiError } from '../api/api-error.ts'

/**
 * The API names a field by its path in the request body: `proposed.participant.name` when the
 * request carries `{ proposed, version }`. A form that edits the proposed values alone names it
 * `participant.name`: this drops the leading `proposed` so the error lands on the field.
 */
export function withoutProposedPrefix(error: unknown): unknown {
  if (!isApiError(error) || error.fieldErrors.length === 0) return error
  return new ApiError({
    status: error.status,
    messageId: error.messageId,
    requestId: error.requestId,
    problem: error.problem,
    message: error.message,
    fieldErrors: error.fieldErrors.map((fieldError) =>
      fieldError.path[0] === 'proposed'
        ? { ...fieldError, path: fieldError.path.slice(1) }
        : fieldError,
    ),
  })
}
