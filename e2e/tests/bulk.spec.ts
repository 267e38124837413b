import type { Page } from '@playwright/test'
import { chooseFormat, downloaded, upload } from '../support/bulk.ts'
import { demo, expect, expectAccessible, login, test } from '../support/fixtures.ts'

/** 220 一括登録, 500 ファイル項目一覧, K10 一括登録様式サンプル: the one bulk-file pipeline. */

const HEADER = 'ユーザID,シリアル番号,SHA-256フィンガープリント,有効期間開始,有効期間終了'
const sjis = new TextDecoder('shift_jis')

const hex64 = () =>
  Array.from({ length: 32 }, () =>
    Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0'),
  )
    .join('')
    .toUpperCase()

/** The certificate file (711) in Shift_JIS with CRLF: the header as the sample has it. */
async function certificateFile(page: Page, rows: string[]): Promise<Buffer> {
  const sample = await (await page.request.get('/api/v1/bulk-formats/711/sample')).body()
  const header = sample.subarray(0, sample.indexOf('\r\n'))
  expect(sjis.decode(header)).toBe(HEADER)
  return Buffer.concat([header, Buffer.from('\r\n' + rows.join('\r\n') + '\r\n', 'ascii')])
}

test.describe('bulk files', () => {
  test('[220] a Shift_JIS file with one bad row fails with its error file, then the fixed file applies with a progress bar', async ({
    page,
    data,
  }) => {
    test.slow()
    const { admin } = await data.participant()
    await login(page, admin)
    await page.goto('/bulk-imports')
    await expect(page.getByRole('heading', { name: '一括登録', level: 1 })).toBeVisible()
    await chooseFormat(page, '711')
    // 2,000 rows; line 1,001 names a user who does not exist.
    const rows = Array.from(
      { length: 2000 },
      (_, i) =>
        `${i === 999 ? 'nobody' : admin.userId},${(i + 1).toString(16)},${hex64()},2026/04/01,2099/03/31`,
    )
    await upload(page, '証明書情報.csv', await certificateFile(page, rows))
    const result = page.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'failed', { timeout: 60_000 })
    await expect(result.getByText('E-BULK-001')).toBeVisible()
    const [errorFile] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('button', { name: 'エラーファイル' }).click(),
    ])
    const lines = sjis
      .decode(await downloaded(errorFile))
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('行番号,項目名,値,メッセージID,メッセージ')
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^1001,ユーザID,nobody,E-CERT-007,/)])

    // The fixed file: checked, then registered, with its progress.
    await page.getByRole('button', { name: '別のファイルをアップロード' }).click()
    await chooseFormat(page, '711')
    rows[999] = `${admin.userId},fff,${hex64()},2026/04/01,2099/03/31`
    await upload(page, '証明書情報（修正）.csv', await certificateFile(page, rows))
    await expect(page.getByTestId('bulk-progress')).toBeVisible()
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 120_000 })
    await expect(result.getByText('I-BULK-003')).toBeVisible()
    await expect(result.getByText('登録しました（2000件）。')).toBeVisible()
    // The history lists both uploads.
    const history = page.getByTestId('bulk-history')
    await expect(history.locator('tbody tr')).toHaveCount(2)
    await expect(history.getByText('完了')).toBeVisible()
    await expect(history.getByText('エラー', { exact: true }).last()).toBeVisible()
    await expectAccessible(page)
  })

  test('[500] the item list of a format shows its columns, types and rules', async ({ page }) => {
    await login(page, demo.p1User)
    await page.goto('/file-items?format=711')
    await expect(page.getByRole('heading', { name: 'ファイル項目一覧', level: 1 })).toBeVisible()
    const table = page.getByTestId('file-items-table')
    await expect(table.locator('tbody tr')).toHaveCount(5)
    const row = (key: string) => table.locator(`tbody tr[data-row-id="${key}"]`)
    await expect(row('fingerprint')).toContainText('16進数64桁')
    await expect(row('validFrom')).toContainText('日時')
    await expect(row('userId')).toContainText('必須')
    await expectAccessible(page)
  })

  test('[K10] a sample downloads in Shift_JIS and imports without error as it is', async ({
    page,
  }) => {
    await login(page, demo.p1Admin)
    await page.goto('/delivery/bulk-samples')
    await expect(
      page.getByRole('heading', { name: '一括登録様式サンプル', level: 1 }),
    ).toBeVisible()
    const [sample] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sample-711-shift_jis').click(),
    ])
    const content = await downloaded(sample)
    const text = sjis.decode(content)
    expect(text.split('\r\n')[0]).toBe(HEADER)
    expect(text.split('\r\n')[1]).toMatch(/^user01,/)
    await expectAccessible(page)
    // Checked as it is (mode "check only": the demo data stays as it is).
    await page.goto('/bulk-imports')
    await chooseFormat(page, '711')
    await page.getByTestId('bulk-upload-form').getByText('チェックのみ', { exact: true }).click()
    await upload(page, 'sample-711.csv', content)
    const result = page.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
    await expect(result.getByText('I-BULK-002')).toBeVisible()
  })
})
