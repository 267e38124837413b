import { runMonth, settleMonth } from '../support/assessment.ts'
import { chooseFormat, upload } from '../support/bulk.ts'
import { expect, expectAccessible, login, logout, test } from '../support/fixtures.ts'

/**
 * Payments (F10). The test settles its own month (2025-01; a retry takes 2025-02: no other test
 * runs them) for a participant of its own, issues the documents, and then: the operator records
 * part of the payment notice by hand, imports a bank statement (G96) paying more of it, and both
 * sides see what is paid, what is open and that it is overdue (due 2025-03-31).
 */

const series = (values: Record<number, number>) =>
  Array.from({ length: 48 }, (_, i) => values[i + 1] ?? 0)

/** A statement file in UTF-8 with a BOM (the pipeline reads it as well as Shift_JIS). */
const utf8File = (text: string) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])

test.describe('payments (F10)', () => {
  test('[F10] the operator records a payment by hand and imports a bank statement; both sides see paid, open and overdue', async ({
    page,
    data,
  }, testInfo) => {
    test.slow()
    const month = `2025-${String(1 + testInfo.retry).padStart(2, '0')}`
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2024,
      kind: 'stable',
      area: 'tokyo',
      contractKw: 10_000,
    })
    const contract = contracts[0]!
    await data.deliveryData({
      days: [
        {
          resourceId: contract.resourceId,
          date: `${month}-10`,
          series: {
            instructedKw: series({ 21: 8_000 }),
            deliveredKw: series({ 21: 6_000 }),
          },
        },
      ],
    })
    await runMonth(data, month)
    const { api } = await settleMonth(data, month, { issue: true })
    const items = await api.get(
      `/api/v1/payment-items?participantId=${participant.id}&month=${month}&kind=paymentNotice`,
    )
    const notice = ((await items.json()) as { items: { documentNo: string; total: number }[] })
      .items[0]!
    expect(notice.total).toBeGreaterThan(3_000_000)
    const fmt = (n: number) => n.toLocaleString('en-US')
    const open = notice.total - 3_000_000

    // The operator records 1,000,000 paid on the notice, by hand.
    const operator = await data.operator()
    await login(page, operator, '/delivery/login')
    await page.goto('/delivery/payments')
    await expect(page.getByRole('heading', { name: '入出金結果', exact: true })).toBeVisible()
    await page.getByTestId('payment-new').click()
    await expect(page).toHaveURL(/\/delivery\/payments\/new$/)
    await page.getByTestId('payment-participant').click()
    await page.getByRole('option', { name: new RegExp(participant.code) }).click()
    await page.getByTestId('payment-amount').fill('1000000')
    await page.getByTestId('payment-value-date').fill('2025/03/10')
    await page.getByTestId('payment-reference').fill(`M-${participant.code}-${testInfo.retry}`)
    await page.getByTestId('payment-counterparty').fill('ﾃｽﾄﾃﾞﾝﾘｮｸ')
    await page.getByTestId(`match-${notice.documentNo}`).fill('1000000')
    await expect(page.getByTestId('payment-sum')).toContainText('1,000,000円')
    await page.screenshot({ path: 'test-results/f10-new-1280.png', fullPage: true })
    await page.getByTestId('payment-submit').click()
    await expect(page).toHaveURL(/\/delivery\/payments\/[0-9a-f-]+$/)
    await expect(page.getByTestId('payment-state')).toHaveText('消込済')
    await expect(page.getByTestId('payment-allocations')).toContainText(notice.documentNo)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f10-detail-1280.png', fullPage: true })

    // Then a bank statement (G96) paying 2,000,000 more of it.
    await page.goto('/delivery/bulk-imports')
    await chooseFormat(page, 'G96')
    const statement = [
      '銀行照会番号,入出金日,入出金区分,金額,振込依頼人・受取人名,摘要',
      `B-${participant.code}-${testInfo.retry},2025/03/25,出金,2000000,ﾃｽﾄﾃﾞﾝﾘｮｸ,ﾌﾘｺﾐ ${notice.documentNo}`,
    ].join('\r\n')
    await upload(page, `statement-${participant.code}.csv`, utf8File(`${statement}\r\n`))
    const result = page.getByTestId('bulk-result')
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
    await expect(result.getByText('登録しました（1件）。')).toBeVisible()

    // The open items: 3,000,000 paid, the rest open and overdue.
    await page.goto(`/delivery/payments?participantId=${participant.id}`)
    const itemsTable = page.getByRole('table', { name: '支払通知書・請求書の決済状況' })
    const row = itemsTable.getByRole('row', { name: new RegExp(notice.documentNo) })
    await expect(row).toContainText('3,000,000')
    await expect(row).toContainText(fmt(open))
    await expect(row).toContainText('一部決済')
    await expect(row.getByTestId('overdue-badge')).toHaveText('期限超過')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f10-items-operator-1280.png', fullPage: true })
    await page.getByTestId('tab-payments').click()
    const payments = page.getByRole('table', { name: '入出金', exact: true })
    await expect(
      payments.getByRole('row', { name: new RegExp(`B-${participant.code}`) }),
    ).toContainText('入出金明細')
    await page.screenshot({ path: 'test-results/f10-payments-operator-1280.png', fullPage: true })
    await logout(page)

    // The participant sees its own: the notice partly paid and overdue, its two payments.
    await login(page, participant.admin, '/delivery/login')
    await page.goto('/delivery/payments')
    await expect(itemsTable.getByRole('row')).toHaveCount(2)
    await expect(row).toContainText('一部決済')
    await expect(row).toContainText(fmt(open))
    await expect(row.getByTestId('overdue-badge')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f10-items-1280.png', fullPage: true })
    await page.getByTestId('tab-payments').click()
    await expect(payments.getByRole('row')).toHaveCount(3)
    await page.screenshot({ path: 'test-results/f10-payments-1280.png', fullPage: true })
    // F00 shows the same.
    await page.goto('/delivery/settlement-documents')
    const documentRow = page.getByRole('row', { name: new RegExp(notice.documentNo) })
    await expect(documentRow).toContainText('一部決済')
    await expect(documentRow).toContainText('期限超過')
    await page.screenshot({ path: 'test-results/f10-f00-list-1280.png', fullPage: true })
    await page.getByRole('link', { name: notice.documentNo }).click()
    await expect(page.getByTestId('document-payment')).toContainText('一部決済・期限超過')
    await page.screenshot({ path: 'test-results/f10-f00-detail-1280.png', fullPage: true })

    // In English, and at 390 px.
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.goto('/delivery/payments')
    const rowEn = page
      .getByRole('table', { name: 'Payment state of the notices and invoices' })
      .getByRole('row', { name: new RegExp(notice.documentNo) })
    await expect(rowEn).toContainText('Partly paid')
    await expect(rowEn.getByTestId('overdue-badge')).toHaveText('Overdue')
    await page.screenshot({ path: 'test-results/f10-items-en-1280.png', fullPage: true })
    await page.getByTestId('tab-payments').click()
    await page.getByRole('link', { name: `B-${participant.code}-${testInfo.retry}` }).click()
    await expect(page.getByTestId('payment-state')).toHaveText('Matched')
    await page.screenshot({ path: 'test-results/f10-detail-en-1280.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/delivery/payments')
    await expect(rowEn).toBeVisible()
    await page.screenshot({ path: 'test-results/f10-items-en-390.png', fullPage: true })
  })
})
