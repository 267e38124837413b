import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

test('[824] an effectiveness test of a dispatch-order resource: the achievement rate computed to 3 decimals', async ({
  page,
  data,
}) => {
  const participant = await data.participant()
  const resource = await data.resource(participant.code, 'dispatchOrder')
  await login(page, participant.admin)
  await page.goto('/effectiveness-tests')
  await page.getByTestId('et-register').click()
  await page.getByTestId('et-resource').click()
  await page.getByRole('option', { name: `${resource.code} ${resource.name}` }).click()
  await page.getByTestId('et-date').fill('2026/07/15')
  await page.getByTestId('et-instructed').fill('2000')
  for (const [i, kw] of [2000, 2000, 2000, 2000, 2000, 1800].entries()) {
    await page.getByTestId(`et-slot-${i + 1}`).fill(String(kw))
  }
  await expectAccessible(page)
  await page.getByTestId('et-confirm-button').click()
  await expect(page.getByTestId('et-confirm')).toBeVisible()
  await page.getByTestId('et-submit').click()
  // 11,800 / 12,000 = 0.98333… → 0.983
  await expect(page.getByText(`${resource.code}、達成率 0.983`)).toBeVisible()
  const table = page.getByRole('table', { name: '実効性テスト結果' })
  await expect(table.getByRole('row').filter({ hasText: resource.code })).toContainText('0.983')
  await page.screenshot({ path: 'test-results/ec-824-list.png', fullPage: true })
})
