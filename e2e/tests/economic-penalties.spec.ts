import type { APIRequestContext, Page } from '@playwright/test'
import { expect, expectAccessible, login, test, type TestData } from '../support/fixtures.ts'

/**
 * Penalty targets (D00) and economic penalty amounts (D20): both read the stored assessment
 * results. Each test assesses a past month of a delivery year the assessment flows do not use
 * (FY2024, FY2025; assessment.spec.ts takes 2020–2023) for a participant of its own.
 */

const series = (values: Record<number, number>) =>
  Array.from({ length: 48 }, (_, i) => values[i + 1] ?? 0)

/** The operator's run of a month through the API, waited for until it has succeeded. */
async function runMonth(data: TestData, month: string): Promise<void> {
  const api: APIRequestContext = await data.loggedIn(await data.operator())
  const res = await api.post('/api/v1/assessments/runs', { data: { month } })
  expect(res.status(), await res.text()).toBe(202)
  const { id } = (await res.json()) as { id: string }
  await expect
    .poll(
      async () => {
        const run = await api.get(`/api/v1/assessments/runs/${id}`)
        return ((await run.json()) as { state: string }).state
      },
      { timeout: 60_000 },
    )
    .toBe('succeeded')
}

async function english(page: Page) {
  await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
}

test.describe('economic penalties (D00 D20)', () => {
  test('[D00] the participant lists its penalty targets and opens one with the evidence slots', async ({
    page,
    data,
  }) => {
    test.slow()
    const month = '2024-06'
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2024,
      kind: 'stable',
      area: 'hokuriku',
      contractKw: 10_000,
    })
    const resource = contracts[0]!
    // Supply instructions of 8,000 kW in 10:00–11:00 on 6/10: 5,000 and 6,000 kW delivered.
    await data.deliveryData({
      days: [
        {
          resourceId: resource.resourceId,
          date: '2024-06-10',
          series: {
            instructedKw: series({ 21: 8_000, 22: 8_000 }),
            deliveredKw: series({ 21: 5_000, 22: 6_000 }),
          },
        },
      ],
    })
    await runMonth(data, month)

    await login(page, participant.admin, '/delivery/login')
    await page.goto(
      `/delivery/penalty-targets?month=${month}&resourceCode=${resource.resourceCode}`,
    )
    await expect(page.getByRole('heading', { name: 'ペナルティ対象', exact: true })).toBeVisible()
    const table = page.getByRole('table', { name: 'ペナルティ対象一覧' })
    await expect(table.getByRole('row')).toHaveCount(2)
    const row = table.getByRole('row', { name: new RegExp(resource.resourceCode) })
    await expect(row).toContainText('2024/06')
    await expect(row).toContainText('供給指示')
    await expect(row).toContainText('5,000') // 3,000 + 2,000 kW short
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/d00-list-1280.png', fullPage: true })

    await row.getByRole('link', { name: resource.resourceCode }).click()
    await expect(page).toHaveURL(/\/delivery\/penalty-targets\/[0-9a-f-]+$/)
    const line = page.locator('[data-requirement="supplyInstruction"]')
    await expect(line).toContainText('2コマ')
    const evidence = line.getByTestId('line-evidence')
    await expect(evidence.getByRole('row')).toHaveCount(3)
    const first = evidence.getByTestId('evidence-slot').first()
    await expect(first).toContainText('2024/06/10')
    await expect(first).toContainText('10:00–10:30')
    await expect(first).toContainText('8,000')
    await expect(first).toContainText('5,000')
    await expect(first).toContainText('3,000')
    await expect(evidence.getByTestId('evidence-slot').nth(1)).toContainText('10:30–11:00')
    const amount = await line.getByTestId('line-amount').innerText()
    await expect(page.getByTestId('detail-total')).toContainText(amount.replace('円', ''))
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/d00-detail-1280.png', fullPage: true })
    await english(page)
    await expect(page.getByText('Requirements and their evidence')).toBeVisible()
    await page.screenshot({ path: 'test-results/d00-detail-en-1280.png', fullPage: true })

    // Back to the list of the month and the resource (the URL E10/F00 link to).
    await page.getByTestId('penalty-target-back').click()
    await expect(page).toHaveURL(
      new RegExp(
        `/delivery/penalty-targets\\?month=${month}&resourceCode=${resource.resourceCode}`,
      ),
    )
    await expect(page.getByRole('table', { name: 'Penalty targets' })).toContainText(
      'Supply instruction',
    )
    await page.screenshot({ path: 'test-results/d00-list-en-1280.png', fullPage: true })
  })

  test('[D20] the year view of a resource shows the months, the caps and the part waived', async ({
    page,
    data,
  }) => {
    test.slow()
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2025,
      kind: 'dispatchOrder',
      area: 'shikoku',
      contractKw: 5_000,
    })
    const resource = contracts[0]!
    // Three dispatch orders with nothing delivered: 3 × A / 12 = 25 % of A, above the 18.3 % cap.
    await data.deliveryData({
      orders: [11, 12, 13].map((day) => ({
        orderId: `E2E-EPN-${resource.resourceCode}-${day}`,
        resourceId: resource.resourceId,
        orderedAt: `2025-06-${day}T00:00:00Z`,
        startAt: `2025-06-${day}T05:00:00Z`,
        instructedKw: 5_000,
        baselineKw: [5_000, 5_000],
        actualKw: [5_000, 5_000],
      })),
    })
    await runMonth(data, '2025-06')

    await login(page, participant.admin, '/delivery/login')
    await page.goto('/delivery/penalty-amounts?deliveryYear=2025')
    await expect(
      page.getByRole('heading', { name: '経済的ペナルティ額', exact: true }),
    ).toBeVisible()
    const table = page.getByRole('table', { name: '経済的ペナルティ額一覧' })
    const row = table.getByRole('row', { name: new RegExp(resource.resourceCode) })
    await expect(row).toHaveCount(1)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/d20-list-1280.png', fullPage: true })

    await row.getByRole('link', { name: resource.resourceCode }).click()
    await expect(page).toHaveURL(
      new RegExp(`/delivery/penalty-amounts/${resource.resourceId}\\?deliveryYear=2025`),
    )
    const year = page.getByTestId('penalty-year-table')
    await expect(year.getByTestId('penalty-year-month')).toHaveCount(12)
    const june = year.locator('[data-month="2025-06"]')
    const waived = june.getByTestId('year-waived-monthly')
    await expect(waived).not.toHaveText('0')
    await expect(year.locator('[data-month="2025-04"]')).toContainText('未算定')
    await expect(page.getByText('橙色の金額は上限を超えたため免除された額です。')).toBeVisible()
    // The year's total is the June total (the only month with a penalty), under the annual cap.
    const juneCells = june.getByRole('cell')
    const total = await juneCells.nth(8).innerText()
    await expect(page.getByTestId('year-total')).toHaveText(total)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/d20-year-1280.png', fullPage: true })
    await english(page)
    await expect(page.getByText('Year total')).toBeVisible()
    await page.screenshot({ path: 'test-results/d20-year-en-1280.png', fullPage: true })

    // The month opens that month's penalty targets with the dispatch orders.
    await june.getByRole('link', { name: '2025/06' }).click()
    await expect(page).toHaveURL(/\/delivery\/penalty-targets\/[0-9a-f-]+$/)
    await expect(page.getByTestId('evidence-order')).toHaveCount(3)
  })
})
