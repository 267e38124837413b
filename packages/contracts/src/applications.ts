import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { listQuerySchema } from './list.ts'

/**
 * 申込 → 審査 (workflow.md): one mechanism for every reviewed record.
 *
 *   draft ──submit──▶ submitted ──startReview──▶ inReview ──approve──▶ approved
 *     ▲                  │                          ├──return──▶ returned ──resubmit──▶ submitted
 *     └──────edit────────┘ (withdraw ▶ withdrawn)   └──reject──▶ rejected
 */
export const applicationKindSchema = z
  .enum(['register', 'change', 'cancel'])
  .meta({ id: 'ApplicationKind' })
export type ApplicationKind = z.infer<typeof applicationKindSchema>

export const applicationStateSchema = z
  .enum(['draft', 'submitted', 'inReview', 'returned', 'approved', 'rejected', 'withdrawn'])
  .meta({ id: 'ApplicationState' })
export type ApplicationState = z.infer<typeof applicationStateSchema>

export const applicationActionSchema = z
  .enum(['submit', 'edit', 'withdraw', 'startReview', 'return', 'resubmit', 'approve', 'reject'])
  .meta({ id: 'ApplicationAction' })
export type ApplicationAction = z.infer<typeof applicationActionSchema>

/** Who may take each transition, from which states, to which state. */
export const applicationTransitions: Record<
  ApplicationAction,
  {
    from: readonly ApplicationState[]
    to: ApplicationState
    by: 'applicant' | 'operator'
    comment: boolean
  }
> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant', comment: false },
  edit: { from: ['submitted'], to: 'draft', by: 'applicant', comment: false },
  withdraw: {
    from: ['draft', 'submitted', 'returned'],
    to: 'withdrawn',
    by: 'applicant',
    comment: false,
  },
  startReview: { from: ['submitted'], to: 'inReview', by: 'operator', comment: false },
  return: { from: ['inReview'], to: 'returned', by: 'operator', comment: true },
  resubmit: { from: ['returned'], to: 'submitted', by: 'applicant', comment: false },
  approve: { from: ['inReview'], to: 'approved', by: 'operator', comment: false },
  reject: { from: ['inReview'], to: 'rejected', by: 'operator', comment: true },
}

/** States in which the applicant may still change the proposed values. */
export const editableStates: readonly ApplicationState[] = ['draft', 'returned']
/** States waiting for the operator (the review queue). */
export const reviewQueueStates: readonly ApplicationState[] = ['submitted', 'inReview']

export const applicationEventSchema = z
  .object({
    id: z.uuid(),
    action: z.string(),
    fromState: applicationStateSchema.nullable(),
    toState: applicationStateSchema,
    actorLabel: z.string(),
    comment: z.string(),
    at: timestampSchema,
  })
  .meta({ id: 'ApplicationEvent' })
export type ApplicationEvent = z.infer<typeof applicationEventSchema>

export const applicationSummarySchema = z
  .object({
    id: z.uuid(),
    receiptNo: z.string(),
    kind: applicationKindSchema,
    entityType: z.string(),
    entityId: z.string().nullable(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    /** The applicant's name (the company's name for a system use application). */
    applicantName: z.string(),
    state: applicationStateSchema,
    version: z.number().int(),
    createdAt: timestampSchema,
    submittedAt: timestampSchema.nullable(),
    decidedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ApplicationSummary' })
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>

/** One changed field: proposed beside current (the difference view). */
export const applicationDiffSchema = z
  .object({ path: z.string(), current: z.unknown(), proposed: z.unknown() })
  .meta({ id: 'ApplicationDiff' })

export const applicationSchema = applicationSummarySchema
  .extend({
    proposed: z.record(z.string(), z.unknown()),
    current: z.record(z.string(), z.unknown()).nullable(),
    diff: z.array(applicationDiffSchema),
    result: z.record(z.string(), z.unknown()).nullable(),
    events: z.array(applicationEventSchema),
  })
  .meta({ id: 'Application' })
export type Application = z.infer<typeof applicationSchema>

export const applicationTransitionSchema = z
  .object({
    comment: z.string().trim().max(1000).default(''),
    version: versionInputSchema,
  })
  .meta({ id: 'ApplicationTransition' })
export type ApplicationTransition = z.infer<typeof applicationTransitionSchema>

export const applicationListQuerySchema = listQuerySchema.extend({
  entityType: z.string().max(40).optional(),
  kind: applicationKindSchema.optional(),
  state: z
    .union([applicationStateSchema, z.literal('queue')])
    .optional()
    .describe('A state, or `queue` for submitted and in review'),
  participantCode: z.string().max(10).optional(),
  from: z.iso.date().optional().describe('Submitted on or after (JST date)'),
  to: z.iso.date().optional().describe('Submitted on or before (JST date)'),
})
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>

/** The application after a transition; approving a system use application adds, once, the
 * first administrator's one-time password for the operator to hand over. */
export const transitionResultSchema = z
  .object({
    application: applicationSchema,
    oneTimePassword: z.string().optional().describe('Shown only in this response'),
  })
  .meta({ id: 'TransitionResult' })
