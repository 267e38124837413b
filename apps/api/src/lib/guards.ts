import type { FastifyRequest } from 'fastify'
import type { FunctionGroupCode } from '@yoryo/contracts'
import type { AuthContext } from './context.ts'
import { AppError } from './errors.ts'

/** The caller of a non-public route (the auth plugin has already refused anonymous calls). */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('E-AUTH-003', 401)
  return request.auth
}

/**
 * The participant whose data the caller may see: its own, or any for the operator.
 * A record of another participant answers 404, never 403, so its existence is not revealed.
 */
export function assertSameParticipant(auth: AuthContext, participantId: string): void {
  if (auth.user.role === 'operator') return
  if (auth.participant.id !== participantId) throw new AppError('E-COMMON-002', 404)
}

/** Whether the caller has the right on a function group (A40); edit implies view. */
export function hasPermission(
  auth: AuthContext,
  functionGroup: FunctionGroupCode,
  mode: 'view' | 'edit',
): boolean {
  const p = auth.permissions.find((x) => x.functionGroup === functionGroup)
  return !!p && (mode === 'view' ? p.canView : p.canEdit)
}

/** Administrators of the caller's participant and the operator. */
export function isAdministrator(auth: AuthContext): boolean {
  return auth.user.role === 'participantAdmin' || auth.user.role === 'operator'
}
