import iconv from 'iconv-lite'
import type { BulkColumnType, FileEncoding } from '@yoryo/contracts'

/**
 * Reading uploaded bulk files (workflow.md, bulk files): UTF-8 with or without BOM, or
 * Shift_JIS (CP932, what Japanese spreadsheets save by default); CRLF or LF line ends. The file
 * arrives in pieces (the stored chunks of the upload) and is decoded and split into records
 * piece by piece, so a 100,000-row file never exists whole, nor as 100,000 row objects at once.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
/** Bytes decoded at a time. */
const SLICE = 64 * 1024

/** The file's pieces in order, read again for each pass. */
export type FileSource = () => AsyncIterable<Buffer>

/** A file held in memory as a source (tests, small files). */
export const bufferSource = (content: Buffer): FileSource =>
  async function* () {
    yield content
  }

const startsWithBom = (b: Buffer) => b.subarray(0, 3).equals(UTF8_BOM)

/**
 * The encoding the file is read in. `auto`: a BOM or valid UTF-8 is UTF-8, anything else CP932
 * (checked piece by piece: a character split between two pieces is still valid).
 */
export async function encodingOf(
  source: FileSource,
  chosen: FileEncoding,
): Promise<'utf-8' | 'shift_jis'> {
  const strict = new TextDecoder('utf-8', { fatal: true })
  /** The first bytes, until there are enough to see a BOM. */
  let head: Buffer | undefined = Buffer.alloc(0)
  try {
    for await (const piece of source()) {
      if (head) {
        head = Buffer.concat([head, piece])
        if (head.length < UTF8_BOM.length) continue
        if (startsWithBom(head)) return 'utf-8'
        if (chosen !== 'auto') return chosen
        strict.decode(head, { stream: true })
        head = undefined
      } else strict.decode(piece, { stream: true })
    }
    if (head && chosen !== 'auto') return chosen
    strict.decode(head ?? new Uint8Array(0))
  } catch {
    return 'shift_jis'
  }
  return 'utf-8'
}

/** The file's text in pieces (a UTF-8 BOM dropped: `TextDecoder` does it). */
export async function* decodedChunks(
  source: FileSource,
  encoding: 'utf-8' | 'shift_jis',
): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8')
  const decoder =
    encoding === 'utf-8'
      ? { write: (b: Buffer) => utf8.decode(b, { stream: true }), end: () => utf8.decode() }
      : iconv.getDecoder('cp932')
  for await (const piece of source()) {
    for (let at = 0; at < piece.length; at += SLICE) {
      const text = decoder.write(piece.subarray(at, Math.min(at + SLICE, piece.length)))
      if (text) yield text
    }
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
 * Splits CSV text, given in pieces, into records (RFC 4180: quoted cells may hold commas,
 * quotes doubled, line breaks). Blank lines are skipped. `push` returns the records a piece
 * completed, `end` the last one.
 */
export function csvSplitter(): { push(text: string): CsvRecord[]; end(): CsvRecord[] } {
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
  let pending: CsvRecord[] = []
  const endRecord = () => {
    cells.push(cell)
    cell = ''
    if (touched || cells.length > 1 || cells[0] !== '') pending.push({ line: recordLine, cells })
    cells = []
    touched = false
  }
  const take = () => {
    const done = pending
    pending = []
    return done
  }
  return {
    push(text) {
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
      return take()
    },
    end() {
      if (cell !== '' || cells.length || touched) endRecord()
      return take()
    },
  }
}

/** The records of CSV text given in pieces. */
export function* csvRecords(chunks: Iterable<string>): Generator<CsvRecord> {
  const splitter = csvSplitter()
  for (const text of chunks) yield* splitter.push(text)
  yield* splitter.end()
}

/** The records of CSV text given in pieces, as they complete (one array per piece). */
export async function* csvRecordBatches(
  chunks: AsyncIterable<string>,
): AsyncGenerator<CsvRecord[]> {
  const splitter = csvSplitter()
  for await (const text of chunks) {
    const done = splitter.push(text)
    if (done.length) yield done
  }
  const last = splitter.end()
  if (last.length) yield last
}

/** Splits CSV text into records (the whole text at once). */
export function parseCsv(text: string): CsvRecord[] {
  return [...csvRecords([text])]
}

const SPACES = /[\s\u3000]+/g
const MINUS = /[\u2212\u2010\u2011\u2012\u2013\u2014\uFE63\uFF0D]/g
const ASCII = /^[\t\x20-\x7e]*$/
/** Full-width forms and minus signs as ASCII (ASCII cells, nearly all, as they are). */
const ascii = (v: string) => (ASCII.test(v) ? v : v.normalize('NFKC').replace(MINUS, '-'))

/**
 * A cell as the row schema reads it: trimmed (also of full-width spaces); in numeric, date and
 * hexadecimal cells full-width digits, letters, signs and spaces become their ASCII forms (a
 * Japanese spreadsheet produces them), and numbers lose every space. An empty cell is absent.
 */
export function normaliseCell(value: string, type: BulkColumnType): string | undefined {
  let v = value
  if (type === 'integer' || type === 'decimal') {
    v = ascii(v).replace(SPACES, '')
  } else if (type === 'date' || type === 'dateTime' || type === 'hex') {
    v = ascii(v).replace(SPACES, ' ').trim()
  } else {
    v = v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  }
  return v === '' ? undefined : v
}
