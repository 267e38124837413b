import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/** 140 差替掲示板 and 160 電源等差替. */

test('[140] post and withdraw', async ({ page, browser, data }) => {
  test.slow()
  const participant = await data.participant()
  const other = await data.participant()
  await login(page, participant.admin)
  await page.goto('/replacement-board')
  await expect(page.getByRole('heading', { name: '差替掲示板情報管理', level: 1 })).toBeVisible()
  await page.getByTestId('posting-new').click()
  const form = page.getByTestId('posting-form')
  await form.getByTestId('posting-postingType').click()
  await page.getByRole('option', { name: '募集' }).click()
  await form.getByTestId('posting-area').click()
  await page.getByRole('option', { name: '東京' }).click()
  await form.getByTestId('posting-kw').fill('0')
  const contact = `${participant.code.toLowerCase()}@replace.example.jp`
  await form.getByTestId('posting-contact').fill(contact)
  await form.getByTestId('posting-submit').click()
  await expect(form.getByText('E-RPL-003')).toBeVisible()
  await form.getByTestId('posting-kw').fill('3000')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('board-dialog.png'), fullPage: true })
  await form.getByTestId('posting-submit').click()
  await expect(page.getByTestId('board-notice')).toHaveText('掲載しました。')
  const row = page.getByTestId('board-table').getByRole('row', { name: new RegExp(contact) })
  await expect(row).toContainText('募集')
  await expect(row).toContainText('3,000')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('board-list.png'), fullPage: true })

  // Another participant reads it, but has no change or withdraw buttons on it.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
  const reader = await context.newPage()
  await login(reader, other.admin)
  await reader.goto('/replacement-board')
  const seen = reader.getByTestId('board-table').getByRole('row', { name: new RegExp(contact) })
  await expect(seen).toBeVisible()
  await expect(seen.getByTestId('posting-withdraw')).toHaveCount(0)
  await context.close()

  // The owner withdraws it after confirming: it leaves the board, and shows with the closed ones.
  await row.getByTestId('posting-withdraw').click()
  const confirm = page.getByRole('dialog', { name: '掲載の取下げ' })
  await confirm.getByRole('button', { name: '取下げ' }).click()
  await expect(page.getByTestId('board-notice')).toHaveText('掲載を取り下げました。')
  await expect(row).toHaveCount(0)
  await page.getByRole('checkbox', { name: '期限切れ・取下げも表示' }).check()
  await page.getByTestId('board-filters').getByRole('button', { name: '検索' }).click()
  await expect(row).toContainText('取下げ')
})

test('[160] a replacement between two participants approved, with the change contract', async ({
  page,
  browser,
  data,
}) => {
  test.slow()
  const giver = await data.participant()
  const taker = await data.participant()
  const given = await data.contracts(giver.code, { contractKw: 10_000, area: 'tokyo' })
  const taken = await data.contracts(taker.code, {
    contractKw: 2_000,
    expectedKw: 10_000,
    area: 'tokyo',
    deliveryYear: given.deliveryYear,
  })
  const contract = given.contracts[0]!
  const replacing = taken.contracts[0]!

  // The contract holder files: the replacing resource's free capacity is shown per month.
  await login(page, giver.admin)
  await page.goto('/replacements')
  await page.getByTestId('replacement-new').click()
  await page.getByTestId('replacement-contractId').click()
  await page.getByRole('option', { name: new RegExp(contract.contractNo) }).click()
  await page.getByTestId('replacement-replacingResourceCode').fill(replacing.resourceCode)
  await page.getByTestId('replacement-kw').fill('3000')
  await page.getByTestId('replacement-reason').fill('定期点検のため')
  const free = page.getByTestId('replacement-free')
  await expect(free.getByRole('row')).toHaveCount(13)
  await expect(free.getByRole('row').nth(1)).toContainText('8,000')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('replacement-form.png'), fullPage: true })
  await page.getByTestId('replacement-submit').click()
  await expect(page).toHaveURL(/\/replacements\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('replacement-state')).toHaveText('相手方同意待ち')
  const url = page.url()

  // The replacing participant consents.
  const context = await browser.newContext({ baseURL: new URL(url).origin })
  const counterparty = await context.newPage()
  await login(counterparty, taker.admin)
  await counterparty.goto(new URL(url).pathname)
  await counterparty.getByTestId('replacement-consent').click()
  await counterparty
    .getByRole('dialog', { name: '同意する' })
    .getByRole('button', { name: '同意する' })
    .click()
  await expect(counterparty.getByTestId('replacement-state')).toHaveText('審査中')
  await context.close()

  // The operator reviews it through the application detail and approves.
  await page.reload()
  await expect(page.getByTestId('replacement-state')).toHaveText('審査中')
  const applicationHref = await page.getByTestId('replacement-application').getAttribute('href')
  const reviewContext = await browser.newContext({ baseURL: new URL(url).origin })
  const reviewer = await reviewContext.newPage()
  await login(reviewer, await data.operator())
  await reviewer.goto(applicationHref!)
  await expect(reviewer.getByRole('row', { name: /^差替先電源等 / })).toContainText(
    replacing.resourceCode,
  )
  // The reviewer sees the replacing resource's free capacity per month (3,000 kW fit in 8,000).
  await expect(reviewer.getByTestId('replacement-free').getByRole('row').nth(1)).toContainText(
    '8,000',
  )
  await reviewer.getByRole('button', { name: '審査開始' }).click()
  await reviewer.getByRole('button', { name: '承認' }).click()
  const confirm = reviewer.getByRole('dialog', { name: '申込の承認' })
  await expect(confirm).toContainText('変更契約')
  await confirm.getByRole('button', { name: '承認する' }).click()
  await expect(reviewer.getByTestId('application-issued')).toContainText(
    `契約 ${contract.contractNo} の変更（第1回）`,
  )
  await expectAccessible(reviewer)
  await reviewer.screenshot({
    path: test.info().outputPath('replacement-review.png'),
    fullPage: true,
  })
  await reviewContext.close()

  // Approved: the allocation by month, 7,000 kW stay, 3,000 kW on the replacing resource.
  await page.reload()
  await expect(page.getByTestId('replacement-state')).toHaveText('承認済')
  const allocation = page.getByTestId('replacement-allocation')
  await expect(allocation.getByRole('row')).toHaveCount(13)
  await expect(allocation.getByRole('row').nth(1)).toContainText('7,000')
  await expect(allocation.getByRole('row').nth(1)).toContainText('3,000')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('replacement-detail.png'), fullPage: true })
})

test('[160] a returned replacement is corrected in its reason and resubmitted', async ({
  page,
  data,
}) => {
  const holder = await data.participant()
  const own = await data.contracts(holder.code, {
    contracts: 2,
    contractKw: 4_000,
    expectedKw: 8_000,
  })
  const [contract, replacing] = own.contracts
  const api = await data.loggedIn(holder.admin)
  const filed = await api.post('/api/v1/replacements', {
    data: {
      contractId: contract!.id,
      replacingResourceCode: replacing!.resourceCode,
      kw: 1_000,
      fromMonth: `${own.deliveryYear}-07`,
      toMonth: `${own.deliveryYear}-09`,
      reason: '点検',
    },
  })
  expect(filed.status(), await filed.text()).toBe(201)
  const replacement = (await filed.json()) as { id: string; applicationId: string; state: string }
  // The replacing resource is the holder's own: no consent, under review at once.
  expect(replacement.state).toBe('applied')
  const application = (await (
    await api.get(`/api/v1/applications/${replacement.applicationId}`)
  ).json()) as {
    id: string
    version: number
  }
  const started = await data.review(application, 'startReview')
  await data.review(started.application, 'return', '理由を具体的に書いてください。')

  await login(page, holder.admin)
  await page.goto(`/applications/${replacement.applicationId}`)
  await expect(page.getByTestId('application-state')).toHaveText('差戻し')
  await page.getByRole('button', { name: '修正して再提出' }).click()
  const correction = page.getByTestId('application-correction')
  await expect(correction).toContainText('相手方が同意した内容')
  await correction.getByRole('textbox', { name: '差替理由' }).fill('7〜9月の発電機分解点検のため')
  await expectAccessible(page)
  await correction.getByRole('button', { name: '修正内容で再提出する' }).click()
  await expect(page.getByTestId('application-state')).toHaveText('申込済')
  // The reviewer sees what changed since the return: the reason only.
  const since = page.getByRole('table', { name: '差戻し時からの変更' })
  await expect(since.getByRole('row', { name: /差替理由/ })).toContainText('点検')
  await expect(since.getByRole('row', { name: /差替理由/ })).toContainText(
    '7〜9月の発電機分解点検のため',
  )
})
