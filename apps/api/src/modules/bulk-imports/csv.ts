import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import type { BulkColumnType, FileEncoding } from '@yoryo/contracts'

/**
 * Reading uploaded bulk files (workflow.md, bulk files): UTF-8 with or without BOM, or
 * Shift_JIS (CP932, what Japanese spreadsheets save by default); CRLF or LF line ends. The file
 * is decoded and split into records chunk by chunk, so a 100,000-row file never exists as
 * 100,000 row objects at once.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
const CHUNK = 64 * 1024

/** The encoding the file is read in. `auto`: a BOM or valid UTF-8 is UTF-8, anything else CP932. */
export function encodingOf(content: Buffer, chosen: FileEncoding): 'utf-8' | 'shift_jis' {
  if (content.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8'
  if (chosen !== 'auto') return chosen
  return isUtf8(content) ? 'utf-8' : 'shift_jis'
}

/** The file's text in chunks (a UTF-8 BOM dropped). */
export function* decodedChunks(content: Buffer, chosen: FileEncoding): Generator<string> {
  const encoding = encodingOf(content, chosen)
  const start = content.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0
  const utf8 = new TextDecoder('utf-8')
  const decoder =
    encoding === 'utf-8'
      ? { write: (b: Buffer) => utf8.decode(b, { stream: true }), end: () => utf8.decode() }
      : iconv.getDecoder('cp932')
  for (let at = start; at < content.length; at += CHUNK) {
    const text = decoder.write(content.subarray(at, Math.min(at + CHUNK, content.length)))
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

/** One record of the file with the line it starts on (1 = the first line). */
export interface CsvRecord {
  line: number
  cells: string[]
}

/**
 * Splits CSV text, given in chunks, into records (RFC 4180: quoted cells may hold commas,
 * quotes doubled, line breaks). Blank lines are skipped.
 */
export function* csvRecords(chunks: Iterable<string>): Generator<CsvRecord> {
  let cells: string[] = []
  let cell = ''
  let quoted = false
  /** A quote inside a quoted cell whose next character is in the next chunk. */
  let quotePending = false
  /** A CR whose LF may be the next chunk's first character. */
  let crPending = false
  let line = 1
  let recordLine = 1
  let touched = false
  const pending: CsvRecord[] = []
  const endRecord = () => {
    cells.push(cell)
    cell = ''
    if (touched || cells.length > 1 || cells[0] !== '') pending.push({ line: recordLine, cells })
    cells = []
    touched = false
  }
  for (const text of chunks) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string
      if (crPending) {
        crPending = false
        if (c === '\n') continue
      }
      if (quotePending) {
        quotePending = false
        if (c === '"') {
          cell += '"'
          continue
        }
        quoted = false
      }
      if (quoted) {
        if (c === '"') {
          if (i + 1 < text.length) {
            if (text[i + 1] === '"') {
              cell += '"'
              i++
            } else {
              quoted = false
            }
          } else {
            quotePending = true
          }
        } else {
          if (c === '\n') line++
          cell += c
        }
        continue
      }
      if (c === '"' && cell === '') {
        quoted = true
        touched = true
      } else if (c === ',') {
        cells.push(cell)
        cell = ''
      } else if (c === '\r' || c === '\n') {
        if (c === '\r') crPending = true
        endRecord()
        line++
        recordLine = line
      } else {
        cell += c
      }
    }
    yield* pending
    pending.length = 0
  }
  if (cell !== '' || cells.length || touched) endRecord()
  yield* pending
}

/** Splits CSV text into records (the whole text at once). */
export function parseCsv(text: string): CsvRecord[] {
  return [...csvRecords([text])]
}

const SPACES = /[\s\u3000]+/g
const MINUS = /[\u2212\u2010\u2011\u2012\u2013\u2014\uFE63\uFF0D]/g

/**
 * A cell as the row schema reads it: trimmed (also of full-width spaces); in numeric, date and
 * hexadecimal cells full-width digits, letters, signs and spaces become their ASCII forms (a
 * Japanese spreadsheet produces them), and numbers lose every space. An empty cell is absent.
 */
export function normaliseCell(value: string, type: BulkColumnType): string | undefined {
  let v = value
  if (type === 'integer' || type === 'decimal') {
    v = v.normalize('NFKC').replace(MINUS, '-').replace(SPACES, '')
  } else if (type === 'date' || type === 'dateTime' || type === 'hex') {
    v = v.normalize('NFKC').replace(MINUS, '-').replace(SPACES, ' ').trim()
  } else {
    v = v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  }
  return v === '' ? undefined : v
}
