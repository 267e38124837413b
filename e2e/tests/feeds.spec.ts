import { downloaded } from '../support/bulk.ts'
import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/** G00 一括登録・変更 and G10 ファイル項目一覧 of the data feeds (TSO and operator). */

const sjis = new TextDecoder('shift_jis')
const encoder = new TextEncoder()

/** Yesterday (JST) as a file writes it. */
function yesterday(): string {
  const jst = new Date(Date.now() + 9 * 3_600_000 - 86_400_000)
  return jst.toISOString().slice(0, 10).replaceAll('-', '/')
}

test.describe('data feeds', () => {
  test('[G00] a TSO logs in, lands on the delivery portal and uploads a metered-generation file of its area: the result and the history show it', async ({
    page,
    data,
  }) => {
    test.slow()
    const owner = await data.participant()
    const resource = await data.resource(owner.code, 'stable')
    // The demo TSO's history holds every test's uploads (and a retry's): this file's own name.
    const fileName = `発電量-${resource.code}.csv`
    // A user of its own of the demo TSO of tokyo (the test resource's area).
    const tso = await data.user('T0001', { role: 'tso' })

    // The pre-delivery login takes a TSO to the delivery-period SPA.
    await login(page, tso)
    await expect(page).toHaveURL(/\/delivery\/?$/)
    await expect(page.getByRole('link', { name: /一括登録・変更/ }).first()).toBeVisible()

    await page.goto('/delivery/bulk-imports')
    await expect(page.getByRole('heading', { name: '一括登録・変更', level: 1 })).toBeVisible()
    const form = page.getByTestId('bulk-upload-form')
    await form.getByRole('combobox', { name: '様式' }).click()
    // Only the delivery-period formats the TSO may import.
    const options = page.getByRole('option')
    await expect(options.first()).toBeVisible()
    for (const text of await options.allTextContents()) expect(text).toMatch(/^G\d\d /)
    await page.getByRole('option', { name: /^G60 / }).click()

    // The sample's header, one row for the test resource (kWh in slots 17–40).
    const sample = await (await page.request.get('/api/v1/bulk-formats/G60/sample')).body()
    const header = sjis.decode(sample.subarray(0, sample.indexOf('\r\n')))
    expect(header.startsWith('電源等識別番号,対象日,コマ01,')).toBe(true)
    const values = Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 40 ? 1200 : 0))
    const row = [resource.code, yesterday(), ...values].join(',')
    const file = Buffer.concat([
      sample.subarray(0, sample.indexOf('\r\n') + 2),
      Buffer.from(encoder.encode(`${row}\r\n`)),
    ])
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: file })
    await page.screenshot({ path: 'test-results/g00-form-1280.png', fullPage: true })
    await form.getByRole('button', { name: 'アップロード' }).click()
    const result = page.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
    await expect(result.getByText('I-BULK-003')).toBeVisible()
    await expect(result.getByText('登録しました（1件）。')).toBeVisible()
    const history = page.getByTestId('bulk-history')
    const mine = history.locator('tbody tr', { hasText: fileName })
    await expect(mine).toHaveCount(1)
    await expect(mine).toContainText('G60 発電量調整受電電力量')
    await expect(mine).toContainText('完了')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/g00-result-1280.png', fullPage: true })

    // The stored day, read back through the feed API.
    const day = await page.request.get(
      `/api/v1/feeds/days/${resource.code}/${yesterday().replaceAll('/', '-')}`,
    )
    expect(day.status()).toBe(200)
    expect((await day.json()).meteredKwh).toEqual(values)

    // The history's row opens the result.
    await mine.getByRole('link').click()
    await expect(page).toHaveURL(/\/delivery\/bulk-imports\/[0-9a-f-]+$/)
    await expect(page.getByRole('cell', { name: fileName })).toBeVisible()
    await expect(page.getByTestId('bulk-result')).toHaveAttribute('data-state', 'succeeded')
    await page.screenshot({ path: 'test-results/g00-detail-1280.png', fullPage: true })

    // In English, the list.
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.goto('/delivery/bulk-imports')
    await expect(page.getByRole('heading', { name: 'Bulk registration', level: 1 })).toBeVisible()
    await expect(history.locator('tbody tr', { hasText: fileName })).toContainText(
      'G60 Metered generation',
    )
    await page.screenshot({ path: 'test-results/g00-list-en-1280.png', fullPage: true })
  })

  test('[G10] the item list shows the feed formats, with the 48 slot columns of G60', async ({
    page,
    data,
  }) => {
    const { admin } = await data.participant()
    await login(page, admin, '/delivery/login')
    await page.goto('/delivery/file-items')
    await expect(page.getByRole('heading', { name: 'ファイル項目一覧', level: 1 })).toBeVisible()
    await page.getByTestId('file-items-format').click()
    for (const code of ['G60', 'G70', 'G80', 'G81', 'G90', 'G95']) {
      await expect(page.getByRole('option', { name: new RegExp(`^${code} `) })).toBeVisible()
    }
    // The pre-delivery formats are listed by 500, not here.
    await expect(page.getByRole('option', { name: /^711 / })).toHaveCount(0)
    await page.getByRole('option', { name: /^G60 / }).click()
    await expect(page.getByTestId('file-items-format')).toHaveValue(/^G60 /)
    const table = page.getByTestId('file-items-table')
    await expect(table.locator('tbody tr')).toHaveCount(50)
    await expect(table.locator('tbody tr[data-row-id="s48"]')).toContainText('コマ48')
    await expect(table.locator('tbody tr[data-row-id="date"]')).toContainText('YYYY/MM/DD')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/g10-feeds-1280.png', fullPage: true })
    const [sample] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'サンプル' }).click(),
    ])
    expect(sjis.decode(await downloaded(sample)).split('\r\n')[0]).toMatch(
      /^電源等識別番号,対象日,コマ01,/,
    )
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByRole('heading', { name: 'File item lists', level: 1 })).toBeVisible()
    await expect(table.locator('tbody tr[data-row-id="s48"]')).toContainText('Slot 48 (kWh)')
    await page.screenshot({ path: 'test-results/g10-feeds-en-1280.png', fullPage: true })
  })
})
