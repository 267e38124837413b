import Papa from 'papaparse'
import {
  generationTypeLabels,
  messageForIssue,
  siteTypeLabels,
  type IssueLike,
  type Label,
  type MessageId,
} from '@yoryo/contracts'
import type { z } from 'zod'

/** Decodes a CSV file: UTF-8 (with or without BOM) when it is valid UTF-8, else Shift_JIS. */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('shift_jis').decode(bytes)
  }
}

/** Full-width digits, signs and separators as a spreadsheet may write them → half-width. */
function toNumber(text: string): number | string {
  const half = text
    .replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s\u3000]/g, '')
  if (half === '') return ''
  const n = Number(half)
  return Number.isFinite(n) ? n : text
}

/** A choice by its code or by its Japanese or English label. */
function toChoice(text: string, labels: Record<string, Label>): string {
  const value = text.trim()
  const found = Object.entries(labels).find(
    ([code, label]) => code === value || label.ja === value || label.en === value,
  )
  return found ? found[0] : value
}

export interface CsvColumn {
  field: string
  header: string
  kind: 'text' | 'number' | 'generationType' | 'siteType'
}

export interface CsvRowError {
  /** Line in the file (the header is line 1). */
  row: number
  column: string
  messageId: MessageId
  params: Record<string, string | number>
}

/** The columns of a list's CSV file, with the headers of the contract schema's descriptions. */
export function csvColumns(
  schema: z.ZodObject,
  kinds: Record<string, CsvColumn['kind']>,
): CsvColumn[] {
  return Object.entries(schema.shape).map(([field, s]) => ({
    field,
    header: (s as z.ZodType).description ?? field,
    kind: kinds[field] ?? 'text',
  }))
}

/**
 * Reads the rows of a member or site list: the header row names the columns (the Japanese item
 * names of the schema), each row is validated by the same schema as the form and the API. All
 * rows or none: any error returns the errors only.
 */
export function parseListCsv<T>(
  text: string,
  schema: z.ZodType<T>,
  columns: CsvColumn[],
): { rows: T[]; errors: CsvRowError[]; missing: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  })
  const headers = parsed.meta.fields ?? []
  const missing = columns.filter((c) => !headers.includes(c.header)).map((c) => c.header)
  if (missing.length > 0) return { rows: [], errors: [], missing }
  const rows: T[] = []
  const errors: CsvRowError[] = []
  parsed.data.forEach((record, index) => {
    const value: Record<string, unknown> = {}
    for (const c of columns) {
      const cell = (record[c.header] ?? '').trim()
      value[c.field] =
        c.kind === 'number'
          ? toNumber(cell)
          : c.kind === 'generationType'
            ? toChoice(cell, generationTypeLabels)
            : c.kind === 'siteType'
              ? toChoice(cell, siteTypeLabels)
              : cell
    }
    const result = schema.safeParse(value)
    if (result.success) {
      rows.push(result.data)
      return
    }
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '')
      const { messageId, params } = messageForIssue(issue as IssueLike)
      errors.push({
        row: index + 2,
        column: columns.find((c) => c.field === field)?.header ?? field,
        messageId,
        params,
      })
    }
  })
  return { rows: errors.length > 0 ? [] : rows, errors, missing: [] }
}
