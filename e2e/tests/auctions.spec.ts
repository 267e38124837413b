import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/** A delivery year no other test uses (qualification proposes from every expected capacity of it). */
function freshYear(): number {
  return 2040 + Math.floor(Math.random() * 60)
}

test('[120] the operator sets up an auction from the reference parameters and opens it', async ({
  page,
  data,
}) => {
  test.slow() // several screens, three saves and the transition
  const operator = await data.operator()
  const year = freshYear()
  await login(page, operator)
  await page.goto('/auctions')
  await page.getByTestId('auction-new').click()
  await page.getByTestId('auction-delivery-year').fill(String(year))
  await expectAccessible(page)
  await page.getByTestId('auction-create').click()
  await expect(page.getByTestId('auction-overview')).toContainText(`A${year}M`)
  await expect(page.getByTestId('auction-overview')).toContainText('準備中')

  await page.getByTestId('tab-parameters').click()
  const areas = page.getByTestId('parameters-areas')
  await expect(areas.getByRole('row')).toHaveCount(11)
  await expect(page.getByTestId('parameters-interconnections').getByRole('row')).toHaveCount(21)
  await expect(page.getByTestId('demand-curve-points')).toContainText('15,112.5')
  const cap = page.getByTestId('dispatch-order-cap')
  await cap.fill('6,000,000')
  await page.getByTestId('adder-add').click()
  await page.getByRole('textbox', { name: '内容' }).last().fill('長期脱炭素電源')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/auction-120-parameters.png', fullPage: true })
  await page.getByTestId('parameters-save').click()
  await expect(page.getByTestId('parameters-saved')).toHaveText(
    'パラメータを第2版として保存しました。',
  )

  await page.getByTestId('tab-versions').click()
  await expect(page.getByTestId('parameter-versions').getByRole('row')).toHaveCount(3)

  await page.getByTestId('tab-overview').click()
  await page.getByTestId('auction-open').click()
  const dialog = page.getByRole('dialog', { name: 'オークションの受付を開始しますか？' })
  await expect(dialog).toContainText('パラメータと受付期間は変更できなくなります')
  await dialog.getByRole('button', { name: '受付を開始' }).click()
  await expect(page.getByTestId('auction-done')).toHaveText('状態を「受付中」にしました。')
  await expect(page.getByTestId('auction-overview')).toContainText('受付中')
  await page.screenshot({ path: 'test-results/auction-120-overview.png', fullPage: true })
})

test('[100] the operator confirms qualification and the participant downloads its notice', async ({
  page,
  browser,
  data,
}) => {
  test.slow() // two users, proposals, a decision, the notices and a download
  const participant = await data.participant()
  const big = await data.resource(participant.code, 'stable')
  const small = await data.resource(participant.code, 'variableSingle')
  const auction = await data.auction({ deliveryYear: freshYear() })
  await data.expectedCapacity(big.id, auction.deliveryYear, 250_000)
  await data.expectedCapacity(small.id, auction.deliveryYear, 800)

  const operator = await data.operator()
  await login(page, operator)
  await page.goto('/qualifications')
  await page.getByRole('link', { name: auction.code }).click()
  await page.getByTestId('qualifications-propose').click()
  await expect(page.getByTestId('qualifications-done')).toContainText('提案 1 件、提案対象外 1 件')
  const list = page.getByTestId('qualification-list')
  const bigRow = list.getByRole('row').filter({ hasText: big.code })
  const smallRow = list.getByRole('row').filter({ hasText: small.code })
  await expect(smallRow).toContainText('期待容量が1,000 kW未満のため')
  await expect(smallRow.getByTestId(`qualify-${small.code}`)).toHaveCount(0)
  await page.getByTestId(`qualify-${big.code}`).click()
  await expect(bigRow).toContainText('参加資格あり')
  await expectAccessible(page)
  await page.getByTestId('qualifications-issue').click()
  const dialog = page.getByRole('dialog', { name: '参加資格通知書を発行しますか？' })
  await dialog.getByRole('button', { name: '通知書を発行' }).click()
  await expect(page.getByTestId('qualifications-done')).toHaveText(
    '参加資格通知書を 1 件発行しました。',
  )
  await expect(page.getByTestId('qualification-notices')).toContainText(participant.code)
  await page.screenshot({ path: 'test-results/qualification-100-operator.png', fullPage: true })

  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const own = await context.newPage()
  await login(own, participant.admin)
  await own.goto(`/qualifications/${auction.id}`)
  const rows = own.getByTestId('qualification-list').getByRole('row')
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: big.code })).toContainText('参加資格あり')
  await expect(rows.filter({ hasText: small.code })).toContainText('提案対象外')
  const download = own.waitForEvent('download')
  await own.getByTestId('qualification-notices').getByRole('button', { name: 'PDF' }).click()
  expect((await download).suggestedFilename()).toMatch(/^AQ\d{4}-\d{6}\.pdf$/)
  await own.screenshot({ path: 'test-results/qualification-100-participant.png', fullPage: true })
  await context.close()
})
