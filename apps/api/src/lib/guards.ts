import type { FastifyRequest } from 'fastify'
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
