import {
  addDays,
  dispatchOrderRowSchema,
  jstToday,
  meteredGenerationRowSchema,
  operationRestraintRowSchema,
  reserveMarginRowSchema,
  reserveOfferRowSchema,
  slotNumbers,
  supplyInstructionRowSchema,
  wideValues,
  type Area,
  type FedNoticeKind,
} from '@yoryo/contracts'
import { auditMany } from '../../lib/audit.ts'
import {
  defineBulkFormat,
  type BulkColumn,
  type BulkContext,
  type BulkRow,
  type BulkRowError,
} from '../bulk-imports/public.ts'
import { feedScopeOfParticipant, type FeedScope } from './scope.ts'
import {
  checkFeedBatch,
  feedResources,
  outcomeCounts,
  seriesOfSlots,
  writeFeedBatch,
  type FeedBatch,
  type FeedName,
} from './service.ts'
import type { DaySeries, FeedWriter } from './store.ts'

/**
 * The G00 files of the feeds (B60–B90, C10), through the one bulk pipeline. Where 48 values are
 * due (metered generation, reserve margins) or an order carries its slots, a row is one key
 * with its slots as columns (`コマ01` … `コマ48`): what a TSO's metering or dispatch system
 * exports per day and resource without regrouping. Where only some slots carry a value
 * (instructions, offers, restraint), a row is one slot: a resource-day's rows may stand
 * anywhere in the file, they are collected and the day's series is replaced as a whole after
 * the last row (slots not in the file: 0). Same checks and same writes as the feed API
 * (scope of the uploader's organisation, active resources, keys once per file, store.ts:
 * idempotent, revisions); one audit entry per file with the counts.
 */

/** The sample's day: yesterday (JST), as a file writes it. */
const sampleDate = () => addDays(jstToday(), -1).replaceAll('-', '/')
/** A demo resource of P00001 in tokyo (stable), and its dispatch-order resource. */
const SAMPLE_RESOURCE = '03S0000001'
const SAMPLE_DISPATCH_RESOURCE = '03D0000001'

const resourceColumn = (dispatchOnly = false): BulkColumn => ({
  header: '電源等識別番号',
  en: 'Resource code',
  example: dispatchOnly ? SAMPLE_DISPATCH_RESOURCE : SAMPLE_RESOURCE,
  type: 'code',
  rule: dispatchOnly
    ? {
        ja: '有効な発動指令電源。一般送配電事業者は自社の供給区域の電源等のみ',
        en: 'An active dispatch-order resource; a TSO: of its service area only',
      }
    : {
        ja: '有効な電源等。一般送配電事業者は自社の供給区域の電源等のみ',
        en: 'An active resource; a TSO: of its service area only',
      },
})
const dateColumn = (): BulkColumn => ({
  header: '対象日',
  en: 'Date',
  example: sampleDate(),
  type: 'date',
  rule: { ja: 'YYYY/MM/DD（日本時間の暦日）', en: 'YYYY/MM/DD (JST calendar day)' },
})
const slotColumn = (): BulkColumn => ({
  header: 'コマ',
  en: 'Slot',
  example: '35',
  rule: {
    ja: '1〜48（1＝00:00〜00:30、48＝23:30〜24:00）。同じ電源等・日のコマは1回',
    en: '1–48 (1 = 00:00–00:30, 48 = 23:30–24:00), once per resource-day',
  },
})
const kwColumn = (header: string, en: string, example: string): BulkColumn => ({
  header,
  en,
  example,
  rule: { ja: '整数(kW)', en: 'Whole kW' },
})

/** 48 columns `<prefix>01` … `<prefix>48`. */
function wideColumns(
  prefix: string,
  header: (n: string) => string,
  en: (n: string) => string,
  example: (i: number) => string,
  rule?: BulkColumn['rule'],
): Record<string, BulkColumn> {
  return Object.fromEntries(
    slotNumbers.map((n, i) => [
      `${prefix}${n}`,
      { header: header(n), en: en(n), example: example(i), ...(rule ? { rule } : {}) },
    ]),
  )
}

interface State {
  scope: FeedScope
  /** Keys seen in the file (resource-day, area-day, order; or resource-day-slot). */
  seen: Set<string>
  /** Slot rows collected per resource-day (G70, G81, G90), written by `finish`. */
  days: Map<string, { line: number; resourceCode: string; date: string; slots: SlotValues[] }>
  outcomes: { outcome: 'created' | 'replaced' | 'unchanged' }[]
}
type SlotValues = { slot: number } & Record<string, number>

const prepare = async (ctx: BulkContext): Promise<State> => ({
  scope: await feedScopeOfParticipant(ctx.db, ctx.participantId),
  seen: new Set(),
  days: new Map(),
  outcomes: [],
})

/** Duplicates in the whole file (E-FEED-011), recorded in the state. */
function onceInFile(state: State, line: number, key: string, shown = key): BulkRowError | null {
  if (state.seen.has(key)) return { line, key: '', messageId: 'E-FEED-011', params: { key: shown } }
  state.seen.add(key)
  return null
}

async function checkBatch(
  ctx: BulkContext,
  state: State,
  feed: FeedName,
  batch: FeedBatch,
  keys: { line: number; key: string; shown?: string }[],
): Promise<BulkRowError[]> {
  const found = await checkFeedBatch(ctx.db, state.scope, feed, batch, { keysOnce: false })
  const problems = found.problems.map((p): BulkRowError => ({
    line: Number(p.path[0]),
    key: String(p.path.at(-1) ?? ''),
    messageId: p.messageId,
    ...(p.params ? { params: p.params } : {}),
  }))
  const bad = new Set(problems.map((p) => p.line))
  for (const k of keys) {
    if (bad.has(k.line)) continue
    const p = onceInFile(state, k.line, k.key, k.shown)
    if (p) problems.push(p)
  }
  return problems
}

async function writeBatch(ctx: BulkContext, state: State, batch: FeedBatch): Promise<number> {
  const writer: FeedWriter = { source: 'bulk', userId: ctx.actor.userId }
  const resources = await feedResources(ctx.db, [
    ...batch.days.map((d) => d.item.resourceCode),
    ...batch.orders.map((o) => o.item.resourceCode),
  ])
  const written = await writeFeedBatch(ctx.db, writer, resources, batch)
  state.outcomes.push(...written)
  return written.filter((w) => w.outcome !== 'unchanged').length
}

/** One audit entry per file: the counts (what the API records per request). */
async function auditFile(ctx: BulkContext, state: State, feed: FeedName): Promise<void> {
  await auditMany(ctx.db, ctx.actor, [
    {
      action: 'feed.write',
      entityType: 'feed',
      entityId: feed,
      participantId: ctx.participantId,
      after: {
        source: 'bulk',
        importId: ctx.importId,
        items: state.outcomes.length,
        ...outcomeCounts(state.outcomes),
      },
    },
  ])
}

const dayBatch = (
  rows: {
    line: number
    resourceCode: string
    date: string
    series: Partial<Record<DaySeries, number[]>>
  }[],
): FeedBatch => ({
  days: rows.map((r) => ({
    path: [r.line],
    item: { resourceCode: r.resourceCode, date: r.date, series: r.series },
  })),
  areaDays: [],
  orders: [],
})

// ---- G60: metered generation, a resource-day per row ----

const meteredGeneration = defineBulkFormat({
  code: 'G60',
  functionKey: 'meteredGeneration',
  ja: '発電量調整受電電力量',
  en: 'Metered generation',
  rowSchema: meteredGenerationRowSchema,
  columns: {
    resourceCode: resourceColumn(),
    date: dateColumn(),
    ...wideColumns(
      's',
      (n) => `コマ${n}`,
      (n) => `Slot ${n} (kWh)`,
      (i) => String(i < 16 || i > 40 ? 0 : 500),
      { ja: 'このコマの受電電力量(kWh)', en: 'kWh of the slot' },
    ),
  },
  maxRows: 100_000,
  prepare,
  check: (rows, ctx, state) => {
    const batch = dayBatch(
      rows.map(({ line, row }) => ({
        line,
        resourceCode: row.resourceCode,
        date: row.date,
        series: { meteredKwh: wideValues<number>(row, 's') },
      })),
    )
    return checkBatch(
      ctx,
      state,
      'meteredGeneration',
      batch,
      rows.map(({ line, row }) => ({ line, key: `${row.resourceCode}/${row.date}` })),
    )
  },
  apply: (_tx, rows, ctx, state) =>
    writeBatch(
      ctx,
      state,
      dayBatch(
        rows.map(({ line, row }) => ({
          line,
          resourceCode: row.resourceCode,
          date: row.date,
          series: { meteredKwh: wideValues<number>(row, 's') },
        })),
      ),
    ),
  finish: async (_tx, ctx, state) => {
    await auditFile(ctx, state, 'meteredGeneration')
    return 0
  },
})

// ---- G70 / G81 / G90: a slot per row, the day replaced as a whole ----

interface SlotFormat {
  code: 'G70' | 'G81' | 'G90'
  feed: FeedName
  ja: string
  en: string
  /** The series of the day from its slot rows. */
  series: (slots: SlotValues[]) => Partial<Record<DaySeries, number[]>>
}

function slotRowCheck<R extends { resourceCode: string; date: string; slot: number }>(
  feed: FeedName,
) {
  return (rows: BulkRow<R>[], ctx: BulkContext, state: State) =>
    checkBatch(
      ctx,
      state,
      feed,
      dayBatch(
        rows.map(({ line, row }) => ({
          line,
          resourceCode: row.resourceCode,
          date: row.date,
          series: {},
        })),
      ),
      rows.map(({ line, row }) => ({
        line,
        key: `${row.resourceCode}/${row.date}/${row.slot}`,
        shown: `${row.resourceCode} ${row.date} コマ${row.slot}`,
      })),
    )
}

function collectSlots<R extends { resourceCode: string; date: string; slot: number }>(
  rows: BulkRow<R>[],
  state: State,
): number {
  for (const { line, row } of rows) {
    const key = `${row.resourceCode}/${row.date}`
    const day = state.days.get(key) ?? {
      line,
      resourceCode: row.resourceCode,
      date: row.date,
      slots: [],
    }
    day.slots.push(row as unknown as SlotValues)
    state.days.set(key, day)
  }
  return 0
}

function slotFinish(f: SlotFormat) {
  return async (_tx: unknown, ctx: BulkContext, state: State) => {
    const days = [...state.days.values()].map((d) => ({
      line: d.line,
      resourceCode: d.resourceCode,
      date: d.date,
      series: f.series(d.slots),
    }))
    let applied = 0
    for (let i = 0; i < days.length; i += 1000) {
      applied += await writeBatch(ctx, state, dayBatch(days.slice(i, i + 1000)))
    }
    await auditFile(ctx, state, f.feed)
    return applied
  }
}

const supplyInstructionsFormat: SlotFormat = {
  code: 'G70',
  feed: 'supplyInstructions',
  ja: '供給指示対応実績',
  en: 'Supply instructions',
  series: (slots) => ({
    instructedKw: seriesOfSlots(slots, (s) => s.instructedKw as number),
    deliveredKw: seriesOfSlots(slots, (s) => s.deliveredKw as number),
  }),
}
const supplyInstructions = defineBulkFormat({
  code: 'G70',
  functionKey: 'supplyInstructions',
  ja: supplyInstructionsFormat.ja,
  en: supplyInstructionsFormat.en,
  rowSchema: supplyInstructionRowSchema,
  columns: {
    resourceCode: resourceColumn(),
    date: dateColumn(),
    slot: slotColumn(),
    instructedKw: kwColumn('指示値(kW)', 'Instructed kW', '1000'),
    deliveredKw: kwColumn('供給実績(kW)', 'Delivered kW', '980'),
  },
  prepare,
  check: slotRowCheck('supplyInstructions'),
  apply: async (_tx, rows, _ctx, state) => collectSlots(rows, state),
  finish: slotFinish(supplyInstructionsFormat),
})

const reserveOffersFormat: SlotFormat = {
  code: 'G81',
  feed: 'reserveNotices',
  ja: '供給力提供実績',
  en: 'Reserve-margin offers',
  series: (slots) => ({ offeredKw: seriesOfSlots(slots, (s) => s.offeredKw as number) }),
}
const reserveOffers = defineBulkFormat({
  code: 'G81',
  functionKey: 'reserveNotices',
  ja: reserveOffersFormat.ja,
  en: reserveOffersFormat.en,
  rowSchema: reserveOfferRowSchema,
  columns: {
    resourceCode: resourceColumn(),
    date: dateColumn(),
    slot: slotColumn(),
    offeredKw: kwColumn('提供電力(kW)', 'Offered kW', '1000'),
  },
  prepare,
  check: slotRowCheck('reserveNotices'),
  apply: async (_tx, rows, _ctx, state) => collectSlots(rows, state),
  finish: slotFinish(reserveOffersFormat),
})

const operationRestraintFormat: SlotFormat = {
  code: 'G90',
  feed: 'operationRestraint',
  ja: '稼働抑制',
  en: 'Operation restraint',
  series: (slots) => ({ restrainedKw: seriesOfSlots(slots, (s) => s.restrainedKw as number) }),
}
const operationRestraint = defineBulkFormat({
  code: 'G90',
  functionKey: 'operationRestraint',
  ja: operationRestraintFormat.ja,
  en: operationRestraintFormat.en,
  rowSchema: operationRestraintRowSchema,
  columns: {
    resourceCode: resourceColumn(),
    date: dateColumn(),
    slot: slotColumn(),
    restrainedKw: kwColumn('抑制電力(kW)', 'Restrained kW', '500'),
  },
  prepare,
  check: slotRowCheck('operationRestraint'),
  apply: async (_tx, rows, _ctx, state) => collectSlots(rows, state),
  finish: slotFinish(operationRestraintFormat),
})

// ---- G80: reserve margins, an area-day per row ----

const marginBatch = (
  rows: BulkRow<Record<string, unknown> & { area: Area; date: string }>[],
): FeedBatch => ({
  days: [],
  areaDays: rows.map(({ line, row }) => ({
    path: [line],
    item: {
      area: row.area,
      date: row.date,
      marginBp: wideValues<number>(row, 'm').map((p) => Math.round(p * 100)),
      noticeKind: wideValues<FedNoticeKind>(row, 'k'),
    },
  })),
  orders: [],
})

const reserveMargins = defineBulkFormat({
  code: 'G80',
  functionKey: 'reserveNotices',
  ja: '予備率・供給力提供通知',
  en: 'Reserve margins and notices',
  rowSchema: reserveMarginRowSchema,
  columns: {
    area: {
      header: 'エリア',
      en: 'Area',
      example: 'tokyo',
      rule: {
        ja: 'エリアのコード（tokyo など）。一般送配電事業者は自社の供給区域のみ',
        en: 'The area code (tokyo, …); a TSO: its service area only',
      },
    },
    date: dateColumn(),
    ...wideColumns(
      'm',
      (n) => `予備率${n}`,
      (n) => `Margin ${n} (%)`,
      (i) => (i >= 34 && i < 38 ? '2.50' : '8.00'),
      { ja: '広域予備率(%)。小数第2位まで', en: 'Reserve margin in %, up to 2 decimals' },
    ),
    ...wideColumns(
      'k',
      (n) => `通知区分${n}`,
      (n) => `Notice ${n}`,
      (i) => (i >= 34 && i < 38 ? '前日' : ''),
      {
        ja: '空欄（通知なし）、dayAhead（前日）、intraday（当日）。前日・当日とも書けます',
        en: 'Empty (none), dayAhead or intraday (also 前日 / 当日)',
      },
    ),
  },
  prepare,
  check: (rows, ctx, state) =>
    checkBatch(
      ctx,
      state,
      'reserveNotices',
      marginBatch(rows),
      rows.map(({ line, row }) => ({ line, key: `${row.area}/${row.date}` })),
    ),
  apply: (_tx, rows, ctx, state) => writeBatch(ctx, state, marginBatch(rows)),
  finish: async (_tx, ctx, state) => {
    await auditFile(ctx, state, 'reserveNotices')
    return 0
  },
})

// ---- G95: dispatch orders, an order per row ----

const orderBatch = (
  rows: BulkRow<
    Record<string, unknown> & {
      orderId: string
      resourceCode: string
      orderedAt: string
      startAt: string
      instructedKw: number
      slotCount: number
    }
  >[],
): FeedBatch => ({
  days: [],
  areaDays: [],
  orders: rows.map(({ line, row }) => ({
    path: [line],
    item: {
      orderId: row.orderId,
      resourceCode: row.resourceCode,
      orderedAt: new Date(row.orderedAt),
      startAt: new Date(row.startAt),
      instructedKw: row.instructedKw,
      baselineKw: wideValues<number>(row, 'b').slice(0, row.slotCount),
      actualKw: wideValues<number>(row, 'a').slice(0, row.slotCount),
    },
  })),
})

const orderSample = (i: number, value: string) => (i < 4 ? value : '')

const dispatchOrders = defineBulkFormat({
  code: 'G95',
  functionKey: 'dispatchOrders',
  ja: '発動指令アセスメントデータ',
  en: 'Dispatch-order data',
  rowSchema: dispatchOrderRowSchema,
  columns: {
    orderId: {
      header: '発動指令ID',
      en: 'Order ID',
      example: 'DO-SAMPLE-0001',
      type: 'code',
      rule: {
        ja: '半角英数字・「-」・「_」の40文字以内。1ファイルに1回。再送すると置き換え',
        en: 'Up to 40 letters, digits, "-" and "_"; once per file; sent again, it replaces',
      },
    },
    resourceCode: resourceColumn(true),
    orderedAt: {
      header: '発動指令日時',
      en: 'Ordered at',
      example: `${sampleDate()} 14:00`,
      type: 'dateTime',
      rule: { ja: '日本時間「YYYY/MM/DD HH:MM」', en: 'JST YYYY/MM/DD HH:MM' },
    },
    startAt: {
      header: '開始日時',
      en: 'Start',
      example: `${sampleDate()} 17:00`,
      type: 'dateTime',
      rule: {
        ja: '日本時間「YYYY/MM/DD HH:MM」、00分または30分（最初のコマの開始）',
        en: 'JST YYYY/MM/DD HH:MM at :00 or :30 (start of the first slot)',
      },
    },
    instructedKw: {
      header: '指令値(kW)',
      en: 'Instructed kW',
      example: '1000',
      rule: { ja: '1以上の整数', en: 'A whole number, 1 or more' },
    },
    slotCount: {
      header: 'コマ数',
      en: 'Slots',
      example: '4',
      rule: {
        ja: '1〜48。ベースライン・実績はコマ01からこの数まで記入し、以降は空欄',
        en: '1–48; baseline and actual filled from slot 01 up to this count, empty after',
      },
    },
    ...wideColumns(
      'b',
      (n) => `ベースライン${n}(kW)`,
      (n) => `Baseline ${n} (kW)`,
      (i) => orderSample(i, '1500'),
      {
        ja: '開始からn番目のコマのベースライン。0以上の整数',
        en: 'Baseline of the nth slot from the start',
      },
    ),
    ...wideColumns(
      'a',
      (n) => `実績${n}(kW)`,
      (n) => `Actual ${n} (kW)`,
      (i) => orderSample(i, '500'),
      { ja: '開始からn番目のコマの実績。0以上の整数', en: 'Actual of the nth slot from the start' },
    ),
  },
  prepare,
  check: (rows, ctx, state) =>
    checkBatch(
      ctx,
      state,
      'dispatchOrders',
      orderBatch(rows),
      rows.map(({ line, row }) => ({ line, key: `order:${row.orderId}`, shown: row.orderId })),
    ),
  apply: (_tx, rows, ctx, state) => writeBatch(ctx, state, orderBatch(rows)),
  finish: async (_tx, ctx, state) => {
    await auditFile(ctx, state, 'dispatchOrders')
    return 0
  },
})

/** Every feed file, registered on the bulk pipeline by the feed routes. */
export const feedBulkFormats = [
  meteredGeneration,
  supplyInstructions,
  reserveMargins,
  reserveOffers,
  operationRestraint,
  dispatchOrders,
]
