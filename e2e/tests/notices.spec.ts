import { expect, expectAccessible, field, login, test } from '../support/fixtures.ts'

test.describe('notices (A30 おしらせ)', () => {
  test('[A30] the operator posts a notice to one participant; its user sees it unread on the portal, reads it, and another participant does not see it', async ({
    page,
    data,
  }) => {
    test.slow()
    const addressed = await data.participant()
    const other = await data.participant()
    const operator = await data.operator()
    const reader = await data.user(addressed.code)
    const outsider = await data.user(other.code)
    const title = `設備点検のおしらせ ${Date.now()}`

    // The operator posts it to the one participant, chosen by its code.
    await login(page, operator, '/delivery/login')
    await page.goto('/delivery/notices')
    await page.getByRole('link', { name: 'おしらせを登録' }).click()
    await expect(page).toHaveURL(/\/delivery\/notices\/new$/)
    await page.getByTestId('notice-category').getByText('重要').click()
    await field(page, '件名').fill(title)
    await field(page, '本文').fill('一行目の本文です。\n二行目の本文です。')
    await page.getByTestId('notice-audience').getByText('指定事業者').click()
    await page.getByTestId('notice-participants').fill(addressed.code)
    await page.getByRole('option', { name: new RegExp(addressed.code) }).click()
    await page.keyboard.press('Escape')
    await page.screenshot({ path: 'test-results/a30-form-1280.png', fullPage: true })
    await page.getByRole('button', { name: '登録する' }).click()
    await expect(page.getByTestId('flash-notice')).toContainText('を登録しました')
    await expect(page.getByTestId('notice-operator')).toContainText(addressed.code)
    await expect(page.getByTestId('notice-operator')).toContainText('0人が既読')
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await expect(page).toHaveURL(/\/delivery\/login/)

    // Its user sees it unread on the delivery portal, opens it and reads it.
    await login(page, reader, '/delivery/login')
    await expect(page).toHaveURL(/\/delivery\/?$/)
    const panel = page.getByTestId('portal-notices')
    const unreadLink = panel.getByRole('link', { name: title })
    await expect(unreadLink).toBeVisible()
    await expect(unreadLink).toHaveClass(/yoryo-unread/)
    await expect(panel.getByTestId('portal-notices-count')).toHaveText(/^未読 \d+件$/)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/a30-portal-1280.png', fullPage: true })
    await unreadLink.click()
    await expect(page).toHaveURL(/\/delivery\/notices\/[0-9a-f-]+$/)
    await expect(page.getByTestId('notice-body')).toHaveText(
      '一行目の本文です。\n二行目の本文です。',
    )
    await expect(page.getByTestId('notice-operator')).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/a30-detail-1280.png', fullPage: true })
    const noticeUrl = page.url()
    await page.getByTestId('notice-back').click()
    const row = page.getByRole('table', { name: 'おしらせ一覧' }).getByRole('link', { name: title })
    await expect(row).toBeVisible()
    await expect(row).not.toHaveClass(/yoryo-unread/)
    await page.screenshot({ path: 'test-results/a30-list-1280.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'test-results/a30-list-390.png', fullPage: true })
    await page.goto('/delivery/')
    await expect(panel.getByTestId('portal-notices-count')).toBeVisible()
    await expect(panel.getByRole('link', { name: title })).toHaveCount(0)
    await page.screenshot({ path: 'test-results/a30-portal-390.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await expect(page).toHaveURL(/\/delivery\/login/)

    // Another participant's user neither lists it nor opens it.
    await login(page, outsider, '/delivery/login')
    await expect(page.getByTestId('portal-notices-count')).toBeVisible()
    await expect(page.getByTestId('portal-notices').getByText(title)).toHaveCount(0)
    await page.goto('/delivery/notices')
    await expect(page.getByRole('table', { name: 'おしらせ一覧' })).toBeVisible()
    await expect(page.getByText(title)).toHaveCount(0)
    await page.goto(noticeUrl)
    await expect(page.getByText('指定されたデータが見つかりません。')).toBeVisible()
  })
})
