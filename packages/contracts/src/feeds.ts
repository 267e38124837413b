import { reserveNoticeKinds } from './delivery-data.ts'
import { z } from 'zod'
import { areaSchema, numberCell, resourceCodeSchema } from './resources.ts'
import { isIsoDate, parseDateInput, SLOTS_PER_DAY } from './time.ts'
import { rule } from './validation.ts'

/**
 * Data feeds in (TSO and operator: B60–B90, C10 by API and G00 files): schemas shared by the API, the forms and the CSV rows.
 *
 * Every feed is keyed: a resource-day (B60, B70, B80 offers, B90), an area-day (B80 margins), an
 * order ID (C10). Sending a key again replaces what is stored (the earlier values are kept as a
 * revision); the same values again change nothing. A request is written all or nothing.
 */

/** Most keys (resource-days, area-days, orders) of one feed request. */
export const FEED_MAX_ITEMS = 1000

/** A kW or kWh value of a feed: a whole number, 0 or more (up to 10 GW). */
export const feedKwSchema = z.number().int().min(0).max(10_000_000)

export const feedSlotSchema = z
  .number()
  .int()
  .min(1)
  .max(SLOTS_PER_DAY)
  .describe('コマ 1–48 (1 = 00:00–00:30 JST)')

/** The JST day of a feed key, `YYYY-MM-DD`. */
export const feedDateSchema = z
  .string()
  .refine(isIsoDate, rule('E-FEED-001'))
  .describe('JST day, YYYY-MM-DD')

/** 通知区分 of a reserve-margin slot: none, day-ahead notice, intraday notice. */
/** A slot's notice kind as fed: '' (no notice in the slot) or the kind of the notice. */
export const fedNoticeKinds = ['', ...reserveNoticeKinds] as const
export const fedNoticeKindSchema = z
  .enum(fedNoticeKinds)
  .describe("'' none · dayAhead 前日通知 · intraday 当日通知")
  .meta({ id: 'FedNoticeKind' })
export type FedNoticeKind = z.infer<typeof fedNoticeKindSchema>

/** 予備率 (%) with up to 2 decimals, kept as 0.01 % (basis points). */
export const marginPercentSchema = z
  .number()
  .min(-100)
  .max(1000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, rule('E-FEED-002'))

const slotsOf = <T extends z.ZodRawShape>(shape: T) =>
  z
    .array(z.object({ slot: feedSlotSchema, ...shape }))
    .max(SLOTS_PER_DAY)
    .refine(
      (slots) => new Set((slots as { slot: number }[]).map((s) => s.slot)).size === slots.length,
      rule('E-FEED-003'),
    )

const resourceDay = {
  resourceCode: resourceCodeSchema,
  date: feedDateSchema,
}

const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(FEED_MAX_ITEMS)

/** B60: 48 kWh values of a resource-day (発電量調整受電電力量). */
export const meteredGenerationFeedSchema = z
  .object({
    items: batch(
      z.object({
        ...resourceDay,
        meteredKwh: z.array(feedKwSchema).length(SLOTS_PER_DAY).describe('kWh per slot, 48'),
      }),
    ).describe(`Resource-days, at most ${FEED_MAX_ITEMS}`),
  })
  .meta({ id: 'MeteredGenerationFeed' })
export type MeteredGenerationFeed = z.infer<typeof meteredGenerationFeedSchema>

/** B70: the instructed slots of a resource-day; the day's instructions are replaced as a whole. */
export const supplyInstructionFeedSchema = z
  .object({
    items: batch(
      z.object({
        ...resourceDay,
        slots: slotsOf({ instructedKw: feedKwSchema, deliveredKw: feedKwSchema }).describe(
          'The instructed slots; the others are stored as 0 (no instruction)',
        ),
      }),
    ).describe(`Resource-days, at most ${FEED_MAX_ITEMS}`),
  })
  .meta({ id: 'SupplyInstructionFeed' })
export type SupplyInstructionFeed = z.infer<typeof supplyInstructionFeedSchema>

/** B80: reserve margins of area-days (48 margins and notice kinds) and offers of resource-days. */
export const reserveNoticeFeedSchema = z
  .object({
    areaDays: z
      .array(
        z.object({
          area: areaSchema,
          date: feedDateSchema,
          marginPercent: z
            .array(marginPercentSchema)
            .length(SLOTS_PER_DAY)
            .describe('予備率 (%) per slot, 2 decimals, 48'),
          noticeKind: z.array(fedNoticeKindSchema).length(SLOTS_PER_DAY),
        }),
      )
      .max(FEED_MAX_ITEMS)
      .default([]),
    offers: z
      .array(
        z.object({
          ...resourceDay,
          slots: slotsOf({ offeredKw: feedKwSchema }).describe(
            'The slots offered; the others are stored as 0',
          ),
        }),
      )
      .max(FEED_MAX_ITEMS)
      .default([]),
  })
  .refine((f) => f.areaDays.length + f.offers.length > 0, rule('E-FEED-004'))
  .refine((f) => f.areaDays.length + f.offers.length <= FEED_MAX_ITEMS, rule('E-FEED-004'))
  .meta({ id: 'ReserveNoticeFeed' })
export type ReserveNoticeFeed = z.infer<typeof reserveNoticeFeedSchema>

/** B90: the restrained slots of a resource-day (稼働抑制). */
export const operationRestraintFeedSchema = z
  .object({
    items: batch(
      z.object({
        ...resourceDay,
        slots: slotsOf({ restrainedKw: feedKwSchema }).describe(
          'The restrained slots; the others are stored as 0 (not restrained)',
        ),
      }),
    ).describe(`Resource-days, at most ${FEED_MAX_ITEMS}`),
  })
  .meta({ id: 'OperationRestraintFeed' })
export type OperationRestraintFeed = z.infer<typeof operationRestraintFeedSchema>

/** 発動指令ID: letters, digits, `-` and `_`, up to 40. */
export const dispatchOrderIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, rule('E-FEED-005'))
  .describe('発動指令ID')

/** Whether an instant lies on a 30-minute boundary. */
export const onSlotBoundary = (iso: string) => new Date(iso).getTime() % (30 * 60_000) === 0

/** C10: dispatch orders by their ID, with the baseline and actual kW of every ordered slot. */
export const dispatchOrderFeedSchema = z
  .object({
    items: batch(
      z.object({
        orderId: dispatchOrderIdSchema,
        resourceCode: resourceCodeSchema,
        orderedAt: z.iso.datetime({ offset: true }).describe('発動指令日時'),
        startAt: z.iso
          .datetime({ offset: true })
          .refine(onSlotBoundary, rule('E-FEED-006'))
          .describe('Start of the first ordered slot, on a 30-minute boundary'),
        instructedKw: feedKwSchema.min(1).describe('指令値 (kW)'),
        slots: z
          .array(z.object({ baselineKw: feedKwSchema, actualKw: feedKwSchema }))
          .min(1)
          .max(SLOTS_PER_DAY)
          .describe('Per ordered slot from startAt: ベースライン and 実績 (kW)'),
      }),
    ).describe(`Orders, at most ${FEED_MAX_ITEMS}`),
  })
  .meta({ id: 'DispatchOrderFeed' })
export type DispatchOrderFeed = z.infer<typeof dispatchOrderFeedSchema>

export const feedOutcomeSchema = z
  .enum(['created', 'replaced', 'unchanged'])
  .describe(
    'created 新規 · replaced 置換 (the earlier values kept as a revision) · unchanged 変更なし',
  )
  .meta({ id: 'FeedOutcome' })
export type FeedOutcome = z.infer<typeof feedOutcomeSchema>

/** The answer of a feed: per item (in request order) what happened, and the counts. */
export const feedResultSchema = z
  .object({
    items: z.array(
      z.object({
        /** The item's key: `resourceCode/date`, `area/date` or the order ID. */
        key: z.string(),
        outcome: feedOutcomeSchema,
      }),
    ),
    created: z.number().int(),
    replaced: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'FeedResult' })
export type FeedResult = z.infer<typeof feedResultSchema>

/** Read-back of one resource-day: the stored series and the revisions they replaced. */
export const feedDayParamsSchema = z.object({
  resourceCode: resourceCodeSchema,
  date: feedDateSchema,
})

export const feedRevisionSchema = z
  .object({
    series: z.string(),
    previous: z.unknown(),
    source: z.string(),
    replacedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'FeedRevision' })

export const feedDaySchema = z
  .object({
    resourceCode: z.string(),
    date: z.string(),
    area: areaSchema,
    meteredKwh: z.array(z.number().int()),
    instructedKw: z.array(z.number().int()),
    deliveredKw: z.array(z.number().int()),
    restrainedKw: z.array(z.number().int()),
    offeredKw: z.array(z.number().int()),
    /** 0 and null while nothing is stored for the day. */
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Newest first. */
    revisions: z.array(feedRevisionSchema),
  })
  .describe('A series not fed yet is []')
  .meta({ id: 'FeedDay' })
export type FeedDay = z.infer<typeof feedDaySchema>

// ---- G00 files of the feeds (rows; the API module defines the formats) ----

/** The two-digit slot numbers 01 … 48 of the wide files' columns. */
export const slotNumbers = Array.from({ length: SLOTS_PER_DAY }, (_, i) =>
  String(i + 1).padStart(2, '0'),
)

/** 対象日 of a file: `YYYY/MM/DD` (also `YYYY-MM-DD`). */
const fileDate = z.preprocess(
  (v) => (typeof v === 'string' ? (parseDateInput(v) ?? v) : v),
  feedDateSchema,
)
const fileKw = numberCell(feedKwSchema)
const fileSlot = numberCell(feedSlotSchema)
const fileResourceDay = { resourceCode: resourceCodeSchema, date: fileDate }

/** 通知区分 of a file cell: empty (none), dayAhead / 前日, intraday / 当日. */
const fileNoticeKind = z.preprocess(
  (v) =>
    v === undefined || v === '' ? '' : v === '前日' ? 'dayAhead' : v === '当日' ? 'intraday' : v,
  fedNoticeKindSchema,
)

function wide<T extends z.ZodType>(prefix: string, cell: T) {
  return Object.fromEntries(slotNumbers.map((n) => [`${prefix}${n}`, cell])) as Record<
    `${string}${string}`,
    T
  >
}

/** The 48 values of a wide row (`s01` … `s48`) in slot order. */
export function wideValues<V>(row: Record<string, unknown>, prefix: string): V[] {
  return slotNumbers.map((n) => row[`${prefix}${n}`] as V)
}

/** G60 (B60): a resource-day with its 48 kWh values. */
export const meteredGenerationRowSchema = z
  .object({ ...fileResourceDay, ...wide('s', fileKw) })
  .meta({ id: 'MeteredGenerationRow' })

/** G70 (B70): one instructed slot of a resource-day. */
export const supplyInstructionRowSchema = z
  .object({ ...fileResourceDay, slot: fileSlot, instructedKw: fileKw, deliveredKw: fileKw })
  .meta({ id: 'SupplyInstructionRow' })

/** G80 (B80): an area-day with 48 margins (%) and 48 notice kinds. */
export const reserveMarginRowSchema = z
  .object({
    area: areaSchema,
    date: fileDate,
    ...wide('m', numberCell(marginPercentSchema)),
    ...wide('k', fileNoticeKind),
  })
  .meta({ id: 'ReserveMarginRow' })

/** G81 (B80): one offered slot of a resource-day. */
export const reserveOfferRowSchema = z
  .object({ ...fileResourceDay, slot: fileSlot, offeredKw: fileKw })
  .meta({ id: 'ReserveOfferRow' })

/** G90 (B90): one restrained slot of a resource-day. */
export const operationRestraintRowSchema = z
  .object({ ...fileResourceDay, slot: fileSlot, restrainedKw: fileKw })
  .meta({ id: 'OperationRestraintRow' })

const optionalKw = z.preprocess((v) => (v === '' ? undefined : v), fileKw.optional())

/** G95 (C10): a dispatch order with its slot count and the baseline / actual of each slot. */
export const dispatchOrderRowSchema = z
  .object({
    orderId: dispatchOrderIdSchema,
    resourceCode: resourceCodeSchema,
    orderedAt: z.preprocess(jstMinuteText, z.iso.datetime({ offset: true })),
    startAt: z.preprocess(
      jstMinuteText,
      z.iso.datetime({ offset: true }).refine(onSlotBoundary, rule('E-FEED-006')),
    ),
    instructedKw: numberCell(feedKwSchema.min(1)),
    slotCount: numberCell(feedSlotSchema),
    ...wide('b', optionalKw),
    ...wide('a', optionalKw),
  })
  .superRefine((row, ctx) => {
    const r = row as Record<string, unknown>
    slotNumbers.forEach((n, i) => {
      for (const prefix of ['b', 'a']) {
        const given = r[`${prefix}${n}`] !== undefined
        if (given !== i < row.slotCount) {
          ctx.addIssue({
            code: 'custom',
            path: [`${prefix}${n}`],
            ...rule('E-FEED-015', { orderId: row.orderId }),
          })
        }
      }
    })
  })
  .meta({ id: 'DispatchOrderRow' })

/** A JST `YYYY/MM/DD HH:MM` cell as an ISO instant (other text unchanged, for the schema to refuse). */
function jstMinuteText(v: unknown): unknown {
  if (typeof v !== 'string') return v
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{2})$/.exec(v.trim())
  if (!m) return v
  const date = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`
  if (!isIsoDate(date) || Number(m[4]) > 23 || Number(m[5]) > 59) return v
  return new Date(`${date}T${m[4]?.padStart(2, '0')}:${m[5]}:00+09:00`).toISOString()
}
