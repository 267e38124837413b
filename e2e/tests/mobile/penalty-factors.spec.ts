import type { Page } from '@playwright/test'
import { expect, login, test } from '../../support/fixtures.ts'

/** The `mobile` project runs these at 390 × 844 (playwright.config.ts). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page
    .locator('html')
    .evaluate((html) => html.scrollWidth - html.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('[190] the exit form and the penalty factor list fit at 390 px', async ({ page, data }) => {
  const participant = await data.participant()
  const { contracts } = await data.contracts(participant.code, { contractKw: 10_000 })
  const contract = contracts[0]
  if (!contract) throw new Error('no contract')
  await login(page, participant.admin)
  await page.goto('/penalty-factors/exit')
  await page.getByTestId('exit-contract').click()
  await page.getByRole('option', { name: new RegExp(contract.contractNo) }).click()
  await expect(page.getByTestId('exit-penalty')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: 'test-results/190-exit-390.png', fullPage: true })
  await page.goto('/penalty-factors')
  await expect(page.getByRole('table', { name: 'ペナルティ要素一覧' })).toBeVisible()
  await expectNoSidewaysScroll(page)
})
