import { z } from 'zod'
import type { DbClient, DbTransaction } from '@yoryo/db'
import {
  functionOf,
  type BulkColumnType,
  type BulkFormatCode,
  type BulkFormatItem,
  type FunctionKey,
  type Label,
  type MessageId,
} from '@yoryo/contracts'
import type { Actor } from '../../lib/audit.ts'
import { csvCell } from '../../lib/list.ts'

/**
 * The bulk formats registry: every bulk file (810–891, 711, the delivery-period formats) is
 * defined once by the module owning its records with `defineBulkFormat` and registered on
 * `app.bulkFormats`; the one pipeline (pipeline.ts) reads, checks and applies every format the
 * same way, and the item list (500/G10) and the sample (K10) come from the same definition.
 */

/** One column of a format: its Japanese header (the file's), English name and example cell. */
export interface BulkColumn {
  header: string
  en: string
  /** A cell of the sample file (K10); the sample row must import as it is. */
  example: string
  /** Default: from the zod schema (string → text, integer, number → decimal, enum → code). */
  type?: BulkColumnType
  /** What the item list says of the values beyond type and length. */
  rule?: Label
}

/** A row that passed the row schema, with its line in the file (the header is line 1). */
export interface BulkRow<R> {
  line: number
  row: R
}

/** A problem of one row (`key`: the column's field, or '' for the row or the file). */
export interface BulkRowError {
  line: number
  key: string
  messageId: MessageId
  params?: Record<string, string | number>
}

/** What a format's checks and apply know of the import. */
export interface BulkContext {
  importId: string
  /** The participant the file is for (the uploader's own; the operator chooses one). */
  participantId: string
  actor: Actor
  now: Date
  /** The database: the import's transaction while it is written (checks then see what it wrote). */
  db: DbClient
}

type Shape = z.ZodRawShape

export interface BulkFormatDefinition<S extends Shape, State> {
  code: BulkFormatCode
  /** The function the records belong to: its edit right is needed to import the file. */
  functionKey: FunctionKey
  ja: string
  en: string
  /** Validates one row (the same schema the API request of one record uses, where there is one). */
  rowSchema: z.ZodObject<S>
  /** Every field of the row schema, in file order. */
  columns: { [K in keyof S]: BulkColumn }
  /** Most data rows of one file (default 100,000). */
  maxRows?: number
  /** Runs once per import before the rows: what the checks and apply share (lookups, sets). */
  prepare?: (ctx: BulkContext) => Promise<State>
  /**
   * Checks of rows against the database and each other (the row schema has passed), a batch
   * at a time in file order; returns the problems found.
   */
  check?: (
    rows: BulkRow<z.output<z.ZodObject<S>>>[],
    ctx: BulkContext,
    state: State,
  ) => Promise<BulkRowError[]>
  /**
   * Writes a batch of checked rows inside the import's one transaction (every batch of the file
   * runs in the same transaction: all or nothing), with one audit entry per record; returns how
   * many records it created.
   */
  apply: (
    tx: DbTransaction,
    rows: BulkRow<z.output<z.ZodObject<S>>>[],
    ctx: BulkContext,
    state: State,
  ) => Promise<number>
  /**
   * Runs once after the last batch inside the same transaction, for formats whose records span
   * rows anywhere in the file (the rows of one resource's member list): `apply` collects, and
   * `finish` writes what only the whole file completes; returns how many records it created.
   */
  finish?: (tx: DbTransaction, ctx: BulkContext, state: State) => Promise<number>
}

/** A registered format, its types erased (what the pipeline and the routes handle). */
export interface AnyBulkFormat {
  code: BulkFormatCode
  functionKey: FunctionKey
  ja: string
  en: string
  maxRows: number
  keys: string[]
  headers: string[]
  types: BulkColumnType[]
  items: BulkFormatItem[]
  parseRow(input: Record<string, string | undefined>): z.ZodSafeParseResult<unknown>
  prepare(ctx: BulkContext): Promise<unknown>
  check(rows: BulkRow<unknown>[], ctx: BulkContext, state: unknown): Promise<BulkRowError[]>
  apply(
    tx: DbTransaction,
    rows: BulkRow<unknown>[],
    ctx: BulkContext,
    state: unknown,
  ): Promise<number>
  finish(tx: DbTransaction, ctx: BulkContext, state: unknown): Promise<number>
}

interface JsonSchemaLike {
  type?: string | string[]
  enum?: unknown[]
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  description?: string
  anyOf?: JsonSchemaLike[]
}

function flatten(schema: JsonSchemaLike): JsonSchemaLike {
  const nonNull = schema.anyOf?.filter((s) => s.type !== 'null')
  return nonNull?.length === 1 ? { ...nonNull[0], description: schema.description } : schema
}

/** The item list entry of one column, from its zod schema. */
function itemOf(no: number, key: string, field: z.ZodType, column: BulkColumn): BulkFormatItem {
  const json = flatten(
    z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as JsonSchemaLike,
  )
  const values = json.enum?.map(String) ?? null
  const type: BulkColumnType =
    column.type ??
    (values
      ? 'code'
      : json.type === 'integer'
        ? 'integer'
        : json.type === 'number'
          ? 'decimal'
          : 'text')
  const rule =
    column.rule ?? (json.description ? { ja: json.description, en: json.description } : null)
  return {
    no,
    key,
    header: column.header,
    headerEn: column.en,
    type,
    required: !field.safeParse(undefined).success,
    maxLength: json.maxLength ?? null,
    minimum: json.minimum ?? json.exclusiveMinimum ?? null,
    maximum: json.maximum ?? json.exclusiveMaximum ?? null,
    values,
    rule,
    example: column.example,
  }
}

/** Declares a bulk format (register it with `app.bulkFormats.register`). */
export function defineBulkFormat<S extends Shape, State = undefined>(
  definition: BulkFormatDefinition<S, State>,
): AnyBulkFormat {
  const keys = Object.keys(definition.columns)
  const shape = definition.rowSchema.shape
  for (const key of Object.keys(shape)) {
    if (!keys.includes(key)) throw new Error(`bulk format ${definition.code}: no column ${key}`)
  }
  const items = keys.map((key, i) =>
    itemOf(i + 1, key, shape[key] as z.ZodType, definition.columns[key] as BulkColumn),
  )
  type Row = BulkRow<z.output<z.ZodObject<S>>>
  return {
    code: definition.code,
    functionKey: definition.functionKey,
    ja: definition.ja,
    en: definition.en,
    maxRows: definition.maxRows ?? 100_000,
    keys,
    headers: items.map((i) => i.header),
    types: items.map((i) => i.type),
    items,
    parseRow: (input) => definition.rowSchema.safeParse(input),
    prepare: async (ctx) => (definition.prepare ? definition.prepare(ctx) : undefined),
    check: async (rows, ctx, state) =>
      definition.check ? definition.check(rows as Row[], ctx, state as State) : [],
    apply: (tx, rows, ctx, state) => definition.apply(tx, rows as Row[], ctx, state as State),
    finish: async (tx, ctx, state) =>
      definition.finish ? definition.finish(tx, ctx, state as State) : 0,
  }
}

/** The sample file (K10) as text: the header row and the example row, CRLF. */
export function sampleCsv(format: AnyBulkFormat): string {
  const header = format.items.map((i) => csvCell(i.header)).join(',')
  const example = format.items.map((i) => csvCell(i.example)).join(',')
  return `${header}\r\n${example}\r\n`
}

/** Every format, by code (`app.bulkFormats`). */
/** The file names of a format's files: its sample (K10) and an upload's error file (220/G00). */
export const bulkFileNames = {
  sample: (code: string) => `sample-${code}.csv`,
  errors: (code: string) => `bulk-import-${code}-errors.csv`,
}

export class BulkFormats {
  private readonly byCode = new Map<string, AnyBulkFormat>()

  register(format: AnyBulkFormat): void {
    if (this.byCode.has(format.code)) throw new Error(`bulk format ${format.code} twice`)
    functionOf(format.functionKey)
    this.byCode.set(format.code, format)
  }

  get(code: string): AnyBulkFormat | undefined {
    return this.byCode.get(code)
  }

  all(): AnyBulkFormat[] {
    return [...this.byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
  }
}
