import { runMonth } from '../support/assessment.ts'
import { expect, expectAccessible, login, logout, test } from '../support/fixtures.ts'

/**
 * The monthly assessment screens (B40, C00, B90) and the omission review (B50). A run assesses
 * every resource with a contract in the month's delivery year, and only a month that has ended
 * can be run: each test takes a past delivery year no other test uses (2020–2023; the demo's
 * year is the current one) and its own participant, contracts and data.
 */

const series = (values: Record<number, number>) =>
  Array.from({ length: 48 }, (_, i) => values[i + 1] ?? 0)

test.describe('assessment (B40 B50 C00 B90)', () => {
  test('[B40] the operator runs a month for the contracted resources; the participant sees its result with the lines and evidence', async ({
    page,
    data,
  }) => {
    test.slow()
    const month = '2020-06'
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2020,
      kind: 'stable',
      area: 'tokyo',
      contractKw: 10_000,
    })
    const resource = contracts[0]!
    // Supply instructions of 8,000 kW in 10:00–11:00 on 6/10; 5,000 kW delivered.
    await data.deliveryData({
      days: [
        {
          resourceId: resource.resourceId,
          date: '2020-06-10',
          series: {
            instructedKw: series({ 21: 8_000, 22: 8_000 }),
            deliveredKw: series({ 21: 5_000, 22: 5_000 }),
          },
        },
      ],
    })

    // The operator runs the month from B40: a confirmation, then the run's progress.
    await login(page, await data.operator(), '/delivery/login')
    await page.goto(`/delivery/assessment-results?month=${month}`)
    await expect(
      page.getByRole('heading', { name: 'アセスメント算定結果', exact: true }),
    ).toBeVisible()
    await page.getByTestId('run-start').click()
    await page.getByRole('dialog').getByRole('button', { name: 'アセスメントを実行' }).click()
    await expect(page.getByText('I-ASMT-053')).toBeVisible()
    await expect(page.getByTestId('run-info')).toHaveAttribute('data-state', 'succeeded', {
      timeout: 60_000,
    })
    const operatorRow = page
      .getByRole('table', { name: '電源等ごとの算定結果' })
      .getByRole('row', { name: new RegExp(resource.resourceCode) })
    await expect(operatorRow).toContainText(participant.code)
    await page.screenshot({ path: 'test-results/b40-operator-1280.png', fullPage: true })
    await logout(page)

    // The participant sees its own result and opens it.
    await login(page, participant.admin, '/delivery/login')
    await page.goto('/delivery/assessment-results')
    await page.getByTestId('month-input').fill(month)
    await page.getByTestId('month-input').press('Enter')
    await expect(page.getByTestId('run-version')).toHaveValue('第1版（確定）')
    const table = page.getByRole('table', { name: '電源等ごとの算定結果' })
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table).toContainText(resource.resourceCode)
    await expect(table).toContainText('10,000')
    await page.getByTestId('assessment-with-penalty').check()
    await page.getByRole('button', { name: '検索' }).click()
    await expect(table.getByRole('row')).toHaveCount(2)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b40-list-1280.png', fullPage: true })

    await table.getByRole('link', { name: resource.resourceCode }).click()
    await expect(page).toHaveURL(/\/delivery\/assessment-results\/[0-9a-f-]+$/)
    const line = page.locator('[data-requirement="supplyInstruction"]')
    await expect(line).toContainText('供給指示')
    const evidence = line.getByTestId('line-evidence')
    await expect(evidence.getByRole('row')).toHaveCount(3)
    await expect(evidence).toContainText('2020/06/10')
    await expect(evidence).toContainText('10:00–10:30')
    await expect(evidence).toContainText('10:30–11:00')
    await expect(evidence).toContainText('3,000')
    const amount = await line.getByTestId('line-amount').innerText()
    await expect(page.getByTestId('amount-total')).toContainText(amount.replace('円', ''))
    await expect(page.getByTestId('assessment-basis')).toContainText('10,000')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b40-detail-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByText('Amount per requirement')).toBeVisible()
    await page.screenshot({ path: 'test-results/b40-detail-en-1280.png', fullPage: true })
  })

  test('[B50] a flagged slot is answered, accepted, and the re-run drops its unplanned-outage amount', async ({
    page,
    data,
  }) => {
    test.slow()
    const month = '2021-06'
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2021,
      kind: 'stable',
      area: 'tokyo',
      contractKw: 10_000,
    })
    const resource = contracts[0]!
    // Instructed and delivered 6,000 kW in 10:00–11:00 on 6/10, metered 3,000 kWh per slot
    // (6,000 kW): 4,000 kW short of the contract with no outage plan → two flagged slots.
    await data.deliveryData({
      days: [
        {
          resourceId: resource.resourceId,
          date: '2021-06-10',
          series: {
            meteredKwh: Array.from({ length: 48 }, (_, i) =>
              i === 20 || i === 21 ? 3_000 : 5_000,
            ),
            instructedKw: series({ 21: 6_000, 22: 6_000 }),
            deliveredKw: series({ 21: 6_000, 22: 6_000 }),
          },
        },
      ],
    })
    await runMonth(data, month)

    // The participant's result has an unplanned-outage line.
    await login(page, participant.admin, '/delivery/login')
    await page.goto(`/delivery/assessment-results?month=${month}`)
    await page
      .getByRole('table', { name: '電源等ごとの算定結果' })
      .getByRole('link', { name: resource.resourceCode })
      .click()
    const unplanned = page.locator('[data-requirement="unplannedOutage"]')
    await expect(unplanned).toContainText('計画外停止')
    await expect(unplanned.getByTestId('line-evidence').getByRole('row')).toHaveCount(3)
    const before = Number((await page.getByTestId('amount-total').innerText()).replace(/\D/g, ''))
    expect(before).toBeGreaterThan(0)

    // It answers both flagged slots at once.
    await page.goto(`/delivery/outage-omissions?month=${month}`)
    const list = page.getByRole('table', { name: '登録漏れの疑いがあるコマ' })
    await expect(list.getByRole('row')).toHaveCount(3)
    await expect(list).toContainText('10:00–10:30')
    await expect(list).toContainText('4,000')
    await expect(list).toContainText('回答待ち')
    await page.getByTestId('omission-select-all').check()
    await expect(page.getByTestId('omission-selected')).toHaveText('2件選択中')
    await page.getByTestId('omission-answer').click()
    const dialog = page.getByTestId('omission-answer-dialog')
    await dialog.getByRole('button', { name: '回答を登録' }).click()
    await expect(dialog.getByText('E-COMMON-007')).toBeVisible()
    await dialog
      .getByLabel(/回答/)
      .fill('系統側の事故により出力を抑えました。計画停止ではありません。')
    await dialog.getByRole('button', { name: '回答を登録' }).click()
    await expect(page.getByText('I-ASMT-050')).toBeVisible()
    await expect(list.getByText('回答済み')).toHaveCount(2)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b50-participant-1280.png', fullPage: true })
    await logout(page)

    // The operator accepts them.
    await login(page, await data.operator(), '/delivery/login')
    await page.goto(`/delivery/outage-omissions?month=${month}&resource=${resource.resourceCode}`)
    await expect(list.getByRole('row')).toHaveCount(3)
    await expect(list).toContainText(participant.code)
    await page.getByTestId('omission-select-all').check()
    await page.getByTestId('omission-accept').click()
    await page.getByRole('dialog').getByRole('button', { name: '承認する' }).click()
    await expect(page.getByText('I-ASMT-051')).toBeVisible()
    await expect(list.getByText('承認')).toHaveCount(2)
    await page.screenshot({ path: 'test-results/b50-operator-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(
      page.getByRole('table', { name: 'Slots with a suspected omission' }).getByText('Accepted'),
    ).toHaveCount(2)
    await page.screenshot({ path: 'test-results/b50-operator-en-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click()

    // Re-run from B40: version 2; the accepted slots leave the unplanned-outage line.
    await page.goto(`/delivery/assessment-results?month=${month}`)
    await page.getByTestId('run-start').click()
    await page.getByRole('dialog').getByRole('button', { name: 'アセスメントを実行' }).click()
    await expect(page.getByTestId('run-info')).toHaveAttribute('data-state', 'succeeded', {
      timeout: 60_000,
    })
    await expect(page.getByTestId('run-version')).toHaveValue('第2版（確定）')
    const rerun = page
      .getByRole('table', { name: '電源等ごとの算定結果' })
      .getByRole('row', { name: new RegExp(resource.resourceCode) })
    await expect(rerun).not.toContainText(before.toLocaleString('en-US'))
    await rerun.getByRole('link', { name: resource.resourceCode }).click()
    await expect(page.getByTestId('assessment-amounts')).toContainText('第2版')
    await expect(page.getByTestId('assessment-lines')).toBeVisible()
    await expect(page.locator('[data-requirement="unplannedOutage"]')).toHaveCount(0)
    const after = Number((await page.getByTestId('amount-total').innerText()).replace(/\D/g, ''))
    expect(after).toBeLessThan(before)
  })

  test('[C00] the participant sees its dispatch order with instructed and delivered kW, ratio and amount', async ({
    page,
    data,
  }) => {
    test.slow()
    const month = '2022-06'
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2022,
      kind: 'dispatchOrder',
      area: 'tokyo',
      contractKw: 10_000,
    })
    const resource = contracts[0]!
    const orderId = `E2E-C00-${Date.now()}`
    // 14:00–17:00 JST on 6/15: 5,000 kW ordered per slot; the baseline 8,000, actual 5,000 then
    // 6,000 → delivered 3,000 × 3 + 2,000 × 3 of 30,000: ratio 50 %.
    await data.deliveryData({
      orders: [
        {
          orderId,
          resourceId: resource.resourceId,
          orderedAt: '2022-06-15T01:00:00Z',
          startAt: '2022-06-15T05:00:00Z',
          instructedKw: 5_000,
          baselineKw: [8_000, 8_000, 8_000, 8_000, 8_000, 8_000],
          actualKw: [5_000, 5_000, 5_000, 6_000, 6_000, 6_000],
        },
      ],
    })
    await runMonth(data, month)

    await login(page, participant.admin, '/delivery/login')
    await page.goto(`/delivery/dispatch-order-results?month=${month}`)
    await expect(
      page.getByRole('heading', { name: '発動指令アセスメント結果', exact: true }),
    ).toBeVisible()
    const table = page.getByRole('table', { name: '発動指令ごとの算定結果' })
    const row = table.getByRole('row', { name: new RegExp(orderId) })
    await expect(row).toContainText('2022/06/15 14:00–17:00')
    await expect(row).toContainText(resource.resourceCode)
    await expect(row).toContainText('30,000')
    await expect(row).toContainText('15,000')
    await expect(row).toContainText('50.00%')
    const amount = await row.getByTestId('order-amount').innerText()
    expect(Number(amount.replace(/\D/g, ''))).toBeGreaterThan(0)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/c00-list-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(page.getByRole('table', { name: 'Results per dispatch order' })).toBeVisible()
    await page.screenshot({ path: 'test-results/c00-list-en-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click()

    // The order ID opens the order (C10) with its baseline and actual per slot.
    await row.getByRole('link', { name: orderId }).click()
    await expect(page).toHaveURL(/\/delivery\/dispatch-orders\/[0-9a-f-]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(orderId)
    const slots = page.getByRole('table', { name: 'コマ別のベースラインと実績' })
    await expect(slots.getByRole('row')).toHaveCount(7)
    await expect(slots).toContainText('14:00–14:30')
    await expect(slots).toContainText('8,000')
    await page.goBack()

    // The row opens the resource's result with the dispatch-order line.
    await table
      .getByRole('row', { name: new RegExp(orderId) })
      .getByText(resource.resourceCode)
      .dblclick()
    await expect(page).toHaveURL(/\/delivery\/assessment-results\/[0-9a-f-]+$/)
    const line = page.locator('[data-requirement="dispatchOrder"]')
    await expect(line).toContainText(orderId)
    await expect(line).toContainText('50.00%')
  })

  test('[B90] the restrained slots of the month are listed as exempt from requirements 2–4', async ({
    page,
    data,
  }) => {
    test.slow()
    const month = '2023-06'
    const participant = await data.participant()
    const { contracts } = await data.contracts(participant.code, {
      state: 'active',
      deliveryYear: 2023,
      kind: 'stable',
      area: 'tokyo',
      contractKw: 10_000,
    })
    const resource = contracts[0]!
    // Restrained 4,000 kW in 12:00–13:00 on 6/20, with an instruction there that was not met:
    // exempt, so no supply-instruction line.
    await data.deliveryData({
      days: [
        {
          resourceId: resource.resourceId,
          date: '2023-06-20',
          series: {
            restrainedKw: series({ 25: 4_000, 26: 4_000 }),
            instructedKw: series({ 25: 8_000, 26: 8_000 }),
            deliveredKw: series({ 25: 6_000, 26: 6_000 }),
          },
        },
      ],
    })
    await runMonth(data, month)

    await login(page, participant.admin, '/delivery/login')
    await page.goto(`/delivery/operation-restraint?month=${month}`)
    const table = page.getByRole('table', { name: '稼働抑制のあったコマ' })
    await expect(table.getByRole('row')).toHaveCount(3)
    await expect(table).toContainText('2023/06/20')
    await expect(table).toContainText('12:00–12:30')
    await expect(table).toContainText('12:30–13:00')
    await expect(table).toContainText('4,000')
    await expect(table.getByText('要件2〜4の対象外')).toHaveCount(2)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/b90-list-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await expect(
      page
        .getByRole('table', { name: 'Restrained slots' })
        .getByText('Exempt from requirements 2–4'),
    ).toHaveCount(2)
    await page.screenshot({ path: 'test-results/b90-list-en-1280.png', fullPage: true })
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click()

    // The result shows no supply-instruction line, and links the exempt slots.
    await page.goto(`/delivery/assessment-results?month=${month}`)
    await page
      .getByRole('table', { name: '電源等ごとの算定結果' })
      .getByRole('link', { name: resource.resourceCode })
      .click()
    await expect(page.getByTestId('assessment-lines')).toContainText(
      'いずれの要件でもペナルティは発生していません。',
    )
    await expect(page.getByText('稼働抑制により要件2〜4の対象外としたコマ：2コマ')).toBeVisible()
  })
})
