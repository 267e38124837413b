import { describe, expect, it } from 'vitest'
import { decodeMessageRef, zodIssueToMessage } from '../messages/message-ref.ts'
import { passwordChangeFormSchema } from './password-change-page.tsx'

/** Field → message ID of the first issue, as the form shows them. */
function errorsOf(values: {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}) {
  const result = passwordChangeFormSchema('user01').safeParse(values, { error: zodIssueToMessage })
  if (result.success) return {}
  const errors: Record<string, string | undefined> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0])
    errors[field] ??= decodeMessageRef(issue.message)?.id
  }
  return errors
}

describe('password change form', () => {
  it('requires every field (E-COMMON-007)', () => {
    expect(errorsOf({ currentPassword: '', newPassword: '', confirmPassword: '' })).toEqual({
      currentPassword: 'E-COMMON-007',
      newPassword: 'E-COMMON-007',
      confirmPassword: 'E-COMMON-007',
    })
  })

  it('checks the policy in the order the API does', () => {
    const base = { currentPassword: 'x', confirmPassword: '' }
    expect(errorsOf({ ...base, newPassword: 'Short#1' }).newPassword).toBe('E-AUTH-007')
    expect(errorsOf({ ...base, newPassword: 'alllowercaseletters' }).newPassword).toBe('E-AUTH-008')
    expect(errorsOf({ ...base, newPassword: 'Xuser01-Spring#2027' }).newPassword).toBe('E-AUTH-009')
    expect(errorsOf({ ...base, newPassword: 'Yokohama#Spring-2027' }).newPassword).toBeUndefined()
  })

  it('matches the confirmation (E-AUTH-015) and passes a valid change', () => {
    const next = 'Yokohama#Spring-2027'
    expect(
      errorsOf({ currentPassword: 'x', newPassword: next, confirmPassword: `${next}!` }),
    ).toEqual({ confirmPassword: 'E-AUTH-015' })
    expect(errorsOf({ currentPassword: 'x', newPassword: next, confirmPassword: next })).toEqual({})
  })
})
