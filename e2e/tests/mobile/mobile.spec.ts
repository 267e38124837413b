import type { Page } from '@playwright/test'
import { fiscalYearOf } from '@yoryo/contracts'
import { demo, expect, field, login, test } from '../../support/fixtures.ts'

/** The `mobile` project runs these at 390 × 844 (playwright.config.ts). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page
    .locator('html')
    .evaluate((html) => html.scrollWidth - html.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test.describe('both SPAs at 390 px', () => {
  test('[010] the portal fits and the menu is a drawer', async ({ page }) => {
    await login(page, demo.p1User)
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByTestId('portal-login-info')).toBeVisible()
    await expectNoSidewaysScroll(page)
    const menu = page.getByRole('navigation', { name: 'メインメニュー' })
    await expect(menu).not.toBeInViewport()
    await page.getByTestId('menu-burger').click()
    await expect(menu).toBeInViewport()
    await page.screenshot({ path: test.info().outputPath('portal-menu.png') })
    await menu.getByRole('link', { name: 'メッセージ一覧' }).click()
    await expect(page).toHaveURL(/\/messages$/)
    await expect(menu).not.toBeInViewport()
    await expectNoSidewaysScroll(page)
  })

  test('[A20] the delivery portal fits too', async ({ page }) => {
    await login(page, demo.p1Admin, '/delivery/login')
    await expect(page).toHaveURL(/\/delivery\/?$/)
    await expect(page.getByTestId('portal-login-info')).toBeVisible()
    await expectNoSidewaysScroll(page)
    await page.getByTestId('menu-burger').click()
    await expect(
      page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', {
        name: 'ユーザ権限管理',
      }),
    ).toBeVisible()
  })

  test('[020] a list scrolls sideways inside its table, not the page', async ({ page }) => {
    await login(page, demo.p1Admin)
    await page.goto('/users')
    const table = page.getByRole('table').first()
    await expect(table).toBeVisible()
    await expectNoSidewaysScroll(page)
    const container = page.locator('.yoryo-table-container').first()
    const scrolls = await container.evaluate((el) => el.scrollWidth > el.clientWidth)
    expect(scrolls).toBe(true)
    await page.screenshot({ path: test.info().outputPath('users-list.png') })
  })

  test('[700] the application form stacks its labels above the inputs', async ({ page }) => {
    await page.goto('/apply')
    const name = field(page, '事業者名')
    await expect(name).toBeVisible()
    await expectNoSidewaysScroll(page)
    const label = page.locator('label', { hasText: /^事業者名/ }).first()
    const [labelBox, inputBox] = [await label.boundingBox(), await name.boundingBox()]
    expect(labelBox && inputBox && labelBox.y + labelBox.height <= inputBox.y + 1).toBe(true)
    expect(inputBox && inputBox.width).toBeGreaterThan(250)
    await page.screenshot({ path: test.info().outputPath('apply-form.png'), fullPage: true })
  })
  test('[180] the outage plan form and list fit, in English too', async ({ page, data }) => {
    const year = fiscalYearOf(new Date()) + 5
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, { deliveryYear: year })
    const now = Date.now()
    await data.moveWindows(
      'outagePlanSubmission',
      new Date(now - 86_400_000),
      new Date(now + 30 * 86_400_000),
      year,
    )
    await login(page, participant.admin)
    await page.goto(`/outage-plans/new`)
    await page.getByTestId('op-year').fill(String(year))
    await page.getByTestId('op-resource').click()
    await page.getByRole('option', { name: new RegExp(contracts[0]!.resourceCode) }).click()
    await page.getByLabel('停止開始日時（日付）').fill(`${year}/06/01`)
    await page.getByLabel('停止開始日時（時刻）').fill('09:00')
    await page.getByLabel('停止終了日時（日付）').fill(`${year}/06/05`)
    await page.getByLabel('停止終了日時（時刻）').fill('18:00')
    await page.getByTestId('op-kw').fill('5000')
    await page.getByTestId('op-reason').click()
    await page.getByRole('option', { name: '点検' }).click()
    await expect(page.getByTestId('op-plan-days')).toBeVisible()
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: test.info().outputPath('outage-form.png'), fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByTestId('op-plan-days')).toContainText('Equivalent days of this plan')
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: test.info().outputPath('outage-form-en.png'), fullPage: true })
    await page.goto('/outage-plans')
    await expect(page.getByTestId('op-window')).toBeVisible()
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: test.info().outputPath('outage-list-en.png'), fullPage: true })
  })
})
