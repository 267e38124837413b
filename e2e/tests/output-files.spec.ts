import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { CsvSample } from '@yoryo/contracts'
import { expect, expectAccessible, login, menu, test } from '../support/fixtures.ts'

/** The header row of a downloaded UTF-8 CSV (BOM dropped; quoted cells unquoted). */
function csvHeader(path: string): string[] {
  const first =
    readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0] ?? ''
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < first.length; i++) {
    const ch = first[i] as string
    if (quoted) {
      if (ch === '"' && first[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else cell += ch
  }
  cells.push(cell)
  return cells
}

const squash = (s: string) => s.replace(/\s+/g, '')

/**
 * A table column is in the CSV when a header is the same label or begins with it (the table's
 * 電源等 / 事業者 are the CSV's 電源等識別番号 … / 事業者コード; spaces ignored); a period shown in
 * one column (…期間) is in the CSV as its start and end, each a column of its own as the record's
 * labels say (停止期間: 停止開始日時, 停止終了日時).
 */
const inCsv = (label: string, header: string[]) => {
  const has = (prefix: string) => header.some((h) => squash(h).startsWith(squash(prefix)))
  if (has(label)) return true
  const period = /^(.*)期間$/.exec(label)
  return !!period && has(`${period[1]}開始`) && has(`${period[1]}終了`)
}

test.describe('output files (K00 帳票サンプル, K20 紐づき一覧, K21 CSV出力サンプル)', () => {
  test('[K00] a general user downloads a document sample: its title, numbered 見本', async ({
    page,
    data,
  }) => {
    test.slow()
    const participant = await data.participant()
    const user = await data.user(participant.code)
    await login(page, user, '/delivery/login')
    await expect(page).toHaveURL(/\/delivery\/?$/)
    await menu(page).getByRole('link', { name: '帳票サンプル' }).click()
    await expect(page).toHaveURL(/\/delivery\/document-samples$/)
    await expect(page.getByRole('heading', { name: '実需給期間の帳票' })).toBeVisible()
    const preDelivery = page.getByRole('table', { name: '実需給前の帳票の帳票サンプル一覧' })
    const row = preDelivery.getByRole('row').filter({ hasText: '容量確保契約書' }).first()
    await expect(row).toContainText('130 容量確保契約管理')
    await expect(row).toContainText('CC')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/k00-ja-1280.png', fullPage: true })
    const download = page.waitForEvent('download')
    await page.getByTestId('document-sample-capacityContract').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('sample-capacityContract.pdf')
    const text = execFileSync('pdftotext', ['-layout', (await file.path()) as string, '-'], {
      encoding: 'utf8',
    })
    expect(text).toContain('容量確保契約書')
    expect(text).toContain('文書番号 見本')
    expect(text).toContain('見本 SAMPLE')

    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByRole('heading', { name: 'Delivery-period documents' })).toBeVisible()
    await expect(page.getByTestId('document-sample-capacityContract')).toHaveText('Sample PDF')
    await page.screenshot({ path: 'test-results/k00-en-1280.png', fullPage: true })
  })

  test('[K20] the map shows which screen produces which file, per system', async ({
    page,
    data,
  }) => {
    test.slow()
    const participant = await data.participant()
    const user = await data.user(participant.code)
    await login(page, user, '/delivery/login')
    await expect(page).toHaveURL(/\/delivery\/?$/)
    await menu(page).getByRole('link', { name: '画面と出力ファイルの紐づき一覧' }).click()
    await expect(page).toHaveURL(/\/delivery\/output-files$/)
    const table = page.getByRole('table', { name: '画面と出力ファイルの紐づき一覧' })
    const notices = table.getByRole('row').filter({ hasText: 'notices' }).first()
    await expect(notices).toContainText('A30')
    await expect(notices).toContainText('おしらせ')
    await expect(notices).toContainText('一覧のCSV出力')
    await expect(notices.getByTestId('output-file-columns')).toContainText('おしらせ番号、公開日時')
    await expect(table.getByRole('row').filter({ hasText: 'bulk-import-' }).first()).toContainText(
      'G00',
    )
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/k20-ja-1280.png', fullPage: true })

    // The pre-delivery system's files: a document of 130 and the 130 contract list.
    await page.getByTestId('output-files-app').getByText('実需給前システム').click()
    const contract = table.getByRole('row').filter({ hasText: '容量確保契約書' }).first()
    await expect(contract).toContainText('130')
    await expect(contract).toContainText('PDF')
    await expect(contract).toContainText('CC{年度}-{連番6桁}.pdf')
    await expect(table.getByRole('row').filter({ hasText: 'A30' })).toHaveCount(0)

    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    const english = page.getByRole('table', { name: 'Screens and output files' })
    await expect(english.getByRole('row').filter({ hasText: 'contracts.csv' })).toContainText(
      'List CSV export',
    )
    await page.screenshot({ path: 'test-results/k20-en-1280.png', fullPage: true })
  })

  test('[K21] every delivery list screen the operator reaches exports what its table shows', async ({
    page,
    data,
  }) => {
    // Opens every delivery list and downloads its CSV: about fifteen screens.
    test.setTimeout(180_000)
    const operator = await data.operator()
    await login(page, operator, '/delivery/login')
    await expect(page).toHaveURL(/\/delivery\/?$/)

    // The K21 screen: a list's header, and its own export as the sample.
    await menu(page).getByRole('link', { name: 'CSV出力サンプル' }).click()
    await expect(page).toHaveURL(/\/delivery\/csv-samples$/)
    const samplesTable = page.getByRole('table', { name: 'CSV出力サンプル一覧' })
    const noticesRow = samplesTable.getByRole('row').filter({ hasText: 'A30' }).first()
    await expect(noticesRow).toContainText('おしらせ番号,公開日時')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/k21-ja-1280.png', fullPage: true })
    const sample = page.waitForEvent('download')
    await page.getByTestId('csv-sample-listNotices-notices-utf-8').click()
    const shown = (await noticesRow.locator('td').nth(3).innerText()).trim()
    expect(csvHeader((await (await sample).path()) as string).join(',')).toBe(shown)

    // Every list screen of the delivery SPA that opens without choosing a record.
    const samples = (await (await page.request.get('/api/v1/csv-samples')).json())
      .items as CsvSample[]
    const screens = [
      ...new Set(
        samples
          .filter((s) => s.app === 'delivery' && s.path && !s.needsQuery)
          .map((s) => s.path as string),
      ),
    ]
    expect(screens.length).toBeGreaterThan(5)
    const gaps: Record<string, string[]> = {}
    for (const path of screens) {
      await page.goto(`/delivery${path}`)
      const exportButton = page.getByRole('button', { name: 'CSV出力' }).first()
      await expect(exportButton).toBeVisible()
      const table = page.getByRole('table').first()
      await expect(table.getByRole('columnheader').first()).toBeVisible()
      const labels = (await table.getByRole('columnheader').allInnerTexts())
        .map((l) => l.trim())
        .filter((l) => l !== '')
      expect(labels.length, path).toBeGreaterThan(2)
      await exportButton.click()
      const download = page.waitForEvent('download')
      await page.getByRole('menuitem', { name: 'UTF-8' }).click()
      const header = csvHeader((await (await download).path()) as string)
      const missing = labels.filter((l) => !inCsv(l, header))
      if (missing.length > 0) gaps[path] = missing
    }
    // Every column a table shows is in its CSV (K21): no screen has a gap.
    expect(gaps).toEqual({})
  })
})
