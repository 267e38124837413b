import { z } from 'zod'

/** Roles of workflow.md: OCCTO staff, participant administrator / general user, TSO feed. */
export const roleSchema = z
  .enum(['operator', 'participantAdmin', 'participantUser', 'tso'])
  .meta({ id: 'Role' })
export type Role = z.infer<typeof roleSchema>

export const participantKindSchema = z.enum(['operator', 'participant', 'tso'])
export type ParticipantKind = z.infer<typeof participantKindSchema>
