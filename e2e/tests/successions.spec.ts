import { runMonth, settleMonth } from '../support/assessment.ts'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, login, logout, test } from '../support/fixtures.ts'

/**
 * G50 電源承継 mid-year. A run of the monthly assessment or settlement covers every contract of
 * its month and a month with issued documents is not settled again: this test takes 2025-10 and
 * 2025-11 (a retry 2025-12 and 2026-01), its own participants and a FY2025 contract.
 */

async function confirm(page: Page, name: string) {
  await page.getByRole('dialog').getByRole('button', { name }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

test.describe('succession, merger, exit (G50)', () => {
  test('[G50] a succession mid-year: A hands its resource to B from the second month; B consents, the operator approves; the first month’s payment notice goes to A, the second’s to B', async ({
    page,
    data,
  }, testInfo) => {
    test.setTimeout(300_000)
    const [first, second] = testInfo.retry === 0 ? ['2025-10', '2025-11'] : ['2025-12', '2026-01']
    const a = await data.participant()
    const b = await data.participant()
    const { contracts } = await data.contracts(a.code, {
      state: 'active',
      deliveryYear: 2025,
      kind: 'stable',
      area: 'tokyo',
      contractKw: 10_000,
    })
    const contract = contracts[0]!

    // A files the succession of its resource (with its contract) to B from the second month.
    await login(page, a.admin, '/delivery/login')
    await page.goto('/delivery/successions')
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      '電源承継・事業者統合・市場退出',
    )
    await page.getByTestId('succession-new').click()
    await expect(page).toHaveURL(/\/delivery\/successions\/new$/)
    // An exit would show its §6 penalty before filing (not filed here).
    await page.getByTestId('succession-month').fill(second)
    await page.getByTestId('kind-exit').check()
    await expect(page.getByTestId('exit-penalty')).toContainText(contract.contractNo)
    await expect(page.getByTestId('exit-penalty-total')).toHaveText(/^[1-9][\d,]*$/)
    await page.screenshot({ path: 'test-results/g50-exit-1280.png', fullPage: true })
    await page.getByTestId('kind-succession').check()
    await page.getByTestId(`resource-${contract.resourceCode}`).check()
    await page.getByTestId('succession-to').fill(b.code)
    await page.getByTestId('succession-month').fill(second)
    await page.getByTestId('succession-reason').fill('事業譲渡契約に基づく電源の承継')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/g50-form-1280.png', fullPage: true })
    await page.getByTestId('succession-submit').click()
    await confirm(page, '申し込む')
    await expect(page).toHaveURL(/\/delivery\/successions\/[0-9a-f-]+$/)
    const detailUrl = page.url()
    await expect(page.getByTestId('succession-waiting')).toBeVisible()
    await expect(page.getByTestId('succession-moves')).toContainText(contract.contractNo)
    await expect(page.getByTestId('succession-moves')).toContainText(`${second} – `)
    await logout(page)

    // B's administrator consents.
    await login(page, b.admin, '/delivery/login')
    await page.goto(detailUrl)
    await page.getByTestId('succession-consent').click()
    await confirm(page, '同意する')
    await expect(page.getByTestId('succession-detail')).toContainText('審査中')
    await logout(page)

    // The operator reviews and approves.
    const operator = await data.operator()
    await login(page, operator, '/delivery/login')
    await page.goto(detailUrl)
    await page.getByTestId('succession-start-review').click()
    await confirm(page, '審査を開始')
    await page.getByTestId('succession-approve').click()
    await confirm(page, '承認')
    await expect(page.getByTestId('succession-detail')).toContainText('承認済み')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/g50-detail-1280.png', fullPage: true })
    await page.goto('/delivery/successions')
    const list = page.getByRole('table', { name: '申込の一覧' })
    await expect(list.getByRole('row', { name: new RegExp(a.code) }).first()).toContainText(
      '承認済み',
    )
    await page.screenshot({ path: 'test-results/g50-list-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Succession, merger, exit')
    await page.screenshot({ path: 'test-results/g50-list-en-1280.png', fullPage: true })
    await page.goto(detailUrl)
    await expect(page.getByTestId('succession-detail')).toContainText('Approved')
    await page.screenshot({ path: 'test-results/g50-detail-en-1280.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'test-results/g50-detail-en-390.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('radiogroup').getByText('日本語').click()
    await expect(page.getByTestId('succession-detail')).toContainText('承認済み')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'test-results/g50-detail-390.png', fullPage: true })
    await page.goto('/delivery/successions')
    await expect(list).toBeVisible()
    await page.screenshot({ path: 'test-results/g50-list-390.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    await logout(page)

    // The operator settles both months and issues their documents.
    for (const month of [first, second]) {
      await runMonth(data, month)
      await settleMonth(data, month, { issue: true })
    }

    // F00: the first month's payment notice is A's, the second month's B's.
    for (const [who, own, other] of [
      [a, first, second],
      [b, second, first],
    ] as const) {
      await login(page, who.admin, '/delivery/login')
      await page.goto('/delivery/settlement-documents')
      const table = page.getByRole('table', { name: '支払通知書・請求書の一覧' })
      await expect(table.getByRole('row', { name: new RegExp(own) }).first()).toContainText(
        '支払通知書',
      )
      await expect(table.getByRole('row', { name: new RegExp(other) })).toHaveCount(0)
      await logout(page)
    }
  })
})
