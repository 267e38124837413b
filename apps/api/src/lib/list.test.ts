import { describe, expect, it } from 'vitest'
import { csv, csvCell, likeText, toCsv } from './list.ts'

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+2')).toBe("'=1+2")
    expect(csvCell('+81')).toBe("'+81")
    expect(csvCell('-3')).toBe("'-3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe('"\'\rx"')
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('quotes quotes, commas and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('a\nb')).toBe('"a\nb"')
    expect(csvCell('=a,b')).toBe('"\'=a,b"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(12)).toBe('12')
  })
})

describe('likeText', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(likeText('a_b%c\\d')).toBe('a\\_b\\%c\\\\d')
    expect(likeText('普通の文字')).toBe('普通の文字')
  })
})

describe('csv columns', () => {
  it('write times in JST, dates, and enumerations by label in the language asked', () => {
    type Row = { at: string; day: string; role: 'a' | 'b' }
    const labels = { a: { ja: 'エー', en: 'A' }, b: { ja: 'ビー', en: 'B' } }
    const columns = [
      csv.dateTime<Row>({ ja: '日時', en: 'Time' }, (r) => r.at),
      csv.date<Row>('日付', (r) => r.day),
      csv.enumeration<Row, Row['role']>({ ja: '区分', en: 'Kind' }, (r) => r.role, labels),
    ]
    const rows: Row[] = [{ at: '2026-03-31T15:00:00.000Z', day: '2026-04-01', role: 'b' }]
    expect(toCsv(columns, rows)).toBe('日時,日付,区分\r\n2026/04/01 00:00,2026/04/01,ビー\r\n')
    expect(toCsv(columns, rows, 'en')).toBe('Time,日付,Kind\r\n2026/04/01 00:00,2026/04/01,B\r\n')
  })
})
