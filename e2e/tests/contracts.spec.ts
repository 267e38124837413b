import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

test('[130] the participant confirms a capacity contract and downloads its contract document', async ({
  page,
  data,
}) => {
  test.slow() // list, detail, a confirmation and a download
  const participant = await data.participant()
  const made = await data.contracts(participant.code, {
    state: 'draft',
    contracts: 2,
    contractKw: 12_345,
    areaPrice: 10_001,
  })
  const [first] = made.contracts
  if (!first) throw new Error('no contract')
  await login(page, participant.admin)
  await page.goto('/contracts')
  const rows = page.getByTestId('contract-list').getByRole('row')
  await expect(rows).toHaveCount(3)
  const row = rows.filter({ hasText: first.contractNo })
  await expect(row).toContainText('確認待ち')
  // 10,001 円/kW × 12,345 kW = 123,462,345 円 (no deduction), right-aligned with separators.
  await expect(row).toContainText('123,462,345')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/contracts-130-list.png', fullPage: true })

  await row.getByRole('link', { name: first.contractNo }).click()
  await expect(page.getByTestId('contract-terms')).toContainText(first.resourceCode)
  const monthly = page.getByTestId('contract-monthly')
  await expect(monthly.getByRole('row')).toHaveCount(14)
  await expect(monthly.getByRole('row').nth(1)).toContainText('4月')
  await expect(monthly.getByRole('row').nth(1)).toContainText('10,288,528')
  await expect(monthly.getByRole('row').nth(12)).toContainText('3月')
  await expect(monthly.getByRole('row').nth(12)).toContainText('10,288,537')
  await expect(page.getByTestId('contract-monthly-total')).toHaveText('123,462,345')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/contracts-130-detail.png', fullPage: true })

  await page.getByTestId('contract-confirm').click()
  const dialog = page.getByRole('dialog', { name: '容量確保契約の確認' })
  await expect(dialog).toContainText(first.contractNo)
  await dialog.getByRole('button', { name: '確認' }).click()
  await expect(page.getByTestId('contract-done')).toHaveText(
    '容量確保契約を確認しました。容量確保契約書を発行しました。',
  )
  await expect(page.getByTestId('contract-detail')).toContainText('確認済')
  await expect(page.getByTestId('contract-confirm')).toHaveCount(0)
  const documents = page.getByTestId('contract-documents')
  await expect(documents).toContainText('容量確保契約書')
  const download = page.waitForEvent('download')
  await documents.getByRole('button', { name: 'PDF' }).click()
  expect((await download).suggestedFilename()).toMatch(/^CC\d{4}-\d{6}\.pdf$/)
  await page.screenshot({ path: 'test-results/contracts-130-confirmed.png', fullPage: true })

  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/contracts-130-detail-390.png', fullPage: true })
  await page.goto('/contracts')
  await expect(page.getByTestId('contract-list').getByRole('row')).toHaveCount(3)
  await page.screenshot({ path: 'test-results/contracts-130-list-390.png', fullPage: true })

  // English: the same contract.
  await page.evaluate(() =>
    (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage.setItem('yoryo.language', 'en'),
  )
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/contracts/${first.id}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('contract-detail')).toContainText('Confirmed')
  await expect(page.getByTestId('contract-documents')).toContainText('容量確保契約書')
  await page.screenshot({ path: 'test-results/contracts-130-detail-en.png', fullPage: true })
})

test('[130] a correction request is answered by the operator with a corrected contract kW', async ({
  page,
  browser,
  data,
}) => {
  test.slow() // two users, a request, an answer and a confirmation
  const participant = await data.participant()
  const made = await data.contracts(participant.code, { state: 'draft', contractKw: 10_000 })
  const [contract] = made.contracts
  if (!contract) throw new Error('no contract')
  await login(page, participant.admin)
  await page.goto(`/contracts/${contract.id}`)
  await page.getByTestId('contract-request').click()
  const request = page.getByRole('dialog', { name: '修正依頼' })
  await request.getByRole('button', { name: '送信' }).click()
  await expect(request.getByText('この項目は必須です。')).toBeVisible()
  await request.getByLabel('修正依頼の理由').fill('落札容量は 8,000 kW のはずです。')
  await request.getByRole('button', { name: '送信' }).click()
  await expect(page.getByTestId('contract-done')).toHaveText('修正依頼を送信しました。')
  await expect(page.getByTestId('contract-detail')).toContainText('修正依頼中')

  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const op = await context.newPage()
  await login(op, await data.operator())
  await op.goto(`/contracts?state=correctionRequested&participantCode=${participant.code}`)
  const rows = op.getByTestId('contract-list').getByRole('row')
  await expect(rows).toHaveCount(2)
  await rows.getByRole('link', { name: contract.contractNo }).click()
  await op.getByTestId('contract-answer').click()
  const answer = op.getByRole('dialog', { name: '修正依頼への回答' })
  await expect(answer).toContainText('落札容量は 8,000 kW のはずです。')
  await answer.getByTestId('answer-kw').fill('8000')
  await answer.getByTestId('answer-text').fill('ご指摘のとおり契約容量を修正しました。')
  await expectAccessible(op)
  await op.screenshot({ path: 'test-results/contracts-130-answer.png', fullPage: true })
  await answer.getByRole('button', { name: '送信' }).click()
  await expect(op.getByTestId('contract-done')).toHaveText(
    '修正依頼に回答しました。契約は確認待ちに戻りました。',
  )
  await expect(op.getByTestId('contract-kw')).toContainText('8,000 kW')
  await expect(op.getByTestId('contract-amendments')).toContainText('修正依頼への対応')
  await context.close()

  await page.reload()
  await expect(page.getByTestId('contract-detail')).toContainText('確認待ち')
  await expect(page.getByTestId('contract-terms')).toContainText(
    'ご指摘のとおり契約容量を修正しました。',
  )
  await expect(page.getByTestId('contract-annual')).toContainText('80,000,000')
  await page.getByTestId('contract-confirm').click()
  await page
    .getByRole('dialog', { name: '容量確保契約の確認' })
    .getByRole('button', { name: '確認' })
    .click()
  await expect(page.getByTestId('contract-detail')).toContainText('確認済')
  await page.screenshot({ path: 'test-results/contracts-130-corrected.png', fullPage: true })
})
