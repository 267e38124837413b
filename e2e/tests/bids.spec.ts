import { upload } from '../support/bulk.ts'
import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/** 110 応札情報管理: bids inside the window with signed receipts, refusal after the close, bulk bids. */

test.describe('bids', () => {
  test('[110] a participant bids inside the window and downloads its receipt', async ({
    page,
    data,
  }) => {
    const { admin, code } = await data.participant()
    const auction = await data.biddingAuction(code, { resources: 2, expectedKw: 5000 })
    const [first] = auction.resources
    await login(page, admin)
    await page.goto('/bids')
    await expect(page.getByRole('heading', { name: '応札情報管理', level: 1 })).toBeVisible()
    await page.getByRole('link', { name: auction.code }).click()
    await expect(page.getByTestId('bid-window')).toHaveAttribute('data-state', 'open')
    await expect(page.getByTestId('bid-window').getByText(/^残り/)).toBeVisible()
    const row = page.locator(`tr[data-resource="${first!.code}"]`)
    await expect(row.getByText('未応札')).toBeVisible()
    await row.getByTestId('bid-edit').click()
    const form = page.getByTestId('bid-form')
    await form.getByTestId('bid-kw').fill('6000')
    await form.getByTestId('bid-price').fill('8000')
    await form.getByTestId('bid-submit').click()
    await expect(form.getByText('E-BID-002')).toBeVisible()
    await form.getByTestId('bid-kw').fill('4000')
    await form.getByTestId('bid-submit').click()
    const receipt = page.getByTestId('bid-receipt')
    await expect(receipt).toBeVisible()
    await expect(
      receipt.getByText(`${first!.code} の応札を受け付けました（登録・版 1）。`),
    ).toBeVisible()
    await expect(row.getByText('応札済')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('bids-receipt.png'), fullPage: true })

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByTestId('receipt-json').click(),
    ])
    expect(json.suggestedFilename()).toBe(`bid-receipt-${auction.code}-${first!.code}-v1.json`)
    const body = JSON.parse(
      (await (await json.createReadStream()).toArray()).map(String).join(''),
    ) as { content: { kw: number; price: number }; signature: string; publicKey: string }
    expect(body.content).toMatchObject({ kw: 4000, price: 8000 })
    expect(body.publicKey).toContain('BEGIN PUBLIC KEY')
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByTestId('receipt-pdf').click(),
    ])
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)

    // A change, then the history with both versions
    await row.getByTestId('bid-edit').click()
    await form.getByTestId('bid-price').fill('7500')
    await form.getByTestId('bid-submit').click()
    await expect(receipt.getByText('（変更・版 2）')).toBeVisible()
    await row.getByRole('button', { name: '履歴' }).click()
    await expect(page.getByTestId('bid-history').locator('tbody tr')).toHaveCount(2)
  })

  test('[110] a bid after the close is refused with the window stated', async ({ page, data }) => {
    const { admin, code } = await data.participant()
    const auction = await data.biddingAuction(code, { resources: 1 })
    const [resource] = auction.resources
    await login(page, admin)
    await page.goto(`/bids/${auction.id}`)
    await expect(page.getByTestId('bid-window')).toHaveAttribute('data-state', 'open')
    const row = page.locator(`tr[data-resource="${resource!.code}"]`)
    await row.getByTestId('bid-edit').click()
    const form = page.getByTestId('bid-form')
    await form.getByTestId('bid-kw').fill('2000')
    await form.getByTestId('bid-price').fill('5000')
    // The window closes while the form is open: the server's clock decides.
    const now = Date.now()
    await data.moveBiddingWindow(auction.id, new Date(now - 3_600_000), new Date(now - 1000))
    await form.getByTestId('bid-submit').click()
    await expect(form.getByText('E-BID-008')).toBeVisible()
    await expect(
      form.getByText(new RegExp(`応札受付（${auction.code}）の受付期間外`)),
    ).toBeVisible()
    await expect(form.getByText(/受付期間：\d{4}\/\d\d\/\d\d \d\d:\d\d～/)).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('bids-refused.png'), fullPage: true })
    await form.getByRole('button', { name: 'キャンセル' }).click()
    await page.reload()
    await expect(page.getByTestId('bid-window')).toHaveAttribute('data-state', 'closed')
    await expect(page.getByText(/に締め切りました/)).toBeVisible()
    await expect(row.getByText('未応札')).toBeVisible()
  })

  test('[110] bulk bids from an 870 file', async ({ page, data }) => {
    const { admin, code } = await data.participant()
    const auction = await data.biddingAuction(code, { resources: 2 })
    const [a, b] = auction.resources
    await login(page, admin)
    await page.goto(`/bids/${auction.id}`)
    const panel = page.getByTestId('bid-bulk')
    await expect(panel).toBeVisible()
    await panel.getByText('870', { exact: true }).click()
    const file = Buffer.from(
      [
        'オークションID,電源等識別番号,応札容量(kW),応札価格(円/kW),処理区分',
        `${auction.code},${a!.code},3000,9000,register`,
        `${auction.code},${b!.code},2000,1000,登録`,
        '',
      ].join('\r\n'),
    )
    await upload(page, '応札.csv', file)
    const result = page.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
    await expect(page.locator(`tr[data-resource="${a!.code}"]`).getByText('応札済')).toBeVisible()
    await expect(page.locator(`tr[data-resource="${b!.code}"]`).getByText('2,000')).toBeVisible()
  })
})
