import type { SessionUser } from '@yoryo/contracts'

/**
 * Whether the session may file and correct applications of a function group (A40): an
 * administrator always, a general user with the edit right. The API checks it again.
 */
export function canEditGroup(session: SessionUser, functionGroup: string): boolean {
  if (session.user.role === 'participantAdmin') return true
  if (session.user.role !== 'participantUser') return false
  return session.permissions.some((p) => p.functionGroup === functionGroup && p.canEdit)
}
