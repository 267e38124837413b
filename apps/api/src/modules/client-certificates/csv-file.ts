import iconv from 'iconv-lite'

/**
 * Reading uploaded CSV files (workflow.md, bulk files): UTF-8 with or without BOM, or Shift_JIS
 * (CP932, what Japanese spreadsheets save by default); CRLF or LF line ends.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The file's text. `auto`: a BOM or valid UTF-8 is UTF-8, anything else Shift_JIS. */
export function decodeCsv(content: Buffer, encoding: 'auto' | 'utf-8' | 'shift_jis'): string {
  if (content.subarray(0, 3).equals(UTF8_BOM)) {
    return content.subarray(3).toString('utf8')
  }
  if (encoding === 'shift_jis') return iconv.decode(content, 'cp932')
  if (encoding === 'utf-8') return content.toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    return iconv.decode(content, 'cp932')
  }
}

/** One record of the file with the line it starts on (1 = the first line). */
export interface CsvRecord {
  line: number
  cells: string[]
}

/**
 * Splits CSV text into records (RFC 4180: quoted cells may hold commas, quotes doubled, line
 * breaks). Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let touched = false
  const endCell = () => {
    cells.push(cell)
    cell = ''
  }
  const endRecord = () => {
    endCell()
    if (touched || cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells })
    cells = []
    touched = false
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else {
          quoted = false
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
      endCell()
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      cell += c
    }
  }
  if (cell !== '' || cells.length || touched) endRecord()
  return records
}
