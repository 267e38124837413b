/**
 * The succession, merger and exit (G50): schemas shared by the API, the forms and the CSV rows.
 *
 * One application of a participant (rules.md §9): `succession` 電源承継 (named resources and
 * all their contracts move to another participant), `merger` 事業者統合 (everything of the
 * applicant moves into another participant, the applicant is closed) or `exit` 市場退出 (the
 * applicant's contracts end with the §6 exit penalty, the applicant is closed). Succession and
 * merger wait for the receiver's consent; the operator reviews (entity type `succession`).
 */
import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import type { Labels } from './labels.ts'
import { listQuerySchema, pageSchema } from './list.ts'
import { rule } from './validation.ts'

export const successionKinds = ['succession', 'merger', 'exit'] as const
export const successionKindSchema = z.enum(successionKinds).meta({ id: 'SuccessionKind' })
export type SuccessionKind = z.infer<typeof successionKindSchema>

export const successionKindLabels: Labels<SuccessionKind> = {
  succession: { ja: '電源承継', en: 'Succession' },
  merger: { ja: '事業者統合', en: 'Merger' },
  exit: { ja: '市場退出', en: 'Market exit' },
}

export const successionStates = [
  'pendingConsent',
  'applied',
  'approved',
  'rejected',
  'declined',
  'withdrawn',
] as const
export const successionStateSchema = z.enum(successionStates).meta({ id: 'SuccessionState' })
export type SuccessionState = z.infer<typeof successionStateSchema>

export const successionStateLabels: Labels<SuccessionState> = {
  pendingConsent: { ja: '承継先の同意待ち', en: 'Awaiting consent' },
  applied: { ja: '審査中', en: 'Under review' },
  approved: { ja: '承認済み', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  declined: { ja: '承継先が辞退', en: 'Declined' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
}

/** Kinds that move something to a receiver (and so need its consent). */
export const successionKindsWithReceiver: readonly SuccessionKind[] = ['succession', 'merger']

const participantCodeInput = z
  .string()
  .trim()
  .regex(/^P\d{5}$/, rule('E-SUCC-009'))
  .describe('承継先の事業者コード (P + 5 桁)')

/** What a participant files (`POST /successions`). */
export const successionInputSchema = z
  .object({
    kind: successionKindSchema,
    resourceIds: z
      .array(z.uuid())
      .max(1000)
      .default([])
      .describe('電源承継: 承継する自社の電源等 (その契約もすべて承継)'),
    toParticipantCode: participantCodeInput.optional().describe('承継先 (電源承継・事業者統合)'),
    effectiveMonth: monthSchema.describe('効力発生月 (その月の 1 日 JST から)'),
    reason: z.string().trim().min(1).max(1000).describe('理由'),
  })
  .refine((v) => v.kind !== 'succession' || v.resourceIds.length > 0, {
    ...rule('E-SUCC-008'),
    path: ['resourceIds'],
  })
  .refine((v) => v.kind === 'exit' || v.toParticipantCode !== undefined, {
    ...rule('E-SUCC-009'),
    path: ['toParticipantCode'],
  })
export type SuccessionInput = z.input<typeof successionInputSchema>

/** The proposed values of the application (entity type `succession`): the row and its terms. */
export const successionApplicationSchema = z
  .object({
    successionId: z.uuid(),
    successionNo: z.string(),
    kind: successionKindSchema,
    participantCode: z.string(),
    toParticipantCode: z.string().nullable(),
    effectiveMonth: monthSchema,
    resourceCodes: z.array(z.string()),
    contractNos: z.array(z.string()),
    reason: z.string().trim().min(1).max(1000),
  })
  .meta({ id: 'SuccessionApplication' })
export type SuccessionApplication = z.infer<typeof successionApplicationSchema>

/** One contract a succession moves or ends, with the months it concerns. */
export const successionContractSchema = z.object({
  contractId: z.uuid(),
  contractNo: z.string(),
  deliveryYear: z.number().int(),
  contractKw: z.number().int(),
  state: z.string(),
  /** The months of its delivery year from the effective month on (money goes to the receiver). */
  months: z.array(z.string()),
})
export type SuccessionContract = z.infer<typeof successionContractSchema>

export const successionResourceSchema = z.object({
  resourceId: z.uuid(),
  resourceCode: z.string(),
  resourceName: z.string(),
  contracts: z.array(successionContractSchema),
})
export type SuccessionResource = z.infer<typeof successionResourceSchema>

export const successionSchema = z
  .object({
    id: z.uuid(),
    successionNo: z.string(),
    kind: successionKindSchema,
    participantId: z.uuid(),
    participantCode: z.string(),
    participantName: z.string(),
    toParticipantId: z.uuid().nullable(),
    toParticipantCode: z.string().nullable(),
    toParticipantName: z.string().nullable(),
    effectiveMonth: z.string(),
    reason: z.string(),
    state: successionStateSchema,
    consentedAt: timestampSchema.nullable(),
    consentedByName: z.string().nullable(),
    declineReason: z.string().nullable(),
    applicationId: z.uuid().nullable(),
    applicationReceiptNo: z.string().nullable(),
    /** The application's own state (submitted, inReview, returned …) while it is reviewed. */
    applicationState: z.string().nullable(),
    effectedAt: timestampSchema.nullable(),
    resources: z.array(successionResourceSchema),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Succession' })
export type Succession = z.infer<typeof successionSchema>

export const successionPageSchema = pageSchema(successionSchema).meta({ id: 'SuccessionPage' })

export const successionSortFields = [
  'successionNo',
  'kind',
  'participantCode',
  'toParticipantCode',
  'effectiveMonth',
  'state',
  'updatedAt',
] as const
export type SuccessionSortField = (typeof successionSortFields)[number]

export const successionListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Succession number contains'),
  kind: successionKindSchema.optional(),
  state: successionStateSchema.optional(),
  participantId: z.uuid().optional().describe('Operator: one participant (either side)'),
})
export type SuccessionListQuery = z.infer<typeof successionListQuerySchema>

export const successionVersionSchema = z.object({ version: versionInputSchema })
export const successionDeclineSchema = z.object({
  version: versionInputSchema,
  reason: z.string().trim().min(1).max(1000).describe('辞退理由'),
})

/** The caller's resources with their contracts (the filing form's choices). */
export const successionChoicesSchema = z.object({
  items: z.array(successionResourceSchema),
})

/** The exit penalty (rules.md §6, the 190 computation) of every contract an exit would end. */
export const exitPenaltyQuerySchema = z.object({ effectiveMonth: monthSchema })
export const exitPenaltySchema = z
  .object({
    occurredOn: z.string().describe('The filing date the rate is taken by (today, JST)'),
    items: z.array(
      z.object({
        contractId: z.uuid(),
        contractNo: z.string(),
        resourceCode: z.string(),
        deliveryYear: z.number().int(),
        contractKw: z.number().int(),
        rate: z.string().nullable(),
        amount: z.number().int(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'ExitPenalty' })
export type ExitPenalty = z.infer<typeof exitPenaltySchema>
