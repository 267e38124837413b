import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema, pageSchema } from './list.ts'

/**
 * 容量停止計画登録漏れ確認審査 (B50): the assessment flags a slot where output shows an outage
 * that no outage plan covers. The participant answers (one or many slots at once) and may change
 * the answer until the operator decides; the operator accepts (the next run leaves the slot out
 * of the unplanned-outage line) or rejects with a reason (the participant may answer again).
 *
 *   flagged ──answer──▶ answered ──accept──▶ accepted
 *                        ▲  │ └─answer─┘
 *                        │  └──reject──▶ rejected ──answer──▶ answered
 */
export const outageOmissionStates = ['flagged', 'answered', 'accepted', 'rejected'] as const
export const outageOmissionStateSchema = z
  .enum(outageOmissionStates)
  .describe('flagged 回答待ち · answered 回答済み · accepted 承認 · rejected 却下')
  .meta({ id: 'OutageOmissionState' })
export type OutageOmissionState = z.infer<typeof outageOmissionStateSchema>

/** The states a participant may answer in (its answer may change until the operator decides). */
export const outageOmissionAnswerable: readonly OutageOmissionState[] = [
  'flagged',
  'answered',
  'rejected',
]

export const outageOmissionStateLabels: Labels<OutageOmissionState> = {
  flagged: { ja: '回答待ち', en: 'Awaiting answer' },
  answered: { ja: '回答済み', en: 'Answered' },
  accepted: { ja: '承認', en: 'Accepted' },
  rejected: { ja: '却下', en: 'Rejected' },
}

export const OUTAGE_OMISSION_ANSWER_MAX_LENGTH = 1000
export const OUTAGE_OMISSION_REASON_MAX_LENGTH = 1000
/** Most slots one answer or decision may cover. */
export const OUTAGE_OMISSION_BATCH_MAX = 500

/** A flagged slot as listed: the resource, the slot and what the assessment saw. */
export const outageOmissionSchema = z
  .object({
    id: z.uuid(),
    month: monthSchema,
    resourceId: z.uuid(),
    resourceCode: z.string(),
    resourceName: z.string(),
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    date: z.string().describe('JST date YYYY-MM-DD'),
    slot: z.number().int().min(1).max(48).describe('30-minute slot 1..48 (JST)'),
    contractKw: z.number().int(),
    plannedKw: z.number().int().describe('kW reduced by outage plans covering the slot'),
    availableKw: z.number().int(),
    shortfallKw: z.number().int().describe('contractKw − plannedKw − availableKw'),
    state: outageOmissionStateSchema,
    answer: z.string().nullable(),
    answeredAt: timestampSchema.nullable(),
    decisionNote: z.string().nullable().describe('The reason of a rejection'),
    decidedAt: timestampSchema.nullable(),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'OutageOmission' })
export type OutageOmission = z.infer<typeof outageOmissionSchema>

export const outageOmissionPageSchema = pageSchema(outageOmissionSchema).meta({
  id: 'OutageOmissionPage',
})

export const outageOmissionSortFields = [
  'date',
  'resourceCode',
  'participantCode',
  'shortfallKw',
  'state',
] as const
export type OutageOmissionSortField = (typeof outageOmissionSortFields)[number]

export const outageOmissionListQuerySchema = listQuerySchema.extend({
  month: monthSchema.optional(),
  state: outageOmissionStateSchema.optional(),
  resource: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the resource code or name (taken literally)'),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(
      `Field to sort by (${outageOmissionSortFields.join(', ')}); prefix "-" for descending`,
    ),
})
export type OutageOmissionListQuery = z.infer<typeof outageOmissionListQuerySchema>

/** The slots a write acts on, each with the version the user saw. */
const outageOmissionRefs = z
  .array(z.object({ id: z.uuid(), version: versionInputSchema }))
  .min(1)
  .max(OUTAGE_OMISSION_BATCH_MAX)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
    message: 'E-ASMT-054',
  })
  .describe(`1 to ${OUTAGE_OMISSION_BATCH_MAX} slots, each once`)

/** The participant's answer to one or many slots (the same text for each). */
export const outageOmissionAnswerSchema = z
  .object({
    items: outageOmissionRefs,
    answer: z.string().trim().min(1).max(OUTAGE_OMISSION_ANSWER_MAX_LENGTH),
  })
  .meta({ id: 'OutageOmissionAnswer' })
export type OutageOmissionAnswer = z.infer<typeof outageOmissionAnswerSchema>
export type OutageOmissionAnswerValues = z.input<typeof outageOmissionAnswerSchema>

export const outageOmissionDecisions = ['accept', 'reject'] as const

/** The operator's decision on one or many answered slots; a rejection needs a reason. */
export const outageOmissionDecisionSchema = z
  .object({
    items: outageOmissionRefs,
    decision: z.enum(outageOmissionDecisions),
    reason: z
      .string()
      .trim()
      .max(OUTAGE_OMISSION_REASON_MAX_LENGTH)
      .optional()
      .describe('Required to reject; kept on each slot as its decision note'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'E-ASMT-052' })
    }
  })
  .meta({ id: 'OutageOmissionDecision' })
export type OutageOmissionDecision = z.infer<typeof outageOmissionDecisionSchema>
export type OutageOmissionDecisionValues = z.input<typeof outageOmissionDecisionSchema>

/** The slots as they are after an answer or a decision. */
export const outageOmissionBatchResultSchema = z
  .object({ items: z.array(outageOmissionSchema) })
  .meta({ id: 'OutageOmissionBatchResult' })
export type OutageOmissionBatchResult = z.infer<typeof outageOmissionBatchResultSchema>
