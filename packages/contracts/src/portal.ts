import { z } from 'zod'
import { timestampSchema } from './common.ts'

/** An open (or soon opening) window with its deadline, shown on the portal top. */
export const marketWindowSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    function: z.string().describe('Function code, e.g. 110'),
    titleJa: z.string(),
    titleEn: z.string(),
    opensAt: timestampSchema,
    closesAt: timestampSchema,
    state: z.enum(['upcoming', 'open']),
  })
  .meta({ id: 'MarketWindow' })
export type MarketWindow = z.infer<typeof marketWindowSchema>

/** Something the user should do; `messageId` is the text, `params` fill its placeholders. */
export const pendingTaskSchema = z
  .object({
    kind: z.string(),
    messageId: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    function: z.string().nullable(),
    dueAt: timestampSchema.nullable(),
  })
  .meta({ id: 'PendingTask' })
export type PendingTask = z.infer<typeof pendingTaskSchema>

export const portalSchema = z
  .object({
    windows: z.array(marketWindowSchema),
    tasks: z.array(pendingTaskSchema),
    /** The operator's review queue: applications submitted and in review (null for others). */
    reviewQueue: z.object({ submitted: z.number().int(), inReview: z.number().int() }).nullable(),
  })
  .meta({ id: 'Portal' })
export type Portal = z.infer<typeof portalSchema>

/**
 * The window of a kind for a delivery year as a screen shows it (期待容量登録受付, 容量停止計画提出受付,
 * …): open now, else the next to open, else the last that closed; null when there is none.
 */
export const currentWindowSchema = z
  .object({
    window: z
      .object({
        titleJa: z.string(),
        titleEn: z.string(),
        opensAt: timestampSchema,
        closesAt: timestampSchema,
        state: z.enum(['upcoming', 'open', 'closed']),
      })
      .nullable(),
  })
  .meta({ id: 'CurrentWindow' })
export type CurrentWindow = z.infer<typeof currentWindowSchema>
