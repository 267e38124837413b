import { expect, field, login, menu, test } from '../support/fixtures.ts'

test.describe('unsaved input', () => {
  test('[010] leaving a dirty form through the menu asks first', async ({ page, data }) => {
    await login(page, await data.operator())
    await page.goto('/maintenance-mode')
    await field(page, 'お知らせ文（日本語）').fill('入力途中のお知らせ')
    await menu(page).getByRole('link', { name: 'メッセージ一覧' }).click()
    const dialog = page.getByRole('dialog', { name: '入力内容が保存されていません' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'キャンセル' }).click()
    await expect(page).toHaveURL(/\/maintenance-mode$/)
    await expect(field(page, 'お知らせ文（日本語）')).toHaveValue('入力途中のお知らせ')
    await menu(page).getByRole('link', { name: 'メッセージ一覧' }).click()
    await page.getByRole('button', { name: '破棄して移動' }).click()
    await expect(page).toHaveURL(/\/messages$/)
    // Discarded: the form opens with the saved values again.
    await page.goto('/maintenance-mode')
    await expect(field(page, 'お知らせ文（日本語）')).not.toHaveValue('入力途中のお知らせ')
  })

  test('[010] input survives a session that expired on submit', async ({ page, context, data }) => {
    const operator = await data.operator()
    await login(page, operator)
    await page.goto('/maintenance-mode')
    await field(page, 'お知らせ文（日本語）').fill('再ログイン後も残る入力')
    await context.clearCookies()
    await page.getByRole('button', { name: '設定を保存' }).click()
    await expect(page).toHaveURL(/\/login\?/)
    await expect(page.getByText('E-AUTH-004')).toBeVisible()
    await field(page, '事業者コード').fill(operator.participantCode)
    await field(page, 'ユーザID').fill(operator.userId)
    await field(page, 'パスワード').fill(operator.password)
    await page.getByRole('button', { name: 'ログイン' }).click()
    await expect(page).toHaveURL(/\/maintenance-mode$/)
    await expect(page.getByTestId('draft-restored')).toBeVisible()
    await expect(field(page, 'お知らせ文（日本語）')).toHaveValue('再ログイン後も残る入力')
  })
})
