import { endSessionIn, expect, expectAccessible, field, login, test } from '../support/fixtures.ts'

/**
 * The session-expiry warning of the logged-in shell: five minutes before the idle timeout (30
 * minutes without a request) a dialog offers to extend the session, and input on a form
 * survives a session that ended anyway. The browser's clock is Playwright's (`page.clock`):
 * no test waits minutes. The server's end of the session is brought near through the
 * test-support route (`endSessionIn`).
 */
test.describe('[010] session expiry', () => {
  const warningName = 'まもなくログインの有効期限が切れます'

  test('[010] five minutes before the session ends a warning offers to extend it; extending keeps the screen and its input', async ({
    page,
    data,
  }) => {
    await page.clock.install()
    await login(page, await data.operator())
    await page.goto('/maintenance-mode')
    await field(page, 'お知らせ文（日本語）').fill('延長しても残る入力')

    // 25 and a half minutes without a request.
    await page.clock.fastForward('25:30')
    const warning = page.getByRole('dialog', { name: warningName })
    await expect(warning).toBeVisible()
    await expect(warning).toContainText('あと5分でログインの有効期限が切れます')
    await expectAccessible(page)
    await warning.getByRole('button', { name: '延長する' }).click()
    await expect(warning).toBeHidden()
    await expect(page).toHaveURL(/\/maintenance-mode$/)
    await expect(field(page, 'お知らせ文（日本語）')).toHaveValue('延長しても残る入力')

    // Extended: another 25 and a half minutes later the warning comes again, not before.
    await page.clock.fastForward('20:00')
    await expect(warning).toBeHidden()
    await page.clock.fastForward('05:30')
    await expect(warning).toBeVisible()
  })

  test('[010] a session that ends on a dirty form: warned, then ended; after the re-login the input is back', async ({
    page,
    data,
  }) => {
    const operator = await data.operator()
    await page.clock.install()
    await login(page, operator)
    await page.goto('/maintenance-mode')
    await field(page, 'お知らせ文（日本語）').fill('再ログイン後も残る入力')

    await page.clock.fastForward('25:30')
    const warning = page.getByRole('dialog', { name: warningName })
    await expect(warning).toBeVisible()
    // No answer: the idle timeout ends the session on the server, and the warning goes.
    await endSessionIn(page, 0)
    await page.clock.fastForward('05:00')
    await expect(warning).toBeHidden()

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
