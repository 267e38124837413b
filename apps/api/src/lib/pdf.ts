import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import { jstParts } from '@yoryo/contracts'

const require = createRequire(import.meta.url)
const fontDir = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'))
/** Noto Sans JP (SIL Open Font License), embedded (subset) in every document. */
const FONTS = {
  regular: join(fontDir, '400Regular', 'NotoSansJP_400Regular.ttf'),
  bold: join(fontDir, '700Bold', 'NotoSansJP_700Bold.ttf'),
}

export type Pdf = PDFKit.PDFDocument

export interface DocumentHeader {
  /** 帳票名, e.g. 容量市場システム利用申込書. */
  title: string
  /** 文書番号 (receipt number, contract number, …). */
  documentNo: string
  issuedAt: Date
}

/** `2026年4月1日` (JST). */
const jstDate = (d: Date) => {
  const p = jstParts(d)
  return `${p.year}年${p.month}月${p.day}日`
}

/**
 * Renders an A4 document with the Japanese font embedded, the title, the document number and
 * the issue date; `body` draws the rest. Reproducible from the same data: no creation time in
 * the metadata besides the issue date given.
 */
export function renderPdf(header: DocumentHeader, body: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: header.title, Creator: 'Yoryo 容量市場システム', CreationDate: header.issuedAt },
    bufferPages: true,
  })
  doc.registerFont('jp', FONTS.regular)
  doc.registerFont('jp-bold', FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.font('jp').fontSize(9).fillColor('#333')
  doc.text(`文書番号 ${header.documentNo}`, { align: 'right' })
  doc.text(`発行日 ${jstDate(header.issuedAt)}`, { align: 'right' })
  doc.moveDown(1)
  doc.font('jp-bold').fontSize(16).fillColor('#000').text(header.title, { align: 'center' })
  doc.moveDown(1)
  doc.font('jp').fontSize(10)
  body(doc)
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0
    doc
      .font('jp')
      .fontSize(8)
      .fillColor('#666')
      .text(`${i + 1} / ${range.count}`, 0, doc.page.height - 40, {
        width: doc.page.width,
        align: 'center',
      })
  }
  doc.end()
  return done
}

/** A two-column table of label → value rows, with a section heading. */
export function fieldTable(doc: Pdf, heading: string, rows: [string, string][]): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const labelWidth = 150
  doc.font('jp-bold').fontSize(11).fillColor('#000').text(heading, left)
  doc.moveDown(0.3)
  doc.font('jp').fontSize(10)
  for (const [label, value] of rows) {
    const height =
      Math.max(
        doc.heightOfString(label, { width: labelWidth - 12 }),
        doc.heightOfString(value || '—', { width: width - labelWidth - 12 }),
      ) + 8
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    const y = doc.y
    doc.rect(left, y, labelWidth, height).fillAndStroke('#f1f3f5', '#adb5bd')
    doc.rect(left + labelWidth, y, width - labelWidth, height).stroke('#adb5bd')
    doc.fillColor('#000').text(label, left + 6, y + 4, { width: labelWidth - 12 })
    doc.text(value || '—', left + labelWidth + 6, y + 4, { width: width - labelWidth - 12 })
    doc.y = y + height
  }
  // Text after the table starts at the left margin (the cells leave the cursor in a column).
  doc.x = left
  doc.moveDown(1)
}

/** A table of rows under column headings (repeated on each new page), with a section heading. */
export function listTable(
  doc: Pdf,
  heading: string,
  columns: { header: string; width: number; align?: 'left' | 'right' }[],
  rows: string[][],
): void {
  const left = doc.page.margins.left
  const total = columns.reduce((sum, c) => sum + c.width, 0)
  const width = doc.page.width - left - doc.page.margins.right
  const widths = columns.map((c) => (c.width / total) * width)
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'jp-bold' : 'jp').fontSize(9)
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c || '—', { width: widths[i]! - 8 }))) + 6
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage()
      if (!header)
        drawRow(
          columns.map((c) => c.header),
          true,
        )
    }
    const y = doc.y
    let x = left
    cells.forEach((cell, i) => {
      const w = widths[i]!
      if (header) doc.rect(x, y, w, height).fillAndStroke('#f1f3f5', '#adb5bd')
      else doc.rect(x, y, w, height).stroke('#adb5bd')
      doc.fillColor('#000').text(cell || '—', x + 4, y + 3, {
        width: w - 8,
        align: header ? 'left' : (columns[i]?.align ?? 'left'),
      })
      x += w
    })
    doc.y = y + height
  }
  doc.font('jp-bold').fontSize(11).fillColor('#000').text(heading, left)
  doc.moveDown(0.3)
  drawRow(
    columns.map((c) => c.header),
    true,
  )
  for (const row of rows) drawRow(row, false)
  doc.font('jp').fontSize(10)
  doc.x = left
  doc.moveDown(1)
}
