import { runMonth, settleMonth } from '../support/assessment.ts'
import {
  expect,
  expectAccessible,
  login,
  logout,
  test,
  type TestData,
} from '../support/fixtures.ts'

/**
 * The monthly settlement (E10, F00). A settlement covers every contract of its month, and once
 * the month's documents are issued it is not settled again: each test takes its own month of
 * FY2024 (no other test's year; the fixture's contracts start at FY2020), shifted by the retry so a retried test finds a fresh month, and
 * its own participant, contracts and data.
 */

const series = (values: Record<number, number>) =>
  Array.from({ length: 48 }, (_, i) => values[i + 1] ?? 0)

/** A participant with a contract of 10,000 kW in FY2024, supply-instruction shortfalls in `month` and the month assessed. */
async function assessedMonth(data: TestData, month: string) {
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
          instructedKw: series({ 21: 8_000, 22: 8_000 }),
          deliveredKw: series({ 21: 5_000, 22: 5_000 }),
        },
      },
    ],
  })
  await runMonth(data, month)
  return { participant, contract }
}

const monthOf = (first: number, retry: number) => `2024-${String(first + retry).padStart(2, '0')}`

test.describe('settlement (E10 F00)', () => {
  test('[E10] the operator settles a month; the participant sees its contract month with the penalty share and the link to the penalty lines', async ({
    page,
    data,
  }, testInfo) => {
    test.slow()
    const month = monthOf(4, testInfo.retry)
    const { participant, contract } = await assessedMonth(data, month)

    await login(page, await data.operator(), '/delivery/login')
    await page.goto(`/delivery/contract-amounts?month=${month}`)
    await expect(
      page.getByRole('heading', { name: '容量確保契約金額算定結果', exact: true }),
    ).toBeVisible()
    await page.getByTestId('settlement-start').click()
    await page.getByRole('dialog').getByRole('button', { name: '精算を実行' }).click()
    await expect(page.getByTestId('settlement-run-info')).toHaveAttribute(
      'data-state',
      'succeeded',
      { timeout: 60_000 },
    )
    const table = page.getByRole('table', { name: '容量確保契約金額の一覧' })
    await expect(table.getByRole('row', { name: new RegExp(contract.contractNo) })).toContainText(
      participant.code,
    )
    await page.screenshot({ path: 'test-results/e10-operator-1280.png', fullPage: true })
    await logout(page)

    await login(page, participant.admin, '/delivery/login')
    await page.goto(`/delivery/contract-amounts?month=${month}`)
    await expect(page.getByTestId('settlement-version')).toHaveValue('第1版（最新）')
    await expect(table.getByRole('row')).toHaveCount(2)
    // 10,000 kW × 10,000 yen/kW-year: 8,333,333 a month.
    await expect(table).toContainText('8,333,333')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/e10-list-1280.png', fullPage: true })
    await table.getByRole('link', { name: contract.contractNo }).click()
    await expect(page).toHaveURL(/\/delivery\/contract-amounts\/[0-9a-f-]+$/)
    await expect(page.getByTestId('contract-amount-penalty')).not.toHaveText('0円')
    const link = page.getByTestId('penalty-target-link')
    await expect(link).toHaveAttribute('href', /\/delivery\/penalty-targets\/[0-9a-f-]+$/)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/e10-detail-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByText('Penalty share')).toBeVisible()
    await page.screenshot({ path: 'test-results/e10-detail-en-1280.png', fullPage: true })
  })

  test('[F00] the participant downloads its payment notice and drills from a line to its contract month and the penalty page', async ({
    page,
    data,
  }, testInfo) => {
    test.slow()
    const month = monthOf(9, testInfo.retry)
    const { participant, contract } = await assessedMonth(data, month)
    await settleMonth(data, month, { issue: true })

    await login(page, participant.admin, '/delivery/login')
    await page.goto('/delivery/settlement-documents')
    await expect(page.getByRole('heading', { name: '支払通知・請求', exact: true })).toBeVisible()
    const table = page.getByRole('table', { name: '支払通知書・請求書の一覧' })
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table).toContainText('支払通知書')
    await expect(table).toContainText(month)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f00-list-1280.png', fullPage: true })
    const link = table.getByRole('link', { name: /^PAY/ })
    const documentNo = await link.innerText()
    await link.click()
    await expect(page).toHaveURL(/\/delivery\/settlement-documents\/[0-9a-f-]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(documentNo)
    const download = page.waitForEvent('download')
    await page.getByTestId('document-pdf').click()
    expect((await download).suggestedFilename()).toBe(`${documentNo}.pdf`)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f00-detail-1280.png', fullPage: true })

    // Drill: document line → contract month (E10) → penalty lines (D00).
    await page
      .getByTestId('document-lines')
      .getByRole('link', { name: contract.contractNo })
      .click()
    await expect(page).toHaveURL(/\/delivery\/contract-amounts\/[0-9a-f-]+$/)
    await expect(page.getByTestId('contract-amount-net')).toBeVisible()
    await page.getByTestId('penalty-target-link').click()
    await expect(page).toHaveURL(/\/delivery\/penalty-targets\/[0-9a-f-]+$/)
  })
})
