import type { Participant } from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { profileOf } from './handler.ts'

/** A participant row as the API shows it (the profile only for market participants). */
export function toParticipant(p: Prisma.ParticipantGetPayload<object>): Participant {
  return {
    ...(p.kind === 'participant' ? profileOf(p) : {}),
    id: p.id,
    code: p.code,
    kind: p.kind,
    name: p.name,
    nameKana: p.nameKana,
    nameEn: p.nameEn,
    status: p.status,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }
}
