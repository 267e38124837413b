import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import iconv from 'iconv-lite'
import type { z } from 'zod'
import {
  formatJstDate,
  formatJstDateTime,
  formatMessage,
  pageSchema,
  problemSchema,
  type FunctionKey,
  type Label,
  type Lang,
  type ListQuery,
} from '@yoryo/contracts'
import { Prisma, type DbClient } from '@yoryo/db'
import { AppError } from './errors.ts'
import { requestLang } from './problem.ts'

// ---- CSV (K21) ----

export type CsvValue = string | number | boolean | null | undefined

/**
 * A column of a CSV export: its header (records.md labels; Japanese, or English when the request
 * asks for English) and how to get the cell from a row. Build columns with `csv.*` so times,
 * dates and enumerations are written the one way.
 */
export interface CsvColumn<T> {
  header: string | Label
  value: (row: T, lang: Lang) => CsvValue
}

type Instant = string | Date | null | undefined

/** Column builders: the one format of each kind of cell. */
export const csv = {
  /** Text or a number as it is. */
  text: <T>(header: string | Label, value: (row: T) => CsvValue): CsvColumn<T> => ({
    header,
    value,
  }),
  /** A time in JST: `2026/04/01 09:30`. */
  dateTime: <T>(header: string | Label, value: (row: T) => Instant): CsvColumn<T> => ({
    header,
    value: (row) => formatJstDateTime(value(row)),
  }),
  /** A JST date: `2026/04/01`. */
  date: <T>(header: string | Label, value: (row: T) => Instant): CsvColumn<T> => ({
    header,
    value: (row) => formatJstDate(value(row)),
  }),
  /** An enumeration by its label in the request's language (an unknown code as it is). */
  enumeration: <T, E extends string>(
    header: string | Label,
    value: (row: T) => E | null | undefined,
    labels: Record<E, Label>,
  ): CsvColumn<T> => ({
    header,
    value: (row, lang) => {
      const code = value(row)
      if (code === null || code === undefined) return ''
      return Object.hasOwn(labels, code) ? labels[code][lang] : code
    },
  }),
  /**
   * The first columns of a list about resources: 電源等識別番号, 電源等の名称 and, given
   * `participant`, 事業者コード.
   */
  resource: <T>(
    resource: (row: T) => { code: string; name: string },
    participant?: (row: T) => { code: string },
  ): CsvColumn<T>[] => [
    { header: { ja: '電源等識別番号', en: 'Resource code' }, value: (row) => resource(row).code },
    { header: { ja: '電源等の名称', en: 'Resource name' }, value: (row) => resource(row).name },
    ...(participant
      ? [
          {
            header: { ja: '事業者コード', en: 'Participant code' },
            value: (row: T) => participant(row).code,
          },
        ]
      : []),
  ],
}

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV cell. A value starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading apostrophe,
 * so a spreadsheet does not run it as a formula (CSV injection); a value holding a quote, comma
 * or line break is quoted, inner quotes doubled.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const headerText = (header: string | Label, lang: Lang) =>
  typeof header === 'string' ? header : header[lang]

/** Builds the CSV text: header row, CRLF line ends (Excel). */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[], lang: Lang = 'ja'): string {
  const lines = [columns.map((c) => csvCell(headerText(c.header, lang))).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row, lang))).join(','))
  return lines.join('\r\n') + '\r\n'
}

/** Sends CSV text as a download: Shift_JIS (default) or UTF-8 with BOM. */
export function sendCsvText(
  reply: FastifyReply,
  fileName: string,
  text: string,
  encoding: ListQuery['encoding'],
): FastifyReply {
  const body =
    encoding === 'utf-8' ? Buffer.from('\uFEFF' + text, 'utf8') : iconv.encode(text, 'Shift_JIS')
  return reply
    .type(`text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'Shift_JIS'}`)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body)
}

/** Sends a CSV download in the encoding the user chose (Shift_JIS by default, or UTF-8 with BOM). */
export function sendCsv<T>(
  reply: FastifyReply,
  fileName: string,
  columns: CsvColumn<T>[],
  rows: T[],
  encoding: ListQuery['encoding'],
  lang: Lang = 'ja',
): FastifyReply {
  return sendCsvText(reply, fileName, toCsv(columns, rows, lang), encoding)
}

/** Most rows a CSV export may hold; narrow the filter for more. */
export const CSV_EXPORT_LIMIT = 100_000

// ---- search and sorting ----

/**
 * Search text for a Prisma `contains` / `startsWith` filter, taken literally: `%`, `_` and the
 * escape character `\` are escaped, so `q=_` finds an underscore instead of everything.
 */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A case-insensitive "contains" filter for search text, matched literally. */
export function containsText(text: string): { contains: string; mode: 'insensitive' } {
  return { contains: likeText(text), mode: 'insensitive' }
}

function invalidSort(): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [
      {
        path: ['querystring', 'sort'],
        messageId: 'E-COMMON-008',
        message: formatMessage('E-COMMON-008', 'ja'),
      },
    ],
  })
}

/**
 * `sort` ("field" or "-field") as a field and direction, allowing only the listed fields.
 * An unknown field is a validation error, not a silent default.
 */
export function orderByOf<F extends string>(
  sort: string | undefined,
  allowed: readonly F[],
  fallback: { field: F; direction: 'asc' | 'desc' },
): { field: F; direction: 'asc' | 'desc' } {
  if (!sort) return fallback
  const direction = sort.startsWith('-') ? 'desc' : 'asc'
  const field = sort.replace(/^-/, '') as F
  if (!allowed.includes(field)) throw invalidSort()
  return { field, direction }
}

// ---- the list route ----

export type Direction = 'asc' | 'desc'

/** What a list reads its rows with; `Where` and `OrderBy` are the Prisma types of the model. */
export interface ListSource<Query, Where, OrderBy, Item> {
  /** The filter of the query, already narrowed to what the caller may see. */
  where: (query: Query, request: FastifyRequest) => Where | Promise<Where>
  /** One page (or, for CSV, every row) in the order given, as the API shows it. */
  find: (args: {
    where: NoInfer<Where>
    orderBy: NoInfer<OrderBy>[]
    skip: number
    take: number
  }) => Promise<Item[]>
  count: (where: NoInfer<Where>) => Promise<number>
}

export interface ListRouteOptions<
  Q extends z.ZodType<ListQuery>,
  I extends z.ZodType,
  S extends string,
  Where,
  OrderBy,
> extends ListSource<z.output<Q>, Where, OrderBy, z.output<I>> {
  /** Access rule of the route (`config.access`), as every other route declares it. */
  config: FastifyContextConfig
  operationId: string
  summary: string
  tags: string[]
  /** The query: `listQuerySchema.extend({ …filters })`. */
  querystring: Q
  /** The path parameters of a list inside a record (`/:id/items`); `where` reads them. */
  params?: z.ZodType
  /** One row of the list as JSON. */
  item: I
  /** The page schema when it is a named OpenAPI component (`pageSchema(item).meta({ id })`). */
  page?: z.ZodType
  /**
   * The columns the list sorts by (every column the screen shows): the public name → its
   * order. Ties are broken by `tieBreak`, so pages never overlap.
   */
  sort: Record<S, (direction: Direction) => NoInfer<OrderBy> | NoInfer<OrderBy>[]>
  defaultSort: { field: NoInfer<S>; direction: Direction }
  tieBreak: OrderBy[]
  /** The CSV export of the same filtered list. */
  csv: { fileName: string; columns: CsvColumn<z.output<I>>[] }
}

/**
 * A list route as declared, kept on `app.listRoutes` when it is registered: the screen ↔ output
 * file map (K20), the CSV samples (K21) and the CSV suite read them.
 */
export interface ListRouteDeclaration {
  /** The route's URL with its prefix, Fastify style (`/api/v1/auctions/:id/qualifications`). */
  url: string
  operationId: string
  summary: string
  tags: string[]
  /** The functions (screens) of `config.access`. */
  functions: readonly FunctionKey[]
  /** It needs a record (`/:id/…`) or filters the query cannot leave out to export. */
  needsQuery: boolean
  csv: { fileName: string; columns: CsvColumn<never>[] }
}

/** Every list route of an app, in registration order. */
export class ListRoutes {
  private readonly byOperation = new Map<string, ListRouteDeclaration>()

  add(declaration: ListRouteDeclaration): void {
    if (this.byOperation.has(declaration.operationId)) {
      throw new Error(`list route ${declaration.operationId} twice`)
    }
    this.byOperation.set(declaration.operationId, declaration)
  }

  all(): ListRouteDeclaration[] {
    return [...this.byOperation.values()]
  }
}

/**
 * Registers `GET path` as a list (K21): paging (`page`, `pageSize`), sorting by any declared
 * column (`sort=field` / `sort=-field`), the list's filters, and `format=csv` exporting every
 * row of the same filter and order (Shift_JIS + CRLF by default, `encoding=utf-8`; labels in the
 * request's language). Every list endpoint is declared through it.
 */
export function listRoute<
  Q extends z.ZodType<ListQuery>,
  I extends z.ZodType,
  S extends string,
  Where,
  OrderBy,
>(app: FastifyInstance, path: string, options: ListRouteOptions<Q, I, S, Where, OrderBy>): void {
  const fields = Object.keys(options.sort) as S[]
  if (app.hasDecorator('listRoutes')) {
    const access = options.config.access
    app.listRoutes.add({
      url: `${app.prefix}${path === '/' ? '' : path}`,
      operationId: options.operationId,
      summary: options.summary,
      tags: options.tags,
      functions: access && !access.public ? (access.functions ?? []) : [],
      needsQuery: path.includes(':') || !options.querystring.safeParse({}).success,
      csv: options.csv as ListRouteDeclaration['csv'],
    })
  }
  app.withTypeProvider<ZodTypeProvider>().get(
    path,
    {
      config: options.config,
      schema: {
        operationId: options.operationId,
        summary: options.summary,
        description:
          'Paging (`page`, `pageSize`), sorting (`sort` by ' +
          `${fields.map((f) => `\`${f}\``).join(', ')}; prefix \`-\` for descending) and ` +
          'filters; `format=csv` exports every row of the same filter and order as CSV ' +
          '(Shift_JIS with CRLF by default, `encoding=utf-8` for UTF-8 with BOM; times in JST, ' +
          'enumerations by their label in the language of `Accept-Language`).',
        tags: options.tags,
        ...(options.params ? { params: options.params } : {}),
        querystring: options.querystring,
        response: {
          200: options.page ?? pageSchema(options.item),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const query = request.query as z.output<Q>
      const order = orderByOf(query.sort, fields, options.defaultSort)
      const first = options.sort[order.field](order.direction)
      const orderBy = [...(Array.isArray(first) ? first : [first]), ...options.tieBreak]
      const where = await options.where(query, request)
      if (query.format === 'csv') {
        const rows = await options.find({ where, orderBy, skip: 0, take: CSV_EXPORT_LIMIT })
        return sendCsv(
          reply,
          options.csv.fileName,
          options.csv.columns,
          rows,
          query.encoding,
          requestLang(request),
        )
      }
      const skip = (query.page - 1) * query.pageSize
      const [items, total] = await Promise.all([
        options.find({ where, orderBy, skip, take: query.pageSize }),
        options.count(where),
      ])
      return { items, total, page: query.page, pageSize: query.pageSize }
    },
  )
}

// ---- lists read in PostgreSQL (B70, B80, B90, D00, D20: a month of every resource is large) ----

/**
 * `listRoute`'s `where`, `find` and `count` of a list read in SQL: `rows` gives, for the query,
 * one SELECT with a row per item (already narrowed to the caller) under the column names the
 * sort uses; PostgreSQL sorts, pages and counts it; `toItem` turns a row into the API's item.
 */
export function sqlList<Q, R, T>(
  db: DbClient,
  rows: (query: Q, request: FastifyRequest) => Promise<Prisma.Sql>,
  toItem: (row: R) => T,
) {
  return {
    where: rows,
    find: async ({
      where,
      orderBy,
      skip,
      take,
    }: {
      where: Prisma.Sql
      orderBy: Prisma.Sql[]
      skip: number
      take: number
    }): Promise<T[]> => {
      const rows = await db.$queryRaw<R[]>`
        SELECT * FROM (${where}) AS list
        ORDER BY ${Prisma.join(orderBy)} LIMIT ${take} OFFSET ${skip}`
      return rows.map(toItem)
    },
    count: async (where: Prisma.Sql): Promise<number> => {
      const [row] = await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM (${where}) AS list`
      return Number(row?.n ?? 0)
    },
  }
}

/**
 * `listRoute`'s sort entry of a list read in SQL: its columns (names or expressions in code,
 * never input). An empty value (NULL) sorts as the smallest, as the lists sorted in memory do.
 */
export const byColumns =
  (...columns: string[]) =>
  (direction: Direction): Prisma.Sql[] =>
    columns.map((c) =>
      Prisma.raw(`${c} ${direction === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`),
    )

/** A text column sorted by code point, as JavaScript compares strings (not the locale's order). */
export const byText = (column: string) => byColumns(`${column} COLLATE "C"`)
