import type { Page } from '@playwright/test'
import { expect, expectAccessible, login, test } from '../support/fixtures.ts'

/** The month the delivery-data screens open on: the last complete JST month, and its year. */
function lastMonth(): { month: string; deliveryYear: number; date: (day: number) => string } {
  const jst = new Date(Date.now() + 9 * 3_600_000)
  let y = jst.getUTCFullYear()
  let m = jst.getUTCMonth() // 0-based: the previous month, 1-based
  if (m === 0) {
    y -= 1
    m = 12
  }
  const month = `${y}-${String(m).padStart(2, '0')}`
  return {
    month,
    deliveryYear: m >= 4 ? y : y - 1,
    date: (day: number) => `${month}-${String(day).padStart(2, '0')}`,
  }
}

const zeros = () => Array.from({ length: 48 }, () => 0)
const at = (slots: Record<number, number>) => zeros().map((_, i) => slots[i + 1] ?? 0)

/** Picks a resource in the picker by its code (searched on the server). */
async function pickResource(page: Page, code: string) {
  await page.getByTestId('delivery-resource').fill(code)
  await page.getByRole('option', { name: new RegExp(code) }).click()
}

async function toEnglish(page: Page) {
  await page.evaluate(() =>
    (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage.setItem('yoryo.language', 'en'),
  )
}

test.describe('delivery-period data (B60, B70, B80, C10)', () => {
  test('[B60] a participant picks its resource and month, opens a day as chart and 48-slot table, and downloads it as CSV', async ({
    page,
    data,
  }) => {
    test.slow()
    const { deliveryYear, date } = lastMonth()
    const owner = await data.participant()
    const other = await data.participant()
    const [mine] = (
      await data.contracts(owner.code, { state: 'active', deliveryYear, kind: 'variableSingle' })
    ).contracts
    const [theirs] = (
      await data.contracts(other.code, { state: 'active', deliveryYear, kind: 'variableSingle' })
    ).contracts
    if (!mine || !theirs) throw new Error('no contract')
    // A sunny day: a bell from 06:00 to 18:00, 1,250 kWh at noon (2,500 kW).
    const sunny = zeros().map((_, i) => {
      const hour = (i + 0.5) / 2
      return Math.round(1_250 * Math.max(0, Math.sin(((hour - 6) / 12) * Math.PI)))
    })
    await data.deliveryData({
      days: [
        { resourceId: mine.resourceId, date: date(3), series: { meteredKwh: sunny } },
        { resourceId: mine.resourceId, date: date(4), series: { meteredKwh: at({ 25: 600 }) } },
        { resourceId: theirs.resourceId, date: date(3), series: { meteredKwh: sunny } },
      ],
    })
    const total = sunny.reduce((a, b) => a + b, 0)

    await login(page, owner.admin, '/delivery/login')
    await page.goto('/delivery/metered-generation')
    await expect(page.getByTestId('delivery-choose')).toBeVisible()
    // The picker offers only its own resources.
    await page.getByTestId('delivery-resource').fill(theirs.resourceCode)
    await expect(page.getByRole('option', { name: new RegExp(theirs.resourceCode) })).toHaveCount(0)
    await page.getByTestId('delivery-resource').fill('')
    await pickResource(page, mine.resourceCode)
    const days = page.getByRole('table', { name: '日別の電力量' })
    await expect(days).toBeVisible()
    const day3 = days.getByRole('row').filter({ hasText: date(3).replaceAll('-', '/') })
    await expect(day3).toContainText(total.toLocaleString('en-US'))
    await expect(day3).toContainText('48')
    await expect(
      days.getByRole('row').filter({ hasText: date(5).replaceAll('-', '/') }),
    ).toContainText('未登録')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b60-days-1280.png', fullPage: true })

    await day3.getByRole('link').click()
    await expect(page).toHaveURL(
      new RegExp(`/delivery/metered-generation/${mine.resourceId}/${date(3)}$`),
    )
    await expect(page.getByTestId('metered-day-total')).toHaveText(
      `日量 ${total.toLocaleString('en-US')} kWh`,
    )
    await expect(
      page.getByTestId('metered-chart').locator('.recharts-bar-rectangle').first(),
    ).toBeVisible()
    const slots = page.getByRole('table', { name: 'コマ別の電力量' })
    await expect(slots.getByRole('row')).toHaveCount(49)
    const noon = slots.getByRole('row').filter({ hasText: '12:00–12:30' })
    await expect(noon).toContainText(`${sunny[24]?.toLocaleString('en-US')}`)
    await expect(noon).toContainText(`${((sunny[24] ?? 0) * 2).toLocaleString('en-US')}`)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b60-day-1280.png', fullPage: true })

    await page.getByRole('button', { name: 'CSV出力' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'UTF-8' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^metered-generation-${date(3)}_\\d{8}\\.csv$`),
    )
    const text = (await import('node:fs')).readFileSync((await file.path()) ?? '', 'utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('コマ,時間帯,電力量(kWh),平均電力(kW)')
    expect(lines).toHaveLength(49)
    expect(lines[25]).toBe(`25,12:00–12:30,${sunny[24]},${(sunny[24] ?? 0) * 2}`)

    // Another participant's resource-day is not found.
    await page.goto(`/delivery/metered-generation/${theirs.resourceId}/${date(3)}`)
    await expect(page.getByText('指定されたデータが見つかりません。').first()).toBeVisible()

    // English.
    await toEnglish(page)
    await page.goto(`/delivery/metered-generation/${mine.resourceId}/${date(3)}`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('table', { name: 'Energy per slot' })).toBeVisible()
    await expect(page.getByTestId('metered-chart')).toBeVisible()
    await page.screenshot({ path: 'test-results/b60-day-en-1280.png', fullPage: true })
  })

  test('[B70] a participant sees its instructed slots and narrows them to the shortfall', async ({
    page,
    data,
  }) => {
    const { deliveryYear, date } = lastMonth()
    const owner = await data.participant()
    const [r] = (await data.contracts(owner.code, { state: 'active', deliveryYear })).contracts
    if (!r) throw new Error('no contract')
    await data.deliveryData({
      days: [
        {
          resourceId: r.resourceId,
          date: date(12),
          series: {
            instructedKw: at({ 36: 2_000, 37: 2_000, 38: 2_000 }),
            deliveredKw: at({ 36: 2_000, 37: 1_250, 38: 2_000 }),
          },
        },
      ],
    })
    await login(page, owner.admin, '/delivery/login')
    await page.goto('/delivery/supply-instructions')
    const table = page.getByRole('table', { name: '供給指示のあったコマ' })
    await expect(table.getByRole('row')).toHaveCount(4)
    await expect(table.getByRole('row').nth(1)).toContainText('17:30–18:00')
    await page.getByTestId('instruction-shortfall').click()
    await expect(page.getByTestId('instruction-shortfall')).toBeChecked()
    await expect(table.getByRole('row')).toHaveCount(2)
    const row = table.getByRole('row').nth(1)
    await expect(row).toContainText('18:00–18:30')
    await expect(row).toContainText(r.resourceCode)
    await expect(row).toContainText('750')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b70-list-1280.png', fullPage: true })
    await toEnglish(page)
    await page.reload()
    await expect(
      page.getByRole('table', { name: 'Instructed slots' }).getByRole('row'),
    ).toHaveCount(2)
    await page.screenshot({ path: 'test-results/b70-list-en-1280.png', fullPage: true })
  })

  test('[B80] a participant sees the notice slots of its area and a resource’s unoffered kW', async ({
    page,
    data,
  }) => {
    const { deliveryYear, date } = lastMonth()
    const owner = await data.participant()
    const [r] = (
      await data.contracts(owner.code, {
        state: 'active',
        deliveryYear,
        area: 'hokuriku',
        contractKw: 8_000,
      })
    ).contracts
    if (!r) throw new Error('no contract')
    const margin = zeros().map((_, i) => (i + 1 >= 35 && i + 1 <= 36 ? 650 : 1_500))
    const kinds = margin.map((m) => (m < 800 ? 'dayAhead' : ''))
    await data.deliveryData({
      notices: [{ area: 'hokuriku', date: date(20), marginBp: margin, noticeKind: kinds }],
      days: [
        {
          resourceId: r.resourceId,
          date: date(20),
          series: { offeredKw: at({ 35: 8_000, 36: 5_000 }) },
        },
      ],
    })
    await login(page, owner.admin, '/delivery/login')
    await page.goto('/delivery/reserve-notices?area=hokuriku')
    const table = page.getByRole('table', { name: '供給力提供通知のあったコマ' })
    const ours = table.getByRole('row').filter({ hasText: date(20).replaceAll('-', '/') })
    await expect(ours).toHaveCount(2)
    await expect(ours.first()).toContainText('6.50')
    await expect(ours.first()).toContainText('前日')
    await expect(ours.first()).toContainText('北陸')
    await page.screenshot({ path: 'test-results/b80-notices-1280.png', fullPage: true })

    await pickResource(page, r.resourceCode)
    await page.getByTestId('notice-show-offers').click()
    await expect(page).toHaveURL(new RegExp(`/delivery/reserve-notices/${r.resourceId}`))
    const offers = page.getByRole('table', { name: '通知コマの提供量' })
    const rows = offers.getByRole('row').filter({ hasText: date(20).replaceAll('-', '/') })
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(0)).toContainText('8,000')
    await expect(rows.nth(1)).toContainText('17:30–18:00')
    await expect(rows.nth(1)).toContainText('5,000')
    await expect(rows.nth(1)).toContainText('3,000')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b80-offers-1280.png', fullPage: true })
    await toEnglish(page)
    await page.reload()
    await expect(page.getByRole('table', { name: 'Offers in the notice slots' })).toBeVisible()
    await page.screenshot({ path: 'test-results/b80-offers-en-1280.png', fullPage: true })
  })

  test('[C10] a participant opens a dispatch order: baseline against actual as chart and slots', async ({
    page,
    data,
  }) => {
    test.slow()
    const { month, deliveryYear, date } = lastMonth()
    const owner = await data.participant()
    const [r] = (
      await data.contracts(owner.code, {
        state: 'active',
        deliveryYear,
        kind: 'dispatchOrder',
        contractKw: 1_000,
      })
    ).contracts
    if (!r) throw new Error('no contract')
    const orderId = `E2E-${Date.now()}`
    await data.deliveryData({
      orders: [
        {
          orderId,
          resourceId: r.resourceId,
          orderedAt: `${date(15)}T13:00:00+09:00`,
          startAt: `${date(15)}T17:00:00+09:00`,
          instructedKw: 1_000,
          baselineKw: [3_000, 3_100, 3_200, 3_100, 3_000, 2_900],
          actualKw: [2_000, 2_000, 2_500, 2_100, 3_000, 1_700],
        },
      ],
    })
    await login(page, owner.admin, '/delivery/login')
    await page.goto(`/delivery/dispatch-orders?month=${month}`)
    const list = page.getByRole('table', { name: '発動指令' })
    const row = list.getByRole('row').filter({ hasText: orderId })
    await expect(row).toContainText(`${date(15).replaceAll('-', '/')} 17:00–20:00`)
    await expect(row).toContainText('1,000')
    await page.screenshot({ path: 'test-results/c10-list-1280.png', fullPage: true })
    await row.getByRole('link', { name: orderId }).click()
    await expect(page).toHaveURL(/\/delivery\/dispatch-orders\/[0-9a-f-]+$/)
    await expect(page.getByTestId('order-chart').locator('.recharts-line').first()).toBeVisible()
    const slots = page.getByRole('table', { name: 'コマ別のベースラインと実績' })
    await expect(slots.getByRole('row')).toHaveCount(7)
    // Delivered: min(1,000, max(0, baseline − actual)).
    const delivered = ['1,000', '1,000', '700', '1,000', '0', '1,000']
    for (const [i, kw] of delivered.entries()) {
      await expect(
        slots
          .getByRole('row')
          .nth(i + 1)
          .getByRole('cell')
          .last(),
      ).toHaveText(kw)
    }
    await expect(page.getByTestId('order-facts')).toContainText('783 kW')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/c10-order-1280.png', fullPage: true })
    await page.getByRole('button', { name: 'CSV出力' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'Shift_JIS（Excel向け）' }).click()
    expect((await download).suggestedFilename()).toMatch(/^dispatch-order-E2E-\d+_\d{8}\.csv$/)
    await toEnglish(page)
    await page.reload()
    await expect(page.getByRole('table', { name: 'Baseline and actual per slot' })).toBeVisible()
    await page.screenshot({ path: 'test-results/c10-order-en-1280.png', fullPage: true })
  })
})
