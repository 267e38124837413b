import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fieldTable, listTable, renderPdf } from './pdf.ts'

/** The x (pt) where each line containing `word` starts, from pdftotext's bounding boxes. */
function xOf(pdf: Buffer, word: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'yoryo-pdf-'))
  writeFileSync(join(dir, 'd.pdf'), pdf)
  const html = execFileSync('pdftotext', ['-bbox', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' })
  return [...html.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
    .filter((m) => m[2] === word)
    .map((m) => Number(m[1]))
}

describe('pdf tables', () => {
  it('text after a field table or a list table starts at the left margin', async () => {
    const pdf = await renderPdf(
      { title: 'テスト', documentNo: 'T-1', issuedAt: new Date('2026-12-01T00:00:00Z') },
      (doc) => {
        fieldTable(doc, '項目', [['ラベル', '値']])
        doc.text('AFTERFIELD')
        listTable(
          doc,
          '一覧',
          [
            { header: 'A', width: 1 },
            { header: 'B', width: 1 },
          ],
          [['1', '2']],
        )
        doc.text('AFTERLIST')
      },
    )
    // The margin is 56 pt; the value column of the field table starts at 56 + 150 + 6.
    expect(xOf(pdf, 'AFTERFIELD')).toEqual([56])
    expect(xOf(pdf, 'AFTERLIST')).toEqual([56])
  })
})
