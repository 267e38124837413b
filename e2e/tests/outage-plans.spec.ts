import type { Page } from '@playwright/test'
import { fiscalYearOf } from '@yoryo/contracts'
import { chooseFormat, upload } from '../support/bulk.ts'
import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/**
 * 180 outage plans. Each test's contracts are its own; the submission window is per delivery
 * year, so a test moves only the window of its own year (none of them is the demo's FY+3).
 */
const WINDOW = 'outagePlanSubmission'
const DAY = 86_400_000
/** Years whose window stays open (planning, the bulk file) and one kept closed. */
const OPEN_YEAR = fiscalYearOf(new Date()) + 5
const CLOSED_YEAR = fiscalYearOf(new Date()) + 6

async function dateTime(page: Page, label: string, date: string, time: string) {
  await page.getByLabel(`${label}（日付）`).fill(date)
  await page.getByLabel(`${label}（時刻）`).fill(time)
}

test('[180] plan an outage: contract kW and the allowance shown while planning, reviewed, then cancelled', async ({
  page,
  data,
}) => {
  test.slow()
  const participant = await data.participant()
  const { contracts } = await data.contracts(participant.code, {
    deliveryYear: OPEN_YEAR,
    contractKw: 2_000,
  })
  const contract = contracts[0]!
  await data.moveWindows(
    WINDOW,
    new Date(Date.now() - DAY),
    new Date(Date.now() + 30 * DAY),
    OPEN_YEAR,
  )
  await login(page, participant.admin)

  await page.goto('/outage-plans')
  await expect(page.getByRole('heading', { name: '容量停止計画管理', exact: true })).toBeVisible()
  await page.getByTestId('op-register').click()
  await expect(page).toHaveURL(/\/outage-plans\/new$/)
  await page.getByTestId('op-year').fill(String(OPEN_YEAR))
  await expect(page.getByTestId('op-window')).toHaveAttribute('data-state', 'open')
  await page.getByTestId('op-resource').click()
  await page.getByRole('option', { name: new RegExp(contract.resourceCode) }).click()
  await expect(page.getByTestId('op-contract-kw')).toContainText('2,000 kW')
  await expect(page.getByTestId('op-gauge-approved')).toContainText('0.00日 / 許容58日')

  // A time off the 30-minute steps is refused as it is typed.
  await dateTime(page, '停止開始日時', `${OPEN_YEAR}/06/01`, '09:15')
  await dateTime(page, '停止終了日時', `${OPEN_YEAR}/08/15`, '18:00')
  await expect(page.getByText('E-OUT-001')).toBeVisible()
  await expect(page.getByTestId('op-confirm-button')).toBeDisabled()
  await page.getByLabel('停止開始日時（時刻）').fill('09:00')
  await page.getByTestId('op-kw').fill('2000')
  await page.getByTestId('op-reason').click()
  await page.getByRole('option', { name: '工事' }).click()

  // 75.375 equivalent days at full capacity: beyond the 58-day allowance, the penalty shown.
  await expect(page.getByTestId('op-plan-days')).toContainText('75.38日')
  await expect(page.getByTestId('op-gauge-plan')).toHaveAttribute('data-exceeds', 'true')
  await expect(page.getByTestId('op-allowance-warning')).toContainText('W-OUT-001')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/op-180-form.png', fullPage: true })
  // Half the capacity for the same period stays within it.
  await page.getByTestId('op-kw').fill('1000')
  await expect(page.getByTestId('op-plan-days')).toContainText('37.69日')
  await expect(page.getByTestId('op-allowance-warning')).toHaveCount(0)

  await page.getByTestId('op-confirm-button').click()
  const confirm = page.getByTestId('op-confirm')
  await expect(confirm).toContainText(`${OPEN_YEAR}/06/01 09:00`)
  await expect(confirm).toContainText('1,000 kW / 2,000 kW')
  await page.getByTestId('op-submit').click()
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('application-state')).toHaveText('申込済')
  const applicationId = page.url().split('/').at(-1) as string
  // The application shows the plan and, below it, the year against the allowance with it.
  await expect(page.getByText(`${OPEN_YEAR}/08/15 18:00`)).toBeVisible()
  await expect(page.getByTestId('op-gauge-plan')).toContainText('37.69日 / 許容58日')
  await page.screenshot({ path: 'test-results/op-180-application.png', fullPage: true })

  // The operator approves; the plan gets its plan ID.
  const api = await data.loggedIn(participant.admin)
  const filed = await (await api.get(`/api/v1/applications/${applicationId}`)).json()
  const started = await data.review(filed, 'startReview')
  const approved = await data.review(started.application, 'approve')
  const planNo = (approved.application as unknown as { result: { planNo: string } }).result.planNo
  expect(planNo).toMatch(new RegExp(`^OP${OPEN_YEAR}-\\d{6}$`))

  await page.goto(`/outage-plans?deliveryYear=${OPEN_YEAR}`)
  const row = page.getByTestId('op-table').getByRole('row', { name: new RegExp(planNo) })
  await expect(row).toContainText(contract.resourceCode)
  await expect(row.getByTestId('op-year-days')).toHaveText('37.69 / 58日')
  await page.screenshot({ path: 'test-results/op-180-list.png', fullPage: true })
  await row.getByRole('link', { name: planNo }).click()
  await expect(page.getByTestId('op-detail')).toContainText('1,000 kW / 2,000 kW')
  await expect(page.getByTestId('op-history')).toContainText('容量停止計画の登録申込')
  await expect(page.getByTestId('op-gauge-approved')).toContainText('37.69日 / 許容58日')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/op-180-detail.png', fullPage: true })

  // The cancel dialog files a cancellation for review.
  await page.getByTestId('op-cancel').click()
  const dialog = page.getByTestId('op-cancel-form')
  await dialog.getByLabel('取消の理由').fill('工事日程の見直し')
  await dialog.getByRole('button', { name: '取消を申込む' }).click()
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('application-state')).toHaveText('申込済')
})

test('[180] refused outside the window, the window stated', async ({ page, data }) => {
  const participant = await data.participant()
  const { contracts } = await data.contracts(participant.code, {
    deliveryYear: CLOSED_YEAR,
    contractKw: 1_000,
  })
  await data.moveWindows(
    WINDOW,
    new Date(Date.now() - 20 * DAY),
    new Date(Date.now() - 10 * DAY),
    CLOSED_YEAR,
  )
  await login(page, participant.admin)
  await page.goto('/outage-plans/new')
  await page.getByTestId('op-year').fill(String(CLOSED_YEAR))
  await expect(page.getByTestId('op-window')).toHaveAttribute('data-state', 'closed')
  await page.getByTestId('op-resource').click()
  await page.getByRole('option', { name: new RegExp(contracts[0]!.resourceCode) }).click()
  await dateTime(page, '停止開始日時', `${CLOSED_YEAR}/09/01`, '00:00')
  await dateTime(page, '停止終了日時', `${CLOSED_YEAR}/09/02`, '00:00')
  await page.getByTestId('op-kw').fill('500')
  await page.getByTestId('op-reason').click()
  await page.getByRole('option', { name: '点検' }).click()
  await page.getByTestId('op-confirm-button').click()
  await page.getByTestId('op-submit').click()
  const error = page.getByRole('alert').filter({ hasText: 'E-APP-004' })
  await expect(error).toContainText(`${CLOSED_YEAR}年度`)
  await expect(page).toHaveURL(/\/outage-plans\/new$/)
  await page.screenshot({ path: 'test-results/op-180-closed.png', fullPage: true })
})

test('[180] a bulk 891 file registers and changes plans for review', async ({ page, data }) => {
  test.slow()
  const participant = await data.participant()
  const { contracts } = await data.contracts(participant.code, {
    deliveryYear: OPEN_YEAR,
    contractKw: 3_000,
  })
  const code = contracts[0]!.resourceCode
  await data.moveWindows(
    WINDOW,
    new Date(Date.now() - DAY),
    new Date(Date.now() + 30 * DAY),
    OPEN_YEAR,
  )
  // One approved plan to change.
  const api = await data.loggedIn(participant.admin)
  const filed = await api.post('/api/v1/outage-plans/registration-applications', {
    data: {
      proposed: {
        resourceId: contracts[0]!.resourceId,
        deliveryYear: OPEN_YEAR,
        startAt: `${OPEN_YEAR}-07-01T00:00:00+09:00`,
        endAt: `${OPEN_YEAR}-07-02T00:00:00+09:00`,
        reducedKw: 1000,
        reason: 'inspection',
      },
    },
  })
  expect(filed.status(), await filed.text()).toBe(201)
  const started = await data.review(await filed.json(), 'startReview')
  const approved = await data.review(started.application, 'approve')
  const planNo = (approved.application as unknown as { result: { planNo: string } }).result.planNo

  await login(page, participant.admin)
  const sample = await (
    await page.request.get('/api/v1/bulk-formats/891/sample?encoding=utf-8')
  ).text()
  const [header] = sample.replace(/^\uFEFF/, '').split(/\r\n/)
  expect(header).toBe(
    '処理区分,計画ID,電源等識別番号,停止開始日時,停止終了日時,停止容量(kW),停止理由,備考',
  )
  const file = Buffer.from(
    [
      header,
      `登録,,${code},${OPEN_YEAR}/08/01 09:00,${OPEN_YEAR}/08/03 18:00,1500,補修,一括登録`,
      `変更,${planNo},${code},${OPEN_YEAR}/07/01 00:00,${OPEN_YEAR}/07/03 00:00,2000,点検,延長`,
      '',
    ].join('\r\n'),
    'utf8',
  )
  await page.goto('/bulk-imports')
  await chooseFormat(page, '891')
  await upload(page, '容量停止計画.csv', file)
  const result = page.getByTestId('bulk-result')
  await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 })
  await expect(result.getByText('登録しました（2件）。')).toBeVisible()
  await page.screenshot({ path: 'test-results/op-891-result.png', fullPage: true })
  const listed = await (
    await page.request.get(
      '/api/v1/applications?entityType=outagePlan&sort=-submittedAt&pageSize=3',
    )
  ).json()
  const kinds = (listed.items as { kind: string; state: string }[])
    .filter((a) => a.state === 'submitted')
    .map((a) => a.kind)
    .sort()
  expect(kinds).toEqual(['change', 'register'])
})
