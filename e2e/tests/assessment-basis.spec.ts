import type { Page } from '@playwright/test'
import { fiscalYearOf, lastCompleteMonth } from '@yoryo/contracts'
import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/**
 * The basis of the assessment in the delivery SPA: outage plans in the delivery year (B00),
 * the parameters per resource and month and of the year (B10), the replacement allocation (B20).
 * Every test makes its own participant, contracts and window.
 */
const WINDOW = 'outagePlanSubmission'
const DAY = 86_400_000

async function dateTime(page: Page, label: string, date: string, time: string) {
  await page.getByLabel(`${label}（日付）`).fill(date)
  await page.getByLabel(`${label}（時刻）`).fill(time)
}

async function english(page: Page) {
  await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
}

test('[B00] register an outage plan in the delivery year’s window from the delivery SPA', async ({
  page,
  data,
}) => {
  test.slow()
  const year = fiscalYearOf(new Date())
  const participant = await data.participant()
  const { contracts } = await data.contracts(participant.code, {
    deliveryYear: year,
    contractKw: 2_000,
    state: 'active',
  })
  const contract = contracts[0]!
  await data.moveWindows(WINDOW, new Date(Date.now() - DAY), new Date(Date.now() + 30 * DAY), year)
  await login(page, participant.admin, '/delivery/login')

  await page.goto('/delivery/outage-plans')
  await expect(page.getByRole('heading', { name: '容量停止計画', exact: true })).toBeVisible()
  await expect(page.locator('[data-function-code="B00"]')).toBeVisible()
  await expect(page.getByTestId('op-window')).toHaveAttribute('data-state', 'open')
  await page.getByTestId('op-register').click()
  await expect(page).toHaveURL(/\/delivery\/outage-plans\/new$/)
  // B00 starts from the delivery year under way.
  await expect(page.getByTestId('op-year')).toHaveValue(String(year))
  await page.getByTestId('op-resource').click()
  await page.getByRole('option', { name: new RegExp(contract.resourceCode) }).click()
  await expect(page.getByTestId('op-contract-kw')).toContainText('2,000 kW')
  await dateTime(page, '停止開始日時', `${year + 1}/03/10`, '09:00')
  await dateTime(page, '停止終了日時', `${year + 1}/03/12`, '09:00')
  await page.getByTestId('op-kw').fill('1000')
  await page.getByTestId('op-reason').click()
  await page.getByRole('option', { name: '点検' }).click()
  await expect(page.getByTestId('op-plan-days')).toContainText('1.00日')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('b00-form-ja-1280.png'), fullPage: true })
  await page.getByTestId('op-confirm-button').click()
  await page.getByTestId('op-submit').click()
  // The delivery SPA holds no applications: back on the list with the receipt number.
  await expect(page).toHaveURL(/\/delivery\/outage-plans$/)
  await expect(page.getByTestId('flash-notice')).toContainText('受付番号')

  // The operator approves (pre-delivery 701); the plan is listed in the delivery SPA.
  const api = await data.loggedIn(participant.admin)
  const applications = (await (
    await api.get('/api/v1/applications?entityType=outagePlan&pageSize=5')
  ).json()) as { items: { id: string; version: number }[] }
  const filed = applications.items[0]!
  const started = await data.review(filed, 'startReview')
  const approved = await data.review(started.application, 'approve')
  const planNo = (approved.application as unknown as { result: { planNo: string } }).result.planNo
  await page.goto(`/delivery/outage-plans?deliveryYear=${year}`)
  const row = page.getByTestId('op-table').getByRole('row', { name: new RegExp(planNo) })
  await expect(row).toContainText(contract.resourceCode)
  await expect(row.getByTestId('op-year-days')).toHaveText('1.00 / 58日')
  await page.screenshot({ path: test.info().outputPath('b00-list-ja-1280.png'), fullPage: true })
  await row.getByRole('link', { name: planNo }).click()
  await expect(page).toHaveURL(/\/delivery\/outage-plans\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('op-detail')).toContainText('1,000 kW / 2,000 kW')
  // Its application opens in the pre-delivery SPA.
  const link = page.getByTestId('op-history').getByRole('link').first()
  await expect(link).toHaveAttribute('href', /^\/applications\/[0-9a-f-]{36}$/)
  await expectAccessible(page)
  await english(page)
  await expect(page.getByTestId('op-detail')).toContainText('1,000 kW / 2,000 kW')
  await page.screenshot({ path: test.info().outputPath('b00-detail-en-1280.png'), fullPage: true })
})

test('[B10] a participant sees its basis per resource and month; the operator changes a parameter of a year', async ({
  page,
  data,
}) => {
  test.slow()
  // A year of this test's own, so no other test's parameter set changes the caps.
  const year = fiscalYearOf(new Date()) + 11
  const month = `${year}-06`
  const holder = await data.participant()
  const own = await data.contracts(holder.code, {
    deliveryYear: year,
    contracts: 2,
    contractKw: 4_000,
    expectedKw: 8_000,
    state: 'active',
    areaPrice: 10_000,
  })
  const [first, second] = own.contracts as [
    (typeof own.contracts)[number],
    (typeof own.contracts)[number],
  ]

  await login(page, holder.admin, '/delivery/login')
  // The screen opens on the last complete month.
  await page.goto('/delivery/assessment-parameters')
  const last = lastCompleteMonth()
  await expect(
    page.getByRole('heading', {
      name: `${last.slice(0, 4)}年${Number(last.slice(5))}月の電源等別諸元`,
    }),
  ).toBeVisible()
  await page.goto(`/delivery/assessment-parameters?month=${month}`)
  await expect(
    page.getByRole('heading', { name: 'アセスメント算定諸元', exact: true }),
  ).toBeVisible()
  const table = page.getByTestId('abas-table')
  const row = table.getByRole('row', { name: new RegExp(first.resourceCode) })
  await expect(row).toContainText('4,000')
  await expect(row).toContainText('40,000,000')
  await expect(row).toContainText('10,000.00')
  // The caps in yen: 18.3 % and 110 % of A (defaults).
  await expect(row).toContainText('7,320,000')
  await expect(row).toContainText('44,000,000')
  await expect(table.getByRole('row', { name: new RegExp(second.resourceCode) })).toBeVisible()
  await expect(page.getByTestId('abas-set-values')).toContainText('58日')
  await row.getByTestId('abas-toggle').click()
  await expect(page.getByTestId('abas-detail')).toContainText(first.contractNo)
  await expect(page.getByTestId('abas-change-set')).toHaveCount(0)
  await expectAccessible(page)
  await page.screenshot({
    path: test.info().outputPath('b10-participant-ja-1280.png'),
    fullPage: true,
  })
  await english(page)
  await expect(page.getByText('Unit U (yen/kW-year)')).toBeVisible()
  await page.screenshot({
    path: test.info().outputPath('b10-participant-en-1280.png'),
    fullPage: true,
  })

  // The operator, on a year of this test's own: creates the set from the defaults, changes it.
  const operator = await data.operator()
  const ownYear = 2060 + (Date.now() % 40)
  await page.context().clearCookies()
  await page.evaluate(() =>
    (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage.setItem('yoryo.language', 'ja'),
  )
  await login(page, operator, '/delivery/login')
  await page.goto(`/delivery/assessment-parameters?month=${ownYear}-04`)
  const panel = page.getByTestId('abas-parameters')
  await expect(panel).toContainText(`${ownYear}年度の算定諸元`)
  const create = page.getByTestId('abas-create-set')
  const change = page.getByTestId('abas-change-set')
  await expect(create.or(change)).toBeVisible()
  if (await create.isVisible()) await create.click()
  await expect(change).toBeVisible()
  const before = Number(
    /第(\d+)版/.exec((await page.getByTestId('abas-set-version').textContent()) ?? '')?.[1],
  )
  await change.click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('abas-field-monthlyCapShare').fill('11')
  await dialog.getByTestId('abas-save-set').click()
  await expect(dialog).toContainText('E-ABAS-004')
  await dialog.getByTestId('abas-field-monthlyCapShare').fill('0.2')
  await dialog.getByTestId('abas-field-outageAllowanceDays').fill('60.5')
  await page.screenshot({
    path: test.info().outputPath('b10-operator-form-ja-1280.png'),
    fullPage: true,
  })
  await dialog.getByTestId('abas-save-set').click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('abas-set-version')).toContainText(`第${before + 1}版`)
  await expect(page.getByTestId('abas-set-values')).toContainText('60.5日')
  await expect(page.getByTestId('abas-set-values')).toContainText('20 %')
  await expectAccessible(page)
  await page.screenshot({
    path: test.info().outputPath('b10-operator-ja-1280.png'),
    fullPage: true,
  })
})

test('[B20] an approved replacement shows its allocation by month in B20 and moves the kW in B10', async ({
  page,
  data,
}) => {
  test.slow()
  const holder = await data.participant()
  const own = await data.contracts(holder.code, {
    contracts: 2,
    contractKw: 4_000,
    expectedKw: 8_000,
    state: 'active',
  })
  const [contract, replacing] = own.contracts as [
    (typeof own.contracts)[number],
    (typeof own.contracts)[number],
  ]
  const api = await data.loggedIn(holder.admin)
  const filed = await api.post('/api/v1/replacements', {
    data: {
      contractId: contract.id,
      replacingResourceCode: replacing.resourceCode,
      kw: 1_000,
      fromMonth: `${own.deliveryYear}-07`,
      toMonth: `${own.deliveryYear}-09`,
      reason: '発電機分解点検のため',
    },
  })
  expect(filed.status(), await filed.text()).toBe(201)
  const replacement = (await filed.json()) as { applicationId: string }
  const application = (await (
    await api.get(`/api/v1/applications/${replacement.applicationId}`)
  ).json()) as { id: string; version: number }
  const started = await data.review(application, 'startReview')
  await data.review(started.application, 'approve')

  await login(page, holder.admin, '/delivery/login')
  await page.goto(`/delivery/replacement-allocations?deliveryYear=${own.deliveryYear}`)
  await expect(page.getByRole('heading', { name: '差替配分供給力', exact: true })).toBeVisible()
  const table = page.getByTestId('b20-table')
  await expect(table.getByRole('row')).toHaveCount(4)
  const july = table.getByRole('row', { name: new RegExp(`${own.deliveryYear}/07`) })
  await expect(july).toContainText(contract.contractNo)
  await expect(july).toContainText(replacing.resourceCode)
  await expect(july).toContainText('1,000')
  await expect(july).toContainText('配分(出)')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('b20-ja-1280.png'), fullPage: true })

  // The month filter; the same kW in B10 of that month: −1,000 on the contract's resource,
  // +1,000 on the replacing one.
  await page.goto(
    `/delivery/replacement-allocations?deliveryYear=${own.deliveryYear}&month=${own.deliveryYear}-08`,
  )
  await expect(table.getByRole('row')).toHaveCount(2)
  await english(page)
  await expect(table).toContainText('Out')
  await page.screenshot({ path: test.info().outputPath('b20-en-1280.png'), fullPage: true })
  await page.goto(`/delivery/assessment-parameters?month=${own.deliveryYear}-08`)
  const basis = page.getByTestId('abas-table')
  const giverRow = basis.getByRole('row', { name: new RegExp(contract.resourceCode) })
  await expect(giverRow.getByTestId('abas-moved')).toHaveText('−1,000 kW')
  await expect(giverRow).toContainText('3,000')
  const takerRow = basis.getByRole('row', { name: new RegExp(replacing.resourceCode) })
  await expect(takerRow.getByTestId('abas-moved')).toHaveText('+1,000 kW')
  await expect(takerRow).toContainText('5,000')
  await page.screenshot({
    path: test.info().outputPath('b10-replacement-en-1280.png'),
    fullPage: true,
  })
})
