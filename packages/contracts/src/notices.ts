import { z } from 'zod'
import { timestampSchema, versionInputSchema } from './common.ts'
import { listQuerySchema, pageSchema } from './list.ts'

/**
 * おしらせ (A30): notices the operator posts to every user (participants and TSOs) or to the
 * users of chosen participants. A notice without a publication time is a draft; one whose time
 * lies ahead is scheduled; a withdrawn one is no longer shown to anyone but the operator.
 */

export const noticeCategories = ['info', 'important', 'maintenance'] as const
export const noticeCategorySchema = z
  .enum(noticeCategories)
  .describe('info お知らせ · important 重要 · maintenance メンテナンス')
  .meta({ id: 'NoticeCategory' })
export type NoticeCategory = z.infer<typeof noticeCategorySchema>

export const noticeAudiences = ['all', 'participants'] as const
export const noticeAudienceSchema = z
  .enum(noticeAudiences)
  .describe('all 全ユーザ (TSOs included) · participants the chosen participants')
  .meta({ id: 'NoticeAudience' })
export type NoticeAudience = z.infer<typeof noticeAudienceSchema>

export const noticeStates = ['draft', 'scheduled', 'published', 'withdrawn'] as const
export const noticeStateSchema = z
  .enum(noticeStates)
  .describe('draft 下書き · scheduled 公開予定 · published 公開中 · withdrawn 取下げ')
  .meta({ id: 'NoticeState' })
export type NoticeState = z.infer<typeof noticeStateSchema>

/** When a notice is published: at once, at `publishAt`, or not yet (a draft). */
export const noticePublications = ['now', 'at', 'draft'] as const
export type NoticePublication = (typeof noticePublications)[number]

export const NOTICE_TITLE_MAX_LENGTH = 100
export const NOTICE_BODY_MAX_LENGTH = 4000
export const NOTICE_RECIPIENTS_MAX = 1000
/** Unread notices shown on the delivery portal. */
export const NOTICE_PORTAL_LIMIT = 5

/** The state of a notice at `now` from its publication and withdrawal times. */
export function noticeStateOf(
  notice: { publishAt: Date | string | null; withdrawnAt: Date | string | null },
  now: Date = new Date(),
): NoticeState {
  if (notice.withdrawnAt) return 'withdrawn'
  if (!notice.publishAt) return 'draft'
  return new Date(notice.publishAt).getTime() > now.getTime() ? 'scheduled' : 'published'
}

/**
 * A notice as the operator writes it (API body of create and change, and the form's resolver).
 * `participantIds` is read only for the audience `participants` (at least one); `publishAt` only
 * for the publication `at`.
 */
/** The fields of a notice as written (the form extends them with its own time field). */
export const noticeFields = z.object({
  title: z.string().trim().min(1).max(NOTICE_TITLE_MAX_LENGTH),
  body: z
    .string()
    .trim()
    .min(1)
    .max(NOTICE_BODY_MAX_LENGTH)
    .describe('Plain text; line breaks are kept'),
  category: noticeCategorySchema,
  audience: noticeAudienceSchema,
  participantIds: z
    .array(z.uuid())
    .max(NOTICE_RECIPIENTS_MAX)
    .optional()
    .describe('The participants addressed (audience `participants`; at least one)'),
  publication: z
    .enum(noticePublications)
    .describe('now: publish at once · at: at `publishAt` · draft: not yet'),
  publishAt: timestampSchema
    .nullable()
    .optional()
    .describe('Publication time (publication `at`); must lie ahead unless it is unchanged'),
})

/** The rules across fields of a notice (API body and form). */
export function checkNotice(
  v: Pick<z.output<typeof noticeFields>, 'audience' | 'participantIds' | 'publication'> & {
    publishAt?: string | null
  },
  ctx: z.RefinementCtx,
) {
  if (v.audience === 'participants' && (v.participantIds ?? []).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['participantIds'], message: 'E-NTC-001' })
  }
  if (v.publication === 'at' && !v.publishAt) {
    ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'E-COMMON-007' })
  }
}

/**
 * A notice as the operator writes it (API body of create, and the form's resolver).
 * `participantIds` is read only for the audience `participants` (at least one); `publishAt` only
 * for the publication `at`.
 */
export const noticeInputSchema = noticeFields.superRefine(checkNotice).meta({ id: 'NoticeCreate' })
export type NoticeInput = z.infer<typeof noticeInputSchema>
export type NoticeFormValues = z.input<typeof noticeInputSchema>

/** A change: the notice as written again, with the version the operator saw. */
export const noticeChangeSchema = noticeFields
  .extend({ version: versionInputSchema })
  .superRefine(checkNotice)
  .meta({ id: 'NoticeChange' })
export type NoticeChange = z.infer<typeof noticeChangeSchema>

export const noticeWithdrawSchema = z
  .object({ version: versionInputSchema })
  .meta({ id: 'NoticeWithdraw' })
export type NoticeWithdraw = z.infer<typeof noticeWithdrawSchema>

/** A notice in a list: for the operator with its state and read count, for others `read`. */
export const noticeSummarySchema = z
  .object({
    id: z.uuid(),
    noticeNo: z.string().describe('N + fiscal year + - + 6 digits'),
    title: z.string(),
    category: noticeCategorySchema,
    audience: noticeAudienceSchema,
    state: noticeStateSchema,
    publishAt: timestampSchema.nullable(),
    withdrawnAt: timestampSchema.nullable(),
    createdByName: z.string(),
    /** The caller's read mark (null for the operator, who is not a recipient). */
    read: z.boolean().nullable(),
    readAt: timestampSchema.nullable(),
    /** Operator only: how many users have read it (null for others). */
    readCount: z.number().int().nullable(),
    /** Operator only: the participants addressed (audience `participants`; null for others). */
    recipientCount: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'NoticeSummary' })
export type NoticeSummary = z.infer<typeof noticeSummarySchema>

export const noticeSchema = noticeSummarySchema
  .extend({
    body: z.string(),
    /** Operator only: the participants addressed (empty for others and for `all`). */
    participants: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  })
  .meta({ id: 'Notice' })
export type Notice = z.infer<typeof noticeSchema>

export const noticePageSchema = pageSchema(noticeSummarySchema).meta({ id: 'NoticePage' })

/** The caller's unread notices for the delivery portal: how many, and the latest few. */
export const noticeUnreadSchema = z
  .object({ count: z.number().int(), items: z.array(noticeSummarySchema) })
  .meta({ id: 'NoticeUnread' })
export type NoticeUnread = z.infer<typeof noticeUnreadSchema>

export const noticeReadSchema = z
  .object({ id: z.uuid(), read: z.literal(true), readAt: timestampSchema })
  .meta({ id: 'NoticeReadMark' })
export type NoticeReadMark = z.infer<typeof noticeReadSchema>

/** The columns the notice list sorts by. */
export const noticeSortFields = [
  'publishAt',
  'noticeNo',
  'title',
  'category',
  'audience',
  'createdByName',
] as const
export type NoticeSortField = (typeof noticeSortFields)[number]

export const noticeListQuerySchema = listQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the title, body or notice number (taken literally)'),
  category: noticeCategorySchema.optional(),
  state: noticeStateSchema.optional().describe('Operator only (others see published ones)'),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .describe("`true`: only notices the caller has not read (the operator's list ignores it)"),
  sort: z
    .string()
    .max(50)
    .optional()
    .describe(`Field to sort by (${noticeSortFields.join(', ')}); prefix "-" for descending`),
})
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>
