import { expect, expectAccessible, login, test } from '../../support/fixtures.ts'

test.describe.configure({ mode: 'serial' })

const WINDOW = 'expectedCapacityRegistration'
const DAY = 86_400_000

test('[070] expected capacity computed, outside the window refused', async ({ page, data }) => {
  test.slow()
  const participant = await data.participant()
  const inside = await data.resource(participant.code, 'variableSingle')
  const outside = await data.resource(participant.code, 'variableSingle')
  await login(page, participant.admin)

  // Inside the window: the result is computed from the resource and the factor table.
  await page.goto('/expected-capacities/new')
  await expect(page.getByTestId('ec-window')).toHaveAttribute('data-state', 'open')
  await expect(page.getByTestId('ec-window').locator('.yoryo-countdown')).toBeVisible()
  await page.getByTestId('ec-resource').click()
  await page.getByRole('option', { name: `${inside.code} ${inside.name}` }).click()
  const calculation = page.getByTestId('ec-calculation')
  await expect(calculation.getByTestId('ec-factor-table')).toHaveText(/第\d+版/)
  const factor = Number(await calculation.getByTestId('ec-factor').innerText())
  expect(factor).toBeGreaterThan(0)
  // installed 12,000 kW (the factory's solar plant) × the factor, truncated.
  const expected = Math.floor(12_000 * factor + 1e-9)
  await expect(calculation.getByTestId('ec-expected-kw')).toHaveText(
    `${expected.toLocaleString('ja-JP')} kW`,
  )
  // The demo factor for solar in Tokyo keeps a 12,000 kW plant under the 1,000 kW minimum: the
  // screen says why it cannot take part (it may still be registered).
  if (expected < 1000) {
    await expect(calculation.getByTestId('ec-reason')).toContainText('1,000kW')
  } else {
    await expect(calculation.getByTestId('ec-eligible')).toBeVisible()
  }
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/ec-070-form.png', fullPage: true })
  await page.getByTestId('ec-confirm-button').click()
  await expect(page.getByTestId('ec-confirm')).toBeVisible()
  await page.getByTestId('ec-submit').click()
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('ec-calculation')).toBeVisible()

  // Outside the window: the screen says so, and the API refuses stating the window.
  const past = Date.now() - 10 * DAY
  await data.moveWindows(WINDOW, new Date(past - 5 * DAY), new Date(past))
  try {
    await page.goto('/expected-capacities/new')
    await expect(page.getByTestId('ec-window')).toHaveAttribute('data-state', 'closed')
    await page.getByTestId('ec-resource').click()
    await page.getByRole('option', { name: `${outside.code} ${outside.name}` }).click()
    await expect(page.getByTestId('ec-expected-kw')).toContainText('kW')
    await page.getByTestId('ec-confirm-button').click()
    await page.getByTestId('ec-submit').click()
    const refusal = page.getByText(/期待容量登録受付.*の受付期間外です/)
    await expect(refusal).toBeVisible()
    await page.screenshot({ path: 'test-results/ec-070-closed.png', fullPage: true })

    // Before the next window opens, the countdown counts to its opening.
    await data.moveWindows(WINDOW, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 9 * DAY))
    await page.goto('/expected-capacities')
    await expect(page.getByTestId('ec-window')).toHaveAttribute('data-state', 'upcoming')
    await expect(page.getByTestId('ec-window').getByText(/受付開始まで/)).toBeVisible()
  } finally {
    await data.moveWindows(WINDOW, new Date(Date.now() - 10 * DAY), new Date(Date.now() + 5 * DAY))
  }
})

test('[070] the operator revises the factor tables; the earlier version stays readable', async ({
  page,
  data,
}) => {
  test.slow()
  await login(page, await data.operator())
  await page.goto('/factor-tables')
  const list = page.getByRole('table', { name: '係数表の版' })
  await expect(list.getByText(/第\d+版/).first()).toBeVisible()
  const before = await list.getByText(/第\d+版/).count()
  await page.getByTestId('factor-new').click()
  await expect(page.getByTestId('factor-adjustment')).toBeVisible()
  await page.getByTestId('factor-adjustmentFactors.0').fill('0.1234')
  await page.getByTestId('factor-note').fill('e2e: 係数の改定')
  await page.screenshot({ path: 'test-results/ec-070-factor-form.png' })
  await page.getByRole('button', { name: '確認' }).click()
  await expect(page.getByTestId('factor-confirm')).toContainText('1件の係数を変更')
  await page.getByTestId('factor-submit').click()
  await expect(page).toHaveURL(/\/factor-tables\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('factor-table')).toContainText('最新')
  await expect(page.getByTestId('factor-adjustment').locator('tbody tr').first()).toContainText(
    '0.1234',
  )
  await expectAccessible(page)
  await page.goto('/factor-tables')
  await expect(list.getByText(/第\d+版/)).toHaveCount(before + 1)
  await expect(list.locator('tbody tr').nth(1)).toContainText('改定済')
})
