import { readFileSync } from 'node:fs'
import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/**
 * 190 penalty factors and market exit: a participant applies to exit part of a contract (the
 * penalty shown before filing), the operator approves it, the contract keeps the rest of its kW,
 * the penalty factor and its amount notice (算定額通知書) are there to download; the operator
 * registers a factor itself with the amount the rules engine computes.
 */
test.describe('[190] penalty factors and market exit', () => {
  test.describe.configure({ timeout: 90_000 })

  test('[190] an exit with its notice', async ({ page, data, browser }) => {
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      contractKw: 10_000,
      areaPrice: 14_137,
    })
    const contract = contracts[0]
    if (!contract) throw new Error('no contract')
    await login(page, participant.admin)
    await page.goto('/penalty-factors')
    await page.getByTestId('pen-exit').click()
    await page.getByTestId('exit-contract').click()
    await page.getByRole('option', { name: new RegExp(contract.contractNo) }).click()
    await page.getByTestId('exit-scope').getByText('一部退出').click()
    await page.getByTestId('exit-kw').fill('4000')
    await page.getByTestId('exit-reason').fill('設備の一部廃止のため')
    // 14,137 円/kW/年 × 4,000 kW × 5 % = 2,827,400 円, before the deadline.
    const penalty = page.getByTestId('exit-penalty')
    await expect(penalty.getByTestId('pen-line-grossAmount')).toHaveText('2,827,400')
    await expect(penalty.getByTestId('pen-line-rate')).toHaveText('5 %')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/190-exit-form.png', fullPage: true })
    await page.getByTestId('exit-submit').click()
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
    const applicationUrl = new URL(page.url()).pathname

    // The operator reviews (the same penalty shown) and approves.
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const reviewer = await context.newPage()
    await login(reviewer, await data.operator())
    await reviewer.goto(applicationUrl)
    await expect(reviewer.getByTestId('pen-calculation')).toContainText('2,827,400')
    await reviewer.getByRole('button', { name: '審査開始' }).click()
    await reviewer.getByRole('button', { name: '承認' }).click()
    const approve = reviewer.getByRole('dialog', { name: '申込の承認' })
    await expect(approve).toContainText('容量確保契約が変更され')
    await approve.getByRole('button', { name: '承認する' }).click()
    await expect(reviewer.getByTestId('application-state')).toHaveText('承認済')
    await expect(reviewer.getByTestId('application-issued')).toContainText('2,827,400')
    await context.close()

    // The contract keeps 6,000 kW (reduced), and can still exit the rest.
    await page.goto('/penalty-factors/exit')
    await page.getByTestId('exit-contract').click()
    await expect(
      page.getByRole('option', { name: new RegExp(`${contract.contractNo}.*6,000kW`) }),
    ).toBeVisible()
    await page.keyboard.press('Escape')

    // The penalty factor with its calculation and notice.
    await page.goto('/penalty-factors')
    const table = page.getByRole('table', { name: 'ペナルティ要素一覧' })
    const row = table.getByRole('row').filter({ hasText: contract.resourceCode })
    await expect(row).toContainText('市場退出')
    await expect(row).toContainText('2,827,400')
    await row.getByRole('link').click()
    await expect(page.getByTestId('pen-contract')).toHaveText(contract.contractNo)
    await expect(page.getByTestId('pen-kw')).toHaveText('4,000')
    await expect(page.getByTestId('pen-line-exitedKw')).toHaveText('4,000')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/190-detail.png', fullPage: true })
    const documents = page.getByTestId('pen-documents')
    await expect(documents).toContainText('ペナルティ算定額通知書')
    const download = page.waitForEvent('download')
    await documents.getByRole('button', { name: 'PDF' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^PN\d{4}-\d{6}\.pdf$/)
    expect(
      readFileSync(await file.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    // Phones: the detail stacks, the list scrolls inside its container.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'test-results/190-detail-390.png', fullPage: true })
    await page.goto('/penalty-factors')
    await expect(table).toBeVisible()
    await page.screenshot({ path: 'test-results/190-list-390.png', fullPage: true })
  })

  test('[190] the operator registers a penalty factor', async ({ page, data }) => {
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      contractKw: 8_000,
      areaPrice: 10_000,
    })
    const contract = contracts[0]
    if (!contract) throw new Error('no contract')
    await login(page, await data.operator())
    await page.goto('/penalty-factors')
    await page.getByTestId('pen-register').click()
    // Among all participants' contracts: typing the number searches on the server.
    await page.getByTestId('pen-contract-select').fill(contract.contractNo)
    await page.getByRole('option', { name: new RegExp(contract.contractNo) }).click()
    await expect(page.getByTestId('pen-contract-select')).toHaveValue(
      new RegExp(contract.contractNo),
    )
    await page.getByTestId('pen-type').click()
    await page.getByRole('option', { name: '実効性テスト未達' }).click()
    await page.getByTestId('pen-kw-input').fill('1500')
    await page.getByTestId('pen-basis').fill('実効性テストの達成率不足（不足容量 1,500kW）')
    // 10,000 × 1,500 × 5 % = 750,000
    await expect(page.getByTestId('pen-preview').getByTestId('pen-line-grossAmount')).toHaveText(
      '750,000',
    )
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/190-register.png', fullPage: true })
    await page.getByTestId('pen-submit').click()
    await expect(page).toHaveURL(/\/penalty-factors\/[0-9a-f-]{36}$/)
    await expect(page.getByTestId('pen-amount')).toHaveText('750,000')
    await expect(page.getByTestId('pen-documents')).toContainText('ペナルティ算定額通知書')

    // A change: a new version with the amount computed again.
    await page.getByTestId('pen-change').click()
    await page.getByTestId('pen-kw-input').fill('2000')
    await page.getByTestId('pen-submit').click()
    await expect(page.getByTestId('pen-amount')).toHaveText('1,000,000')
    await expect(page.getByTestId('pen-documents').getByRole('row')).toHaveCount(3)

    // The list (the operator sees it with the participant), the parameters of the year, English.
    await page.goto('/penalty-factors')
    await expect(page.getByRole('table', { name: 'ペナルティ要素一覧' })).toContainText(
      contract.resourceCode,
    )
    await page.getByTestId('pen-parameters').click()
    await expect(page.getByTestId('pp-form')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/190-parameters.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByRole('heading', { name: 'Penalty parameters', level: 1 })).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('table', { name: 'Penalty factors' })).toContainText(
      contract.resourceCode,
    )
    await page.screenshot({ path: 'test-results/190-list-en.png', fullPage: true })
  })
  test('[190] the additional auction not held refunds the year’s exit penalties', async ({
    page,
    data,
  }) => {
    // A delivery year of its own: the refund is per year (the server's database is fresh per run).
    const deliveryYear = 2061
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      deliveryYear,
      contractKw: 5_000,
      areaPrice: 10_000,
    })
    const contract = contracts[0]
    if (!contract) throw new Error('no contract')
    await login(page, await data.operator())
    await page.goto('/penalty-factors/new')
    await page.getByTestId('pen-contract-select').fill(contract.contractNo)
    await page.getByRole('option', { name: new RegExp(contract.contractNo) }).click()
    await page.getByTestId('pen-kw-input').fill('1000')
    await page.getByTestId('pen-basis').fill('市場退出（届出）')
    await expect(page.getByTestId('pen-preview').getByTestId('pen-line-grossAmount')).toHaveText(
      '500,000',
    )
    await page.getByTestId('pen-submit').click()
    await expect(page.getByTestId('pen-amount')).toHaveText('500,000')
    const factorUrl = new URL(page.url()).pathname

    await page.goto(`/penalty-factors/parameters?year=${deliveryYear}`)
    await page.getByTestId('pp-refund').click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: '追加オークション不開催を記録して返還' })
      .click()
    await expect(page.getByTestId('pp-notice')).toHaveText('1件のペナルティ要素を返還しました。')
    await expect(page.getByTestId('pp-not-held')).toBeVisible()

    await page.goto(factorUrl)
    await expect(page.getByTestId('pen-refunded')).toBeVisible()
    await expect(page.getByTestId('pen-net')).toHaveText('0')
    await expect(page.getByTestId('pen-line-refund')).toHaveText('△ 500,000')
    await expect(page.getByTestId('pen-documents')).toContainText('ペナルティ算定額返還通知書')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/190-refunded.png', fullPage: true })
  })
})
