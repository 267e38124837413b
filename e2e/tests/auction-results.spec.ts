import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

test('[120] the operator clears and publishes; the participant sees its results, the chart and the map', async ({
  page,
  browser,
  data,
}) => {
  test.slow()
  const participant = await data.participant()
  const auction = await data.auctionWithBids({
    state: 'biddingClosed',
    participantCode: participant.code,
  })
  const operator = await data.operator()

  await login(page, operator)
  await page.goto(`/auction-results/${auction.id}`)
  await page.getByTestId('run-clearing').click()
  const run = page.getByTestId('run-1')
  await expect(run.getByTestId('run-state')).toHaveText('完了')
  await expect(page.getByTestId('national-price')).toContainText('円/kW')
  await expect(page.getByTestId('bid-results-table')).toContainText(auction.resources[0]!.code)
  await run.getByTestId('publish').click()
  await page.getByRole('dialog').getByRole('button', { name: 'この結果を公表' }).click()
  await expect(page.getByTestId('notice')).toHaveText('約定結果を公表しました。')
  await expect(run).toContainText('公表中')
  await page.screenshot({ path: 'test-results/clr-120-operator.png', fullPage: true })

  const context = await browser.newContext()
  const other = await context.newPage()
  await login(other, participant.admin)
  await other.goto('/auction-results')
  await other.getByRole('link', { name: auction.code }).click()
  await expect(other.getByTestId('national-price')).toContainText('円/kW')
  // The map: nine areas, hokkaido short and split.
  const map = other.getByTestId('area-map')
  await expect(map.locator('[data-area]')).toHaveCount(9)
  await expect(map.locator('[data-area="hokkaido"]')).toHaveAttribute('data-split', 'true')
  // The chart, and the same figures as a table.
  await expect(other.getByTestId('curve-chart').locator('svg[role="application"]')).toBeVisible()
  await other.getByTestId('curve-table').getByText('数値で見る（表）').click()
  await expect(other.getByTestId('curve-table').getByRole('table')).toContainText('需要曲線')
  // Its own result, with the explanation.
  const own = other.getByTestId('bid-results-table')
  await expect(own).toContainText('自社の約定結果')
  await expect(own).toContainText(auction.resources[0]!.code)
  await expect(own).toContainText('全国約定')
  await own.getByTestId('explanation-toggle').first().click()
  await expect(own.getByTestId('explanation')).toBeVisible()
  await expectAccessible(other)
  await other.screenshot({ path: 'test-results/clr-120-participant.png', fullPage: true })
  await context.close()
})

test('[110] the what-if simulator shows the price change of a draft bid', async ({
  page,
  data,
}) => {
  const participant = await data.participant()
  await data.auctionWithBids({ state: 'published' })
  const open = await data.auctionWithBids({ state: 'open', participantCode: participant.code })
  await login(page, participant.admin)
  await page.goto('/bid-simulator')
  const row = page.getByTestId('draft-0')
  const resource = open.resources[0]!
  await expect(row.locator('input').first()).toHaveValue(`${resource.code} ${resource.name}`)
  await row.getByTestId('draft-kw').fill('20000')
  await row.getByTestId('draft-price').fill('0')
  await page.getByTestId('simulate').click()
  const result = page.getByTestId('simulation')
  await expect(result.getByTestId('award-0')).toContainText('全国約定')
  const without = await result.getByTestId('price-without').textContent()
  const withDraft = await result.getByTestId('price-with').textContent()
  expect(withDraft).not.toBe(without)
  await expect(result.getByTestId('price-change')).toContainText('-')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/clr-110-simulator.png', fullPage: true })
})
