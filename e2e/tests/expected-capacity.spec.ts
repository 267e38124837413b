import { fiscalYearOf } from '@yoryo/contracts'
import { expect, expectAccessible, field, login, test } from '../support/fixtures.ts'

/** 070 expected capacity screens whose data are the test's own (the window is not moved). */

test('[070] a returned expected capacity application is corrected and resubmitted', async ({
  page,
  browser,
  data,
}) => {
  test.slow()
  const participant = await data.participant()
  const resource = await data.resource(participant.code, 'dispatchOrder')
  const api = await data.loggedIn(participant.admin)
  // The demo window's delivery year.
  const year = fiscalYearOf(new Date()) + 4
  const filed = await api.post('/api/v1/expected-capacities/registration-applications', {
    data: { proposed: { resourceId: resource.id, deliveryYear: year, note: '初回の申込' } },
  })
  expect(filed.status(), await filed.text()).toBe(201)
  const started = await data.review(await filed.json(), 'startReview')
  await data.review(started.application, 'return', '備考に発動指令の連絡先を書いてください。')

  // The applicant opens the returned application and corrects it in the 070 form.
  await login(page, participant.admin)
  await page.goto(`/applications/${started.application.id}`)
  await expect(page.getByTestId('application-state')).toHaveText('差戻し')
  await page.getByRole('button', { name: '修正して再提出' }).click()
  const form = page.getByTestId('ec-form')
  await expect(form).toBeVisible()
  await expect(field(page, '備考')).toHaveValue('初回の申込')
  await field(page, '備考').fill('発動指令の連絡先: 03-0000-0000')
  await expect(page.getByTestId('ec-expected-kw')).toContainText('kW')
  await page.screenshot({ path: 'test-results/ec-correction-form.png', fullPage: true })
  await page.getByTestId('ec-confirm-button').click()
  const confirm = page.getByTestId('ec-confirm')
  await expect(confirm).toContainText('発動指令の連絡先: 03-0000-0000')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/ec-correction-confirm.png', fullPage: true })
  await confirm.getByRole('button', { name: '修正内容で再提出する' }).click()
  await expect(page.getByTestId('application-state')).toHaveText('申込済')

  // The operator sees what changed since the return.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
  const reviewer = await context.newPage()
  await login(reviewer, await data.operator())
  await reviewer.goto(`/applications/${started.application.id}`)
  const since = reviewer.getByRole('table', { name: '差戻し時からの変更' })
  await expect(since.getByRole('row', { name: /備考/ })).toContainText(
    '発動指令の連絡先: 03-0000-0000',
  )
  await expect(since.getByRole('row', { name: /備考/ })).toContainText('初回の申込')
  await expectAccessible(reviewer)
  await reviewer.screenshot({ path: 'test-results/ec-correction-review.png', fullPage: true })
  await context.close()
})
