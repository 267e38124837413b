import { AppError } from '../../lib/errors.ts'
import { participantHandler } from '../participants/handler.ts'
import type { EntityHandler } from './handler.ts'

/** Every kind of reviewed record, by entity type. Later modules add theirs here. */
const handlers: Record<string, EntityHandler> = {
  [participantHandler.entityType]: participantHandler,
}

export function handlerFor(entityType: string): EntityHandler {
  const handler = handlers[entityType]
  if (!handler) throw new AppError('E-COMMON-002', 404)
  return handler
}
