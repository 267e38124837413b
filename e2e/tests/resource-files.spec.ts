import { chooseFormat, upload } from '../support/bulk.ts'
import { expect, login, test } from '../support/fixtures.ts'

/**
 * The resource bulk files (810–813, 820–823, 822M, 823S) through 220: a file files the
 * applications the 050 screens file, and the operator reviews them as any other.
 */

test.describe('[810] resource files', () => {
  test('[810] a stable resource file registers through 220 and the operator sees the application', async ({
    page,
    browser,
    data,
  }) => {
    test.slow()
    const { admin } = await data.participant()
    const operator = await data.operator()
    const name = `一括安定電源${Date.now() % 1_000_000}`

    // The sample (K10) as it is, with a name of our own.
    await login(page, admin)
    const sample = await (
      await page.request.get('/api/v1/bulk-formats/810/sample?encoding=utf-8')
    ).text()
    expect(sample).toContain('湾岸火力10号機')
    const file = Buffer.from(sample.replace('湾岸火力10号機', name), 'utf8')

    await page.goto('/bulk-imports')
    await chooseFormat(page, '810')
    await upload(page, '安定電源.csv', file)
    const result = page.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
    await expect(result.getByText('I-BULK-003')).toBeVisible()
    await expect(result.getByText('登録しました（1件）。')).toBeVisible()

    const listed = await (
      await page.request.get('/api/v1/applications?sort=-submittedAt&pageSize=1')
    ).json()
    const application = listed.items[0] as { id: string; receiptNo: string }

    // The operator finds the submitted registration application and approves it.
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const reviewer = await context.newPage()
    await login(reviewer, operator)
    await reviewer.goto(`/applications/${application.id}`)
    await expect(reviewer.getByTestId('application-receipt-no')).toHaveText(application.receiptNo)
    await expect(reviewer.getByText(name).first()).toBeVisible()
    await reviewer.getByRole('button', { name: '審査開始' }).click()
    await reviewer.getByRole('button', { name: '承認' }).click()
    const approve = reviewer.getByRole('dialog', { name: '申込の承認' })
    await approve.getByRole('button', { name: '承認する' }).click()
    await expect(reviewer.getByTestId('application-state')).toHaveText('承認済')
    await expect(reviewer.getByTestId('application-issued')).toContainText(/03S\d{7}/)
    await context.close()
  })
})
