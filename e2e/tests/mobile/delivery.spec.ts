import type { Page } from '@playwright/test'
import { runMonth, settleMonth } from '../../support/assessment.ts'
import { expect, login, test } from '../../support/fixtures.ts'

/**
 * The delivery year's screens at 390 px (the `mobile` project, 390 × 844): B10, B40, B50, B60 (a
 * day), B70, B80, C00 and C10 (an order), the penalties (D00, D20), the settlement (E10, F00) and
 * the output files (K00, K20, K21) fit the width — the page never scrolls sideways, wide tables
 * scroll inside their container. The month assessed and settled is 2024-12 (a retry: 2025-03;
 * months no other test runs: README "End-to-end tests"); the delivery-data screens offer the last
 * 24 months, so their data is of last month.
 */

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page
    .locator('html')
    .evaluate((html) => html.scrollWidth - html.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

/** The table (by name; absent: the page's first) fits or scrolls inside its container; either way the page does not. */
async function expectTableFits(page: Page, name?: string) {
  const table = name ? page.getByRole('table', { name }) : page.getByRole('table').first()
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  await expectNoSidewaysScroll(page)
  // The list kit's tables scroll in their own container (a plain table: the page check above).
  const container = table.locator('xpath=ancestor::*[contains(@class, "yoryo-table-container")]')
  if ((await container.count()) === 0) return
  const box = await container.first().boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

const series = (values: Record<number, number>) =>
  Array.from({ length: 48 }, (_, i) => values[i + 1] ?? 0)

/** The last complete JST month and a day of it. */
function lastMonth(): { month: string; date: (day: number) => string } {
  const jst = new Date(Date.now() + 9 * 3_600_000)
  let y = jst.getUTCFullYear()
  let m = jst.getUTCMonth()
  if (m === 0) {
    y -= 1
    m = 12
  }
  const month = `${y}-${String(m).padStart(2, '0')}`
  return { month, date: (day: number) => `${month}-${String(day).padStart(2, '0')}` }
}

test('[B40] [B50] [C00] [C10] [B60] [B70] [B80] [B10] [D00] [D20] [E10] [F00] [K00] [K20] [K21] the delivery screens fit at 390 px', async ({
  page,
  data,
}, testInfo) => {
  test.slow()
  // Settled and issued below, so a retry takes a month of its own (same delivery year, FY2024).
  const month = testInfo.retry ? '2025-03' : '2024-12'
  const recent = lastMonth()
  const participant = await data.participant()
  const options = {
    state: 'active',
    deliveryYear: 2024,
    area: 'shikoku',
    contractKw: 12_000,
  } as const
  const [stable] = (await data.contracts(participant.code, { ...options, kind: 'stable' }))
    .contracts
  const [dispatch] = (await data.contracts(participant.code, { ...options, kind: 'dispatchOrder' }))
    .contracts
  if (!stable || !dispatch) throw new Error('no contract')
  const orderId = `E2E-M-${Date.now()}`
  const kinds = series({}).map((_, i) => (i >= 34 && i < 38 ? 'dayAhead' : ''))
  await data.deliveryData({
    days: [
      // The month: instructions not met and an unplanned outage (B40, B50).
      {
        resourceId: stable.resourceId,
        date: `${month}-10`,
        series: {
          meteredKwh: Array.from({ length: 48 }, (_, i) => (i === 20 || i === 21 ? 3_000 : 6_000)),
          instructedKw: series({ 21: 6_000, 22: 6_000, 35: 12_000 }),
          deliveredKw: series({ 21: 6_000, 22: 6_000, 35: 9_500 }),
        },
      },
      // Last month: a day of metered generation, instructions and offers (B60, B70, B80).
      {
        resourceId: stable.resourceId,
        date: recent.date(27),
        series: {
          meteredKwh: series({}).map((_, i) => 5_000 + 10 * i),
          instructedKw: series({ 35: 12_000, 36: 12_000, 37: 11_250 }),
          deliveredKw: series({ 35: 12_000, 36: 10_875, 37: 9_000 }),
          offeredKw: series({ 35: 12_000, 36: 8_000, 37: 12_000, 38: 4_500 }),
        },
      },
    ],
    notices: [
      {
        area: 'shikoku',
        date: recent.date(27),
        marginBp: series({}).map((_, i) => 700 + i),
        noticeKind: kinds,
      },
    ],
    orders: [
      {
        orderId,
        resourceId: dispatch.resourceId,
        orderedAt: `${month}-14T01:00:00Z`,
        startAt: `${month}-14T05:00:00Z`,
        instructedKw: 10_000,
        baselineKw: [15_000, 15_000, 15_000, 15_000],
        actualKw: [5_000, 6_500, 8_000, 12_345],
      },
    ],
  })
  await runMonth(data, month)
  await settleMonth(data, month, { issue: true })
  await login(page, participant.admin, '/delivery/login')

  // B40: the results of the month, and one result with its lines.
  await page.goto(`/delivery/assessment-results?month=${month}`)
  await expectTableFits(page, '電源等ごとの算定結果')
  await shot(page, 'b40-results')
  await page
    .getByRole('table', { name: '電源等ごとの算定結果' })
    .getByRole('link', { name: stable.resourceCode })
    .click()
  await expect(page.locator('[data-requirement="unplannedOutage"]')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'b40-result')

  // B50: the flagged slots.
  await page.goto(`/delivery/outage-omissions?month=${month}`)
  await expectTableFits(page, '登録漏れの疑いがあるコマ')
  await shot(page, 'b50-omissions')

  // C00 → C10: the order's outcome, then the order itself.
  await page.goto(`/delivery/dispatch-order-results?month=${month}`)
  await expectTableFits(page, '発動指令ごとの算定結果')
  await shot(page, 'c00-orders')
  await page.getByRole('link', { name: orderId }).click()
  await expect(page).toHaveURL(/\/delivery\/dispatch-orders\/[0-9a-f-]+$/)
  await expectTableFits(page, 'コマ別のベースラインと実績')
  await shot(page, 'c10-order')

  // B60: a day of metered generation.
  await page.goto(`/delivery/metered-generation/${stable.resourceId}/${recent.date(27)}`)
  await expectTableFits(page, 'コマ別の電力量')
  await expect(
    page.getByTestId('metered-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible()
  await shot(page, 'b60-day')

  // B70: the instructed slots.
  await page.goto(`/delivery/supply-instructions?month=${recent.month}`)
  await expect(page.getByRole('table').getByText('18:00–18:30').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'b70-instructions')

  // B80: the notice slots of its areas, and the offers of the resource.
  await page.goto(`/delivery/reserve-notices?month=${recent.month}&area=shikoku`)
  await expect(page.getByRole('table').getByText('17:00–17:30').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'b80-notices')
  await page.goto(`/delivery/reserve-notices/${stable.resourceId}?month=${recent.month}`)
  await expect(
    page.getByRole('table', { name: '通知コマの提供量' }).getByText('17:30–18:00'),
  ).toBeVisible()
  await expectTableFits(page, '通知コマの提供量')
  await shot(page, 'b80-offers')

  // B10: the parameters of the year and the basis per resource.
  await page.goto(`/delivery/assessment-parameters?month=${month}`)
  await expect(page.getByRole('table').getByText(stable.resourceCode)).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'b10-parameters')

  // D00: the penalty lines of the month, and one resource-month with its evidence.
  await page.goto(`/delivery/penalty-targets?month=${month}`)
  await expectTableFits(page)
  await shot(page, 'd00-targets')
  await page.getByRole('table').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/delivery\/penalty-targets\/[0-9a-f-]+$/)
  await expect(page.locator('[data-requirement]').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'd00-target')

  // D20: the year's amounts, and one resource's year.
  await page.goto('/delivery/penalty-amounts?deliveryYear=2024')
  await expectTableFits(page)
  await shot(page, 'd20-amounts')
  await page.goto(`/delivery/penalty-amounts/${stable.resourceId}?deliveryYear=2024`)
  await expectTableFits(page)
  await shot(page, 'd20-year')

  // E10: the contract months of the month, and one of them.
  await page.goto(`/delivery/contract-amounts?month=${month}`)
  await expectTableFits(page, '容量確保契約金額の一覧')
  await shot(page, 'e10-amounts')
  await page
    .getByRole('table', { name: '容量確保契約金額の一覧' })
    .getByRole('link', { name: stable.contractNo })
    .click()
  await expect(page.getByTestId('contract-amount-net')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'e10-amount')

  // F00: the payment notice of the month, and the notice with its lines.
  await page.goto(`/delivery/settlement-documents?month=${month}`)
  await expectTableFits(page, '支払通知書・請求書の一覧')
  await shot(page, 'f00-documents')
  await page
    .getByRole('table', { name: '支払通知書・請求書の一覧' })
    .getByRole('link', { name: /^PAY/ })
    .click()
  await expect(page.getByTestId('document-lines')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shot(page, 'f00-document')

  // K00, K20, K21: the samples and the map of output files.
  for (const [path, name] of [
    ['/delivery/document-samples', 'k00-samples'],
    ['/delivery/output-files', 'k20-map'],
    ['/delivery/csv-samples', 'k21-csv'],
  ] as const) {
    await page.goto(path)
    await expectTableFits(page)
    await shot(page, name)
  }
})
