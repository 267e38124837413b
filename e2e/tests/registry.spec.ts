import { expect, login, test } from '../support/fixtures.ts'

test.describe('function registry: links and guards', () => {
  test('[020] [A40] a general user’s row links to its rights in the delivery SPA', async ({
    page,
    data,
  }) => {
    const { admin, code } = await data.participant()
    const user = await data.user(code)
    await login(page, admin)
    await page.goto('/users')
    await page.getByRole('button', { name: `${user.userId}の操作` }).click()
    await page.getByRole('menuitem', { name: '権限の設定（A40）' }).click()
    await expect(page).toHaveURL(/\/delivery\/permissions\?user=[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { name: 'ユーザ権限管理', level: 1 })).toBeVisible()
  })

  test('[010] a pending task links to the function that acts on it', async ({ page, data }) => {
    const user = await data.user((await data.participant()).code, { passwordAgeDays: 85 })
    await login(page, user)
    const tasks = page.getByTestId('portal-tasks-table')
    await tasks.getByTestId('portal-function-link').first().click()
    await expect(page).toHaveURL(/\/password$/)
  })

  test('[030] a general user without the right gets 403 on the screen, as from the API', async ({
    page,
    data,
  }) => {
    const user = await data.user((await data.participant()).code)
    await login(page, user)
    await page.goto('/participant')
    await expect(page.getByTestId('error-403')).toBeVisible()
  })
})
