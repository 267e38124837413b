import { encodeMessageRef } from '../messages/message-ref.ts'
import { isApiError } from './api-error.ts'

/** What `applyFieldErrors` needs of react-hook-form's `setError` (structurally compatible). */
export type SetFieldError<TName extends string> = (
  name: TName,
  error: { type: string; message: string },
  options?: { shouldFocus: boolean },
) => void

/**
 * Maps the field errors of an API validation problem (`errors: [{path, messageId, message}]`)
 * onto react-hook-form fields. Returns true when at least one field got an error; the first one
 * is focused — through `focus` when given (`useFocusWhenEnabled`, for a form that is still
 * disabled while the error arrives), else by `setError`. Errors on unknown paths are left for
 * the form-level alert.
 */
export function applyFieldErrors<TName extends string>(
  error: unknown,
  setError: SetFieldError<TName>,
  fields: readonly TName[],
  focus?: (name: TName) => void,
): boolean {
  if (!isApiError(error)) return false
  let first: TName | null = null
  for (const fieldError of error.fieldErrors) {
    const name = fieldError.path.join('.')
    const field = fields.find((f) => f === name)
    if (!field) continue
    setError(
      field,
      {
        type: 'server',
        message: encodeMessageRef({ id: fieldError.messageId, text: fieldError.message }),
      },
      { shouldFocus: first === null && !focus },
    )
    first ??= field
  }
  if (first !== null) focus?.(first)
  return first !== null
}

/**
 * Whether an error is shown on the fields themselves (an API problem with field errors on at
 * least one of `fields`); if not, the form shows it in an alert above the fields.
 */
export function isShownOnFields(error: unknown, fields: readonly string[]): boolean {
  return isApiError(error) && error.fieldErrors.some((fe) => fields.includes(fe.path.join('.')))
}

/** Field errors of an API problem that match none of `fields` (shown above the form). */
export function unmappedFieldErrors(error: unknown, fields: readonly string[]) {
  if (!isApiError(error)) return []
  return error.fieldErrors.filter((fe) => !fields.includes(fe.path.join('.')))
}
