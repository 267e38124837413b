import type { FastifyReply } from 'fastify'
import iconv from 'iconv-lite'
import { formatMessage, type ListQuery } from '@yoryo/contracts'
import { AppError } from './errors.ts'

/** A column of a CSV export: the Japanese header (records.md labels) and how to get the value. */
export interface CsvColumn<T> {
  header: string
  value: (row: T) => string | number | boolean | null | undefined
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, TAB
 * or CR) gets a leading apostrophe, so an exported name like `=HYPERLINK(…)` stays text.
 */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** Builds the CSV text: header row, CRLF line ends (Excel). */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','))
  return lines.join('\r\n') + '\r\n'
}

/** Sends a CSV download in the encoding the user chose (Shift_JIS by default, or UTF-8 with BOM). */
export function sendCsv<T>(
  reply: FastifyReply,
  fileName: string,
  columns: CsvColumn<T>[],
  rows: T[],
  encoding: ListQuery['encoding'],
): FastifyReply {
  const text = toCsv(columns, rows)
  const body =
    encoding === 'utf-8' ? Buffer.from('\uFEFF' + text, 'utf8') : iconv.encode(text, 'Shift_JIS')
  return reply
    .type(`text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'Shift_JIS'}`)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body)
}

/** Most rows a CSV export may hold; narrow the filter for more. */
export const CSV_EXPORT_LIMIT = 100_000

/**
 * `sort` ("field" or "-field") as a Prisma orderBy, allowing only the listed fields.
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
  if (!allowed.includes(field)) {
    throw new AppError('E-COMMON-001', 400, {
      errors: [
        {
          path: ['querystring', 'sort'],
          messageId: 'E-COMMON-008',
          message: formatMessage('E-COMMON-008', 'ja'),
        },
      ],
    })
  }
  return { field, direction }
}
