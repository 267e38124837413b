import { expect, expectAccessible, login, test } from '../../support/fixtures.ts'

test.describe.configure({ mode: 'serial' })

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
  // A row added (a year after those in force) and one removed (the last dispatch-order factor).
  const adding = page.getByTestId('factor-add-adjustment')
  await adding.getByRole('combobox', { name: 'エリア' }).click()
  await page.getByRole('option', { name: '東京' }).click()
  await adding.getByRole('combobox', { name: '発電方式' }).click()
  await page.getByRole('option', { name: '太陽光' }).click()
  await adding.getByLabel('実需給年度').fill('2099')
  await adding.getByLabel('係数').fill('0.0777')
  await adding.getByRole('button', { name: '行を追加' }).click()
  const adjustment = page.getByTestId('factor-adjustment')
  await expect(adjustment.locator('tbody tr').last()).toContainText('2099年度')
  const dispatchRows = page.getByTestId('factor-dispatch-order').locator('tbody tr')
  const dispatchCount = await dispatchRows.count()
  await dispatchRows.last().getByRole('button').click()
  await expect(dispatchRows).toHaveCount(dispatchCount - 1)
  await page.getByTestId('factor-note').fill('e2e: 係数の改定')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/ec-070-factor-form.png', fullPage: true })
  await page.getByRole('button', { name: '確認' }).click()
  await expect(page.getByTestId('factor-confirm')).toContainText('3件の係数を変更')
  await page.getByTestId('factor-submit').click()
  await expect(page).toHaveURL(/\/factor-tables\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('factor-table')).toContainText('最新')
  await expect(page.getByTestId('factor-adjustment').locator('tbody tr').first()).toContainText(
    '0.1234',
  )
  await expect(page.getByTestId('factor-adjustment')).toContainText('2099年度')
  await expect(page.getByTestId('factor-dispatch-order').locator('tbody tr')).toHaveCount(
    dispatchCount - 1,
  )
  await expectAccessible(page)
  await page.goto('/factor-tables')
  await expect(list.getByText(/第\d+版/)).toHaveCount(before + 1)
  await expect(list.locator('tbody tr').nth(1)).toContainText('改定済')
})
