import type { z } from 'zod'
import {
  MEMBER_KW_LIMIT,
  resourceFileRowSchemas,
  type Area,
  type BulkFormatCode,
  type ResourceKind,
} from '@yoryo/contracts'
import type { DbTransaction } from '@yoryo/db'
import { createApplications, type EntityHandlers } from '../applications/public.ts'
import {
  defineBulkFormat,
  type BulkColumn,
  type BulkContext,
  type BulkRowError,
} from '../bulk-imports/public.ts'
import { resourceInclude, valuesOf } from './resource.ts'

/**
 * The resource bulk files (810–813 registration, 820–823 change, 822M / 823S member and site
 * lists): each row files what the 050 screens file — a submitted registration or change
 * application for the operator's review, one audit entry per application.
 */

const MAX_MEMBERS = 1000
const MAX_SITES = 10_000

/** No rule beyond what the item list shows of the type, length and values. */
const none = { ja: '', en: '' }
const alnum = { ja: '半角英数字', en: 'Letters and digits' }

/** Every column any resource file has: its header, English name and default example. */
const COLUMNS: Record<string, BulkColumn> = {
  resourceCode: {
    header: '電源等識別番号',
    en: 'Resource code',
    example: '03S0000001',
    type: 'code',
    rule: {
      ja: '自社の同じ区分の廃止されていない電源等。ファイル内で重複しないこと',
      en: 'An active resource of this kind of the participant, once per file',
    },
  },
  entryNo: {
    header: '整理番号',
    en: 'Entry number',
    example: '1',
    type: 'integer',
    rule: {
      ja: '同じ電源等の行（構成電源・電源等リストの1件ごと）は同じ整理番号と同じ電源等の項目',
      en: 'The rows of one resource (one per member or site) share it and the resource fields',
    },
  },
  name: { header: '電源等の名称', en: 'Name', example: '湾岸火力10号機', rule: none },
  nameKana: {
    header: '電源等の名称(カナ)',
    en: 'Name (kana)',
    example: 'ワンガンカリョク',
    rule: { ja: '全角カタカナ', en: 'Full-width katakana' },
  },
  area: { header: 'エリア', en: 'Area', example: 'tokyo', rule: none },
  generationType: {
    header: '発電方式',
    en: 'Generation type',
    example: 'lng',
    rule: { ja: '電源等の区分に合うもの', en: 'One that fits the kind of resource' },
  },
  gridCode: { header: '系統コード', en: 'Grid code', example: 'GC900001', rule: alnum },
  location: {
    header: '所在地',
    en: 'Location',
    example: '東京都千代田区丸の内1-1-1',
    rule: { ja: '都道府県名から', en: 'Starting with the prefecture' },
  },
  commissionedOn: {
    header: '運転開始年月',
    en: 'Commissioned',
    example: '2015-04',
    rule: { ja: 'YYYY-MM', en: 'YYYY-MM' },
  },
  supportScheme: { header: 'FIT・FIP区分', en: 'FIT / FIP', example: 'none', rule: none },
  installedKw: {
    header: '設備容量(kW)',
    en: 'Installed capacity (kW)',
    example: '350000',
    type: 'integer',
    rule: none,
  },
  /** A stable resource's installed capacity is at the generator terminal (records.md). */
  installedKwGross: {
    header: '設備容量(発電端)(kW)',
    en: 'Installed capacity, gross (kW)',
    example: '350000',
    type: 'integer',
    rule: none,
  },
  houseLoadPercent: {
    header: '所内率(%)',
    en: 'House load (%)',
    example: '3.5',
    type: 'decimal',
    rule: { ja: '小数2桁まで', en: 'Up to 2 decimals' },
  },
  hasAdjustment: {
    header: '調整機能の有無',
    en: 'Adjustment function',
    example: '有',
    type: 'code',
    rule: { ja: '有 または 無', en: '有 (yes) or 無 (no)' },
  },
  storageHours: {
    header: '継続運転可能時間(h)',
    en: 'Continuous operation (h)',
    example: '',
    type: 'decimal',
    rule: {
      ja: '揚水・蓄電池は3時間以上が必須',
      en: 'Required for pumped storage and batteries: at least 3 h',
    },
  },
  offerableKw: {
    header: '提供可能容量(kW)',
    en: 'Offerable capacity (kW)',
    example: '2000',
    type: 'integer',
    rule: none,
  },
  memberName: { header: '構成電源の名称', en: 'Member name', example: '屋根太陽光1', rule: none },
  memberGenerationType: {
    header: '構成電源の発電方式',
    en: 'Member generation type',
    example: 'solar',
    rule: {
      ja: '変動電源（太陽光・風力・流込式水力）',
      en: 'A variable source (solar, wind, run-of-river hydro)',
    },
  },
  memberGridCode: {
    header: '構成電源の系統コード',
    en: 'Member grid code',
    example: 'GM90001',
    rule: alnum,
  },
  memberInstalledKw: {
    header: '構成電源の設備容量(kW)',
    en: 'Member installed capacity (kW)',
    example: '700',
    type: 'integer',
    rule: { ja: `${MEMBER_KW_LIMIT}kW未満`, en: `Below ${MEMBER_KW_LIMIT} kW` },
  },
  siteName: { header: '電源等リストの名称', en: 'Site name', example: '需要家工場1', rule: none },
  supplyPointId: {
    header: '供給地点特定番号',
    en: 'Supply point ID',
    example: '0300000009000000000001',
    type: 'code',
    rule: { ja: '22桁の数字。同じ電源等の中で重複しないこと', en: '22 digits, once per resource' },
  },
  siteType: { header: '種別', en: 'Site type', example: 'demandReduction', rule: none },
  siteKw: { header: '容量(kW)', en: 'Capacity (kW)', example: '1100', type: 'integer', rule: none },
}

/** The columns of a row schema, in its field order, with the format's own examples. */
function columnsOf<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
  examples: Record<string, string> = {},
  /** A field whose column is another's (a member's `name` is 構成電源の名称). */
  aliases: Record<string, string> = {},
): { [K in keyof S]: BulkColumn } {
  const out: Record<string, BulkColumn> = {}
  for (const key of Object.keys(schema.shape)) {
    const column = COLUMNS[aliases[key] ?? key]
    if (!column) throw new Error(`resource file column ${key} undefined`)
    out[key] = key in examples ? { ...column, example: examples[key] as string } : column
  }
  return out as { [K in keyof S]: BulkColumn }
}

const KIND_EXAMPLES: Record<ResourceKind, Record<string, string>> = {
  stable: {},
  variableSingle: {
    name: 'メガソーラー10',
    nameKana: 'メガソーラー',
    generationType: 'solar',
    installedKw: '12000',
  },
  variableAggregate: {
    name: '屋根置き太陽光アグリゲート10',
    nameKana: 'ヤネオキタイヨウコウアグリゲート',
    generationType: 'solar',
    installedKw: '700',
  },
  dispatchOrder: {
    name: '工場DR10',
    nameKana: 'コウジョウディーアール',
    generationType: 'demandResponse',
  },
}
const KIND_ALIASES: Record<ResourceKind, Record<string, string>> = {
  stable: { installedKw: 'installedKwGross' },
  variableSingle: {},
  variableAggregate: {},
  dispatchOrder: {},
}
const CODE_EXAMPLES: Record<ResourceKind, string> = {
  stable: '03S0000001',
  variableSingle: '03V0000001',
  variableAggregate: '03A0000001',
  dispatchOrder: '03D0000001',
}

const KIND_NAMES: Record<ResourceKind, { ja: string; en: string }> = {
  stable: { ja: '安定電源', en: 'stable resources' },
  variableSingle: { ja: '変動電源(単独)', en: 'variable resources (single)' },
  variableAggregate: { ja: '変動電源(アグリゲート)', en: 'variable resources (aggregate)' },
  dispatchOrder: { ja: '発動指令電源', en: 'dispatch-order resources' },
}

/** One application a row (or a group of rows) files. */
interface Filing {
  kind: 'register' | 'change'
  entityId: string | null
  proposed: unknown
}

/** Applications filed per statement (a group of 812 / 813 rows may hold 10,000 sites). */
const FILE_BATCH = 1000

type Filer = (tx: DbTransaction, ctx: BulkContext, filings: Filing[]) => Promise<number>

/**
 * Files submitted applications exactly as the 050 screens do (each with its event and audit
 * entry), a batch at a time through `createApplications`; returns how many.
 */
function filer(handlers: EntityHandlers): Filer {
  return async (tx, ctx, filings) => {
    for (let at = 0; at < filings.length; at += FILE_BATCH) {
      await createApplications(
        tx,
        handlers,
        ctx.actor,
        filings.slice(at, at + FILE_BATCH).map((f) => ({
          ...f,
          entityType: 'resource' as const,
          participantId: ctx.participantId,
          submit: true,
          lang: 'ja' as const,
        })),
      )
    }
    return filings.length
  }
}

/** The current values of resources by id (one query). */
async function valuesById(tx: DbTransaction, ids: string[]) {
  const rows = await tx.resource.findMany({
    where: { id: { in: [...new Set(ids)] } },
    include: resourceInclude,
  })
  return new Map(rows.map((r) => [r.id, valuesOf(r)]))
}

interface Found {
  id: string
  kind: ResourceKind
  area: Area
  status: string
}

/** The participant's resources with these codes (any kind, any status). */
async function resourcesByCode(ctx: BulkContext, codes: string[]): Promise<Map<string, Found>> {
  const rows = await ctx.db.resource.findMany({
    where: { participantId: ctx.participantId, code: { in: codes } },
    select: { id: true, code: true, kind: true, area: true, status: true },
  })
  return new Map(rows.map((r) => [r.code, r]))
}

/** The problem of a row's resource code: not the participant's of this kind, or cancelled. */
function codeProblem(
  line: number,
  found: Found | undefined,
  kind: ResourceKind,
): BulkRowError | null {
  if (!found || found.kind !== kind) return { line, key: 'resourceCode', messageId: 'E-RES-015' }
  if (found.status !== 'active') return { line, key: 'resourceCode', messageId: 'E-RES-014' }
  return null
}

const without = <T extends object, K extends string>(row: T, ...keys: K[]) => {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) }
  for (const k of keys) delete out[k]
  return out as Omit<T, K>
}

/** One row per resource: 810 / 811 register, 820–823 change (lists kept). */
function flatFormat(handlers: EntityHandlers, code: '810' | '811', kind: ResourceKind) {
  const file = filer(handlers)
  const rowSchema = resourceFileRowSchemas[code]
  return defineBulkFormat({
    code,
    functionKey: 'resources',
    ja: `電源等情報一括登録（${KIND_NAMES[kind].ja}）`,
    en: `Resource registration file (${KIND_NAMES[kind].en})`,
    rowSchema,
    columns: columnsOf(rowSchema, KIND_EXAMPLES[kind], KIND_ALIASES[kind]),
    apply: (tx, rows, ctx) =>
      file(
        tx,
        ctx,
        rows.map(({ row }) => ({ kind: 'register', entityId: null, proposed: { kind, ...row } })),
      ),
  })
}

function changeFormat(
  handlers: EntityHandlers,
  code: '820' | '821' | '822' | '823',
  kind: ResourceKind,
) {
  const file = filer(handlers)
  const rowSchema = resourceFileRowSchemas[code] as (typeof resourceFileRowSchemas)['820']
  return defineBulkFormat({
    code,
    functionKey: 'resources',
    ja: `電源等情報一括変更（${KIND_NAMES[kind].ja}）`,
    en: `Resource change file (${KIND_NAMES[kind].en})`,
    rowSchema,
    columns: columnsOf(
      rowSchema,
      { ...KIND_EXAMPLES[kind], resourceCode: CODE_EXAMPLES[kind] },
      KIND_ALIASES[kind],
    ),
    prepare: async () => ({ seen: new Set<string>(), found: new Map<string, Found>() }),
    check: async (rows, ctx, state) => {
      const found = await resourcesByCode(
        ctx,
        rows.map((r) => r.row.resourceCode),
      )
      const errors: BulkRowError[] = []
      for (const { line, row } of rows) {
        const r = found.get(row.resourceCode)
        const problem = codeProblem(line, r, kind)
        if (problem) errors.push(problem)
        else if (r && r.area !== row.area)
          errors.push({ line, key: 'area', messageId: 'E-RES-013' })
        if (state.seen.has(row.resourceCode)) {
          errors.push({ line, key: 'resourceCode', messageId: 'E-RES-016' })
        }
        state.seen.add(row.resourceCode)
        if (r) state.found.set(row.resourceCode, r)
      }
      return errors
    },
    apply: async (tx, rows, ctx, state) => {
      const idOf = (code: string) => (state.found.get(code) as Found).id
      const current = await valuesById(
        tx,
        rows.map((r) => idOf(r.row.resourceCode)),
      )
      return file(
        tx,
        ctx,
        rows.map(({ row }) => {
          const id = idOf(row.resourceCode)
          const values = current.get(id)
          if (!values) throw new Error(`resource ${row.resourceCode} vanished`)
          // The lists stay as they are: 822M / 823S replace them.
          const lists =
            values.kind === 'variableAggregate'
              ? { members: values.members }
              : values.kind === 'dispatchOrder'
                ? { sites: values.sites }
                : {}
          return {
            kind: 'change',
            entityId: id,
            proposed: { kind, ...without(row, 'resourceCode'), ...lists },
          }
        }),
      )
    },
  })
}

/**
 * Rows grouped into one application per key, wherever they stand in the file: counted while
 * checking, collected by `apply`, filed by `finish` once the whole file has been read (apply
 * runs batch by batch, so a group may continue in a later batch).
 */
interface Groups<R> {
  counts: Map<string, number>
  first: Map<string, { line: number; fields: string }>
  supplyPoints: Map<string, Set<string>>
  pending: Map<string, R[]>
}
const groups = <R>(): Groups<R> => ({
  counts: new Map(),
  first: new Map(),
  supplyPoints: new Map(),
  pending: new Map(),
})

/** Counts a row of its group; returns the problems of the group's size and sites. */
function countRow<R>(
  g: Groups<R>,
  key: string,
  line: number,
  max: number,
  supplyPointId?: string,
): BulkRowError[] {
  const n = (g.counts.get(key) ?? 0) + 1
  g.counts.set(key, n)
  const errors: BulkRowError[] = []
  if (n === max + 1) {
    errors.push({
      line,
      key: '',
      messageId: 'E-RES-018',
      params: { maxMembers: MAX_MEMBERS, maxSites: MAX_SITES },
    })
  }
  if (supplyPointId !== undefined) {
    const seen = g.supplyPoints.get(key) ?? new Set<string>()
    if (seen.has(supplyPointId)) errors.push({ line, key: 'supplyPointId', messageId: 'E-RES-010' })
    seen.add(supplyPointId)
    g.supplyPoints.set(key, seen)
  }
  return errors
}

/** Adds a row to its group (filed by `finish`). */
function collectRow<R>(g: Groups<R>, key: string, row: R): void {
  const rows = g.pending.get(key)
  if (rows) rows.push(row)
  else g.pending.set(key, [row])
}

/** 812 / 813: one row per member / site, the rows of one new resource sharing its 整理番号. */
function listRegistrationFormat(
  handlers: EntityHandlers,
  code: '812' | '813',
  kind: 'variableAggregate' | 'dispatchOrder',
) {
  const file = filer(handlers)
  const rowSchema = resourceFileRowSchemas[code] as (typeof resourceFileRowSchemas)['813']
  const listKeys =
    kind === 'variableAggregate'
      ? ['memberName', 'memberGenerationType', 'memberGridCode', 'memberInstalledKw']
      : ['siteName', 'supplyPointId', 'siteType', 'siteKw']
  type Row = z.output<typeof rowSchema>
  const resourceFields = (row: Row) =>
    without(row as Record<string, unknown>, 'entryNo', ...listKeys)
  const listItem = (row: Row) => {
    const r = row as unknown as Record<string, unknown>
    return kind === 'variableAggregate'
      ? {
          name: r.memberName,
          generationType: r.memberGenerationType,
          gridCode: r.memberGridCode,
          installedKw: r.memberInstalledKw,
        }
      : { name: r.siteName, supplyPointId: r.supplyPointId, siteType: r.siteType, kw: r.siteKw }
  }
  return defineBulkFormat({
    code,
    functionKey: 'resources',
    ja: `電源等情報一括登録（${KIND_NAMES[kind].ja}）`,
    en: `Resource registration file (${KIND_NAMES[kind].en})`,
    rowSchema,
    columns: columnsOf(rowSchema, KIND_EXAMPLES[kind], KIND_ALIASES[kind]),
    prepare: async () => groups<Row>(),
    check: async (rows, _ctx, g) => {
      const errors: BulkRowError[] = []
      for (const { line, row } of rows) {
        const key = String(row.entryNo)
        const fields = JSON.stringify(resourceFields(row))
        const first = g.first.get(key)
        if (!first) g.first.set(key, { line, fields })
        else if (first.fields !== fields) {
          errors.push({
            line,
            key: '',
            messageId: 'E-RES-017',
            params: { entryNo: row.entryNo, line: first.line },
          })
        }
        const sp = kind === 'dispatchOrder' ? row.supplyPointId : undefined
        errors.push(
          ...countRow(g, key, line, kind === 'variableAggregate' ? MAX_MEMBERS : MAX_SITES, sp),
        )
      }
      return errors
    },
    apply: async (_tx, rows, _ctx, g) => {
      for (const { row } of rows) collectRow(g, String(row.entryNo), row)
      return 0
    },
    finish: (tx, ctx, g) =>
      file(
        tx,
        ctx,
        [...g.pending.values()].map((complete) => {
          const list = complete.map(listItem)
          return {
            kind: 'register',
            entityId: null,
            proposed: {
              kind,
              ...resourceFields(complete[0] as Row),
              ...(kind === 'variableAggregate' ? { members: list } : { sites: list }),
            },
          }
        }),
      ),
  })
}

/** 822M / 823S: the member / site list of existing resources, each replaced by a change. */
function listChangeFormat(handlers: EntityHandlers, code: '822M' | '823S', kind: ResourceKind) {
  const file = filer(handlers)
  const rowSchema = resourceFileRowSchemas[code] as (typeof resourceFileRowSchemas)['823S']
  const members = code === '822M'
  type Row = z.output<typeof rowSchema>
  return defineBulkFormat({
    code,
    functionKey: 'resources',
    ja: members
      ? '構成電源リスト一括変更（変動電源(アグリゲート)）'
      : '電源等リスト一括変更（発動指令電源）',
    en: members
      ? 'Member list change file (variable aggregate)'
      : 'Site list change file (dispatch order)',
    rowSchema,
    columns: columnsOf(
      rowSchema,
      members
        ? {
            resourceCode: CODE_EXAMPLES.variableAggregate,
            name: '屋根太陽光4',
            generationType: 'solar',
            gridCode: 'GM00014',
            installedKw: '800',
          }
        : {
            resourceCode: CODE_EXAMPLES.dispatchOrder,
            name: '需要家工場3',
            supplyPointId: '0300000000040000000003',
            kw: '1300',
          },
      members
        ? {
            name: 'memberName',
            generationType: 'memberGenerationType',
            gridCode: 'memberGridCode',
            installedKw: 'memberInstalledKw',
          }
        : { name: 'siteName', kw: 'siteKw' },
    ),
    prepare: async () => ({ ...groups<Row>(), found: new Map<string, Found>() }),
    check: async (rows, ctx, g) => {
      const found = await resourcesByCode(
        ctx,
        [...new Set(rows.map((r) => r.row.resourceCode))].filter((c) => !g.found.has(c)),
      )
      for (const [c, r] of found) g.found.set(c, r)
      const errors: BulkRowError[] = []
      for (const { line, row } of rows) {
        const problem = codeProblem(line, g.found.get(row.resourceCode), kind)
        if (problem) errors.push(problem)
        const sp = members ? undefined : (row as { supplyPointId: string }).supplyPointId
        errors.push(...countRow(g, row.resourceCode, line, members ? MAX_MEMBERS : MAX_SITES, sp))
      }
      return errors
    },
    apply: async (_tx, rows, _ctx, g) => {
      for (const { row } of rows) collectRow(g, row.resourceCode, row)
      return 0
    },
    finish: async (tx, ctx, g) => {
      const idOf = (code: string) => (g.found.get(code) as Found).id
      const current = await valuesById(tx, [...g.pending.keys()].map(idOf))
      return file(
        tx,
        ctx,
        [...g.pending].map(([resourceCode, complete]) => {
          const id = idOf(resourceCode)
          const values = current.get(id)
          if (!values) throw new Error(`resource ${resourceCode} vanished`)
          const list = complete.map((r) => without(r, 'resourceCode'))
          return {
            kind: 'change',
            entityId: id,
            proposed: { ...values, ...(members ? { members: list } : { sites: list }) },
          }
        }),
      )
    },
  })
}

/** Every resource format, to register on `app.bulkFormats`. */
export function resourceBulkFormats(handlers: EntityHandlers) {
  const formats = [
    flatFormat(handlers, '810', 'stable'),
    flatFormat(handlers, '811', 'variableSingle'),
    listRegistrationFormat(handlers, '812', 'variableAggregate'),
    listRegistrationFormat(handlers, '813', 'dispatchOrder'),
    changeFormat(handlers, '820', 'stable'),
    changeFormat(handlers, '821', 'variableSingle'),
    changeFormat(handlers, '822', 'variableAggregate'),
    changeFormat(handlers, '823', 'dispatchOrder'),
    listChangeFormat(handlers, '822M', 'variableAggregate'),
    listChangeFormat(handlers, '823S', 'dispatchOrder'),
  ]
  return formats satisfies { code: BulkFormatCode }[]
}
