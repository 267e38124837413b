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
/**
 * The kinds of reviewed record (module names from the glossary). Each has one handler in the API
 * (`defineEntityHandler`) and one entry in the SPA's application kind registry; later modules add
 * theirs here (resource, expectedCapacity, replacement, outagePlan, penaltyFactor, …).
 */
export const entityTypes = [
  'participant',
  'resource',
  'expectedCapacity',
  'replacement',
  'marketExit',
  'outagePlan',
  'succession',
] as const
export const entityTypeSchema = z.enum(entityTypes).meta({ id: 'EntityType' })
export type EntityType = z.infer<typeof entityTypeSchema>

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

/** The proposed values of a cancellation, for every kind of record: why. */
export const cancelApplicationSchema = z
  .object({ reason: z.string().trim().min(1).max(1000).describe('廃止理由') })
  .meta({ id: 'CancelApplication' })
export type CancelApplication = z.infer<typeof cancelApplicationSchema>

/**
 * The body of a filing route (register / change / cancel, `applicationRoutes` in the API): the
 * proposed values, whether to submit or keep a draft and, for a change or cancellation, the
 * record's version it is based on (`versionOf`: the description of that version).
 */
export function applicationRequestSchema<T extends z.ZodType>(
  proposed: T,
): z.ZodObject<{
  proposed: T
  submit: z.ZodDefault<z.ZodBoolean>
}>
export function applicationRequestSchema<T extends z.ZodType>(
  proposed: T,
  versionOf: string,
): z.ZodObject<{ proposed: T; submit: z.ZodDefault<z.ZodBoolean>; version: z.ZodNumber }>
export function applicationRequestSchema<T extends z.ZodType>(proposed: T, versionOf?: string) {
  const submit = z.boolean().default(true).describe('false keeps it as a draft')
  return versionOf === undefined
    ? z.object({ proposed, submit })
    : z.object({ proposed, submit, version: versionInputSchema.describe(versionOf) })
}

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
    entityType: entityTypeSchema,
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

/**
 * One changed field: proposed beside current (the difference view). Nested fields by dotted
 * path (`participant.name`), list elements by index (`members[2].name`); an element added or
 * removed as a whole has `current` or `proposed` null.
 */
export const applicationDiffSchema = z
  .object({ path: z.string(), current: z.unknown(), proposed: z.unknown() })
  .meta({ id: 'ApplicationDiff' })
export type ApplicationDiff = z.infer<typeof applicationDiffSchema>

export const applicationSchema = applicationSummarySchema
  .extend({
    proposed: z.record(z.string(), z.unknown()),
    current: z.record(z.string(), z.unknown()).nullable(),
    diff: z.array(applicationDiffSchema),
    baseVersion: z
      .number()
      .int()
      .nullable()
      .describe(
        "The record's version the application was filed (or last submitted) against; null for a registration",
      ),
    stale: z
      .boolean()
      .describe(
        'The record has changed since: approval is refused (409 E-APP-003) until the application is returned and resubmitted',
      ),
    sinceReturned: z
      .array(applicationDiffSchema)
      .nullable()
      .describe(
        'What the applicant changed since the application was last returned; null if never returned',
      ),
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

/** The columns the application list (030) sorts by: every column it shows, and the filing time. */
export const applicationSortFields = [
  'receiptNo',
  'kind',
  'entityType',
  'participantCode',
  'applicantName',
  'state',
  'submittedAt',
  'decidedAt',
  'createdAt',
] as const
export type ApplicationSortField = (typeof applicationSortFields)[number]

export const applicationListQuerySchema = listQuerySchema.extend({
  receiptNo: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe('Part of the receipt number (taken literally, case-insensitive)'),
  entityType: entityTypeSchema.optional(),
  kind: applicationKindSchema.optional(),
  state: z
    .union([applicationStateSchema, z.literal('queue')])
    .optional()
    .describe('A state, or `queue` for submitted and in review'),
  participantCode: z.string().max(10).optional(),
  from: z.iso.date().optional().describe('Submitted on or after (JST date)'),
  to: z.iso.date().optional().describe('Submitted on or before (JST date)'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${applicationSortFields.join(', ')}); prefix "-" for descending; ` +
        'default submittedAt (oldest first, not submitted last)',
    ),
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
