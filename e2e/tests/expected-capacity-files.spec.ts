import { chooseFormat, upload } from '../support/bulk.ts'
import { expect, login, test } from '../support/fixtures.ts'

/**
 * The expected capacity files (830 / 840 / 841) through 220: a file files the applications the
 * 070 screen files (computed, inside the window), and the operator reviews them as any other.
 */

test('[220] an 830 file registers expected capacities for review', async ({
  page,
  browser,
  data,
}) => {
  test.slow()
  const participant = await data.participant()
  const single = await data.resource(participant.code, 'variableSingle')
  const dispatch = await data.resource(participant.code, 'dispatchOrder')
  const operator = await data.operator()
  await login(page, participant.admin)

  // The sample (K10) with the participant's own resource codes.
  const sample = await (
    await page.request.get('/api/v1/bulk-formats/830/sample?encoding=utf-8')
  ).text()
  const [header, example] = sample.replace(/^\uFEFF/, '').split(/\r\n/)
  expect(header).toBe(
    '電源等識別番号,対象実需給年度,設備容量(kW),所内率(%),継続運転可能時間(h),提供可能容量(kW),根拠資料ID,備考',
  )
  const year = (example as string).split(',')[1] as string
  const file = Buffer.from(
    [header, `${single.code},${year},,,,,,一括1`, `${dispatch.code},${year},,,,,,一括2`, ''].join(
      '\r\n',
    ),
    'utf8',
  )

  await page.goto('/bulk-imports')
  await chooseFormat(page, '830')
  await upload(page, '期待容量.csv', file)
  const result = page.getByTestId('bulk-result')
  await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
  await expect(result.getByText('登録しました（2件）。')).toBeVisible()
  await page.screenshot({ path: 'test-results/ec-830-result.png', fullPage: true })

  const listed = await (
    await page.request.get(
      '/api/v1/applications?entityType=expectedCapacity&sort=-submittedAt&pageSize=2',
    )
  ).json()
  const filed = listed.items as { id: string; receiptNo: string; state: string; kind: string }[]
  expect(filed.map((a) => [a.kind, a.state])).toEqual([
    ['register', 'submitted'],
    ['register', 'submitted'],
  ])

  // The operator sees each as a registration with how the expected capacity was computed.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
  const reviewer = await context.newPage()
  await login(reviewer, operator)
  await reviewer.goto(`/applications/${filed[0]!.id}`)
  await expect(reviewer.getByTestId('application-receipt-no')).toHaveText(filed[0]!.receiptNo)
  await expect(reviewer.getByTestId('ec-calculation')).toBeVisible()
  await expect(reviewer.getByTestId('ec-expected-kw')).toContainText('kW')
  await context.close()
})
